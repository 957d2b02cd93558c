"""Rough edges found by using the reader as a journalist would: the key bar, titles that keep
their counts, two filters at once, lists that start at their heading, and work that waits for the
first paint."""

from __future__ import annotations

from dataclasses import replace

from conftest import (
    fixture_analyser,
    make_app,
    palette_offers,
    plain_of,
    screen_text,
    settle,
    text_highlight,
    wait_for,
)

from tui.app.help_screen import HelpScreen
from tui.app.key_bar import KeyBar
from tui.core.loader import SourceText

LONG_NAME = "Maria Fernanda Okafor de la Vega y Montenegro"


def long_name_analyser(text: str, source: str = "-", progress=None):
    article = fixture_analyser(text, source, progress)
    entities = tuple(replace(e, name=LONG_NAME) if e.id == "p-okafor" else e for e in article.entities)
    quotes = tuple(replace(q, speaker=LONG_NAME) if q.speaker_id == "p-okafor" else q for q in article.quotes)
    return replace(article, entities=entities, quotes=quotes)


def key_bar(app) -> str:
    return app.screen.query_one(KeyBar).text


async def test_key_bar_reads_cleanly_at_every_width():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        wide = key_bar(app)
        assert "g/G Top/End" in wide and "n/N Next/prev" in wide and "j/k Scroll" in wide
        assert "homeend" not in wide.replace(" ", "").casefold()
        assert wide.rstrip().endswith("^p palette")
        await pilot.press("tab")  # the quote list: its own keys
        await pilot.pause()
        assert "⏎ Jump" in key_bar(app) and "j/k Move" in key_bar(app)
        for size in ((80, 24), (60, 20), (40, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            line = key_bar(app)
            assert len(line) <= size[0]
            assert "? Help" in line  # kept however narrow
            # every item whole: a key and its description, separated from the next one
            for word in ("Top/End", "Search", "Quote", "Help"):
                if word in line:
                    assert f"{word}/" not in line and f"{word}]" not in line


async def test_clicking_a_key_in_the_key_bar_presses_it():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one(KeyBar)
        column = bar.text.index("? Help")
        await pilot.click(KeyBar, offset=(column + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_open_key_shows_only_with_several_articles():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "o Open" not in key_bar(app)
    app = make_app(SourceText("a.txt", "First article\n\nOne line.\n"), SourceText("b.txt", "Second\n\nTwo.\n"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "o Open" in key_bar(app)


async def test_quote_list_title_keeps_its_count_with_a_long_speaker_name():
    app = make_app(analyser=long_name_analyser)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")  # first speaker: the long-named chair
        await pilot.pause()
        assert app.reader.chosen_entity == "p-okafor"
        border = next(line for line in screen_text(app).splitlines() if "quotes by" in line)
        assert "2 quotes by Maria Fernanda" in border
        assert "…" in border  # the name is cut visibly, at the end


async def test_search_inside_a_speaker_filter_says_why_panes_are_empty():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")  # Maria Okafor
        await pilot.pause()
        await pilot.press("slash", *"island")
        await settle(app, pilot)
        reader = app.reader
        assert reader.quote_list.quotes == []
        status = plain_of(app.screen.query_one("#search-status"))
        assert "quotes by Maria Okafor" in status
        message = str(reader.quote_list.get_option_at_index(0).prompt)
        assert "No quote by Maria Okafor matches the search" in message
        assert "Esc" in message
        await pilot.press("escape")  # clears the search: her quotes are back
        await settle(app, pilot)
        assert [q.id for q in reader.quote_list.quotes] == ["q1", "q2"]


async def test_g_in_the_sidebar_shows_the_first_heading_again():
    app = make_app()
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(app, pilot)
        entities = app.reader.entity_list
        await pilot.press("shift+tab")  # the sidebar
        await pilot.press("G")
        await pilot.pause()
        assert entities.scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert entities.highlighted_entity_id == entities.entity_ids[0]
        assert entities.scroll_y == 0
        assert "PEOPLE (3)" in screen_text(app)


async def test_no_rule_after_the_last_quote():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        quotes = app.reader.quote_list
        assert quotes.option_count == 8  # eight quotes; the rules between them are not options
        last_row = quotes.content_region.y + quotes.virtual_size.height - 1  # the list's last line
        lines = screen_text(app).splitlines()
        last = lines[last_row][quotes.region.x:quotes.region.right]
        assert "─" not in last
        assert "boat" in last  # the end of the last quote, not a rule under it


async def test_analysis_starts_after_the_text_is_on_screen():
    painted: list[bool] = []
    holder: dict[str, object] = {}

    def watching_analyser(text: str, source: str = "-", progress=None):
        app = holder["app"]
        painted.append(app.reader._painted and bool(app.reader.text_view.visible_paragraphs))
        return fixture_analyser(text, source, progress)

    app = make_app(analyser=watching_analyser)
    holder["app"] = app
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert painted == [True]
        assert app.reader.document.analysed


async def test_a_failed_analysis_after_the_lists_drew_says_so_in_them():
    def broken(text: str, source: str = "-", progress=None):
        if progress is not None:
            progress("entities", 0.5)
        raise RuntimeError("engine exploded")

    app = make_app(analyser=broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "Analysis failed" in str(app.reader.quote_list.get_option_at_index(0).prompt)
        assert "Analysis failed" in str(app.reader.entity_list.get_option_at_index(0).prompt)


async def test_key_bar_in_the_search_box_offers_esc_and_slash_types_itself():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        line = key_bar(app)
        assert "Esc Clear" in line
        assert "/ Search" not in line
        await pilot.press(*"a/b")
        await pilot.pause()
        assert app.reader.search_bar.query_text == "a/b"
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.reader.search_bar.query_text == ""
        assert app.focused is app.reader.text_view


async def test_first_bracket_shows_the_first_quote_and_after_a_speaker_their_first():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, view = app.reader, app.reader.text_view
        await pilot.press("right_square_bracket")
        assert reader.quote_list.highlighted_quote.id == "q1"
        assert text_highlight(view) == list(reader.quote_list.highlighted_quote.spans)
        await pilot.press("escape")  # the highlight goes: the next ] shows the quote under the cursor
        await pilot.press("right_square_bracket")
        assert reader.quote_list.highlighted_quote.id == "q1"
        await pilot.press("right_square_bracket")
        assert reader.quote_list.highlighted_quote.id == "q2"
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # Tom Reyes: q3, q4
        await pilot.pause()
        assert reader.chosen_entity == "p-reyes"
        await pilot.press("right_square_bracket")
        assert reader.quote_list.highlighted_quote.id == "q3"
        assert text_highlight(view) == list(reader.quote_list.highlighted_quote.spans)
        await pilot.press("left_square_bracket")  # already at their first quote
        assert reader.quote_list.highlighted_quote.id == "q3"


async def test_palette_keeps_quotes_out_of_a_short_unrelated_query():
    from textual.command import CommandList

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await wait_for(pilot, lambda: palette_offers(app, "Theme"), "the palette's answer")
        await app.workers.wait_for_complete()
        await pilot.pause()
        labels = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        assert not [label for label in labels if "Go to quote" in label], labels
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"okafr")  # a short misspelt name still finds its speaker
        await wait_for(pilot, lambda: palette_offers(app, "Go to speaker: Maria Okafor"), "a fuzzy speaker hit")
