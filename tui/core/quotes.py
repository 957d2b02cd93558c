"""Quotations: find quoted words and attribute each to a speaker.

STUB: to be replaced by the engine work (issue 2).
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.entities import EntityIndex, QuoteDraft
from tui.core.model import Paragraph


def extract_quotes(paragraphs: Sequence[Paragraph], index: EntityIndex) -> list[QuoteDraft]:
    return []
