"""The text pane re-wraps every line when its width changes, even lines drawn in between."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tui.app.text_view import ArticleView, wrap_ranges
from tui.core.model import Paragraph
from tui.resources import styles_dir

PARAGRAPHS = [
    Paragraph(0, "title", "Harbour Board Weighs a New Ferry Route Across the Bay"),
    Paragraph(1, "body", "The board met on Monday to weigh a plan that would move the ferry "
                         "terminal closer to the old market, a change that traders have "
                         "sought for years and residents along the quay have opposed."),
]


class SidePaneHost(App[None]):
    """The view beside a pane that can be hidden, as the reader swaps panes at breakpoints."""

    CSS_PATH = str(styles_dir() / "text_view.tcss")
    CSS = "#side { width: 20; } ArticleView { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("side", id="side")
            yield ArticleView()

    def on_mount(self) -> None:
        self.query_one(ArticleView).load(PARAGRAPHS)


def shown_lines_of_body(view: ArticleView) -> list[str]:
    """The body paragraph's lines as drawn, without the number margin."""
    lines = [view.render_line(y).text for y in range(view.size.height)]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("1 "))
    body = []
    for line in lines[start:]:
        if not line.strip():
            break
        body.append(line.strip())
    body[0] = body[0].split(None, 1)[1]  # drop the paragraph number
    return body


def expected_lines(width: int) -> list[str]:
    text = PARAGRAPHS[1].text
    ranges = wrap_ranges(text, width)
    return [text[ranges[i]:ranges[i + 1]].strip() for i in range(0, len(ranges), 2)]


async def test_lines_drawn_before_a_width_change_are_wrapped_again() -> None:
    app = SidePaneHost()
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        narrow = view.wrap_width
        assert shown_lines_of_body(view) == expected_lines(narrow)

        app.query_one("#side").display = False
        await pilot.pause()
        await pilot.pause()
        wide = view.wrap_width
        assert wide > narrow
        assert shown_lines_of_body(view) == expected_lines(wide)
