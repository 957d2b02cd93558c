"""Exports of the analysis: JSON (schema version 1), Markdown briefing, CSV of quotes.

STUB: the CLI/export work fills this in.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.model import Article

FORMATS = ("json", "markdown", "csv")


def render(articles: Sequence[Article], fmt: str) -> str:
    """The whole export as one string."""
    raise NotImplementedError


def write_atomic(path: str, content: str, protected: Sequence[str] = ()) -> None:
    """Write through a temporary file and a rename; refuse to overwrite any ``protected`` path."""
    raise NotImplementedError
