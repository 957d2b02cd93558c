"""List rows laid out by hand, and the linking rules, without a running app."""

from __future__ import annotations

from conftest import build_fixture_article
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.display import plain, plain_line
from tui.app.entity_list import entity_row, ordered_entities
from tui.app.linking import entity_at, next_speaker, quote_at, speakers_in_order, visible_quotes
from tui.app.quote_list import quote_row
from tui.app.rows import ELLIPSIS, clamp_lines, fit, wrap_offsets, wrap_offsets_by_cells

words = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Mn", "Me", "Cf")),
             min_size=1, max_size=14),
    min_size=0, max_size=40,
)


@given(words, st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=4))
def test_clamped_rows_fit_their_width_and_line_budget(word_list, width, max_lines):
    text = " ".join(word_list)
    content = clamp_lines(text, width, max_lines)
    lines = content.plain.split("\n") if content.plain else []
    assert len(lines) <= max_lines
    assert all(cell_len(line) <= max(width, 2) for line in lines)
    shown = "".join(line.removesuffix(ELLIPSIS) for line in lines).replace(" ", "")
    assert text.replace(" ", "").startswith(shown)
    if len(wrap_offsets(text, width)) > max_lines:
        assert lines[-1].endswith(ELLIPSIS)
    else:
        assert shown == text.replace(" ", "")


def test_wrap_breaks_at_spaces_and_cuts_only_words_longer_than_the_line():
    assert wrap_offsets("the quick brown fox", 10) == [(0, 9), (10, 19)]
    assert wrap_offsets("abcdefghijkl xy", 5) == [(0, 5), (5, 10), (10, 15)]
    assert wrap_offsets("abcdefghijkl xyz", 5) == [(0, 5), (5, 10), (10, 12), (13, 16)]


def test_fit_adds_an_ellipsis_only_when_it_cuts():
    assert fit("Tom Reyes", 20) == ("Tom Reyes", False)
    assert fit("Millbrook Fishers' Association", 12) == ("Millbrook F…", True)


def test_match_highlights_follow_the_wrapped_lines():
    content = clamp_lines("We cannot keep patching a structure", 12, 3, matches=[(10, 23)], match_style="reverse")
    assert content.plain.split("\n") == ["We cannot", "keep", "patching a…"]
    marked = "".join(content.plain[s.start:s.end] for s in content.spans if s.style == "reverse")
    assert marked.replace("\n", "") == "keeppatching"


def test_untrusted_text_is_literal_and_control_characters_visible():
    content = plain("[bold]x[/] \x1b]0;t\x07")
    assert content.plain == "[bold]x[/] ␛]0;t␇"
    assert content.spans == []
    assert plain_line("a\nb\tc").plain == "a b c"


def test_entity_and_quote_rows():
    article = build_fixture_article()
    okafor = article.entity("p-okafor")
    row = entity_row(okafor, quotes=2, width=30, chosen=True)
    first, role = row.plain.split("\n")
    assert first.startswith("▸ Maria Okafor") and first.endswith("❝2 3×")
    assert cell_len(first) == 30
    assert role.strip() == "council chair"
    quote = article.quotes[4]  # the unattributed one
    lines = quote_row(quote, width=30).plain.split("\n")
    assert lines[0].startswith("unattributed") and lines[0].endswith("¶6")
    assert lines[1] == "“closed for good.”"


def test_sidebar_groups_people_first_and_credits_last():
    groups = ordered_entities(build_fixture_article())
    assert [heading for heading, _ in groups] == ["People", "Organisations", "Places", "Groups", "Credits"]
    assert [e.id for e in groups[0][1]] == ["p-karim", "p-okafor", "p-reyes"]


def test_linking_rules():
    article = build_fixture_article()
    assert speakers_in_order(article) == ["p-okafor", "p-reyes", "p-karim"]
    assert next_speaker(article, None, 1) == "p-okafor"
    assert next_speaker(article, None, -1) == "p-karim"
    assert next_speaker(article, "p-karim", 1) == "p-karim"
    assert [q.id for q in visible_quotes(article, speaker_id="p-reyes")] == ["q3", "q4"]
    q4 = article.quotes[3].spans[0]
    assert quote_at(article, q4.paragraph, q4.start).id == "q4"
    assert quote_at(article, q4.paragraph, q4.end) is None
    trust = article.entity("o-trust").mentions[0]
    assert entity_at(article, trust.paragraph, trust.end - 1).id == "o-trust"


@given(words, st.integers(min_value=2, max_value=40))
def test_fast_wrap_matches_the_cell_by_cell_wrap(word_list, width):
    text = " ".join(word_list)
    assert wrap_offsets(text, width) == wrap_offsets_by_cells(text, width)


def test_article_marks_are_every_span_in_reading_order_once_per_article(fixture_article):
    from tui.app.linking import article_marks

    mentions, quotes = article_marks(fixture_article)
    expected = sorted(span for entity in fixture_article.entities for span in entity.mentions)
    assert mentions == expected and len(mentions) > 10
    assert quotes == sorted(span for quote in fixture_article.quotes for span in quote.spans)
    again = article_marks(fixture_article)
    assert again[0] is mentions  # kept: the UI thread finds them ready


def _cells(strip) -> list[tuple[str, str]]:
    """A strip as (character, style) per cell, meta left out: what a terminal shows."""
    return [(char, str(segment.style)) for segment in strip for char in segment.text]


async def test_rows_drawn_directly_look_exactly_as_textual_would_draw_them():
    """RowList draws its rows itself (fast); every cell must match OptionList's own drawing,
    for plain rows, the cursor row, headings and rows with search highlights, and a click on
    any cell of a row must still say which option it is."""
    from conftest import make_app, settle
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for query in ("", "reyes", "plank"):
            if query:
                await pilot.press("escape", "slash", *query)
                await settle(app, pilot)
            for rows in (app.reader.entity_list, app.reader.quote_list):
                for state in ("", "option-list--option-highlighted"):
                    names = ("option-list--option", state) if state else ("option-list--option",)
                    style = rows.get_visual_style(*names)
                    for index, option in enumerate(rows.options):
                        rows._option_render_cache.clear()  # both draw into the same cache
                        ours = rows._get_option_render(option, style)
                        rows._option_render_cache.clear()
                        theirs = OptionList._get_option_render(rows, option, style)
                        assert [_cells(s) for s in ours] == [_cells(s) for s in theirs], (query, option.id)
                        assert all(segment.style.meta["option"] == index
                                   for strip in ours for segment in strip if not option._divider)
