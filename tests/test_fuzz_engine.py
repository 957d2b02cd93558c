"""Hostile and random text through the engine: whatever comes in, the Article keeps its contract.

Profiles: "ci" (default, ~200 examples a test) and "long" (10,000; `make fuzz`, or
HYPOTHESIS_PROFILE=long). They are applied per test here so other test files keep their own.
"""

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.core.analyse import analyse
from tui.core.model import ENTITY_KINDS, PARAGRAPH_KINDS, Article
from tui.core.structure import split_paragraphs

_RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=_RELAXED)
settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=_RELAXED)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e",
               "\u201a", "\u2039", "\u203a", "\u300c", "\u300d", "\u300e", "\u300f", "\u301d",
               "\u301e", "\uff02", "``", "''"]
NAMES = ["John Smith", "Mr. Smith", "Smith", "Ms. Maria L\u00f3pez-Garc\u00eda", "Dr. Ng",
         "President Biden", "the State Department", "Secretary of State Antony J. Blinken",
         "Mr. Blinken", "O'Brien", "Jean-Luc Picard", "\u0645\u062d\u0645\u062f", "\u05d3\u05d5\u05d3",
         "\u738b\u5c0f\u660e", "A", "Mr.", "Van der Berg", "McDonald", "\U0001F600 Smiley"]
CUES = ["said", "says", "told reporters", "added", "according to", "asked", "wrote", "noted",
        "said on Tuesday", "said in a statement", "she said", "he said", "they said"]
NOISE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u0301", "\u0308\u0308\u0308",
         "\u202e", "\u202d", "\u2066", "\u2069", "\x00", "\x1b[31m", "\x07", "\r", "\r\n", "\t",
         "\u00a0", "\u2028", "\u2029", "\U0001F1FA\U0001F1F8", "\U0001F469\u200d\U0001F4BB",
         "\ufffd", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645",
         "...", "\u2026", "\u2014", " - ", "(", ")", "[", "]"]
WORDS = ["the", "a", "We", "will", "rebuild", "it", "is", "important", "never", "Monday",
         "Mexico", "City", "U.S.", "Inc.", "No.", "1", "2024", ",", ".", "?", "!", ":", ";"]
BREAKS = [" ", " ", " ", "\n", "\n\n", "\n \n", "\n\n\n"]

piece = st.one_of(st.sampled_from(QUOTE_MARKS), st.sampled_from(NAMES), st.sampled_from(CUES),
                  st.sampled_from(NOISE), st.sampled_from(WORDS), st.sampled_from(BREAKS))
quote_soup = st.lists(piece, max_size=120).map("".join)


@st.composite
def article_like(draw) -> str:
    """Paragraphs that look like news: a title, then quotes with speakers, some left open."""
    paragraphs = [draw(st.sampled_from(["Headline About Things", "A Title", ""]))]
    for _ in range(draw(st.integers(0, 12))):
        words = " ".join(draw(st.lists(st.sampled_from(WORDS + NAMES), min_size=1, max_size=15)))
        opener, closer = draw(st.sampled_from([("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"),
                                               ("\u00ab", "\u00bb"), ("\u201c", ""), ("", "\u201d")]))
        speaker = draw(st.sampled_from(NAMES))
        cue = draw(st.sampled_from(CUES))
        shape = draw(st.integers(0, 3))
        if shape == 0:
            paragraphs.append(f"{opener}{words},{closer} {speaker} {cue}.")
        elif shape == 1:
            paragraphs.append(f"{speaker} {cue}, {opener}{words}.{closer}")
        elif shape == 2:
            paragraphs.append(f"{opener}{words}")  # a quote running on into the next paragraph
        else:
            paragraphs.append(f"{words} {draw(st.sampled_from(NOISE))} {words}")
    separator = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\r\r", "\n \t\n", "\n\n\n"]))
    return separator.join(paragraphs)


huge_paragraph = st.tuples(st.sampled_from(["word ", "\u201c", "\u201d ", "Mr. Smith said ", "\u200b",
                                            "\u0301", "a\u202eb ", "\U0001F600"]),
                           st.integers(1_000, 20_000)).map(lambda pair: pair[0] * pair[1])


def check_contract(text: str, article: Article) -> None:
    """Every promise the model makes to the views and exports."""
    assert list(article.paragraphs) == split_paragraphs(text)
    for position, paragraph in enumerate(article.paragraphs):
        assert paragraph.index == position
        assert paragraph.kind in PARAGRAPH_KINDS

    def valid(span) -> bool:
        return (0 <= span.paragraph < len(article.paragraphs)
                and 0 <= span.start < span.end <= len(article.paragraphs[span.paragraph].text))

    ids = [entity.id for entity in article.entities]
    assert len(ids) == len(set(ids))
    for entity in article.entities:
        assert entity.kind in ENTITY_KINDS
        assert entity.name
        for mention in entity.mentions:
            assert valid(mention), (entity, mention)

    assert len({q.id for q in article.quotes}) == len(article.quotes)
    all_spans = []
    for quote in article.quotes:
        assert quote.spans
        for span in quote.spans:
            assert valid(span), (quote, span)
            all_spans.append(span)
        joined = "\n\n".join(article.paragraphs[s.paragraph].text[s.start:s.end] for s in quote.spans)
        assert quote.text == joined, quote
        assert (quote.speaker_id is None) == (quote.speaker is None), quote
        if quote.speaker_id is not None:
            speaker = article.entity(quote.speaker_id)
            assert speaker is not None, quote
            assert speaker.name == quote.speaker, (quote, speaker)
    all_spans.sort()
    for before, after in zip(all_spans, all_spans[1:]):
        assert before.paragraph != after.paragraph or before.end <= after.start, (before, after)


def analyse_and_check(text: str) -> None:
    article = analyse(text, "fuzz")
    check_contract(text, article)
    assert analyse(text, "fuzz") == article  # same input, same output


@PROFILE
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), max_size=3000))
@example("")
@example("\x00\x00")
@example("\u201c")
@example("\u201d\u201c\n\n\u201c\u201c\u201d")
def test_arbitrary_unicode(text):
    analyse_and_check(text)


@PROFILE
@given(quote_soup)
@example('""""""""')
@example("\u201cOpen \u2018nested \u201cdeep\u201d\u2019 never closed, Mr. Smith said.")
@example("\u201cA,\u201d said \u201cB,\u201d said John Smith \u201cC\u201d")
def test_quotation_marks_in_any_balance(text):
    analyse_and_check(text)


@PROFILE
@given(article_like())
def test_article_shaped_text(text):
    analyse_and_check(text)


@settings(PROFILE, max_examples=max(20, PROFILE.max_examples // 100))
@given(huge_paragraph)
def test_huge_paragraphs(text):
    analyse_and_check(text)


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    """Set or dict-of-set iteration must not leak into ids or order: two processes with different
    string hashing must export byte-identical JSON."""
    root = Path(__file__).resolve().parent.parent
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("\n\n".join([
        "Smith and Jones Meet \u201cAgain\u201d",
        "\u201cWe agree,\u201d said John Smith. \u201cMostly,\u201d said Mary Jones.",
        "Mr. Smith, Ms. Jones and Dr. Ng said \u2018yes\u2019 to \u00abthe plan\u00bb, Ng added.",
        "\u201cUnclosed, said Smith \u201cnested \u2018deep\u201d Jones said\u2019.",
    ]) + "\n", encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-m", "tui", "--export", "json", str(hostile),
                                 *map(str, sorted((root / "seeds").glob("*.txt")))],
                                capture_output=True, env=env, cwd=root, timeout=120)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
