"""The one search box: it filters all three panes as you type, counts what is left, and an empty
query gives everything back with the cursors where they were."""

from __future__ import annotations

from conftest import make_app, plain_of, settle, wait_for

from tui.app.search_bar import SearchBar


async def type_query(app, pilot, query: str) -> None:
    await pilot.press("slash", *query)
    await settle(app, pilot)


async def test_slash_focuses_the_search_box_and_keys_after_it_are_typed_in():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        search = app.reader.query_one(SearchBar)
        await pilot.press("slash", "r", "e", "y")  # no pause: nothing typed may be lost
        await settle(app, pilot)
        assert app.focused is search.input
        assert search.input.value == "rey"
        await pilot.press("slash")  # in the box, '/' is a character
        assert search.input.value == "rey/"


async def test_search_filters_all_three_panes_and_counts_them():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "reyes")
        assert reader.entity_list.entity_ids == ["p-reyes"]
        # Tom Reyes's quotes match by their speaker, not by their words
        assert [q.id for q in reader.quote_list.quotes] == ["q3", "q4"]
        assert reader.text_view.visible_paragraphs == [4, 5]
        status = plain_of(reader.query_one("#search-status"))
        assert status == "2/11 paragraphs · 2 quotes · 1 person"


async def test_search_by_quote_words_and_match_highlight_in_rows():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "plank")
        assert [q.id for q in reader.quote_list.quotes] == ["q4"]
        assert reader.entity_list.entity_ids == []
        prompt = reader.quote_list.get_option_at_index(0).prompt.content
        highlighted = [prompt.plain[span.start:span.end] for span in prompt.spans if "reverse" in str(span.style)]
        assert "plank" in highlighted
        assert reader.text_view.visible_paragraphs == [5]


async def test_m_toggles_matching_paragraphs_and_whole_text():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "island")
        assert reader.text_view.visible_paragraphs == [1, 7, 8]
        await pilot.press("tab")  # out of the search box into a pane ('m' would be typed there)
        await pilot.press("m")
        await pilot.pause()
        assert reader.text_view.only_matches is False
        assert reader.text_view.visible_paragraphs == list(range(11))
        await pilot.press("m")
        await pilot.pause()
        assert reader.text_view.visible_paragraphs == [1, 7, 8]


async def test_m_keeps_the_paragraph_on_top_when_showing_the_whole_text():
    app = make_app()
    async with app.run_test(size=(50, 14)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        view = reader.text_view
        await type_query(app, pilot, "island")
        assert view.visible_paragraphs == [1, 7, 8]
        view.focus()
        await pilot.press("G")  # down to the last matches
        await pilot.pause()
        place = view.top_paragraph
        assert place != 1
        await pilot.press("m")
        await pilot.pause()
        assert view.only_matches is False
        assert view.top_paragraph == place  # not back at the first match


async def test_empty_query_restores_everything_and_cursors_keep_their_places():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")  # q1, q2, q3
        assert reader.quote_list.highlighted_quote.id == "q3"
        await type_query(app, pilot, "okafor")
        assert [q.id for q in reader.quote_list.quotes] == ["q1", "q2"]
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await settle(app, pilot)
        assert len(reader.quote_list.quotes) == 8
        assert reader.quote_list.highlighted_quote.id == "q3"
        assert len(reader.entity_list.entity_ids) == 10
        assert reader.text_view.visible_paragraphs == list(range(11))
        assert plain_of(reader.query_one("#search-status")) == ""


async def test_escape_clears_the_search_and_returns_to_the_text():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "pier")
        assert reader.search_result is not None
        await pilot.press("escape")
        await settle(app, pilot)
        assert reader.search_bar.query_text == ""
        assert reader.search_result is None
        assert app.focused is reader.text_view
        assert len(reader.quote_list.quotes) == 8


async def test_enter_in_the_search_box_goes_to_the_text():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "ferry")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.reader.text_view
        assert app.reader.text_view.visible_paragraphs == [0, 1, 7]  # the title too


async def test_search_and_speaker_filter_combine():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        reader.choose_entity("p-karim")
        await type_query(app, pilot, "paper")
        assert [q.id for q in reader.quote_list.quotes] == ["q7"]
        await pilot.press("escape")  # clears the search first
        await settle(app, pilot)
        assert [q.id for q in reader.quote_list.quotes] == ["q6", "q7", "q8"]
        await pilot.press("escape")  # then the filter
        assert len(reader.quote_list.quotes) == 8


async def test_no_match_says_so():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "zzzqqq")
        assert reader.quote_list.quotes == []
        assert reader.entity_list.entity_ids == []
        assert reader.text_view.visible_paragraphs == []
        assert plain_of(reader.query_one("#search-status")).startswith("0/11 paragraphs")


async def test_a_failing_search_is_reported_not_fatal(monkeypatch):
    from tui.core.search import SearchIndex

    def broken(self, query, **kwargs):
        raise ValueError("index on fire [bold]")

    monkeypatch.setattr(SearchIndex, "search", broken)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "pier")
        assert app.is_running
        assert any("index on fire [bold]" in n.message and not n.markup for n in app._notifications)
        assert len(app.reader.quote_list.quotes) == 8  # panes untouched


# -- a keystroke costs what changed: unchanged panes are left alone, long lists fill in ----------

LONG_QUOTES = 260


def long_article_analyser(text: str, source: str = "-", progress=None):
    """Many short quotes by one speaker, one a paragraph ("Pier remark N"), for the long-list tests."""
    from tui.core.model import Article, Entity, Paragraph, Quote, Span
    from tui.core.structure import split_paragraphs

    paragraphs = tuple(Paragraph(p.index, "body", p.text) for p in split_paragraphs(text))
    speaker = Entity("p-okafor", "person", "Maria Okafor", (), None,
                     tuple(Span(p.index, 0, 12) for p in paragraphs))
    quotes = []
    for paragraph in paragraphs:
        start = paragraph.text.index("“") + 1
        end = paragraph.text.index("”")
        quotes.append(Quote(f"q{paragraph.index}", paragraph.text[start:end], speaker.id, speaker.name,
                            "said", (Span(paragraph.index, start, end),)))
    return Article(source, paragraphs[0].text, paragraphs, (speaker,), tuple(quotes))


def make_long_app():
    from tui.core.loader import SourceText

    text = "\n\n".join(f"Maria Okafor said: “Pier remark {n} about the ferry.”" for n in range(LONG_QUOTES))
    return make_app(SourceText("long.txt", text + "\n"), analyser=long_article_analyser)


async def test_a_long_quote_list_comes_first_in_part_then_whole():
    from tui.app.row_list import FIRST_ROWS

    app = make_long_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        quotes = reader.quote_list
        await type_query(app, pilot, "remark")
        assert len(quotes.quotes) == LONG_QUOTES  # the list is all there for the status and keys
        assert plain_of(reader.query_one("#search-status")).startswith(f"{LONG_QUOTES}/{LONG_QUOTES} paragraphs · {LONG_QUOTES} quotes")
        assert FIRST_ROWS <= quotes.option_count  # the first rows at once, the rest after the frame
        await wait_for(pilot, lambda: quotes.option_count == LONG_QUOTES, "the rest of the rows")
        assert [o.id for o in quotes.options] == [q.id for q in quotes.quotes]
        assert quotes.highlighted_quote.id == "q0"


async def test_the_last_quote_of_a_long_list_can_be_reached_at_once():
    app = make_long_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        quotes = reader.quote_list
        await type_query(app, pilot, "remark")
        last = quotes.quotes[-1]
        assert quotes.move_to(last.id)  # a row not added yet is added for the cursor
        assert quotes.highlighted_quote is last
        assert quotes.option_count == LONG_QUOTES
        quotes.move_to("q0")
        quotes.focus()
        await pilot.press("G")
        assert quotes.highlighted_quote is last


async def test_a_new_search_during_the_fill_leaves_only_its_own_rows():
    app = make_long_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        quotes = reader.quote_list
        await pilot.press("slash", *"remark")
        await app.workers.wait_for_complete()
        await pilot.press(*" 25")  # "remark 25": quotes 25 and 250-259 (a prefix)
        await settle(app, pilot)
        await pilot.pause(0.1)
        expected = ["q25", *(f"q{n}" for n in range(250, 260))]
        assert [q.id for q in quotes.quotes] == expected
        assert [o.id for o in quotes.options] == expected  # no slice of the old list came late


async def test_a_keystroke_that_leaves_the_same_hits_does_not_rebuild_the_lists():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "okaf")
        entity_rows = list(reader.entity_list.options)
        quote_rows = list(reader.quote_list.options)
        assert [q.id for q in reader.quote_list.quotes] == ["q1", "q2"]
        await pilot.press("o")  # "okafo": the same people, quotes and highlights
        await settle(app, pilot)
        assert reader.search_bar.query_text == "okafo"
        assert all(a is b for a, b in zip(reader.entity_list.options, entity_rows, strict=True))
        assert all(a is b for a, b in zip(reader.quote_list.options, quote_rows, strict=True))
        prompt = reader.entity_list.get_option(reader.entity_list.entity_ids[0]).prompt.content
        highlighted = [prompt.plain[s.start:s.end] for s in prompt.spans if "reverse" in str(s.style)]
        assert highlighted == ["Okafor"]


async def test_typing_on_within_a_word_keeps_the_text_and_the_new_matches():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        view = reader.text_view
        await type_query(app, pilot, "islan")
        assert view.visible_paragraphs == [1, 7, 8]
        await pilot.press("d")  # "island": the same paragraphs and the same words lit
        await settle(app, pilot)
        assert view.visible_paragraphs == [1, 7, 8]
        assert reader.search_result.query == "island"
        await pilot.press("enter")  # to the text, on the first match of the new search
        await pilot.pause()
        current = view._layers["current"]
        (paragraph, ranges), = current.items()
        start, end = ranges[0]
        assert view.paragraphs[paragraph].text[start:end] == "Island"


async def test_a_stale_result_is_dropped():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await type_query(app, pilot, "reyes")
        document = reader.document
        stale = document.index.search("okafor")
        reader._apply_search(document, "okafor", stale)  # answered after the user typed on
        assert reader.search_result.query == "reyes"
        assert reader.entity_list.entity_ids == ["p-reyes"]
        assert [q.id for q in reader.quote_list.quotes] == ["q3", "q4"]


async def test_search_results_wait_for_the_echo_of_the_key():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        bar = app.reader.search_bar
        ran = []
        bar.input.value = "pier"  # as if typed: not on screen yet
        bar.after_echo(lambda: ran.append("first"))
        assert ran == []  # the results wait for the frame that shows "pier"
        await settle(app, pilot)
        assert ran == ["first"]
        assert app.reader.search_result.query == "pier"  # and the search itself ran after it
        bar.after_echo(lambda: ran.append("second"))  # nothing waiting to be shown: at once
        assert ran == ["first", "second"]


async def test_typing_a_search_never_lays_out_the_screen_again(monkeypatch):
    """The status keeps room for the widest counts the article can show and the panes always
    have their scrollbars, so no key typed changes a size: a layout pass of the whole screen
    took 72 ms per key at 400 KB. Shorter counts are right-aligned in the same room."""
    from textual.screen import Screen

    layouts: list[str] = []
    real = Screen._refresh_layout

    def counting(screen, *args, **kwargs):
        if screen._layout_required:
            layouts.append(app.reader.search_bar.query_text)
        return real(screen, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    app = make_app()
    async with app.run_test(size=(120, 20)) as pilot:  # the sidebar scrolls at this height
        await settle(app, pilot)
        reader = app.reader
        assert reader.entity_list.virtual_size.height > reader.entity_list.scrollable_content_region.height
        status = reader.query_one("#search-status")
        room = status.size.width
        assert room >= len("11/11 paragraphs · 8 quotes · 4 people · 3 organisations · 2 places")
        await pilot.press("slash")
        await settle(app, pilot)
        layouts.clear()
        for key in "harbour t":  # the sidebar shrinks below its height on the way
            await pilot.press(key)
            await settle(app, pilot)
            if key == "r":
                assert plain_of(status) == "4/11 paragraphs · 0 quotes · 0 people · 2 organisations"
        assert plain_of(status) == "0/11 paragraphs · 0 quotes · 0 people"
        await pilot.press("escape")
        await settle(app, pilot)
        assert plain_of(status) == ""
        assert layouts == [] and status.size.width == room


LONG_PEOPLE = 240
LONG_PEOPLE = 240


def many_people_analyser(text: str, source: str = "-", progress=None):
    """One person named in each paragraph ("Person Number N"), for the long-sidebar tests."""
    from tui.core.model import Article, Entity, Paragraph, Span
    from tui.core.structure import split_paragraphs

    paragraphs = tuple(Paragraph(p.index, "body", p.text) for p in split_paragraphs(text))
    people = tuple(Entity(f"p-{p.index}", "person", p.text.split(" said")[0], (), None,
                          (Span(p.index, 0, p.text.index(" said")),)) for p in paragraphs)
    return Article(source, paragraphs[0].text, paragraphs, people, ())


async def test_a_long_sidebar_comes_first_in_part_and_any_row_can_be_reached_at_once():
    """Thousands of entities at 4 MB: the sidebar lists the first rows at once and the rest
    when typing pauses; the cursor, G and the list of ids never wait for the rest."""
    from tui.app.row_list import FIRST_ROWS
    from tui.core.loader import SourceText
    from tui.core.search import Hit

    text = "\n\n".join(f"Person Number{n} said the ferry was late." for n in range(LONG_PEOPLE))
    app = make_app(SourceText("people.txt", text + "\n"), analyser=many_people_analyser)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        sidebar = app.reader.entity_list
        await wait_for(pilot, lambda: sidebar.option_count == LONG_PEOPLE + 1, "every row (and the heading)")
        people = app.reader.document.article.entities
        # a search hitting every person (the cursor's, the first, stays on top)
        hits = {person.id: Hit(person.id, float(LONG_PEOPLE - n), ()) for n, person in enumerate(people)}
        sidebar.show(app.reader.document.article, hits=hits)
        assert FIRST_ROWS <= sidebar.option_count < LONG_PEOPLE  # the first rows, not all
        assert sidebar.entity_ids == [person.id for person in people]
        assert sidebar.highlighted_entity_id == people[0].id
        assert sidebar.move_to(people[-1].id)  # the last row, not added yet: added for the cursor
        assert sidebar.highlighted_entity_id == people[-1].id
        assert sidebar.option_count == LONG_PEOPLE + 1
        sidebar.move_to(people[0].id)
        sidebar.show(app.reader.document.article, hits=dict(hits, **{people[1].id: Hit(people[1].id, 0.5, ())}))
        assert FIRST_ROWS <= sidebar.option_count < LONG_PEOPLE
        sidebar.focus()
        await pilot.press("G")
        assert sidebar.highlighted_entity_id == people[1].id  # scored lowest: now the last row
        assert sidebar.option_count == LONG_PEOPLE + 1
        await pilot.pause(0.3)  # a slice scheduled before G adds nothing twice
        assert [o.id for o in sidebar.options][1:] == sidebar.entity_ids


async def test_a_heavy_result_waits_until_typing_pauses(monkeypatch):
    """Thousands of rows take the UI thread ~100 ms to show: while keys keep coming such a
    result is held back (the next key replaces it), and it is shown once typing pauses."""
    from tui.app import pacing
    from tui.app import reader as reader_module
    from tui.core.search import SearchIndex

    monkeypatch.setattr(reader_module, "HEAVY_RESULT", 10)
    monkeypatch.setattr(pacing, "TYPING_PAUSE", 0.6)
    monkeypatch.setattr(SearchIndex, "SMALL", 10)  # searched in a worker, as a long text is
    app = make_long_app()  # 260 paragraphs
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await pilot.press("slash", *"pier")
        await pilot.pause(0.2)
        shown = reader.search_result.query if reader.search_result else None
        assert shown != "pier"  # typing has not paused long enough yet ("p" matched nothing)
        await wait_for(pilot, lambda: reader.search_result and reader.search_result.query == "pier",
                       "the held-back result")
        assert len(reader.quote_list.quotes) == LONG_QUOTES
        await pilot.press(*" remark 7")  # a light result: shown at once, no wait
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert [q.id for q in reader.quote_list.quotes] == ["q7"]


async def test_a_first_letter_waits_until_typing_pauses(monkeypatch):
    """One letter fills all three panes anew: on a text searched in a worker its result waits
    for a pause in typing (the second key's echo waited behind that frame), then shows."""
    from tui.app import pacing
    from tui.core.search import SearchIndex

    monkeypatch.setattr(pacing, "TYPING_PAUSE", 0.6)
    monkeypatch.setattr(SearchIndex, "SMALL", 10)  # searched in a worker, as a long text is
    app = make_long_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await pilot.press("slash", "r")
        await pilot.pause(0.2)
        assert reader.search_result is None  # held back: typing may go on
        await wait_for(pilot, lambda: reader.search_result and reader.search_result.query == "r",
                       "the one-letter result once typing paused")
        await pilot.press("e")  # two letters, a light result: shown at once
        await pilot.pause(0.2)
        assert reader.search_result.query == "re"


async def test_the_rest_of_a_long_list_waits_while_keys_are_typed(monkeypatch):
    from tui.app import pacing

    monkeypatch.setattr(pacing, "TYPING_PAUSE", 0.3)
    app = make_long_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        quotes = app.reader.quote_list
        await type_query(app, pilot, "remark")
        assert quotes.option_count < LONG_QUOTES
        for _ in range(6):  # the user typing on, a key every 0.1 s (what each keystroke reports)
            pacing.typed()
            await pilot.pause(0.1)
            assert quotes.option_count < LONG_QUOTES
        await wait_for(pilot, lambda: quotes.option_count == LONG_QUOTES, "the rest once typing paused")
