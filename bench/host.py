"""A minimal host for ArticleView and SearchIndex, to measure the widget apart from the app.

    .venv/bin/python bench/host.py FILE [--split engine|blank]

The text pane fills the screen; '/' focuses a search box at the bottom whose every keystroke runs
SearchIndex.search in a thread worker (the newest cancels the older) and shows the hits with
ArticleView.set_search; Esc clears it. ``--split blank`` splits on blank lines only (no engine),
to time the widget without the engine's paragraph classification.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import work  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.widgets import Input  # noqa: E402
from textual.worker import get_current_worker  # noqa: E402

from tui.app.text_view import ArticleView  # noqa: E402
from tui.core.model import Article, Paragraph  # noqa: E402
from tui.resources import styles_dir  # noqa: E402


def blank_line_split(text: str) -> list[Paragraph]:
    blocks = [b.strip() for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))]
    return [Paragraph(i, "title" if i == 0 else "body", b) for i, b in enumerate(b for b in blocks if b)]


class Host(App[None]):
    CSS_PATH = str(styles_dir() / "text_view.tcss")
    CSS = "Input { dock: bottom; height: 3; }"
    BINDINGS = [Binding("slash", "search", "Search"), Binding("escape", "clear", "Clear"),
                Binding("q", "quit", "Quit")]

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.index = None

    def compose(self) -> ComposeResult:
        yield ArticleView(id="text")
        yield Input(placeholder="search", id="search")

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.load(self.paragraphs)
        view.focus()
        self.build_index()

    @work(thread=True, description="build index")  # the placeholder says when it is done
    def build_index(self) -> None:
        from tui.core.search import SearchIndex

        self.index = SearchIndex.build(Article("bench", "", tuple(self.paragraphs)))
        self.call_from_thread(setattr, self.query_one(Input), "placeholder", "search (index ready)")

    def action_search(self) -> None:
        self.query_one(Input).focus()

    def action_clear(self) -> None:
        self.query_one(Input).value = ""
        self.query_one(ArticleView).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", description="search")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        if self.index is None or not query.strip():
            self.call_from_thread(self.query_one(ArticleView).set_search, None, [])
            return
        result = self.index.search(query, cancelled=lambda: worker.is_cancelled)
        if result is not None and not worker.is_cancelled:
            self.call_from_thread(self.show, result)

    def show(self, result) -> None:  # type: ignore[no-untyped-def]
        if result.query == self.query_one(Input).value:
            self.query_one(ArticleView).set_search(result.paragraph_indices(), result.paragraph_spans())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--split", choices=("engine", "blank"), default="engine")
    args = parser.parse_args()
    text = args.path.read_text(encoding="utf-8")
    if args.split == "engine":
        from tui.core.structure import split_paragraphs

        paragraphs = list(split_paragraphs(text))
    else:
        paragraphs = blank_line_split(text)
    Host(paragraphs).run()


if __name__ == "__main__":
    main()
