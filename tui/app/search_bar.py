"""The one search box that filters all three panes, and the status line that counts what is left."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, Static


PLACEHOLDER = "/ search text, people and quotes"


class SearchInput(Input):
    """The query box. Input sets its scrollable width on every keystroke through a reactive
    that asks for a layout of the whole screen; the box's own size never depends on what is
    typed, so the width is set quietly and only the box is repainted (a keystroke's echo is
    not held up by a layout pass).

    It also knows whether what was typed is on screen yet: work queued with ``after_echo``
    waits for that frame, so a search's results never delay the echo of a key."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.echo_pending = False
        self._after_echo: list[Callable[[], object]] = []

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        if not self.echo_pending and self.is_mounted:
            self.echo_pending = True
            self.call_after_refresh(self._echoed)
        super()._watch_value(value)

    def after_echo(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the value typed is on screen (now, if it already is)."""
        if self.echo_pending:
            self._after_echo.append(callback)
        else:
            callback()

    def _echoed(self) -> None:
        self.echo_pending = False
        waiting, self._after_echo = self._after_echo, []
        for callback in waiting:
            callback()
        if waiting:
            # show what they did now rather than at the next tick of the screen's frame timer,
            # up to 1/60 s away: the results come right after the echo, not a frame later
            paint = getattr(self.screen, "_on_timer_update", None)
            if paint is not None and self.screen.is_current:
                paint()


class SearchBar(Horizontal):
    """A compact Input (the query) and a status line on its right."""

    # shown in the key bar while the box has focus (the screen's own Esc binding is hidden there)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.clear", "Clear", id="search.clear", key_display="Esc"),
    ]

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=PLACEHOLDER, id="search-input", compact=True, select_on_focus=False)
        yield Static(id="search-status", markup=False)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    def after_echo(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the query as typed is on screen (at once if it already is)."""
        box = self.input
        if isinstance(box, SearchInput):
            box.after_echo(callback)
        else:
            callback()

    @property
    def query_text(self) -> str:
        return self.input.value

    def set_status(self, status: Content | str) -> None:
        """Show ``status``; unchanged text costs nothing (a new width means a new layout)."""
        content = status if isinstance(status, Content) else Content(status)
        widget = self.query_one("#search-status", Static)
        current = widget.visual
        if not (isinstance(current, Content) and current.is_same(content)):
            # the status is as wide as its text: a layout pass only when that width changes
            same_width = isinstance(current, Content) and current.cell_length == content.cell_length
            widget.update(content, layout=not same_width)
