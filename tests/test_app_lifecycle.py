"""Opening articles: the text before the analysis, progress, failures, several articles,
warnings from the loader, the palette's commands and exports, and terminal sizes."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from conftest import (
    build_fixture_article,
    fixture_analyser,
    fixture_source,
    make_app,
    palette_offers,
    settle,
    wait_for,
)
from textual.command import CommandPalette

from tui.core.loader import SourceText
from tui.core.model import Article


def header_text(app) -> str:
    """Everything the header says (title, position, source, counts, warnings), uncut."""
    from tui.app.header import ArticleHeader

    return app.reader.query_one(ArticleHeader).text


async def test_text_is_readable_while_the_analysis_runs():
    release = threading.Event()
    stages: list[str] = []

    def slow_analyser(text: str, source: str, progress) -> Article:
        progress("entities", 0.4)
        stages.append("started")
        release.wait(10)
        return fixture_analyser(text, source)

    app = make_app(analyser=slow_analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while not stages:
            await pilot.pause(0.01)
        await pilot.pause(0.05)
        reader = app.reader
        assert reader.text_view.visible_paragraphs == list(range(11))
        assert "analysing… 40% (entities)" in header_text(app)
        assert "Finding quotes" in str(reader.quote_list.get_option_at_index(0).prompt)
        await pilot.press("j")  # the text scrolls meanwhile
        release.set()
        await settle(app, pilot)
        assert "4 people · 8 quotes · 11 paragraphs" in header_text(app)
        assert len(reader.quote_list.quotes) == 8


async def test_an_analysis_that_ends_while_the_user_types_waits_for_a_pause(monkeypatch):
    """Filling the panes with a long article's results takes the UI thread ~0.1 s: it waits
    until the keys stop, so it never delays the echo of one; then everything is shown."""
    from tui.app import pacing

    monkeypatch.setattr(pacing, "TYPING_PAUSE", 0.3)
    release = threading.Event()

    def slow_analyser(text: str, source: str, progress) -> Article:
        release.wait(10)
        return fixture_analyser(text, source)

    app = make_app(analyser=slow_analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "p")
        release.set()
        for _ in range(5):  # typing on, a key every 0.1 s
            await pilot.press("i")
            await pilot.pause(0.1)
            assert not app.reader.document.analysed
            assert "analysing" in header_text(app)
        await wait_for(pilot, lambda: app.reader.document.analysed, "the analysis shown after the pause")
        await settle(app, pilot)
        assert "4 people · 8 quotes · 11 paragraphs" in header_text(app)
        assert len(app.reader.quote_list.quotes) == 0  # the query "piiiii" matches no quote


async def test_a_failed_analysis_leaves_the_text_and_says_why():
    def broken(text: str, source: str, progress) -> Article:
        raise RuntimeError("engine exploded")

    app = make_app(analyser=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "analysis failed: RuntimeError: engine exploded" in header_text(app)
        assert app.reader.text_view.visible_paragraphs == list(range(11))
        assert "Analysis failed" in str(app.reader.quote_list.get_option_at_index(0).prompt)


async def test_several_articles_switch_with_o_and_show_position():
    second = SourceText("other/second.txt", "A Second Story\n\nNothing to see here.\n")
    app = make_app(fixture_source(), second)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "1/2" in header_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"second", "enter")
        await settle(app, pilot)
        assert "2/2" in header_text(app)
        assert "second.txt" in header_text(app)
        assert app.reader.text_view.visible_paragraphs == [0, 1]
        app.open_document(0)
        await settle(app, pilot)
        assert "1/2" in header_text(app)
        assert len(app.reader.quote_list.quotes) == 8


async def test_loader_warnings_are_shown():
    source = SourceText("broken.txt", fixture_source().text, ("invalid bytes replaced",))
    app = make_app(source)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "invalid bytes replaced" in header_text(app)
        assert any("invalid bytes replaced" in n.message for n in app._notifications)


async def test_palette_goes_to_a_speaker():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"speaker: tom")
        await wait_for(pilot, lambda: palette_offers(app, "Go to speaker: Tom Reyes"), "the palette's answer")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader.chosen_entity == "p-reyes"
        assert [q.id for q in app.reader.quote_list.quotes] == ["q3", "q4"]


async def test_palette_goes_to_a_quote():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"plank")
        await wait_for(pilot, lambda: palette_offers(app, "a plank and a promise"), "the palette's answer")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader.quote_list.highlighted_quote.id == "q4"
        assert app.focused is app.reader.text_view


async def test_export_writes_next_to_the_user_and_never_over_an_input(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(fixture_source(str(tmp_path / "harbour.txt")))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        path = app.export_briefing("json")
        assert path == tmp_path / "harbour.briefing.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "Tom Reyes" in json.dumps(data)
        await pilot.pause()
        assert any(str(path) in n.message for n in app._notifications)
        assert app.export_briefing("markdown") == tmp_path / "harbour.briefing.md"
        assert app.export_briefing("csv") == tmp_path / "harbour.briefing.csv"


async def test_export_refuses_to_overwrite_an_opened_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    victim = tmp_path / "harbour.briefing.json"
    victim.write_text("precious", encoding="utf-8")
    app = make_app(fixture_source(str(victim)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        # the export path of 'harbour.briefing.json' is 'harbour.briefing.briefing.json'; force a clash
        monkeypatch.setattr(type(app), "export_path", lambda self, document, fmt: victim)
        assert app.export_briefing("json") is None
        assert victim.read_text(encoding="utf-8") == "precious"
        await pilot.pause()
        assert any(n.severity == "error" for n in app._notifications)


async def test_palette_export_command(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"as csv")
        await wait_for(pilot, lambda: palette_offers(app, "Export briefing as CSV"), "the palette's answer")
        await pilot.press("enter")
        await settle(app, pilot)
        assert (tmp_path / "harbour.briefing.csv").exists()


async def test_captions_toggle():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert 3 in app.reader.text_view.visible_paragraphs
        await pilot.press("c")
        await pilot.pause()
        assert app.reader.text_view.show_captions is False
        assert 3 not in app.reader.text_view.visible_paragraphs


async def test_narrow_terminal_shows_one_side_pane_at_a_time():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.quote_list.display and not reader.entity_list.display
        await pilot.press("tab")  # text -> quotes
        assert app.focused is reader.quote_list
        await pilot.press("tab")  # quotes -> entities: the sidebar replaces the quotes
        await pilot.pause()
        assert app.focused is reader.entity_list
        assert reader.entity_list.display and not reader.quote_list.display
        await pilot.press("j", "enter")  # choosing a speaker shows their quotes
        await pilot.pause()
        assert reader.quote_list.display and app.focused is reader.quote_list
        assert [q.id for q in reader.quote_list.quotes] == ["q1", "q2"]


async def test_resizing_down_to_20x8_and_back():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        for width, height in ((80, 24), (40, 12), (20, 8), (30, 30), (120, 10), (120, 40)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            too_small = reader.query_one("#too-small")
            small = width < 40 or height < 12
            assert too_small.display is small, (width, height)
            assert reader.query_one("#panes").display is not small
        assert len(reader.quote_list.quotes) == 8
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.quote_list.highlighted_quote.id == "q2"


def test_fixture_article_spans_point_at_their_text():
    article = build_fixture_article()
    for quote in article.quotes:
        (span,) = quote.spans
        assert article.paragraphs[span.paragraph].text[span.start:span.end] == quote.text
    for entity in article.entities:
        for span in entity.mentions:
            assert article.paragraphs[span.paragraph].text[span.start:span.end] in (entity.name, *entity.aliases)


async def test_the_reader_never_writes_to_the_article_it_opens(tmp_path: Path, monkeypatch):
    from tui.app.app import BriefingApp
    from tui.core.loader import load

    monkeypatch.chdir(tmp_path)
    article = tmp_path / "pier.txt"
    article.write_bytes(
        "Council Votes to Close the Old Pier\r\n\r\n"
        "“We cannot keep patching it,” said Maria Okafor, the council leader.\r\n\r\n"
        "Ms. Okafor said the vote was close. “It was a hard choice,” she added.\r\n".encode())
    before = (article.read_bytes(), article.stat().st_mtime_ns)
    app = BriefingApp([load(str(article))])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket", "right_curly_bracket", "enter", "n", "c", "c")
        await pilot.press("slash", *"okafor", "escape", "escape")
        for fmt in ("json", "markdown", "csv"):
            assert app.export_briefing(fmt) is not None
        await pilot.press("q")
    assert (article.read_bytes(), article.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "pier.briefing.csv", "pier.briefing.json", "pier.briefing.md", "pier.txt"]
