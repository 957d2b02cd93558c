"""The bundled seed article against its hand-made gold annotation (loaded, never copied here)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tui.core.analyse import analyse
from tui.core.model import Article

DATA = Path(__file__).parent / "data"
GOLD = json.loads((DATA / "000_199993240065e76f.json").read_text(encoding="utf-8"))


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace(".", "")


def bare(form: str) -> str:
    for honorific in ("mr ", "ms ", "mrs ", "dr "):
        if form.startswith(honorific):
            return form[len(honorific):]
    return form


@pytest.fixture(scope="module")
def article() -> Article:
    return analyse((DATA / GOLD["article"]).read_text(encoding="utf-8"), GOLD["article"])


def entity_forms(article: Article, entity_id: str) -> set[str]:
    entity = article.entity(entity_id)
    assert entity is not None
    forms = {fold(n) for n in (entity.name, *entity.aliases)}
    return forms | {bare(f) for f in forms}


def gold_forms(person: dict) -> set[str]:
    forms = {fold(n) for n in (person["name"], *person["aliases"])}
    return forms | {bare(f) for f in forms}


def test_every_gold_quote_is_found_with_its_speaker(article: Article) -> None:
    people = {p["name"]: p for p in GOLD["people"]}
    for gold in GOLD["quotes"]:
        found = [q for q in article.quotes
                 if q.spans[0].paragraph == gold["paragraph"] and fold(q.text) == fold(gold["text"])]
        assert found, gold
        quote = found[0]
        assert quote.speaker_id is not None, gold
        assert entity_forms(article, quote.speaker_id) & gold_forms(people[gold["speaker"]]), (gold, quote)


def test_no_quote_beyond_the_gold(article: Article) -> None:
    assert len(article.quotes) == len(GOLD["quotes"])


def test_every_gold_person_is_one_entity_and_no_person_is_invented(article: Article) -> None:
    predicted = [e for e in article.entities if e.kind == "person"]
    for gold in GOLD["people"]:
        forms = gold_forms(gold)
        matches = [e for e in predicted if entity_forms(article, e.id) & forms]
        assert len(matches) == 1, (gold["name"], [e.name for e in matches])
        assert matches[0].credit == gold.get("credit", False), gold["name"]
    for entity in predicted:
        covering = [g for g in GOLD["people"] if entity_forms(article, entity.id) & gold_forms(g)]
        assert len(covering) == 1, (entity.name, [g["name"] for g in covering])


def test_gold_paragraph_numbering_and_last_block(article: Article) -> None:
    assert max(q["paragraph"] for q in GOLD["quotes"]) < len(article.paragraphs)
    assert article.paragraphs[-1].kind == "boilerplate"
    assert article.paragraphs[0].kind == "title"
