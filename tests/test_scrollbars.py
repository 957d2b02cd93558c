"""The panes' scrollbars draw their own lines: the same cells as Textual's ScrollBar."""

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.app.scrollbars import LineScrollBar, LineScrollBars


class TallView(LineScrollBars, ScrollView):
    """A scrolling view 500 lines long."""

    DEFAULT_CSS = "TallView { height: 1fr; scrollbar-size-vertical: 2; }"

    def on_mount(self) -> None:
        self.virtual_size = Size(20, 500)

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)


class TallApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TallView()


def cells(strips: list[Strip]) -> list[list[tuple[str, object]]]:
    """Text and style of every segment, joined where the style repeats (as a terminal sees them)."""
    return [[(s.text, s.style) for s in strip.simplify()] for strip in strips]


def textual_lines(bar: ScrollBar, crop: Region) -> list[Strip]:
    """What Textual's own ScrollBar draws for the same bar."""
    bar._styles_cache.clear()
    return ScrollBar.render_lines(bar, crop)


@pytest.mark.parametrize("scroll", [0, 137.5, 480])
async def test_the_bar_draws_what_textual_draws_at_any_position(scroll: float) -> None:
    app = TallApp()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(TallView)
        view.scroll_to(y=scroll, animate=False)
        await pilot.pause()
        bar = view.vertical_scrollbar
        assert isinstance(bar, LineScrollBar) and bar.display and bar.size == Size(2, 20)
        whole = Region(0, 0, *bar.size)
        mine = bar.render_lines(whole)
        assert len(mine) == 20 and all(strip.cell_length == 2 for strip in mine)
        assert cells(mine) == cells(textual_lines(bar, whole))
        # the thumb moves with the view: its cells are not all the same as the track's
        assert len({tuple(line) for line in cells(mine)}) > 1
        part = Region(1, 5, 1, 7)  # the compositor may ask for a part
        assert cells(bar.render_lines(part)) == cells(textual_lines(bar, part))


async def test_the_thumb_follows_the_scroll() -> None:
    app = TallApp()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(TallView)
        bar = view.vertical_scrollbar
        whole = Region(0, 0, *bar.size)
        top = cells(bar.render_lines(whole))
        view.scroll_end(animate=False)
        await pilot.pause()
        bottom = cells(bar.render_lines(whole))
        assert top != bottom
        colours = [[(text, style.color, style.bgcolor, style.reverse) for text, style in line] for line in top + bottom]
        assert colours[0] == colours[-1] and colours[19] == colours[20]  # the thumb went from top to bottom
        assert colours[0] != colours[19]


async def test_a_click_below_the_thumb_scrolls_down() -> None:
    """The mouse actions ride on the drawn cells: the track below the thumb pages down."""
    app = TallApp()
    async with app.run_test(size=(40, 20)) as pilot:
        view = app.query_one(TallView)
        bar = view.vertical_scrollbar
        assert view.scroll_y == 0
        await pilot.click(bar, offset=(0, bar.region.height - 2))
        await pilot.pause(0.3)
        assert view.scroll_y > 0
