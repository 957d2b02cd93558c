"""The article model every view and export reads: frozen, plain data, no behaviour beyond lookups.

Offsets are always into ``Paragraph.text`` (the paragraph exactly as written), so any view can
highlight ``paragraph.text[span.start:span.end]`` without re-finding anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["title", "body", "caption", "credit", "contributors", "byline", "boilerplate"]
EntityKind = Literal["person", "organization", "place", "group"]

PARAGRAPH_KINDS: tuple[ParagraphKind, ...] = (
    "title", "body", "caption", "credit", "contributors", "byline", "boilerplate",
)
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organization", "place", "group")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` inside one paragraph's text."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article, with the role it plays (headline, caption, boilerplate, ...)."""

    index: int
    kind: ParagraphKind
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, named by its fullest form, with every place the text names it.

    ``credit`` marks people who appear only as photo credits, bylines or contributors: they are
    people, but never speakers.
    """

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    mentions: tuple[Span, ...] = ()
    credit: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: the quoted words (without marks), who said them, and where they are.

    A quote over several paragraphs has one span per paragraph; ``text`` joins them with a blank
    line. ``speaker_id``/``speaker`` are None when nobody can be named (a scare quote, a title).
    """

    id: str
    text: str
    speaker_id: str | None
    speaker: str | None
    cue: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """Everything the reader knows about one article."""

    source: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None

    def quotes_by(self, entity_id: str) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.speaker_id == entity_id)

    @property
    def people(self) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == "person" and not e.credit)
