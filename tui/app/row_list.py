"""The list panes' base: an OptionList built for thousands of rows that change on every search
keystroke. Rows draw themselves (rows.LazyRow), long lists arrive in slices, and a new number of
rows repaints the list without a layout pass of the whole screen."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual import events
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import OptionList

from tui.app.pacing import TYPING_PAUSE, typing_pause_left
from tui.app.rows import LazyRow
from tui.app.scrollbars import LineScrollBars

if TYPE_CHECKING:
    from textual.style import Style
    from textual.widgets.option_list import Option

# A long list (a search for a common word at 4 MB lists thousands of quotes or entities) gets its
# first rows at once and the rest once typing pauses, in slices a frame apart: a keystroke never
# waits for every row, and the slices never run while keys are being typed. A key that needs a
# row not added yet (the cursor, G, j at the end) adds them all first.
FIRST_ROWS = 100
SLICE_ROWS = 250


class RowList(LineScrollBars, OptionList):
    """An OptionList whose LazyRow options are drawn by the row itself (see ``padded_strips``):
    a keystroke that refilters a list redraws every row on screen, so the cost of a row is
    the cost of a keystroke.

    Its height comes from the stylesheet, never from its rows, so a new number of rows only
    changes the scrollbar: no layout pass of the whole screen (Textual's default for a widget
    whose virtual size changes)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    FALLBACK_WIDTH = 30  # cells a row is laid out for before the list has a size

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._width = 0  # the row width the options were built for
        self._row_total = 0  # rows listed; the OptionList may hold only the first of them
        self._filled = 0  # rows in the OptionList so far; the rest are added by _fill
        self._fill_generation = 0  # a new list makes the slices still scheduled do nothing
        self._frame_styles: dict[str, Style] = {}
        self._frame_blank: Strip | None = None

    # -- long lists in slices ----------------------------------------------------------------------

    def _options_between(self, start: int, end: int) -> list[Option | None]:
        """The options (None: a rule) for rows ``start`` to ``end``."""
        raise NotImplementedError

    def _show_rows(self, total: int, *, keep: int | None = None, empty: Option | None = None) -> None:
        """List rows 0 to ``total``: the first FIRST_ROWS now (and FIRST_ROWS past row ``keep``,
        the cursor's), the rest once typing pauses; ``empty`` is shown when there are none."""
        first = total
        if total > FIRST_ROWS:
            first = min(total, max(FIRST_ROWS, keep + FIRST_ROWS)) if keep is not None else FIRST_ROWS
        options = self._options_between(0, first)
        if not total and empty is not None:
            options.append(empty)
        self._row_total, self._filled = total, first
        self._fill_generation += 1
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        if first < total:
            self.set_timer(TYPING_PAUSE, partial(self._fill, self._fill_generation))

    def _fill(self, generation: int) -> None:
        """Add the next slice of a long list (nothing if the list was replaced since); while
        the user types, wait for a pause."""
        if generation != self._fill_generation or not self.is_mounted:
            return
        if (wait := typing_pause_left()) > 0:
            self.set_timer(wait, partial(self._fill, generation))
            return
        end = min(self._row_total, self._filled + SLICE_ROWS)
        with self.prevent(OptionList.OptionHighlighted):
            self.add_options(self._options_between(self._filled, end))
        self._filled = end
        if end < self._row_total:
            self.call_after_refresh(self._fill, generation)

    def _flush(self) -> None:
        """Every row now (the cursor or a key needs one not added yet)."""
        if self._filled < self._row_total:
            self._fill_generation += 1
            with self.prevent(OptionList.OptionHighlighted):
                self.add_options(self._options_between(self._filled, self._row_total))
            self._filled = self._row_total

    def _highlight_id(self, option_id: str) -> None:
        """Put the cursor on a listed option, quietly (adding the rest of the rows if needed)."""
        if option_id not in self._id_to_option:
            self._flush()
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = self.get_option_index(option_id)

    def action_cursor_down(self) -> None:
        self._flush()
        super().action_cursor_down()

    def action_last(self) -> None:
        self._flush()
        super().action_last()

    def action_page_down(self) -> None:
        self._flush()
        super().action_page_down()

    # -- rows laid out for one width -------------------------------------------------------------

    def _has_rows(self) -> bool:
        """Whether there are rows laid out for a width (what ``_rebuild`` would redo)."""
        raise NotImplementedError

    def _rebuild(self) -> None:
        """Build the options again (at ``_row_width()``)."""
        raise NotImplementedError

    def _row_width(self) -> int:
        padding = self.get_component_styles("option-list--option").padding
        width = self.scrollable_content_region.width - padding.width
        return width if width > 4 else self.FALLBACK_WIDTH

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize()
        self._fit_width()

    def _fit_width(self) -> None:
        """Rows are laid out for one width: lay them out again when the list's width changes."""
        if self._has_rows() and self._row_width() != self._width:
            self._rebuild()

    # -- drawing -----------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # a pane shown again after being hidden at another width may not get a Resize first
        if self._has_rows() and self.scrollable_content_region.width and self._row_width() != self._width:
            self.call_later(self._fit_width)
        # what every line of this frame asks for, looked up once per frame rather than per line
        self._update_lines()
        self._frame_styles = {}
        self._frame_blank = None
        return ScrollView.render_lines(self, crop)

    def _frame_style(self, component_class: str) -> Style:
        style = self._frame_styles.get(component_class)
        if style is None:
            names = ("option-list--option", component_class) if component_class else ("option-list--option",)
            style = self._frame_styles[component_class] = self.get_visual_style(*names)
        return style

    def render_line(self, y: int) -> Strip:
        """OptionList's render_line, without its per-line lookups (the rows' line table, the
        width, the styles); the lines below the last row are one shared blank strip."""
        line_number = self.scroll_offset.y + y
        lines = self._line_cache.lines
        if not 0 <= line_number < len(lines):
            if self._frame_blank is None:
                self._frame_blank = Strip.blank(self.scrollable_content_region.width,
                                                self._frame_style("").rich_style)
            return self._frame_blank
        option_index, line_offset = lines[line_number]
        option = self.options[option_index]
        if option.disabled:
            component_class = "option-list--option-disabled"
        elif self.highlighted == option_index:
            component_class = "option-list--option-highlighted"
        elif self._mouse_hovering_over == option_index:
            component_class = "option-list--option-hover"
        else:
            component_class = ""
        strips = self._get_option_render(option, self._frame_style(component_class))
        return strips[line_offset] if line_offset < len(strips) else super().render_line(y)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        row = option.prompt
        if not isinstance(row, LazyRow):
            return super()._get_option_render(option, style)
        padding = self.get_component_styles("option-list--option").padding
        cache_key = (option, style, padding)
        strips = self._option_render_cache.get(cache_key)
        if strips is None:
            width = self.scrollable_content_region.width - self._get_left_gutter_width()
            meta = {"option": self._option_to_index[option]}
            strips = row.padded_strips(width, padding, style, meta, self._get_style)
            if option._divider:
                rule = self.get_visual_style("option-list--separator")
                strips.append(Strip([Segment("─" * width, rule.rich_style)], width))
            self._option_render_cache[cache_key] = strips
        return strips
