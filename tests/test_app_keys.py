"""Every key of the reader and every link between the panes, on the hand-built article."""

from __future__ import annotations

from textual.binding import Binding

from conftest import make_app, plain_of, settle, text_focus_index, text_highlight

from tui.app.entity_list import EntityList
from tui.app.header import ArticleHeader
from tui.app.help_screen import HelpScreen
from tui.app.quote_list import QuoteList
from tui.app.reader import ReaderScreen
from tui.app.text_view import ArticleView


def panes(app) -> tuple[ReaderScreen, EntityList, ArticleView, QuoteList]:
    reader = app.reader
    return reader, reader.entity_list, reader.text_view, reader.quote_list


def quote_ids(quote_list: QuoteList) -> list[str]:
    return [quote.id for quote in quote_list.quotes]


async def test_opens_with_text_focused_and_everything_listed():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        assert app.focused is view
        assert view.visible_paragraphs == list(range(11))
        assert quote_ids(quotes) == [f"q{n}" for n in range(1, 9)]
        # people first (speakers by number of quotes), credits last
        assert entities.entity_ids[:3] == ["p-karim", "p-okafor", "p-reyes"]
        assert entities.entity_ids[-1] == "p-berg"
        header = app.screen.query_one(ArticleHeader).text
        assert "Harbour Council Votes to Close the Old Ferry Pier" in header
        assert "4 people · 8 quotes · 11 paragraphs" in header


async def test_tab_and_shift_tab_cycle_the_three_panes():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("tab")
        assert app.focused is quotes
        await pilot.press("tab")
        assert app.focused is entities
        await pilot.press("tab")
        assert app.focused is view
        await pilot.press("shift+tab")
        assert app.focused is entities
        await pilot.press("shift+tab")
        assert app.focused is quotes


async def test_moving_the_quote_cursor_scrolls_text_and_marks_speaker():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("tab")  # quotes
        await pilot.press("j", "j")
        await pilot.pause()
        assert quotes.highlighted_quote.id == "q3"
        assert text_highlight(view) == list(quotes.highlighted_quote.spans)
        assert entities.highlighted_entity_id == "p-reyes"
        await pilot.press("k")
        await pilot.pause()
        assert quotes.highlighted_quote.id == "q2"
        assert entities.highlighted_entity_id == "p-okafor"
        await pilot.press("G")
        await pilot.pause()
        assert quotes.highlighted_quote.id == "q8"
        assert view.top_paragraph > 0  # the text scrolled down to paragraph 9
        assert entities.highlighted_entity_id == "p-karim"
        await pilot.press("g")
        await pilot.pause()
        assert quotes.highlighted_quote.id == "q1"


async def test_enter_on_a_quote_moves_focus_to_the_text_at_the_quote():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("tab", "down", "down", "down", "down", "down", "down", "down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is view
        assert text_highlight(view) == list(app.reader.document.article.quotes[7].spans)
        assert 9 in view.visible_paragraphs
        assert view.top_paragraph > 0  # scrolled towards paragraph 9


async def test_brackets_step_through_quotes_from_any_pane():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        assert app.focused is view
        await pilot.press("right_square_bracket")  # the first press shows the first quote
        assert quotes.highlighted_quote.id == "q1"
        assert text_highlight(view) == list(quotes.highlighted_quote.spans)
        await pilot.press("right_square_bracket")
        assert quotes.highlighted_quote.id == "q2"
        assert text_highlight(view) == list(quotes.highlighted_quote.spans)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert quotes.highlighted_quote.id == "q4"
        assert entities.highlighted_entity_id == "p-reyes"
        await pilot.press("left_square_bracket")
        assert quotes.highlighted_quote.id == "q3"
        assert app.focused is view  # the text keeps the focus
        await pilot.press("tab", "tab")  # entities
        await pilot.press("right_square_bracket")
        assert quotes.highlighted_quote.id == "q4"
        assert app.focused is entities


async def test_curly_brackets_choose_speakers_in_order_of_first_quote():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("right_curly_bracket")
        assert reader.chosen_entity == "p-okafor"
        assert quote_ids(quotes) == ["q1", "q2"]
        okafor = app.reader.document.article.entity("p-okafor")
        assert text_highlight(view) == sorted(okafor.mentions)
        await pilot.press("right_curly_bracket")
        assert reader.chosen_entity == "p-reyes"
        assert quote_ids(quotes) == ["q3", "q4"]
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert reader.chosen_entity == "p-karim"  # stays on the last speaker
        assert quote_ids(quotes) == ["q6", "q7", "q8"]
        await pilot.press("left_curly_bracket")
        assert reader.chosen_entity == "p-reyes"
        assert entities.highlighted_entity_id == "p-reyes"


async def test_choosing_a_person_filters_quotes_and_esc_clears():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("tab", "tab")  # entities, cursor on the first person
        assert entities.highlighted_entity_id == "p-karim"
        await pilot.press("j")
        assert entities.highlighted_entity_id == "p-okafor"
        await pilot.press("enter")
        await pilot.pause()
        assert reader.chosen_entity == "p-okafor"
        assert quote_ids(quotes) == ["q1", "q2"]
        assert "Maria Okafor" in str(quotes.border_title)
        assert "Maria Okafor" in plain_of(reader.query_one("#search-status"))
        okafor = reader.document.article.entity("p-okafor")
        assert text_highlight(view) == sorted(okafor.mentions)
        assert text_focus_index(view) == 0
        # n / N step through the mentions, even from the sidebar
        await pilot.press("n")
        assert text_focus_index(view) == 1
        await pilot.press("n")
        assert text_focus_index(view) == 2
        await pilot.press("N")
        assert text_focus_index(view) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert reader.chosen_entity is None
        assert len(quotes.quotes) == 8
        assert text_highlight(view) == []


async def test_choosing_an_organisation_highlights_mentions_without_filtering():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("tab", "tab")
        while entities.highlighted_entity_id != "o-trust":
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        trust = reader.document.article.entity("o-trust")
        assert text_highlight(view) == sorted(trust.mentions)
        assert len(quotes.quotes) == 8
        assert reader.chosen_entity == "o-trust"


async def test_a_person_without_quotes_says_so():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        reader.choose_entity("p-berg")
        await pilot.pause()
        assert quotes.quotes == []
        assert "Lena Berg is not quoted" in str(quotes.get_option_at_index(0).prompt)


async def test_clicking_in_the_text_selects_the_quote_or_entity_under_it():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        article = reader.document.article
        q4 = article.quotes[3]
        view.post_message(ArticleView.SpanClicked(q4.spans[0].paragraph, q4.spans[0].start + 2))
        await pilot.pause()
        assert quotes.highlighted_quote.id == "q4"
        assert text_highlight(view) == list(q4.spans)
        assert entities.highlighted_entity_id == "p-reyes"
        island = article.entity("l-gull")
        mention = island.mentions[0]
        view.post_message(ArticleView.SpanClicked(mention.paragraph, mention.start))
        await pilot.pause()
        assert reader.chosen_entity == "l-gull"
        assert text_highlight(view) == sorted(island.mentions)


async def test_clicking_a_quote_row_selects_it():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        # each row: speaker line, up to three lines of quote, a divider; q3 starts on line 6
        row_line = quotes._index_to_line[quotes.get_option_index("q3")]
        await pilot.click(quotes, offset=(3, 1 + row_line + 1))  # the border, then the row's 2nd line
        await pilot.pause()
        assert quotes.highlighted_quote.id == "q3"
        assert text_highlight(view) == list(quotes.highlighted_quote.spans)


async def test_help_screen_opens_and_closes():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = " ".join(plain_of(w) for w in app.screen.query(".help-key"))
        assert "] / [" in keys and "} / {" in keys and "ctrl+p" in keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_help_shows_remapped_keys():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.set_keymap({"app.quit": "x", "quote.next": "ctrl+n"})
        await pilot.press("question_mark")
        await pilot.pause()
        keys = [plain_of(w) for w in app.screen.query(".help-key")]
        assert "x" in keys
        assert app.get_key_display(Binding("ctrl+n", "")) in keys
        await pilot.press("escape")
        await pilot.press("ctrl+n", "ctrl+n")  # the first quote, then the second
        assert app.reader.quote_list.highlighted_quote.id == "q2"


async def test_q_quits():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


async def test_enter_in_the_text_goes_to_the_quote_on_screen():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader, entities, view, quotes = panes(app)
        await pilot.press("G")  # scroll the text to its end
        await pilot.pause()
        top = view.top_paragraph
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is quotes
        expected = next(q for q in quotes.quotes if q.spans[0].paragraph >= top)
        assert quotes.highlighted_quote.id == expected.id
        assert text_highlight(view) == list(expected.spans)
