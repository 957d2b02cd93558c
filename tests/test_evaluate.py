"""The held-out gold annotations are consistent, and the scorer in bench/evaluate.py is right.

The scorer is tested on hand-built Articles, independently of the engine: a wrong scorer would
send the engine work in the wrong direction without anybody noticing.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tui.core.model import Article, Entity, Paragraph, Quote, Span

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_evaluate", ROOT / "bench" / "evaluate.py")
ev = importlib.util.module_from_spec(_spec)
sys.modules["bench_evaluate"] = ev
_spec.loader.exec_module(ev)

GOLD_FILES = ev.default_gold_files()


# ------------------------------------------------------------------ the gold files


def _paragraphs(raw: str) -> list[str]:
    """The gold's paragraph numbering: blank-line blocks, or lines when there is no blank line."""
    import re

    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b.strip() for b in re.split(r"\n[ \t\u00a0]*\n", text) if b.strip()]
    if len(blocks) <= 1:
        blocks = [line.strip() for line in text.split("\n") if line.strip()]
    return blocks


def _load(gold_path: Path) -> tuple[dict, str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return gold, ev.gold_article_path(gold_path, gold).read_bytes().decode("utf-8")


def test_there_are_enough_held_out_articles():
    articles = sorted((ROOT / "tests" / "data" / "articles").glob("*.json"))
    assert len(articles) >= 12
    total_quotes = sum(len(json.loads(p.read_text(encoding="utf-8"))["quotes"]) for p in articles)
    assert total_quotes >= 150


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_quotes_occur_in_their_paragraphs(gold_path: Path):
    gold, raw = _load(gold_path)
    paragraphs = _paragraphs(raw)
    assert gold["quotes"], "a gold file without quotes scores nothing"
    for quote in gold["quotes"]:
        parts = quote["text"].split("\n\n")
        first = quote["paragraph"]
        assert 0 <= first and first + len(parts) <= len(paragraphs), quote
        for offset, part in enumerate(parts):
            assert part and part in paragraphs[first + offset], (first + offset, part)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_speakers_are_listed_and_never_credits(gold_path: Path):
    gold, _ = _load(gold_path)
    people = {p["name"]: p for p in gold["people"]}
    orgs = {o["name"] if isinstance(o, dict) else o for o in gold["organizations"]}
    assert len(people) == len(gold["people"]), "duplicate person names"
    for quote in gold["quotes"]:
        speaker = quote["speaker"]
        assert speaker is None or speaker in people or speaker in orgs, speaker
        assert speaker not in people or not people[speaker].get("credit"), speaker


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_aliases_occur_in_the_article(gold_path: Path):
    gold, raw = _load(gold_path)
    for person in gold["people"]:
        assert person["aliases"], person["name"]
        for alias in person["aliases"]:
            assert alias in raw, (person["name"], alias)
    for org in gold["organizations"]:
        for alias in org.get("aliases", [org["name"]]) if isinstance(org, dict) else [org]:
            assert alias in raw, alias
    for place in gold["places"]:
        assert place in raw, place


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_no_two_gold_people_share_an_alias(gold_path: Path):
    """Otherwise the scorer could not tell them apart (a shared surname is not listed alone)."""
    gold, _ = _load(gold_path)
    seen: dict[str, str] = {}
    for person, forms in zip(gold["people"], ev.gold_people_forms(gold)):
        for form in forms:
            assert seen.setdefault(form, person["name"]) == person["name"], form


def test_gold_paragraph_count_matches_the_numbering_used_here():
    for gold_path in GOLD_FILES:
        _, raw = _load(gold_path)
        assert ev.gold_paragraph_count(raw) == len(_paragraphs(raw))


def test_the_set_covers_special_file_formats():
    raws = [_load(p)[1] for p in GOLD_FILES]
    assert any(r.startswith("\ufeff") and "\r\n" in r for r in raws)
    assert any("\n\n" not in r.replace("\r\n", "\n") for r in raws)


# ------------------------------------------------------------------ the scorer


def _article(paragraphs: list[str], entities=(), quotes=()) -> Article:
    paras = tuple(Paragraph(i, "title" if i == 0 else "body", t) for i, t in enumerate(paragraphs))
    return Article("test", paragraphs[0], paras, tuple(entities), tuple(quotes))


def _quote(qid: str, paragraph: int, text: str, speaker: Entity | None) -> Quote:
    return Quote(qid, text, speaker.id if speaker else None, speaker.name if speaker else None,
                 "said" if speaker else None, (Span(paragraph, 0, len(text)),))


NUNEZ = Entity("e1", "person", "Dolores Núñez", ("Dolores Núñez", "Ms. Nunez"))
KESSLER = Entity("e2", "person", "Gregory Kessler", ("Gregory Kessler", "Mr. Kessler"))
GOLD = {
    "quotes": [
        {"paragraph": 1, "speaker": "Dolores Núñez", "text": "We are not going back,"},
        {"paragraph": 2, "speaker": "Gregory Kessler", "text": "It accumulated."},
        {"paragraph": 2, "speaker": None, "text": "fix the basics"},
    ],
    "people": [
        {"name": "Dolores Núñez", "aliases": ["Dolores Núñez", "Ms. Núñez", "Ms. Nunez"]},
        {"name": "Gregory Kessler", "aliases": ["Gregory Kessler", "Mr. Kessler"]},
        {"name": "Ana Reyes", "aliases": ["Ana Reyes"], "credit": True},
    ],
    "organizations": [{"name": "City Council", "aliases": ["City Council", "the council"]}],
}
PARAS = ["Title", "“We are not going back,” Ms. Nunez said.",
         "“It accumulated.” Mr. Kessler said, on a “fix the basics” tour.", "Ana Reyes contributed."]


def test_perfect_prediction_scores_one_everywhere():
    reyes = Entity("e3", "person", "Ana Reyes", ("Ana Reyes",), credit=True)
    quotes = [_quote("q1", 1, "We are not going back,", NUNEZ),
              _quote("q2", 2, "It accumulated.", KESSLER), _quote("q3", 2, "fix the basics", None)]
    score = ev.score_article(_article(PARAS, [NUNEZ, KESSLER, reyes], quotes), GOLD)
    assert (score.precision, score.recall, score.f1, score.speaker_accuracy) == (1, 1, 1, 1)
    assert (score.people_precision, score.people_recall) == (1, 1)
    assert (score.split, score.merged, score.false_people) == (0, 0, 0)


def test_empty_prediction_scores_zero_and_lists_misses():
    score = ev.score_article(_article(PARAS), GOLD)
    assert (score.pred_quotes, score.gold_quotes, score.matched) == (0, 3, 0)
    assert score.f1 == 0 and score.people_recall == 0
    assert len(score.missed) == 3 and len(score.missed_people) == 3


def test_quote_matching_ignores_marks_punctuation_case_and_accents():
    quotes = [_quote("q1", 1, "we are NOT going back", NUNEZ),
              _quote("q2", 2, "“It accumulated”", KESSLER)]
    score = ev.score_article(_article(PARAS, [NUNEZ, KESSLER], quotes), GOLD)
    assert score.matched == 2 and score.speaker_ok == 2


def test_quote_in_another_paragraph_does_not_match():
    score = ev.score_article(_article(PARAS, [NUNEZ], [_quote("q1", 2, "We are not going back,",
                                                              NUNEZ)]), GOLD)
    assert score.matched == 0 and score.false_quotes and score.precision == 0


def test_a_short_fragment_of_a_long_quote_does_not_match():
    gold = {"quotes": [{"paragraph": 1, "speaker": None,
                        "text": "This is a long quotation with many words in it, really"}],
            "people": []}
    score = ev.score_article(_article(["t", "x"], [], [_quote("q", 1, "many words", None)]), gold)
    assert score.matched == 0


def test_matching_is_one_to_one():
    quotes = [_quote("q1", 1, "We are not going back,", NUNEZ),
              _quote("q2", 1, "We are not going back", NUNEZ)]
    score = ev.score_article(_article(PARAS, [NUNEZ], quotes), GOLD)
    assert score.matched == 1 and score.pred_quotes == 2 and score.precision == 0.5


def test_wrong_and_missing_speakers_are_counted():
    quotes = [_quote("q1", 1, "We are not going back,", KESSLER),
              _quote("q2", 2, "It accumulated.", None),
              _quote("q3", 2, "fix the basics", NUNEZ)]
    score = ev.score_article(_article(PARAS, [NUNEZ, KESSLER], quotes), GOLD)
    assert score.matched == 3 and score.speaker_ok == 0 and len(score.wrong_speaker) == 3


def test_speaker_matches_through_any_alias_accent_folded():
    bare = Entity("e9", "person", "Nunez", ("Nunez",))
    score = ev.score_article(_article(PARAS, [bare], [_quote("q", 1, "We are not going back,",
                                                              bare)]), GOLD)
    assert score.speaker_ok == 1


def test_organisation_speakers_match_through_their_aliases():
    gold = {"quotes": [{"paragraph": 1, "speaker": "City Council", "text": "We will vote."}],
            "people": [], "organizations": GOLD["organizations"]}
    council = Entity("o1", "organization", "the council")
    score = ev.score_article(_article(["t", "x"], [council], [_quote("q", 1, "We will vote.",
                                                                     council)]), gold)
    assert score.speaker_ok == 1


def test_split_merged_and_false_people():
    half1 = Entity("a", "person", "Dolores", ("Ms. Núñez",))
    half2 = Entity("b", "person", "Dolores Núñez")
    both = Entity("c", "person", "Kessler Reyes", ("Gregory Kessler", "Ana Reyes"))
    ghost = Entity("d", "person", "Blinken Travels")
    place = Entity("p", "place", "Baltimore")
    score = ev.score_article(_article(PARAS, [half1, half2, both, ghost, place]), GOLD)
    assert score.pred_people == 4  # places are not people
    assert (score.split, score.merged, score.false_people) == (1, 1, 1)
    assert score.false_people_names == ["Blinken Travels"]
    assert score.people_recall == 1 and score.people_precision == 0.75


def test_totals_are_micro_averages():
    a = ev.Score("a", gold_quotes=10, pred_quotes=10, matched=10, speaker_ok=10)
    b = ev.Score("b", gold_quotes=30, pred_quotes=10, matched=0)
    t = ev.total([a, b])
    assert (t.gold_quotes, t.matched, t.recall, t.precision) == (40, 10, 0.25, 0.5)
    assert t.speaker_accuracy == 1


def test_command_line_runs_the_engine_on_gold_files(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text("\n\n".join(PARAS), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({**GOLD, "article": "a.txt"}), encoding="utf-8")
    seen = []

    def fake_analyse(text: str, source: str = "-", progress=None) -> Article:
        seen.append(text)
        return _article(PARAS, [NUNEZ], [_quote("q1", 1, "We are not going back,", NUNEZ)])

    import tui.core.analyse

    monkeypatch.setattr(tui.core.analyse, "analyse", fake_analyse)
    assert ev.main([str(tmp_path / "a.json"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert seen == ["\n\n".join(PARAS)]
    assert out["total"]["matched"] == 1 and out["total"]["gold_quotes"] == 3
    assert out["total"]["speaker_accuracy"] == 1.0
    assert ev.main([str(tmp_path / "a.json"), "--verbose"]) == 0
    text = capsys.readouterr().out
    assert "missed quote: p2" in text and "TOTAL" in text


def test_an_engine_crash_is_reported_not_fatal(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("\n\n".join(PARAS), encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({**GOLD, "article": "a.txt"}), encoding="utf-8")

    def broken(text: str, source: str = "-", progress=None) -> Article:
        raise ValueError("boom")

    import tui.core.analyse

    monkeypatch.setattr(tui.core.analyse, "analyse", broken)
    score = ev.evaluate_file(tmp_path / "a.json")
    assert score.error == "ValueError: boom" and score.gold_quotes == 3 and score.recall == 0


MONROES = {
    "quotes": [{"paragraph": 1, "speaker": "Darnell Monroe", "text": "Fewer stops."}],
    "people": [{"name": "Keisha Monroe", "aliases": ["Keisha Monroe", "Ms. Monroe"]},
               {"name": "Darnell Monroe", "aliases": ["Darnell Monroe", "Mr. Monroe"]},
               {"name": "Gregory Kessler", "aliases": ["Gregory Kessler", "Mr. Kessler"]}],
}


def test_people_sharing_a_surname_stay_apart_in_scoring():
    keisha = Entity("k", "person", "Keisha Monroe", ("Keisha Monroe", "Ms. Monroe"))
    darnell = Entity("d", "person", "Darnell Monroe", ("Darnell Monroe", "Mr Monroe"))
    wrong = ev.score_article(_article(["t", "x"], [keisha, darnell],
                                      [_quote("q", 1, "Fewer stops.", keisha)]), MONROES)
    right = ev.score_article(_article(["t", "x"], [keisha, darnell],
                                      [_quote("q", 1, "Fewer stops.", darnell)]), MONROES)
    assert wrong.speaker_ok == 0 and right.speaker_ok == 1
    assert right.merged == 0 and right.split == 0 and right.people_true == 2


def test_a_bare_surname_matches_only_when_no_other_person_has_it():
    kessler = Entity("k", "person", "Kessler")
    monroe = Entity("m", "person", "Monroe")
    score = ev.score_article(_article(["t", "x"], [kessler, monroe]), MONROES)
    assert score.people_found == 1 and score.false_people_names == ["Monroe"]


def test_a_loose_alias_on_a_correctly_named_entity_is_not_a_split():
    gold = {"quotes": [], "people": [
        {"name": "Walter H. Carrington III", "aliases": ["Walter H. Carrington III", "Mr. Carrington"]},
        {"name": "Walter Carrington Jr.", "aliases": ["Walter Carrington Jr."]}]}
    third = Entity("a", "person", "Walter H. Carrington III", ("Mr. Carrington",))
    junior = Entity("b", "person", "Walter Carrington Jr.", ("Carrington",))
    score = ev.score_article(_article(["t", "x"], [third, junior]), gold)
    assert (score.split, score.merged, score.people_found, score.people_true) == (0, 0, 2, 2)


def test_an_alias_naming_another_gold_person_in_full_is_a_merge():
    pugh = Entity("a", "person", "Gareth Pugh", ("Gareth Pugh", "Dafydd Pugh"))
    gold = {"quotes": [], "people": [{"name": "Gareth Pugh", "aliases": ["Gareth Pugh"]},
                                     {"name": "Dafydd Pugh", "aliases": ["Dafydd Pugh", "Mr Pugh"]}]}
    score = ev.score_article(_article(["t", "x"], [pugh]), gold)
    assert score.merged == 1 and score.people_found == 2


def test_name_forms_ignore_periods_a_leading_the_and_possessives():
    assert ev.name_form("The F.A.A.") == ev.name_form("FAA") == "faa"
    assert ev.name_form("Mr. Haddad’s") == ev.name_form("mr haddad")
    assert ev.name_form("Núñez") == "nunez"
