"""The one search box that filters all three panes, and the status line that counts what is left."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static


PLACEHOLDER = "/ search text, people and quotes"


class SearchBar(Horizontal):
    """A compact Input (the query) and a status line on its right."""

    # shown in the key bar while the box has focus (the screen's own Esc binding is hidden there)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.clear", "Clear", id="search.clear", key_display="Esc"),
    ]

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
        """Show ``status``; unchanged text costs nothing (a new width means a new layout)."""
        content = status if isinstance(status, Content) else Content(status)
        widget = self.query_one("#search-status", Static)
        current = widget.visual
        if not (isinstance(current, Content) and current.is_same(content)):
            widget.update(content)
