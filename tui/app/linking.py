"""How the three panes point at each other, as plain functions of the Article (no widgets), so
the rules - which quotes a filter leaves, who comes next, what sits under a click - are easy to
test and the screen only wires them to keys."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    quotes: Iterable[Quote] = article.quotes
    if speaker_id is not None:
        quotes = (q for q in quotes if q.speaker_id == speaker_id)
    if search is not None:
        matched = {hit.key for hit in search.quotes}
        speakers = {hit.key for hit in search.entities}
        quotes = (q for q in quotes if q.id in matched or (q.speaker_id is not None and q.speaker_id in speakers))
    return list(quotes)


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


def all_mentions(article: Article) -> list[Span]:
    return sorted(span for entity in article.entities for span in entity.mentions)


def all_quote_spans(article: Article) -> list[Span]:
    return sorted(span for quote in article.quotes for span in quote.spans)


KIND_NAMES = {
    "person": ("person", "people"),
    "organization": ("organisation", "organisations"),
    "place": ("place", "places"),
    "group": ("group", "groups"),
}


def search_summary(article: Article, result: SearchResult, quotes_left: int) -> str:
    """What a search leaves in each pane: '4/39 paragraphs · 2 quotes · 1 person · 1 place'.
    People are always counted; other kinds only when something of that kind matched."""
    kinds = {entity.id: entity.kind for entity in article.entities}
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
