"""ArticleView in a tiny host app: what is on screen, what scrolls, what hides, what is literal."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult

from tui.app.text_view import ArticleView, WrappedLayout, wrap_ranges
from tui.core.model import Paragraph, Span
from tui.resources import styles_dir

SIZE = (80, 24)


class Host(App[None]):
    CSS_PATH = str(styles_dir() / "text_view.tcss")

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.clicks: list[ArticleView.SpanClicked] = []

    def compose(self) -> ComposeResult:
        yield ArticleView()

    def on_mount(self) -> None:
        self.query_one(ArticleView).load(self.paragraphs)

    def on_article_view_span_clicked(self, message: ArticleView.SpanClicked) -> None:
        self.clicks.append(message)


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def article(texts: Sequence[tuple[str, str]]) -> list[Paragraph]:
    return [Paragraph(i, kind, text) for i, (kind, text) in enumerate(texts)]  # type: ignore[arg-type]


SAMPLE = article([
    ("title", "Ministers Meet Over Border Policy"),
    ("byline", "By Jane Reporter"),
    ("body", "The minister, Ana Pérez, arrived on Tuesday. " * 3),
    ("caption", "Ana Pérez at the border crossing.Credit…Carl Lens/Agency"),
    ("body", "“We will not give up,” Ms. Pérez said at the meeting."),
    ("boilerplate", "Advertisement"),
    ("body", "Officials said talks would continue next week in the capital."),
])


def long_article(count: int) -> list[Paragraph]:
    return [Paragraph(i, "title" if i == 0 else "body",
                      f"Paragraph {i} says something about item {i}, with enough words to wrap. " * 2)
            for i in range(count)]


async def test_paragraphs_render_with_numbers_and_boilerplate_hidden() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        text = screen_text(app)
        assert "0 Ministers Meet Over Border Policy" in text
        assert "4 “We will not give up,”" in text
        assert "Advertisement" not in text
        assert view.visible_paragraphs == [0, 1, 2, 3, 4, 6]
        view.show_boilerplate = True
        await pilot.pause()
        assert "Advertisement" in screen_text(app)
        assert view.visible_paragraphs == [0, 1, 2, 3, 4, 5, 6]


async def test_captions_toggle() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert "Credit…Carl Lens" in screen_text(app)
        view.show_captions = False
        await pilot.pause()
        assert "Credit…Carl Lens" not in screen_text(app)
        assert 3 not in view.visible_paragraphs
        view.show_captions = True
        await pilot.pause()
        assert 3 in view.visible_paragraphs


async def test_words_are_never_cut_unless_longer_than_a_line() -> None:
    long_word = "x" * 150
    app = Host(article([("body", "alpha beta gamma " * 20 + long_word + " omega")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = [line.rstrip() for line in screen_text(app).splitlines() if line.strip()]
        words = [w for line in lines for w in line.split()][1:]  # without the paragraph number
        assert {w for w in words if set(w) != {"x"}} == {"alpha", "beta", "gamma", "omega"}
        chunks = [w for w in words if set(w) == {"x"}]
        assert sum(map(len, chunks)) == 150 and len(chunks) == 2  # cut only because it is too long
        assert words.count("alpha") == 20


def test_wrap_ranges_cover_every_word_and_fit_the_width() -> None:
    text = "Señor López said: “no.” 東京 is wide, café au lait, a\u0301 combining, " * 5
    for width in (11, 13, 40):  # the longest word, "combining,", has 10 cells
        ranges = wrap_ranges(text, width)
        pairs = list(zip(ranges[::2], ranges[1::2]))
        rebuilt = " ".join(text[s:e] for s, e in pairs)
        assert rebuilt.split() == text.split()
        assert all(cell_len(text[s:e]) <= width for s, e in pairs)
    cut = wrap_ranges("abcdefghij klm", 4)
    assert list(zip(cut[::2], cut[1::2])) == [(0, 4), (4, 8), (8, 10), (11, 14)]


WORDS = st.text(alphabet=st.sampled_from("abcdé東\u0301-’"), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=30), gaps=st.lists(st.sampled_from([" ", "  ", "\n"]), min_size=30, max_size=30),
       width=st.integers(min_value=1, max_value=30))
def test_wrapping_keeps_every_word_in_order_and_fits(words: list[str], gaps: list[str], width: int) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps)).rstrip()
    ranges = wrap_ranges(text, width)
    pairs = list(zip(ranges[::2], ranges[1::2]))
    assert all(0 <= s <= e <= len(text) for s, e in pairs)
    assert all(e <= s2 for (_, e), (s2, _) in zip(pairs, pairs[1:]))  # in order, no overlap
    # Nothing lost, nothing added: the lines hold every non-space character, in order.
    assert "".join(text[s:e].replace(" ", "") for s, e in pairs) == "".join(text.split())
    for s, e in pairs:
        line = text[s:e]
        assert "\n" not in line
        # A line is too wide only when it holds a single character wider than the line.
        assert cell_len(line) <= width or e - s == 1
        # A word is cut only if it does not fit on a line of its own.
        if e < len(text) and text[e] not in " \n":
            word_start = max(text.rfind(" ", 0, e), text.rfind("\n", 0, e)) + 1
            word_end = min(x for x in (text.find(" ", e), text.find("\n", e), len(text)) if x >= 0)
            assert cell_len(text[word_start:word_end]) > width or s > word_start


async def test_highlight_and_scroll_to_span_bring_the_span_on_screen() -> None:
    paragraphs = long_article(300)
    app = Host(paragraphs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlight([Span(250, 0, 13)])
        await pilot.pause()
        assert "250 Paragraph 250 says" in screen_text(app)
        view.scroll_to_span(Span(120, 0, 5))
        await pilot.pause()
        assert "120 Paragraph 120 says" in screen_text(app)
        assert "250 Paragraph 250" not in screen_text(app)


async def test_n_and_shift_n_cycle_through_highlights_wrapping() -> None:
    app = Host(long_article(200))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        view.set_highlight([Span(10, 0, 9), Span(100, 0, 9), Span(190, 0, 9)])
        await pilot.pause()
        assert "10 Paragraph 10 says" in screen_text(app)
        await pilot.press("n")
        assert "100 Paragraph 100 says" in screen_text(app)
        await pilot.press("n")
        assert "190 Paragraph 190 says" in screen_text(app)
        await pilot.press("n")  # wraps to the first
        assert " 10 Paragraph 10 says" in screen_text(app)
        await pilot.press("N")  # and back to the last
        assert "190 Paragraph 190 says" in screen_text(app)
        view.set_highlight([])
        await pilot.press("n")
        assert "190 Paragraph 190 says" in screen_text(app)  # nothing to cycle: no movement


async def test_set_search_filters_and_only_matches_toggles() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_search([4, 2], [Span(2, 15, 24), Span(4, 36, 41)])
        await pilot.pause()
        assert view.visible_paragraphs == [2, 4]
        assert "Ministers Meet" not in screen_text(app)
        view.only_matches = False
        await pilot.pause()
        assert view.visible_paragraphs == [0, 1, 2, 3, 4, 6]
        view.only_matches = True
        await pilot.pause()
        assert view.visible_paragraphs == [2, 4]
        view.set_search(None, [])
        await pilot.pause()
        assert view.visible_paragraphs == [0, 1, 2, 3, 4, 6]


async def test_search_match_is_styled_differently_from_plain_text() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_search([4], [Span(4, 27, 32)])
        await pilot.pause()
        assert view.paragraphs[4].text[27:32] == "Pérez"
        strip = next(view.render_line(y) for y in range(5) if "Pérez" in view.render_line(y).text)
        styles = {segment.text: segment.style for segment in strip}
        assert "Pérez" in styles
        assert styles["Pérez"] != styles[next(t for t in styles if "said at" in t)]


async def test_markup_and_control_characters_render_literally() -> None:
    nasty = "Tags [/] and [bold]x[/bold] and [Reuters] and [@click=app.quit]q[/] end\x1b]0;title\x07 bell"
    app = Host(article([("title", "Title [b]"), ("body", nasty)]))
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        text = screen_text(app)
        assert "Title [b]" in text
        assert "[/] and [bold]x[/bold] and [Reuters] and [@click=app.quit]q[/]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "␛]0;title␇ bell" in text
        line = "".join(segment.text for segment in view.render_line(2))
        assert "\x1b" not in line and "\x07" not in line
        assert app.is_running


async def test_g_and_j_k_move_the_scroll() -> None:
    app = Host(long_article(100))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        assert view.scroll_y == 1
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        assert "99 Paragraph 99 says" in screen_text(app)
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("space")
        assert view.scroll_y > 10
        await pilot.press("b")
        assert view.scroll_y == 0


async def test_long_document_loads_and_end_reaches_the_last_paragraph() -> None:
    paragraphs = long_article(5000)
    app = Host(paragraphs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        assert len(view.visible_paragraphs) == 5000
        await pilot.press("end")
        await pilot.pause()
        assert "4999 Paragraph 4999 says" in screen_text(app)
        assert view.top_paragraph >= 4990
        await pilot.press("home")
        await pilot.pause()
        assert view.top_paragraph == 0


async def test_resize_rewraps_and_keeps_the_paragraph_on_top() -> None:
    app = Host(long_article(200))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.scroll_to_span(Span(80, 0, 1))
        await pilot.pause()
        top, tall = view.top_paragraph, view.virtual_size.height
        assert top > 70
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        assert view.virtual_size.height > tall
        assert view.top_paragraph == top
        assert f"{top} Paragraph {top} says" in screen_text(app)


async def test_click_reports_paragraph_and_offset() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        row = next(n for n, line in enumerate(screen_text(app).splitlines()) if line.startswith("4 "))
        gutter = 2
        await pilot.click(ArticleView, offset=(gutter + 5, row))
        await pilot.pause()
        assert [(c.paragraph, c.offset) for c in app.clicks] == [(4, 5)]
        assert view.paragraphs[4].text[5] == "i"  # “We w[i]ll


@pytest.mark.parametrize("focus", [0, 1])
async def test_set_highlight_focus_picks_the_span_to_centre(focus: int) -> None:
    app = Host(long_article(300))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_highlight([Span(40, 0, 9), Span(260, 0, 9)], focus=focus)
        await pilot.pause()
        expected = (40, 260)[focus]
        assert f"{expected} Paragraph {expected} says" in screen_text(app)


async def test_n_steps_through_search_matches_when_nothing_is_highlighted() -> None:
    app = Host(long_article(300))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        view.only_matches = False
        view.set_search([50, 150, 250], [Span(50, 0, 9), Span(150, 0, 9), Span(250, 0, 9)])
        await pilot.pause()
        assert "50 Paragraph 50 says" in screen_text(app)  # the first match is brought on screen
        await pilot.press("n")
        assert "50 Paragraph 50 says" in screen_text(app)
        await pilot.press("n")
        assert "150 Paragraph 150 says" in screen_text(app)
        await pilot.press("N", "N")  # back past the first, wrapping to the last
        assert "250 Paragraph 250 says" in screen_text(app)


async def test_background_wrapping_completes_and_keeps_the_top_paragraph() -> None:
    paragraphs = [Paragraph(i, "body", ("word " * (7 + (i * 37) % 90)).strip()) for i in range(3000)]
    app = Host(paragraphs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.scroll_to_span(Span(1500, 0, 1), center=False)
        top = view.top_paragraph
        for _ in range(200):
            if view.layout_complete:
                break
            await pilot.pause(0.01)
        assert view.layout_complete
        assert view.top_paragraph == top
        expected = sum(len(wrap_ranges(p.text, view.wrap_width)) // 2 + 1 for p in paragraphs) - 1
        assert view.virtual_size.height == expected


async def test_theme_change_restyles_the_text_readably() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_search([4], [Span(4, 27, 32)])
        await pilot.pause()

        def styles() -> tuple[object, object]:
            strip = next(view.render_line(y) for y in range(5) if "Pérez" in view.render_line(y).text)
            by_text = {segment.text: segment.style for segment in strip}
            return by_text["Pérez"], by_text[next(t for t in by_text if "said at" in t)]

        dark_match, dark_plain = styles()
        app.theme = "textual-light"
        await pilot.pause()
        light_match, light_plain = styles()
        assert light_plain.bgcolor != dark_plain.bgcolor  # the cache did not keep dark strips
        for match, plain in ((dark_match, dark_plain), (light_match, light_plain)):
            assert match.bgcolor != plain.bgcolor  # a match stands out in both themes
            assert plain.color != plain.bgcolor


async def test_search_results_from_the_index_highlight_every_match() -> None:
    from tui.core.model import Article
    from tui.core.search import SearchIndex

    result = SearchIndex.build(Article("t", "", tuple(SAMPLE))).search("perez")
    assert result is not None
    app = Host(SAMPLE)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.set_search(result.paragraph_indices(), result.paragraph_spans())
        await pilot.pause()
        assert view.visible_paragraphs == [2, 3, 4]
        plain = list(view.render_line(0))[1].style  # the first words of paragraph 2
        highlighted = [segment.text for y in range(12) for segment in view.render_line(y)
                       if segment.style != plain and segment.text.strip() and segment.style.bgcolor != plain.bgcolor]
        assert highlighted.count("Pérez") == 5  # 3 in paragraph 2, 1 in the caption, 1 in 4


async def test_empty_article_and_a_very_narrow_pane_do_not_break() -> None:
    app = Host([])
    async with app.run_test(size=(12, 10)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("G", "g", "j", "n", "N")
        assert view.visible_paragraphs == [] and view.top_paragraph == -1
        view.load(article([("title", "Narrow"), ("body", "Every word survives a pane this thin.")]))
        await pilot.pause()
        for _ in range(100):
            if view.layout_complete:
                break
            await pilot.pause(0.01)
        tokens = " ".join(view.render_line(y).text for y in range(view.virtual_size.height)).split()
        assert [t for t in tokens if t.isdigit()] == ["0", "1"]  # the paragraph numbers
        # Every character is there, in order, even where a word had to be cut to fit.
        assert "".join(t for t in tokens if not t.isdigit()) == "NarrowEverywordsurvivesapanethisthin."


async def test_end_while_the_background_wrap_runs_reaches_the_true_end() -> None:
    # estimates are far off (short and long paragraphs), so the wrap changes the total height
    paragraphs = [Paragraph(i, "body", ("word " * (3 + (i * 53) % 140)).strip() + f" end{i}.")
                  for i in range(4000)]
    app = Host(paragraphs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.08)  # a few background slices, not all of them
        view = app.query_one(ArticleView)
        view.focus()
        assert not view.layout_complete
        assert view.top_paragraph == 0  # the wrap below the top never moves the text
        await pilot.press("end")
        await pilot.pause()
        assert "end3999." in screen_text(app)
        assert view.scroll_y == view.max_scroll_y
        for _ in range(400):
            if view.layout_complete:
                break
            await pilot.pause(0.02)
        assert view.layout_complete
        await pilot.pause(0.05)
        expected = sum(len(wrap_ranges(p.text, view.wrap_width)) // 2 + 1 for p in paragraphs) - 1
        assert view.virtual_size.height == expected  # the scrollbar ends exact
        assert "end3999." in screen_text(app)


async def test_marks_given_in_any_order_style_their_own_words() -> None:
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        # Pérez in paragraphs 4 and 2, out of order; a quote in paragraph 4
        view.set_marks([Span(4, 27, 32), Span(2, 18, 23)], [Span(4, 0, 26)])
        await pilot.pause()
        assert view.paragraphs[2].text[18:23] == "Pérez"
        lines = [view.render_line(y) for y in range(view.size.height)]

        def style_of(word: str, line_has: str):  # type: ignore[no-untyped-def]
            strip = next(s for s in lines if line_has in s.text)
            return next(seg.style for seg in strip if seg.text == word)

        plain = next(seg.style for s in lines if "arrived on Tuesday" in s.text
                     for seg in s if "arrived" in seg.text)
        mention = style_of("Pérez", "Ana Pérez, arrived")
        assert mention != plain
        assert style_of("Pérez", "Ms. Pérez said") == mention
        quote = next(seg.style for s in lines if "We will not" in s.text for seg in s
                     if "We will not" in seg.text)
        assert quote != plain and quote != mention
        caption = next(s for s in lines if "at the border crossing" in s.text)
        assert len({seg.style for seg in caption if "Pérez" in seg.text or "border" in seg.text}) == 1


async def test_background_wrap_waits_while_paused_and_resumes() -> None:
    paragraphs = [Paragraph(i, "body", ("word " * (5 + (i * 37) % 90)).strip()) for i in range(3000)]
    app = Host(paragraphs)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        view.pause_background_wrap(True)
        await pilot.pause(0.2)
        assert not view.layout_complete
        assert "0 word word" in screen_text(app)  # the screen itself is wrapped exactly
        view.pause_background_wrap(False)
        for _ in range(300):
            if view.layout_complete:
                break
            await pilot.pause(0.02)
        assert view.layout_complete


def test_a_layout_over_wrapped_paragraphs_is_complete_at_once():
    """Once the background wrap has done every paragraph, a new layout (a search keystroke
    over 17,000 paragraphs) knows it is exact without walking its rows; until then it is not."""
    texts = ["one two three four five six"] * 6
    wrapped = {position: wrap_ranges(text, 10) for position, text in enumerate(texts)}
    layout = WrappedLayout(texts, [0, 2, 5], 10, wrapped)
    assert layout._cursor == 3
    assert layout.complete
    assert layout.total == 3 * 3 + 2  # three lines each, a blank line between rows
    unfinished = WrappedLayout(texts, [0, 2, 5], 10, {0: wrapped[0]})
    assert unfinished._cursor == 0
    assert not unfinished.complete


async def test_the_text_is_in_the_first_frame_even_before_the_resize_event(monkeypatch) -> None:
    """load() runs before the pane has a width; the Resize that lays the text out comes after
    the first frame. The frame itself lays the text out, so it never shows an empty pane."""
    monkeypatch.setattr(ArticleView, "on_resize", lambda self, event: None)
    app = Host(SAMPLE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "0 Ministers Meet Over Border Policy" in screen_text(app)
        assert app.query_one(ArticleView).visible_paragraphs == [0, 1, 2, 3, 4, 6]
