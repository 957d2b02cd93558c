"""Reading article files and standard input into text, with one-line errors for bad input.

STUB: the CLI/loader work fills this in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceText:
    """An article's text as read, before analysis. ``source`` is the path as given, or '-'."""

    source: str
    text: str
    warnings: tuple[str, ...] = ()


class InputError(Exception):
    """A file that cannot be read as an article; str(error) is the one-line message for stderr."""


def load(source: str) -> SourceText:
    from pathlib import Path

    return SourceText(source, Path(source).read_text(encoding="utf-8"))
