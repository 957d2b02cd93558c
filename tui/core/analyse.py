"""The analysis pipeline: text -> paragraphs -> quotation marks -> entities -> speakers -> Article.

Quotation marks are found before names so that capitalised words inside a quote ("Politicians
without principles") are never taken for speakers, and names are found before attribution so
that a whole name is one unit when reading "..., Mr. López Obrador said".
"""

from __future__ import annotations

from collections.abc import Callable

from tui.core.entities import EntityIndex
from tui.core.gc_pause import paused_gc
from tui.core.model import Article
from tui.core.quote_marks import find_quotes
from tui.core.quotes import extract_quotes
from tui.core.structure import split_paragraphs

Progress = Callable[[str, float], None]


def _silent(stage: str, fraction: float) -> None:
    return None


def analyse(text: str, source: str = "-", progress: Progress | None = None) -> Article:
    """Analyse one article's text. ``progress(stage, fraction)`` is called for long texts.

    An exception raised by ``progress`` propagates: the UI uses that to cancel a long analysis.
    """
    report = progress or _silent
    # the analysis makes many small objects and no cycles: pausing the collector saves a third
    with paused_gc():
        return _analyse(text, source, report, progress)


def _analyse(text: str, source: str, report: Progress, progress: Progress | None) -> Article:
    paragraphs = split_paragraphs(text)
    report("paragraphs", 0.1)
    raw_quotes = find_quotes(paragraphs)
    report("quotation marks", 0.2)
    index = EntityIndex.build(paragraphs, raw_quotes, progress)
    report("entities", 0.6)
    drafts = extract_quotes(paragraphs, raw_quotes, index, progress)
    report("quotes", 0.95)
    entities, quotes = index.freeze(drafts)
    title = next((p.text for p in paragraphs if p.kind == "title"), "")
    report("done", 1.0)
    return Article(source=source, title=title, paragraphs=tuple(paragraphs),
                   entities=tuple(entities), quotes=tuple(quotes))
