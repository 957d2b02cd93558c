"""The key bar at the bottom: the keys that work in the focused pane, on one line.

A single widget drawing Content, instead of Textual's Footer (one widget per key, recomposed on
every focus change: most of the cost of a Tab and a good part of the first paint). Grouped keys
read ``g/G Top/End``; what does not fit is left off whole (never cut mid-word), keeping ``? Help``;
a click on a key presses it."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen

KEEP = {"help", "app.quit"}  # binding ids kept when the line is too short for everything


class KeyItem(NamedTuple):
    key: str  # the key a click presses
    keys: str  # as shown: 'g/G'
    description: str
    enabled: bool
    keep: bool


class KeyBar(Widget, can_focus=False):
    """``keys description`` pairs of the active bindings, the command palette key on the right."""

    compact: reactive[bool] = reactive(False)
    show_command_palette: reactive[bool] = reactive(True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[KeyItem] = []
        self._palette: KeyItem | None = None
        self._hotspots: list[tuple[int, int, str]] = []
        # until the first render the bindings are read once, there: the screen announces them
        # several times while it mounts and takes the focus, before anything is on screen
        self._collected = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        if not self._collected:
            self.refresh()  # render() reads them
            return
        items, palette = self.collect(screen)
        if items != self._items or palette != self._palette:
            self._items, self._palette = items, palette
            self.refresh()

    def collect(self, screen: Screen) -> tuple[list[KeyItem], KeyItem | None]:
        """The shown bindings of the focused chain, one item per action (or per group)."""
        app = self.app
        by_action: dict[str, list[tuple[Binding, bool]]] = defaultdict(list)
        palette: KeyItem | None = None
        for _node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.key == app.COMMAND_PALETTE_BINDING and binding.action in {"command_palette", "app.command_palette"}:
                palette = KeyItem(binding.key, app.get_key_display(binding), "palette", enabled, True)
                continue
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        items: list[KeyItem] = []
        grouped: dict[object, int] = {}
        for bindings in by_action.values():
            binding, enabled = bindings[0]
            display = app.get_key_display(binding)
            keep = binding.id in KEEP
            group = binding.group
            if group is not None and group in grouped:
                at = grouped[group]
                item = items[at]
                items[at] = item._replace(keys=f"{item.keys}/{display}", enabled=item.enabled or enabled,
                                          keep=item.keep or keep)
                continue
            if group is not None:
                grouped[group] = len(items)
            description = group.description if group is not None else binding.description
            items.append(KeyItem(binding.key, display, description, enabled, keep))
        # a group of one reads as that binding alone
        return items, palette

    def render(self) -> Content:
        if not self._collected and self.is_attached:
            self._items, self._palette = self.collect(self.screen)
            self._collected = True
        width = self.size.width
        gap = " " if self.compact else "  "
        palette = self._palette if self.show_command_palette else None
        tail = cell_len(f"{palette.keys} {palette.description}") + 2 if palette else 0
        items = list(self._items)

        def length(chosen: list[KeyItem]) -> int:
            return 1 + sum(cell_len(f"{i.keys} {i.description}") for i in chosen) + len(gap) * max(0, len(chosen) - 1)

        while items and length(items) + tail > width:
            droppable = [n for n, item in enumerate(items) if not item.keep]
            items.pop(droppable[-1] if droppable else -1)
        parts: list[Content] = [Content(" ")]
        self._hotspots = []
        x = 1
        for number, item in enumerate(items):
            if number:
                parts.append(Content(gap))
                x += len(gap)
            parts.append(self._item(item))
            size = cell_len(f"{item.keys} {item.description}")
            self._hotspots.append((x, x + size, item.key))
            x += size
        if palette is not None and x + tail <= width:
            padding = width - x - tail + 2
            parts.append(Content(" " * padding))
            x += padding
            parts.append(self._item(palette))
            self._hotspots.append((x, x + tail - 2, palette.key))
        return Content.assemble(*parts)

    @staticmethod
    def _item(item: KeyItem) -> Content:
        key_style = "bold $footer-key-foreground" if item.enabled else "$text-disabled"
        description_style = "$footer-description-foreground" if item.enabled else "$text-disabled"
        return Content.assemble((item.keys, key_style), " ", (item.description, description_style))

    def key_at(self, x: int) -> str | None:
        """The key drawn at column ``x``, if any."""
        return next((key for start, end, key in self._hotspots if start <= x < end), None)

    @property
    def text(self) -> str:
        """The line as plain text (what the user reads)."""
        return self.render().plain

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is not None:
            event.stop()
            self.app.simulate_key(key)
