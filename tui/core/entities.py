"""Entities: find people, organisations, places and groups, and merge each one's aliases.

STUB API (the contract the quote module relies on); the engine work (issue 2) fills it in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import Entity, EntityKind, Paragraph, Quote, Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text and the entity (by internal key) it refers to."""

    span: Span
    key: int
    surface: str


@dataclass(frozen=True, slots=True)
class QuoteDraft:
    """A quote as the quote module finds it, before entity ids are final."""

    spans: tuple[Span, ...]
    text: str
    speaker_key: int | None
    cue: str | None


class EntityIndex:
    """Mutable during analysis; ``freeze`` turns it into Entity records with stable ids."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._mentions: dict[int, list[Mention]] = {}

    @classmethod
    def build(cls, paragraphs: Sequence[Paragraph]) -> "EntityIndex":
        return cls(paragraphs)

    def mentions_in(self, paragraph: int) -> list[Mention]:
        """Mentions in one paragraph, sorted by start."""
        return self._mentions.get(paragraph, [])

    def entity_at(self, span: Span) -> int | None:
        """Key of the entity whose mention overlaps ``span``, if any."""
        for m in self.mentions_in(span.paragraph):
            if m.span.start < span.end and span.start < m.span.end:
                return m.key
        return None

    def add_person(self, span: Span) -> int:
        """Register a person name found by quote attribution (merged with a known alias if any)."""
        raise NotImplementedError

    def kind(self, key: int) -> EntityKind:
        raise NotImplementedError

    def gender(self, key: int) -> str | None:
        """'m' or 'f' when the text says (Mr., Ms., Mrs.), else None."""
        return None

    def is_credit(self, key: int) -> bool:
        return False

    def freeze(self, drafts: Sequence[QuoteDraft]) -> tuple[list[Entity], list[Quote]]:
        quotes = [Quote(f"q{i}", d.text, None, None, d.cue, d.spans) for i, d in enumerate(drafts, 1)]
        return [], quotes
