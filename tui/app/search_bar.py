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


class SearchBar(Horizontal):
    """A compact Input (the query) and a status line on its right."""

    # shown in the key bar while the box has focus (the screen's own Esc binding is hidden there)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "screen.clear", "Clear", id="search.clear", key_display="Esc"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._status_room = 0  # the widest status since the last clear, in cells
        self._reserved = 0  # room kept for the status whatever it shows (reserve_status)

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

    def set_status(self, status: Content | str, *, keep_width: bool = False) -> None:
        """Show ``status``; unchanged text costs nothing. With ``keep_width`` (the counts while
        typing) the status keeps the widest width it has had, text right-aligned, so a count
        that loses a digit costs no layout pass of the whole screen, only one that gains one."""
        content = status if isinstance(status, Content) else Content(status)
        widget = self.query_one("#search-status", Static)
        current = widget.visual
        if isinstance(current, Content) and current.is_same(content):
            return
        width = content.cell_length
        room = max(self._status_room, self._reserved)
        if (keep_width or self._reserved) and width <= room:
            widget.update(content, layout=False)
            return
        self._status_room = width if keep_width else 0
        self._fit_status(max(self._status_room, self._reserved))
        widget.update(content, layout=True)

    def reserve_status(self, width: int) -> None:
        """Keep ``width`` cells for the status (0: no longer), whatever it shows. The reader
        sets the widest counts its article can have, so no search keystroke widens the status
        (each widening is a layout pass of the whole screen)."""
        if width != self._reserved:
            self._reserved = width
            self._fit_status(max(self._status_room, width))

    def _fit_status(self, room: int) -> None:
        widget = self.query_one("#search-status", Static)
        widget.styles.min_width = room + widget.styles.padding.width if room else None
