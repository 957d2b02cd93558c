"""How the three panes point at each other, as plain functions of the Article (no widgets), so
the rules - which quotes a filter leaves, who comes next, what sits under a click - are easy to
test and the screen only wires them to keys."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from tui.core.model import Article, Entity, Quote, Span

if TYPE_CHECKING:
    from tui.core.search import Hit, SearchResult


def speakers_in_order(article: Article) -> list[str]:
    """Speaker ids in the order of their first quote (the order of '}' and '{')."""
    seen: dict[str, None] = {}
    for quote in article.quotes:
        if quote.speaker_id and quote.speaker_id not in seen:
            seen[quote.speaker_id] = None
    return list(seen)


def next_speaker(article: Article, current: str | None, direction: int) -> str | None:
    """The speaker after (1) or before (-1) ``current``; the first or last if none is chosen.
    Stays on the first/last speaker at the ends."""
    speakers = speakers_in_order(article)
    if not speakers:
        return None
    if current not in speakers:
        return speakers[0] if direction > 0 else speakers[-1]
    index = speakers.index(current) + direction
    return speakers[max(0, min(len(speakers) - 1, index))]


def filters_quotes(entity: Entity | None) -> bool:
    """Choosing a person filters the quote list; an organisation or place only highlights."""
    return entity is not None and entity.kind == "person"


def visible_quotes(
    article: Article,
    *,
    speaker_id: str | None = None,
    search: SearchResult | None = None,
) -> list[Quote]:
    """The quotes the quote list shows, in reading order: only the chosen speaker's, and during
    a search only those matched by their words or by their speaker's name."""
    if search is not None:
        # from the hits, not by a pass over every quote: a search keystroke costs what it finds
        position, by_speaker = _quote_places(article)
        found = {number for hit in search.quotes for number in position.get(str(hit.key), ())}
        for hit in search.entities:
            found.update(by_speaker.get(str(hit.key), ()))
        quotes = article.quotes
        listed = [quotes[number] for number in sorted(found)]
        if speaker_id is not None:
            listed = [q for q in listed if q.speaker_id == speaker_id]
        return listed
    if speaker_id is not None:
        return [q for q in article.quotes if q.speaker_id == speaker_id]
    return list(article.quotes)


def hits_by_key(hits: Sequence[Hit]) -> dict[str, Hit]:
    return {str(hit.key): hit for hit in hits}


def quote_at(article: Article, paragraph: int, offset: int) -> Quote | None:
    """The quote whose text covers this character, if any."""
    for quote in article.quotes:
        if any(_covers(span, paragraph, offset) for span in quote.spans):
            return quote
    return None


def entity_at(article: Article, paragraph: int, offset: int) -> Entity | None:
    """The entity named at this character, if any."""
    for entity in article.entities:
        if any(_covers(span, paragraph, offset) for span in entity.mentions):
            return entity
    return None


def _covers(span: Span, paragraph: int, offset: int) -> bool:
    return span.paragraph == paragraph and span.start <= offset < span.end


_SPAN_ORDER = attrgetter("paragraph", "start", "end")  # tuples compare in C; Span.__lt__ is Python
_MARKS: tuple[Article, list[Span], list[Span]] | None = None
_MARKS_LOCK = threading.Lock()


def article_marks(article: Article) -> tuple[list[Span], list[Span]]:
    """Every entity mention and every quote span, in reading order, for the text's subtle marks.

    Kept for the last article: the analysis worker calls it first, so the UI thread finds the
    ~100,000 spans of a 4 MB article already sorted (0.3 s it would otherwise block for)."""
    global _MARKS
    with _MARKS_LOCK:
        if _MARKS is not None and _MARKS[0] is article:
            return _MARKS[1], _MARKS[2]
    mentions = sorted((span for entity in article.entities for span in entity.mentions), key=_SPAN_ORDER)
    quotes = sorted((span for quote in article.quotes for span in quote.spans), key=_SPAN_ORDER)
    with _MARKS_LOCK:
        _MARKS = (article, mentions, quotes)
    return mentions, quotes


KIND_NAMES = {
    "person": ("person", "people"),
    "organization": ("organisation", "organisations"),
    "place": ("place", "places"),
    "group": ("group", "groups"),
}


def search_summary(article: Article, result: SearchResult, quotes_left: int) -> str:
    """What a search leaves in each pane: '4/39 paragraphs · 2 quotes · 1 person · 1 place'.
    People are always counted; other kinds only when something of that kind matched."""
    kinds = _entity_kinds(article)
    counts = dict.fromkeys(KIND_NAMES, 0)
    for hit in result.entities:
        kind = kinds.get(str(hit.key))
        if kind in counts:
            counts[kind] += 1
    parts = [
        f"{len(result.paragraphs)}/{len(article.paragraphs)} paragraphs",
        f"{quotes_left} {'quote' if quotes_left == 1 else 'quotes'}",
    ]
    for kind, (one, many) in KIND_NAMES.items():
        if counts[kind] or kind == "person":
            parts.append(f"{counts[kind]} {one if counts[kind] == 1 else many}")
    return " · ".join(parts)


_KINDS: tuple[Article, dict[str, str]] | None = None


def _entity_kinds(article: Article) -> dict[str, str]:
    """Entity id -> kind, kept for the last article (the status line asks on every keystroke)."""
    global _KINDS
    if _KINDS is None or _KINDS[0] is not article:
        _KINDS = (article, {entity.id: entity.kind for entity in article.entities})
    return _KINDS[1]


_QUOTE_PLACES: tuple[Article, dict[str, list[int]], dict[str, list[int]]] | None = None


def _quote_places(article: Article) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Quote id -> its place(s) in the article, and speaker id -> the places of their quotes,
    kept for the last article."""
    global _QUOTE_PLACES
    if _QUOTE_PLACES is None or _QUOTE_PLACES[0] is not article:
        position: dict[str, list[int]] = {}
        by_speaker: dict[str, list[int]] = {}
        for number, quote in enumerate(article.quotes):
            position.setdefault(quote.id, []).append(number)
            if quote.speaker_id is not None:
                by_speaker.setdefault(quote.speaker_id, []).append(number)
        _QUOTE_PLACES = (article, position, by_speaker)
    return _QUOTE_PLACES[1], _QUOTE_PLACES[2]
