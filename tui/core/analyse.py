"""The analysis pipeline: text -> paragraphs -> entities -> quotes -> one frozen Article."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.entities import EntityIndex
from tui.core.model import Article
from tui.core.quotes import extract_quotes
from tui.core.structure import split_paragraphs

Progress = Callable[[str, float], None]


def analyse(text: str, source: str = "-", progress: Progress | None = None) -> Article:
    """Analyse one article's text. ``progress(stage, fraction)`` is called for long texts."""
    report = progress or (lambda stage, fraction: None)
    paragraphs = split_paragraphs(text)
    report("paragraphs", 0.1)
    index = EntityIndex.build(paragraphs)
    report("entities", 0.5)
    drafts = extract_quotes(paragraphs, index)
    report("quotes", 0.9)
    entities, quotes = index.freeze(drafts)
    title = next((p.text for p in paragraphs if p.kind == "title"), "")
    report("done", 1.0)
    return Article(source=source, title=title, paragraphs=tuple(paragraphs),
                   entities=tuple(entities), quotes=tuple(quotes))
