"""The header: the article's title and source, what the analysis found, and where the reader is
among several articles. Built from Content, never markup, because every part of it can come from
the article or its file name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui.app.display import one_line, plain, plain_line
from tui.app.documents import Document


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def counts_line(document: Document) -> Content:
    """'19 people · 12 quotes · 39 paragraphs', or the analysis progress while it runs."""
    article = document.article
    paragraphs = plural(len(article.paragraphs), "paragraph")
    if not document.complete:  # a long text's first screenfuls; the rest is being split
        paragraphs = f"{len(article.paragraphs)}+ paragraphs"
    if document.failed:
        return Content.assemble(
            (f"{paragraphs} · ", "$text-muted"),
            plain(f"analysis failed: {one_line(document.failed)}", "$text-error"),
        )
    if not document.analysed:
        stage = f" ({document.stage})" if document.stage else ""
        percent = int(round(document.fraction * 100))
        return Content.assemble(
            (f"{paragraphs} · ", "$text-muted"),
            (f"analysing… {percent}%{stage}", "$text-warning"),
        )
    # Every named person counts, photo credits and contributors included (they are people too).
    people = sum(1 for entity in article.entities if entity.kind == "person")
    return Content(
        f"{plural(people, 'person', 'people')} · {plural(len(article.quotes), 'quote')} · {paragraphs}"
    ).stylize("$text-muted")


class ArticleHeader(Widget):
    """Two lines: title (and '1/3' when several articles are open); source, counts and warnings."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-top"):
            yield Static(id="header-title", markup=False)
            yield Static(id="header-position", markup=False)
        with Horizontal(id="header-bottom"):
            yield Static(id="header-source", markup=False)
            yield Static(id="header-counts", markup=False)
            yield Static(id="header-warnings", markup=False)

    def show(self, document: Document, position: int, total: int) -> None:
        """Fill in everything for ``document``, the ``position``-th (from 1) of ``total``."""
        title = document.article.title or document.label
        self.query_one("#header-title", Static).update(plain_line(title, "bold"))
        self.query_one("#header-position", Static).update(
            Content(f" {position}/{total}").stylize("bold $text-accent") if total > 1 else Content("")
        )
        self.query_one("#header-source", Static).update(plain_line(document.source.source if document.source.source != "-" else "stdin", "$text-muted"))
        self.query_one("#header-counts", Static).update(Content("· ").stylize("$text-muted") + counts_line(document))
        warnings = document.all_warnings
        warning_line = plain_line("  ⚠ " + "; ".join(warnings), "$text-warning") if warnings else Content("")
        self.query_one("#header-warnings", Static).update(warning_line)
        self.query_one("#header-warnings").display = bool(warnings)
