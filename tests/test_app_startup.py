"""What the first paint is made of: a one-widget header that still reads like the old eight, the
text pane focused at once, the help keeping its own focus, and a command line that imports
neither argparse nor the export formats when it only opens the reader."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE_TEXT, fixture_analyser, fixture_source, make_app, settle

from tui.app.header import ArticleHeader
from tui.app.help_screen import HelpScreen
from tui.core.loader import SourceText
from tui.core.model import Article

ROOT = Path(__file__).resolve().parent.parent
LONG_TITLE = "A Very Long Headline " * 10
LONG_PATH = "some/very/long/directory/name/that/goes/on/and/on/" * 3 + "article.txt"


def long_title_analyser(text: str, source: str = "-", progress=None) -> Article:
    article = fixture_analyser(text, source, progress)
    title = LONG_TITLE if "Harbour" in article.title else article.title
    return Article(article.source, title, article.paragraphs, article.entities, article.quotes,
                   ("analyser warning one", "[bold]two[/]"))


def header_lines(app) -> list[str]:
    """The header's two lines as drawn (inside its one-column padding)."""
    header = app.reader.query_one(ArticleHeader)
    return [header.render_line(y).text for y in (0, 1)]


async def test_header_is_one_widget_with_both_lines():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        header = app.reader.query_one(ArticleHeader)
        assert list(header.children) == []
        top, bottom = header_lines(app)
        assert len(top) == 118 and len(bottom) <= 118  # the rest of a line is the padding
        assert top.rstrip() == "Harbour Council Votes to Close the Old Ferry Pier"
        assert bottom.rstrip() == "fixtures/harbour.txt · 4 people · 8 quotes · 11 paragraphs"
        assert header.text == ("Harbour Council Votes to Close the Old Ferry Pier\n"
                               "fixtures/harbour.txt · 4 people · 8 quotes · 11 paragraphs")


async def test_header_cuts_title_source_and_warnings_with_an_ellipsis():
    source = SourceText(LONG_PATH, FIXTURE_TEXT, ("invalid bytes replaced",))
    second = SourceText("other/second.txt", "A Second Story\n\nNothing to see here.\n")
    app = make_app(source, second, fixture_source(), analyser=long_title_analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        top, bottom = header_lines(app)
        # the title gives way to the position, which stays whole on the right
        assert top.endswith("A Very L… 1/3")
        # the source takes at most half the line; the warnings get what is left
        assert bottom == ("some/very/long/directory/name/that/goes/on/and/on/some/ver… · 4 people · "
                          "8 quotes · 11 paragraphs  ⚠ invalid bytes re…")
        await pilot.resize_terminal(80, 24)  # narrow: the source takes at most 40%
        await pilot.pause()
        top, bottom = header_lines(app)
        assert top == "A Very Long Headline A Very Long Headline A Very Long Headline A Very Lon… 1/3"
        assert bottom == "some/very/long/directory/name/… · 4 people · 8 quotes · 11 paragraphs  ⚠ inva…"


async def test_header_progress_is_clipped_not_wrapped_on_a_small_screen():
    def failing(text: str, source: str, progress) -> Article:
        raise RuntimeError("engine exploded\nsecond line")

    app = make_app(analyser=failing)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        top, bottom = header_lines(app)
        assert bottom == "fixtures/harbour.txt · 11 paragraphs · analysis failed: Ru"
        assert "analysis failed: RuntimeError: engine exploded second line" in app.reader.query_one(ArticleHeader).text


async def test_header_shows_markup_and_escapes_literally():
    hostile = SourceText("[bold]evil[/]\x1b]0;x\x07.txt",
                         "[bold red]Breaking[/] \x1b]0;pwned\x07 Headline\n\nBody text here.\n",
                         ("[@click=app.quit] bytes \x1b[31mreplaced",))
    app = make_app(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        top, bottom = header_lines(app)
        assert top.rstrip() == "[bold red]Breaking[/] ␛]0;pwned␇ Headline"
        assert bottom.rstrip() == ("[bold]evil[/]␛]0;x␇.txt · 0 people · 0 quotes · 2 paragraphs  "
                                   "⚠ [@click=app.quit] bytes ␛[31mreplaced")


async def test_text_pane_has_the_focus_from_the_start_and_help_its_body():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.focused is app.reader.text_view
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.focused is not None and app.screen.focused.id == "help-body"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is app.reader.text_view


def test_opening_the_reader_needs_neither_argparse_nor_the_export_formats():
    probe = ("import sys, tui.cli; print(sorted(m for m in ('argparse', 'json', 'csv', 'tui.core.export') "
             "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                            timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "[]", result.stderr


async def test_reader_screen_starts_with_the_breakpoint_classes_for_the_terminal():
    """Set before the first frame: added by the first Resize they restyle and lay out the whole
    screen again (and an 80-column terminal first showed the three-pane wide layout)."""
    for size, expected, absent in (((120, 40), {"-wide", "-tall"}, {"-narrow", "-tiny", "-short"}),
                                   ((80, 24), {"-narrow", "-tall"}, {"-wide", "-tiny", "-short"}),
                                   ((30, 10), {"-tiny", "-short"}, {"-wide", "-narrow", "-tall"})):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            fresh = app.get_default_screen()
            assert expected <= set(fresh.classes) and not absent & set(fresh.classes), size
            assert expected <= set(app.reader.classes) and not absent & set(app.reader.classes), size
            assert fresh.has_class("-side-quotes")  # the reader's own class is kept
