"""The one search box that filters all three panes, and the status line that counts what is left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from tui.app.header import plural

PLACEHOLDER = "/ search text, people and quotes"


def status_text(
    paragraphs: int, total_paragraphs: int, quotes: int, people: int, others: int
) -> Content:
    """'4/39 paragraphs · 2 quotes · 1 person' - what a search leaves in each pane."""
    parts = [f"{paragraphs}/{total_paragraphs} paragraphs", plural(quotes, "quote"), plural(people, "person", "people")]
    if others:
        parts.append(plural(others, "other entity", "other entities"))
    return Content(" · ".join(parts))


class SearchBar(Horizontal):
    """A compact Input (the query) and a status line on its right."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="search-input", compact=True, select_on_focus=False)
        yield Static(id="search-status", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def query_text(self) -> str:
        return self.input.value

    def set_status(self, status: Content | str) -> None:
        self.query_one("#search-status", Static).update(
            status if isinstance(status, Content) else Content(status)
        )
