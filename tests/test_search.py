"""SearchIndex: folding, typo tolerance, strictness on short words, ranking, spans, cancellation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Article, Entity, Paragraph, Quote, Span
from tui.core.search import Hit, SearchIndex, SearchResult, fold
from tui.core.structure import split_paragraphs
from tui.resources import default_article

TEXTS = [
    "Leaders Meet in Mexico City",
    "President Andrés Manuel López Obrador met Secretary Antony Blinken on Tuesday.",
    "“We will fight fentanyl together,” Mr. Blinken said.",
    "Mr. Lopez Obrador said the talks were “productive.”",
    "Straße and ÆON and İstanbul are folded; the ﬁnal word is ligatured.",
    "A paragraph about the weather, with nothing else of note.",
]


def make_article(texts: list[str] = TEXTS, entities: tuple[Entity, ...] = (),
                 quotes: tuple[Quote, ...] = ()) -> Article:
    paragraphs = tuple(Paragraph(i, "title" if i == 0 else "body", t) for i, t in enumerate(texts))
    return Article("test", texts[0], paragraphs, entities, quotes)


def search(query: str, article: Article | None = None) -> SearchResult:
    result = SearchIndex.build(article or make_article()).search(query)
    assert result is not None
    return result


def matched_text(article: Article, hit: Hit) -> list[str]:
    text = article.paragraphs[int(hit.key)].text
    return [text[start:end] for start, end in hit.spans]


def test_accents_and_case_fold_both_ways() -> None:
    article = make_article()
    for query in ("lopez obrador", "LÓPEZ OBRADOR", "López"):
        result = search(query, article)
        assert result.paragraph_indices() == [1, 3]
    assert matched_text(article, search("lopez obrador", article).paragraphs[0]) == ["López", "Obrador"]
    assert search("andres", article).paragraph_indices() == [1]


def test_spans_point_at_the_original_characters_after_length_changing_folds() -> None:
    article = make_article()
    hit = search("strasse", article).paragraphs[0]
    assert matched_text(article, hit) == ["Straße"]
    hit = search("final", article).paragraphs[0]
    assert matched_text(article, hit) == ["ﬁnal"]
    assert matched_text(article, search("istanbul", article).paragraphs[0]) == ["İstanbul"]
    folded = fold("İstanbul Straße")
    assert folded.to_original(0, len(folded.text)) == (0, len("İstanbul Straße"))


def test_typos_are_tolerated() -> None:
    article = make_article()
    assert search("blinkin", article).paragraph_indices() == [1, 2]
    assert search("fentanil", article).paragraph_indices() == [2]
    assert matched_text(article, search("fentanil", article).paragraphs[0]) == ["fentanyl"]
    assert search("blinki", article).paragraph_indices() == [1, 2]  # a typo while still typing


def test_short_queries_do_not_return_everything() -> None:
    article = make_article()
    assert search("m", article).paragraph_indices() == []  # one letter: whole words only
    assert search("mr", article).paragraph_indices() == [2, 3]
    assert search("xq", article).paragraph_indices() == []
    assert search("tha", article).paragraph_indices() == []  # no fuzzy match under 4 letters
    seed = SearchIndex.build(Article("seed", "", tuple(split_paragraphs(default_article().read_text("utf-8")))))
    total = len(split_paragraphs(default_article().read_text("utf-8")))
    for query in ("ab", "qz", "xyz", "said"):
        result = seed.search(query)
        assert result is not None and len(result.paragraphs) < total / 2, query


def test_words_are_anded_and_ranked_exact_before_fuzzy() -> None:
    article = make_article(["Title", "The Blinkin Report.", "Blinken spoke.", "Blinkens everywhere."])
    result = search("blinken", article)
    assert [hit.key for hit in result.paragraphs] == [2, 3, 1]  # exact, prefix, typo
    assert result.paragraphs[0].score > result.paragraphs[1].score > result.paragraphs[2].score
    assert search("blinken spoke", article).paragraph_indices() == [2]
    assert search("blinken absent", article).paragraph_indices() == []


def test_empty_query_means_no_filtering() -> None:
    result = search("   ")
    assert not result.filters and result.paragraphs == () and result.query == ""
    assert search("blinken").filters


def test_digits_never_match_fuzzily() -> None:
    article = make_article(["T", "In 2023 it rose.", "In 2024 it fell."])
    assert search("2024", article).paragraph_indices() == [2]


def test_cancellation_returns_none_and_partials_come_best_first() -> None:
    texts = ["Title"] + [f"Paragraph {i} mentions fentanyl {'twice fentanyl' if i % 7 == 0 else ''}."
                         for i in range(1, 2001)] + ["Exactly fentanil here."]
    index = SearchIndex.build(make_article(texts))
    assert index.search("fentanyl", cancelled=lambda: True) is None
    calls = 0

    def cancel_after_first_chunk() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    assert index.search("fentanyl", cancelled=cancel_after_first_chunk) is None
    partials: list[SearchResult] = []
    final = index.search("fentanil", on_partial=partials.append)
    assert final is not None and final.complete and len(final.paragraphs) == 2001
    assert partials and not partials[0].complete
    assert 0 < len(partials[0].paragraphs) < len(final.paragraphs)
    assert partials[0].paragraphs[0].key == 2001  # the exact match is ranked first
    assert final.paragraph_spans()[0] == Span(2001, 8, 16)
    assert Span(1, 21, 29) in final.paragraph_spans()


def test_entities_match_by_any_alias() -> None:
    entities = (
        Entity("e1", "person", "Andrés Manuel López Obrador", aliases=("AMLO", "Mr. López Obrador")),
        Entity("e2", "person", "Antony J. Blinken", aliases=("Mr. Blinken",)),
        Entity("e3", "place", "Mexico City"),
    )
    article = make_article(entities=entities)
    result = search("amlo", article)
    assert [hit.key for hit in result.entities] == ["e1"]
    assert result.entities[0].spans == ()  # the alias is not part of the name
    hit = search("lopez", article).entities[0]
    assert hit.key == "e1" and [entities[0].name[s:e] for s, e in hit.spans] == ["López"]
    assert [hit.key for hit in search("blinkin", article).entities] == ["e2"]
    assert search("mexico", article).entities[0].key == "e3"


def test_quotes_match_by_words_or_by_speaker() -> None:
    entities = (Entity("e2", "person", "Antony J. Blinken", aliases=("Mr. Blinken",)),)
    quotes = (
        Quote("q1", "We will fight fentanyl together,", "e2", "Antony J. Blinken", "said",
              (Span(2, 1, 33),)),
        Quote("q2", "productive.", None, None, None, (Span(3, 44, 55),)),
    )
    article = make_article(entities=entities, quotes=quotes)
    by_words = search("fight together", article).quotes
    assert [hit.key for hit in by_words] == ["q1"]
    assert [quotes[0].text[s:e] for s, e in by_words[0].spans] == ["fight", "together"]
    by_speaker = search("blinken", article).quotes
    assert [hit.key for hit in by_speaker] == ["q1"] and by_speaker[0].spans == ()
    assert [hit.key for hit in search("blinken fentanyl", article).quotes] == ["q1"]
    assert [hit.key for hit in search("productiv", article).quotes] == ["q2"]


def test_entities_and_quotes_are_indexed_once_whoever_asks_first() -> None:
    """The reader fills its panes before the index of names is complete (``complete`` runs
    after, in the analysis thread); a search typed meanwhile builds it or waits for it."""
    from concurrent.futures import ThreadPoolExecutor

    entities = (Entity("e2", "person", "Antony J. Blinken", aliases=("Mr. Blinken",)),)
    quotes = (Quote("q1", "We will fight fentanyl together,", "e2", "Antony J. Blinken", "said",
                    (Span(2, 1, 33),)),)
    article = make_article(entities=entities, quotes=quotes)

    def keys(index: SearchIndex) -> tuple[list[str | int], list[str | int]]:
        result = index.search("blinkin")
        assert result is not None
        return [hit.key for hit in result.entities], [hit.key for hit in result.quotes]

    completed = SearchIndex.build(article)
    completed.complete()
    assert keys(completed) == (["e2"], ["q1"])
    assert keys(SearchIndex.build(article)) == (["e2"], ["q1"])  # built on the first search
    racing = SearchIndex.build(article)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: keys(racing), range(8)))
    assert answers == [(["e2"], ["q1"])] * 8


def test_a_long_index_build_can_pause_between_chunks(monkeypatch) -> None:
    """The reader's index worker waits there while the user types; the index is the same."""
    from tui.core import search as search_module

    texts = [f"Paragraph {n} about fentanyl and the harbour." for n in range(1234)]
    monkeypatch.setattr(search_module, "_LAST_PARAGRAPH_INDEX", None)  # no index to reuse
    pauses: list[int] = []
    paused = SearchIndex.build(make_article(texts), pause=lambda: pauses.append(1))
    assert len(pauses) == 4  # before each chunk of 500 paragraphs, and before the vocabulary
    monkeypatch.setattr(search_module, "_LAST_PARAGRAPH_INDEX", None)
    plain = SearchIndex.build(make_article(texts))
    assert plain._paragraphs is not paused._paragraphs
    for query in ("fentanil", "paragraph 1000", "harbour"):
        assert paused.search(query) == plain.search(query)


def test_wait_while_typing_sleeps_until_typing_has_paused(monkeypatch) -> None:
    from time import monotonic

    from tui.app import pacing

    monkeypatch.setattr(pacing, "TYPING_PAUSE", 0.1)
    start = monotonic()
    pacing.wait_while_typing()
    assert monotonic() - start < 0.05  # nobody typed: no wait
    pacing.typed()
    pacing.wait_while_typing()
    assert monotonic() - start >= 0.1


def test_index_works_before_analysis_and_on_the_seed() -> None:
    text = default_article().read_text("utf-8")
    article = Article("seed", "", tuple(split_paragraphs(text)))
    index = SearchIndex.build(article)
    result = index.search("lopez obrador")
    assert result is not None and result.paragraphs
    for hit in result.paragraphs:
        shown = [article.paragraphs[int(hit.key)].text[s:e].casefold() for s, e in hit.spans]
        assert set(shown) <= {"lópez", "lopez", "obrador"}


FOLDABLE = st.text(alphabet=st.sampled_from(list("aZé É\u0301ßİıﬁŁø’“—.-x ")), max_size=40)


@settings(max_examples=400, deadline=None)
@given(text=FOLDABLE)
def test_folded_words_map_back_to_original_text_that_folds_the_same(text: str) -> None:
    folded = fold(text)
    for match in re.finditer(r"\w+", folded.text):
        start, end = folded.to_original(*match.span())
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]).text == match.group()


def test_combining_marks_are_highlighted_with_their_letter() -> None:
    text = "Jose\u0301 said"  # José with a combining acute accent
    article = make_article(["T", text])
    hit = search("jose", article).paragraphs[0]
    assert hit.spans == ((0, 5),)


def test_paused_gc_turns_the_collector_back_on_after_the_last_block_in_any_thread() -> None:
    import gc
    import threading

    from tui.core.gc_pause import paused_gc

    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()
    states: list[bool] = []

    def other() -> None:
        with paused_gc():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    frozen_before = gc.get_freeze_count()
    try:
        with paused_gc(freeze=True):
            thread.start()
            assert inside.wait(5)
            states.append(gc.isenabled())
        states.append(gc.isenabled())  # the other thread's block still runs
        kept = [[n] for n in range(1000)]  # made while paused
        leave.set()
        thread.join(5)
        states.append(gc.isenabled())
        assert states == [False, False, True]
        assert gc.get_freeze_count() > frozen_before  # frozen when the last block ended
        assert len(kept) == 1000
        # an index build pauses and freezes the same way, and leaves the collector on
        SearchIndex.build(make_article())
        assert gc.isenabled()
    finally:
        leave.set()
        gc.unfreeze()
        gc.enable()


def test_a_held_collector_stays_off_across_blocks_until_released() -> None:
    """The reader's start-up holds the collector off from the Textual import to the first paint;
    index builds meanwhile pause it too, and none of them turns it back on early."""
    import gc

    from tui.core.gc_pause import hold_collector

    assert gc.isenabled()
    try:
        release = hold_collector()
        assert not gc.isenabled()
        SearchIndex.build(make_article())  # a paused block of its own, inside the hold
        assert not gc.isenabled()
        release()
        assert gc.isenabled()
        release()  # twice: nothing more happens
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
