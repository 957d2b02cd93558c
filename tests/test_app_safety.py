"""Article text is data: markup and terminal escape sequences show up literally (or as visible
symbols) in every pane, the header, the palette and notifications, and none of it is obeyed."""

from __future__ import annotations

from conftest import hostile_analyser, hostile_source, make_app, palette_offers, screen_text, settle, wait_for
from textual.command import CommandPalette

LITERALS = ("[bold red]Breaking[/]", "[Reuters]", "[@click=app.quit]", "[b]Eve[/b]")
CONTROLS = ("\x1b", "\x07", "\x08", "\r", "\x9b")


def assert_shown_safely(text: str) -> None:
    for control in CONTROLS:
        assert control not in text, repr(control)


async def test_hostile_article_renders_literally_in_every_pane():
    app = make_app(hostile_source(), analyser=hostile_analyser)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert_shown_safely(text)
        # header: title and source path
        assert "[bold red]Breaking[/] [Reuters] ␛]0;pwned␇ Headline" in text
        assert "[bold]evil[/]␛]0;x␇.txt" in text
        # the text pane
        assert "[@click=app.quit]click here[/]" in text
        assert "␛[2J" in text
        # the sidebar: names and roles
        assert "[b]Eve[/b] Mallory␈␈" in text
        assert "[link=file:///etc/passwd" in text  # the role, cut to the sidebar's width
        # the quote list
        assert "Look at [link=file:///etc/passwd]this[/link]" in text
        # warnings from the loader and the analyser, in the header and notifications
        assert "[@click=app.quit] bytes ␛[31mreplaced" in text
        notes = [n for n in app._notifications if "bytes" in n.message]
        assert notes and not notes[0].markup and "\x1b" not in notes[0].message
        assert app.return_code is None and app.is_running
        assert app.title == "briefing-tui"


async def test_hostile_names_are_safe_in_a_speaker_filter_and_a_search():
    app = make_app(hostile_source(), analyser=hostile_analyser)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert_shown_safely(text)
        assert "1 quote by [b]Eve[/b] Mallory␈␈" in text
        await pilot.press("slash", *"reuters")
        await settle(app, pilot)
        text = screen_text(app)
        assert_shown_safely(text)
        assert "[Reuters]" in text
        assert app.is_running


async def test_hostile_names_are_safe_in_the_palette():
    app = make_app(hostile_source(), analyser=hostile_analyser)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"speaker: [b]eve")
        await wait_for(pilot, lambda: palette_offers(app, "Go to speaker: [b]Eve[/b] Mallory␈␈"), "the palette's answer")
        assert isinstance(app.screen, CommandPalette)
        text = screen_text(app)
        assert_shown_safely(text)
        assert "Go to speaker: [b]Eve[/b] Mallory␈␈" in text
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader.chosen_entity == "p-eve"
        assert app.is_running


async def test_resize_with_hostile_text_does_not_crash():
    app = make_app(hostile_source(), analyser=hostile_analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for size in ((80, 24), (20, 8), (45, 13), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert_shown_safely(screen_text(app))
        assert app.is_running
