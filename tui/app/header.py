"""The header: the article's title and source, what the analysis found, and where the reader is
among several articles. Built from Content, never markup, because every part of it can come from
the article or its file name.

One widget drawing its two lines itself: each widget costs style matching, layout and a render
at start-up (the header used to be eight of them), and a progress update now repaints two lines
instead of laying out five widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from tui.app.display import one_line, plain, plain_line
from tui.app.documents import Document

if TYPE_CHECKING:
    from rich.style import Style as RichStyle

SOURCE_SHARE = 50  # percent of the line the source may take; less on a narrow screen
NARROW_SOURCE_SHARE = 40
EMPTY = Content("")


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"


def counts_line(document: Document) -> Content:
    """'19 people · 12 quotes · 39 paragraphs', or the analysis progress while it runs."""
    article = document.article
    paragraphs = plural(len(article.paragraphs), "paragraph")
    if not document.complete:  # a long text's first screenfuls; the rest is being split
        paragraphs = f"{len(article.paragraphs):,}+ paragraphs"
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
    """Two lines: the title, cut with an ellipsis, and '1/3' on the right when several articles
    are open; then the source (at most half the line, 40% on a narrow screen, cut with an
    ellipsis), the counts or the analysis progress, and the warnings in what is left."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # the parts, uncut (the tests and anything else that wants the words read them here)
        self.title_part = EMPTY
        self.position_part = EMPTY
        self.source_part = EMPTY
        self.counts_part = EMPTY
        self.warnings_part = EMPTY

    def show(self, document: Document, position: int, total: int) -> None:
        """Fill in everything for ``document``, the ``position``-th (from 1) of ``total``."""
        title = document.article.title or document.label
        self.title_part = plain_line(title, "bold")
        self.position_part = Content(f" {position}/{total}").stylize("bold $text-accent") if total > 1 else EMPTY
        source = document.source.source
        self.source_part = plain_line(source if source != "-" else "stdin", "$text-muted")
        self.counts_part = Content("· ").stylize("$text-muted") + counts_line(document)
        warnings = document.all_warnings
        self.warnings_part = plain_line("  ⚠ " + "; ".join(warnings), "$text-warning") if warnings else EMPTY
        self.refresh()  # the same two lines: a repaint, never a layout

    @property
    def text(self) -> str:
        """Everything the header says, uncut, as plain text: the title line, then the other."""
        return (self.title_part + self.position_part).plain + "\n" + (
            self.source_part + Content(" ") + self.counts_part + self.warnings_part).plain

    def render_line(self, y: int) -> Strip:
        """Line 0: title and position; line 1: source, counts and warnings. The gaps between the
        parts are background only, as the empty part of a widget is."""
        width = self.size.width
        if y == 0:
            position = self.position_part
            room = max(0, width - position.cell_length)
            title = self.title_part.truncate(room, ellipsis=True)
            parts = [(title, room), (position, position.cell_length)]
        elif y == 1:
            share = NARROW_SOURCE_SHARE if self.screen.has_class("-narrow") else SOURCE_SHARE
            source_cells = min(self.source_part.cell_length, width * share // 100)
            source = self.source_part.truncate(source_cells, ellipsis=True)
            counts = self.counts_part
            room = width - source_cells - 1 - counts.cell_length  # 1: the space before the counts
            warnings = self.warnings_part.truncate(room, ellipsis=True) if room > 0 else EMPTY
            parts = [(source, source_cells), (EMPTY, 1), (counts, counts.cell_length),
                     (warnings, warnings.cell_length)]
        else:
            return Strip.blank(width, self._blank_style())
        blank = self._blank_style()
        strips = []
        for content, cells in parts:
            if content:
                strips.extend(Visual.to_strips(self, content, content.cell_length, 1, self.visual_style))
            if cells > content.cell_length:
                strips.append(Strip.blank(cells - content.cell_length, blank))
        return Strip.join(strips).crop(0, width)

    def _blank_style(self) -> RichStyle:
        base, background = self.background_colors
        return Style(background=base + background).rich_style
