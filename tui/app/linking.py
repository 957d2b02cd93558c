"""How the three panes point at each other, as plain functions of the Article (no widgets), so
the rules - which quotes a filter leaves, who comes next, what sits under a click - are easy to
test and the screen only wires them to keys."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from tui.core.model import Article, Entity, Quote, Span

if TYPE_CHECKING:
    from tui.core.search import Hit, SearchResult

T = TypeVar("T")


def per_article(compute: Callable[[Article], T]) -> Callable[[Article], T]:
    """``compute(article)``, kept for the last article it was asked about. The analysis worker
    asks first, so the UI thread finds a 4 MB article's answer ready; a search keystroke asks
    again and pays nothing. Safe to call from the worker and the UI thread at once."""
    lock = threading.Lock()
    last: list[tuple[Article, T]] = []

    @wraps(compute)
    def cached(article: Article) -> T:
        with lock:
            if last and last[0][0] is article:
                return last[0][1]
        value = compute(article)
        with lock:
            last[:] = [(article, value)]
        return value

    return cached


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


_WITHIN_PARAGRAPH = attrgetter("start", "end")  # tuples compare in C; Span.__lt__ is Python


@per_article
def article_marks(article: Article) -> tuple[list[Span], list[Span]]:
    """Every entity mention and every quote span, in reading order, for the text's subtle marks
    (~100,000 spans at 4 MB: 0.3 s the UI thread would otherwise block for)."""
    return (_in_reading_order(span for entity in article.entities for span in entity.mentions),
            _in_reading_order(span for quote in article.quotes for span in quote.spans))


def _in_reading_order(spans: Iterable[Span]) -> list[Span]:
    """Sorted by paragraph, then place, ties kept in order. Bucketed by paragraph rather than one
    sort of 100,000 spans: that sort runs in C without letting the UI thread in for ~50 ms (this
    runs in a worker); the loop here yields to it every few milliseconds."""
    by_paragraph: dict[int, list[Span]] = {}
    for span in spans:
        bucket = by_paragraph.get(span.paragraph)
        if bucket is None:
            by_paragraph[span.paragraph] = [span]
        else:
            bucket.append(span)
    ordered: list[Span] = []
    for paragraph in sorted(by_paragraph):
        ordered.extend(sorted(by_paragraph[paragraph], key=_WITHIN_PARAGRAPH))
    return ordered


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
        f"{len(result.paragraphs):,}/{len(article.paragraphs):,} paragraphs",
        f"{quotes_left:,} {'quote' if quotes_left == 1 else 'quotes'}",
    ]
    for kind, (one, many) in KIND_NAMES.items():
        if counts[kind] or kind == "person":
            parts.append(f"{counts[kind]:,} {one if counts[kind] == 1 else many}")
    return " · ".join(parts)


@per_article
def widest_search_summary(article: Article) -> str:
    """The longest ``search_summary`` this article can have (every count at its total): the
    status line keeps this much room, so no count typed changes its width."""
    totals = dict.fromkeys(KIND_NAMES, 0)
    for entity in article.entities:
        if entity.kind in totals:
            totals[entity.kind] += 1
    paragraphs, quotes = len(article.paragraphs), len(article.quotes)
    parts = [f"{paragraphs:,}/{paragraphs:,} paragraphs", f"{max(quotes, 2):,} quotes"]  # plural: wider
    for kind, (_, many) in KIND_NAMES.items():
        if totals[kind] or kind == "person":
            parts.append(f"{max(totals[kind], 2):,} {many}")
    return " · ".join(parts)


@per_article
def _entity_kinds(article: Article) -> dict[str, str]:
    """Entity id -> kind (the status line asks on every keystroke)."""
    return {entity.id: entity.kind for entity in article.entities}


@per_article
def _quote_places(article: Article) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Quote id -> its place(s) in the article, and speaker id -> the places of their quotes."""
    position: dict[str, list[int]] = {}
    by_speaker: dict[str, list[int]] = {}
    for number, quote in enumerate(article.quotes):
        position.setdefault(quote.id, []).append(number)
        if quote.speaker_id is not None:
            by_speaker.setdefault(quote.speaker_id, []).append(number)
    return position, by_speaker
