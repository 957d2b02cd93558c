"""The full-text pane as a virtual view (Line API) so a frame costs the same for any length.

Only the lines on screen are ever turned into strips (kept in an LRU cache); the document is held
as paragraphs plus, per paragraph, the character ranges of its wrapped lines. Wrapping is a regex
greedy wrap in C for paragraphs whose characters are all one cell wide (nearly all news text), and
an exact cell-by-cell wrap only for paragraphs with wide, zero-width or control characters. It is
lazy: heights start as estimates, the lines on screen are wrapped first and the rest in small
slices, so opening 4 MB does not wait for 4 MB of wrapping.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from time import perf_counter

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.scrollbars import LineScrollBars
from tui.core.model import Paragraph, Span

# --------------------------------------------------------------------------------------------
# Making article text safe to display, one character for one character (offsets stay valid).

# Same set as tui.core.safe_text: C0 (but LF, a line break here), DEL, C1, bidi overrides and
# isolates, the Unicode line/paragraph separators and lone surrogates.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _fallback_visible(text: str) -> str:
    """Replace each control (see ``_CONTROL``) with a visible one-cell symbol."""

    def symbol(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)  # ␀ .. ␟
        if code == 0x7F:
            return "\u2421"  # ␡
        return "\ufffd"

    return _CONTROL.sub(symbol, text)


def _load_visible() -> Callable[[str], str]:
    try:
        from tui.core.safe_text import visible  # written by the cli work; same 1:1 contract
    except ImportError:
        return _fallback_visible
    return visible


visible: Callable[[str], str] = _load_visible()


def display_text(text: str) -> str:
    """Text as shown: controls made visible 1:1 (a final pass so no escape can reach the terminal)."""
    shown = visible(text) if _CONTROL.search(text) else text
    if len(shown) != len(text) or _CONTROL.search(shown):  # a helper that broke the contract
        shown = _fallback_visible(text)
    return shown


# --------------------------------------------------------------------------------------------
# Word wrapping into character ranges.


_UNUSUAL = re.compile(r"[^\x20-\x7e\n]")  # anything but printable ASCII and line breaks


@lru_cache(maxsize=8192)
def _is_single_cell(char: str) -> bool:
    """True if ``char`` shows as exactly one cell (controls are shown as one-cell symbols)."""
    return bool(_CONTROL.match(char)) or get_character_cell_size(char) == 1


def _all_single_cell(text: str) -> bool:
    """Fast: only the (few) characters outside printable ASCII are looked up."""
    return all(map(_is_single_cell, set(_UNUSUAL.findall(text))))


_WORD = re.compile(r"[^ \n]+")
_FAST_WRAP_CACHE: dict[int, re.Pattern[str]] = {}


def _fast_wrap_pattern(width: int) -> re.Pattern[str]:
    """Greedy: the longest run of words that fits, else a hard cut of an over-long word."""
    pattern = _FAST_WRAP_CACHE.get(width)
    if pattern is None:
        pattern = re.compile(r"[^ \n](?:[^\n]{0,%d}[^ \n])?(?=[ \n]|\Z)|[^ \n]{%d}" % (width - 2, width))
        _FAST_WRAP_CACHE[width] = pattern
    return pattern


def wrap_ranges(text: str, width: int) -> tuple[int, ...]:
    """Wrap ``text`` to ``width`` cells; returns flat ``(start0, end0, start1, end1, ...)``.

    Breaks at spaces (and always at newlines); a word is cut only when longer than a line. Line
    ranges exclude the spaces at the break, so ``text[start:end]`` is exactly what a line shows.
    """
    width = max(1, width)
    if width >= 2 and _all_single_cell(text):
        spans: list[int] = []
        extend = spans.extend
        for match in _fast_wrap_pattern(width).finditer(text):
            extend(match.span())
        return tuple(spans) or (0, 0)
    return _wrap_by_cells(text, width)


def _wrap_by_cells(text: str, width: int) -> tuple[int, ...]:
    """Exact greedy wrap by displayed cell widths (wide CJK, combining marks, controls)."""
    shown = display_text(text)
    cells = [get_character_cell_size(ch) for ch in shown]
    spans: list[int] = []
    for hard in re.finditer(r"[^\n]+", text):
        line_start = line_end = -1
        used = 0
        for word in _WORD.finditer(text, hard.start(), hard.end()):
            start, end = word.span()
            word_cells = sum(cells[start:end])
            if line_start >= 0 and used + (start - line_end) + word_cells <= width:
                used += (start - line_end) + word_cells
                line_end = end
                continue
            if line_start >= 0:
                spans += (line_start, line_end)
            # Start a new line with this word, cutting it while it is longer than a line.
            while word_cells > width:
                taken = cut = 0
                while cut < end - start and (taken + cells[start + cut] <= width or cut == 0):
                    taken += cells[start + cut]
                    cut += 1
                spans += (start, start + cut)
                start += cut
                word_cells -= taken
            line_start, line_end, used = start, end, word_cells
        if line_start >= 0:
            spans += (line_start, line_end)
    return tuple(spans) or (0, 0)


# --------------------------------------------------------------------------------------------
# Layout: which paragraphs show, and on which virtual lines, with exact wrapping done lazily.


class WrappedLayout:
    """Rows (the shown paragraphs) laid out on virtual lines at one width.

    A row's height is exact once it has been wrapped and an estimate (from its length) before,
    so a 4 MB text lays out in milliseconds; the rows on screen are always made exact first, and
    ``refine`` makes the rest exact in small slices. Each row ends with a blank line but the last.
    """

    def __init__(self, texts: Sequence[str], rows: list[int], width: int,
                 wrapped: dict[int, tuple[int, ...]], known: list[int] | None = None) -> None:
        self.texts = texts
        self.rows = rows  # positions into texts, ascending
        self.width = width
        self.wrapped = wrapped  # position -> line ranges at this width (shared between layouts)
        # position -> its height with the blank line after it, exact where wrapped, else the
        # estimate; shared between layouts with the same ``wrapped``, so a new layout (a search
        # keystroke) picks its rows' heights in C instead of recomputing them one by one
        self.known = known if known is not None and len(known) == len(texts) else None
        self.heights = self._initial_heights()
        self.starts: list[int] = []
        self.total = 0
        # rows before it are all exact; once the background wrap has done every row that is all
        # of them, found by a set comparison in C rather than walking 17,000 rows on a keystroke
        self._cursor = len(rows) if len(wrapped) >= len(rows) and wrapped.keys() >= set(rows) else 0
        self._accumulate()

    # ---- heights -----------------------------------------------------------------------------

    def _usable_width(self) -> int:
        """Cells a wrapped line fills on average (greedy wrapping leaves a ragged edge)."""
        return max(1, self.width - 4 if self.width > 12 else self.width)

    def _initial_heights(self) -> list[int]:
        """Exact heights where wrapped already, else estimates: O(rows), no wrapping."""
        if not self.rows:
            return []
        if self.known is None:
            wrapped, texts, usable = self.wrapped, self.texts, self._usable_width()
            self.known = [(len(wrapped[p]) // 2 if p in wrapped else max(1, -(-len(text) // usable))) + 1
                          for p, text in enumerate(texts)]
        rows = self.rows
        if len(rows) > 1:
            heights = list(itemgetter(*rows)(self.known))
        else:
            heights = [self.known[p] for p in rows]
        if heights:
            heights[-1] -= 1
        return heights

    def _height(self, row: int) -> int:
        position = self.rows[row]
        ranges = self.wrapped.get(position)
        if ranges is not None:
            lines = len(ranges) // 2
        else:
            lines = max(1, -(-len(self.texts[position]) // self._usable_width()))
        return lines + (row < len(self.rows) - 1)

    def _accumulate(self) -> None:
        self.starts = [0, *accumulate(self.heights)][:-1] if self.heights else []
        self.total = sum(self.heights)

    def ranges(self, position: int) -> tuple[int, ...]:
        """The wrapped line ranges of a paragraph (wrapping it now if needed)."""
        ranges = self.wrapped.get(position)
        if ranges is None:
            ranges = self.wrapped[position] = wrap_ranges(self.texts[position], self.width)
            if self.known is not None:
                self.known[position] = len(ranges) // 2 + 1
        return ranges

    def is_exact(self, row: int) -> bool:
        return self.rows[row] in self.wrapped

    @property
    def complete(self) -> bool:
        """True when every row's height is exact."""
        return self._advance_cursor() >= len(self.rows)

    def _advance_cursor(self) -> int:
        while self._cursor < len(self.rows) and self.rows[self._cursor] in self.wrapped:
            self._cursor += 1
        return self._cursor

    def make_exact(self, rows: Iterable[int]) -> bool:
        """Wrap these rows; True if any height changed (starts are then recomputed)."""
        changed = False
        for row in rows:
            changed |= self._wrap_row(row)
        if changed:
            self._accumulate()
        return changed

    def _wrap_row(self, row: int) -> bool:
        """Wrap one row exactly if it is still an estimate; True if its height changed."""
        if self.is_exact(row):
            return False
        self.ranges(self.rows[row])
        height = self._height(row)
        if height == self.heights[row]:
            return False
        self.heights[row] = height
        return True

    def make_exact_between(self, first_y: int, last_y: int) -> bool:
        """Make every row touching lines ``first_y..last_y`` exact (they may move as they do)."""
        changed = False
        for _ in range(8):  # converges at once unless estimates were far off
            located = self.locate(max(0, first_y))
            if located is None:
                break
            first = located[0]
            last_located = self.locate(min(last_y, self.total - 1))
            last = last_located[0] if last_located else len(self.rows) - 1
            if all(self.is_exact(row) for row in range(first, last + 1)):
                break
            changed |= self.make_exact(range(first, last + 1))
        return changed

    def make_end_exact(self, height: int) -> bool:
        """Make the last rows exact until they fill ``height`` lines (for the End key)."""
        rows, filled = [], 0
        for row in range(len(self.rows) - 1, -1, -1):
            rows.append(row)
            filled += len(self.ranges(self.rows[row])) // 2 + 1
            if filled >= height:
                break
        return self.make_exact(rows)

    def refine(self, budget: float) -> bool:
        """Wrap not-yet-exact rows for about ``budget`` seconds; True if any height changed."""
        deadline = perf_counter() + budget
        changed = False
        row = self._advance_cursor()
        while row < len(self.rows):
            changed |= self._wrap_row(row)
            row += 1
            if row % 64 == 0 and perf_counter() > deadline:
                break
        self._cursor = row
        if changed:
            self._accumulate()
        return changed

    # ---- lookups -----------------------------------------------------------------------------

    def locate(self, y: int) -> tuple[int, int] | None:
        """(row, line within the row) of virtual line ``y``."""
        if y < 0 or y >= self.total or not self.rows:
            return None
        row = bisect_right(self.starts, y) - 1
        return row, y - self.starts[row]

    def row_of(self, position: int) -> int | None:
        """The row showing paragraph ``position``, if it is shown."""
        row = bisect_left(self.rows, position)
        return row if row < len(self.rows) and self.rows[row] == position else None

    def row_at_or_after(self, position: int) -> int:
        """The first row showing ``position`` or a later paragraph (else the last row)."""
        return min(bisect_left(self.rows, position), len(self.rows) - 1)

    def line_of(self, row: int, offset: int) -> int:
        """Virtual line of character ``offset`` in ``row`` (the row is made exact first)."""
        self.make_exact([row])
        ranges = self.ranges(self.rows[row])
        line = 0
        while line * 2 + 2 < len(ranges) and ranges[line * 2 + 2] <= offset:
            line += 1
        return self.starts[row] + line


# --------------------------------------------------------------------------------------------
# The view.

_KIND_CLASSES = {
    "title": "article-view--title",
    "body": "article-view--body",
    "caption": "article-view--caption",
    "credit": "article-view--credit",
    "contributors": "article-view--contributors",
    "byline": "article-view--byline",
    "boilerplate": "article-view--boilerplate",
}
_CAPTION_KINDS = frozenset({"caption", "credit"})
# Overlay layers, weakest first: a later layer's style is added on top of the earlier ones.
_LAYERS = ("quote", "mention", "match", "highlight", "current")
_REFINE_SLICE = 0.006  # seconds of background wrapping per slice: well under a frame
_REFINE_PAUSE = 0.02  # seconds between slices: the UI thread leaves the GIL to other threads
_PUBLISH_EVERY = 0.5  # seconds between scrollbar updates while only rows below the top change


class ArticleView(LineScrollBars, ScrollView, can_focus=True):
    """Paragraph numbers in the margin, kinds styled apart, boilerplate hidden, spans highlighted."""

    COMPONENT_CLASSES = {
        "article-view--number",
        *_KIND_CLASSES.values(),
        *(f"article-view--{layer}" for layer in _LAYERS),
    }

    _ENDS = Binding.Group("Top/End", compact=True)
    _HIGHLIGHTS = Binding.Group("Next/prev", compact=True)
    BINDINGS: list[BindingType] = [
        Binding("j,down", "line_down", "Scroll", id="article_view.line_down", key_display="j/k"),
        Binding("k,up", "line_up", "Up", id="article_view.line_up", key_display="k", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="article_view.page_down",
                key_display="space", show=False),
        Binding("b,pageup", "page_up", "Page up", id="article_view.page_up", key_display="b",
                show=False),
        Binding("g,home", "top", "Top", id="article_view.top", key_display="g", group=_ENDS),
        Binding("G,end", "bottom", "End", id="article_view.bottom", key_display="G", group=_ENDS),
        Binding("n", "next_highlight", "Next", id="article_view.next_highlight", group=_HIGHLIGHTS),
        Binding("N", "previous_highlight", "Previous", id="article_view.previous_highlight",
                group=_HIGHLIGHTS),
    ]

    show_captions: reactive[bool] = reactive(True)
    show_boilerplate: reactive[bool] = reactive(False)
    only_matches: reactive[bool] = reactive(True)

    class SpanClicked(Message):
        """The user clicked inside the text at ``offset`` into ``Paragraph.text`` of ``paragraph``."""

        def __init__(self, paragraph: int, offset: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.offset = offset

    def __init__(self, paragraphs: Sequence[Paragraph] = (), *, name: str | None = None,
                 id: str | None = None, classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._paragraphs: tuple[Paragraph, ...] = ()
        self._texts: list[str] = []
        self._kinds: list[str] = []
        self._by_index: dict[int, int] = {}
        self._search: list[int] | None = None  # paragraph indices of the active search
        self._layers: dict[str, dict[int, Sequence[tuple[int, int]]]] = {layer: {} for layer in _LAYERS}
        self._highlights: list[Span] = []
        self._match_spans: Sequence[Span] = []
        self._focus: int | None = None
        self._match_cursor: int | None = None  # n/N position among the search matches
        self._matches_sorted = True
        self._wrapped: dict[int, tuple[int, ...]] = {}  # wrap cache at self._layout.width
        self._known: list[int] | None = None  # heights by position at that width (WrappedLayout.known)
        self._layout = WrappedLayout([], [], 0, self._wrapped)
        self._gutter = 1
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._rich_styles: dict[str, Style] | None = None
        self._refining = False
        self._stale_size = False  # the layout's total is ahead of virtual_size (rows below the top)
        self._published = 0.0
        self._wrap_paused = False
        self._positions_known: tuple[tuple[Paragraph, ...], bool] | None = None
        self._set_paragraphs(paragraphs)

    # ---- public API ------------------------------------------------------------------------

    def load(self, paragraphs: Sequence[Paragraph], *, last_index: int | None = None) -> None:
        """Show these paragraphs (replaces any previous article) from the top. ``last_index``:
        the highest paragraph number to make room for in the margin, when only the first
        paragraphs are given yet (so the text does not shift when the rest arrives)."""
        self._set_paragraphs(paragraphs, last_index)
        self._relayout(anchor=None)
        self.scroll_to(y=0, animate=False, immediate=True)

    def extend(self, paragraphs: Sequence[Paragraph]) -> None:
        """The same text with more paragraphs (a long text's rest, split after the first paint):
        the paragraph on top stays on top, and marks and searches are set again by the caller."""
        top = self._top_position()
        self._set_paragraphs(paragraphs)
        self._relayout(anchor=top)

    def set_marks(self, mentions: Sequence[Span], quotes: Sequence[Span]) -> None:
        """Subtle marks for every entity mention and quote (may arrive after analysis ends)."""
        self._layers["mention"] = _SpansByParagraph(mentions)  # type: ignore[assignment]
        self._layers["quote"] = _SpansByParagraph(quotes)  # type: ignore[assignment]
        self._repaint()

    def set_highlight(self, spans: Sequence[Span], focus: int | None = 0) -> None:
        """Strong highlight on these spans; scroll so spans[focus] is centred. Empty clears."""
        self._highlights = sorted(spans, key=_span_order)
        self._layers["highlight"] = _group_spans(self._highlights)
        self._focus = None
        if self._highlights and focus is not None:
            target = spans[focus % len(spans)]
            self._focus_on(self._highlights.index(target))
        else:
            self._layers["current"] = {}
            self._repaint()

    def next_highlight(self) -> None:
        """Scroll to the next highlighted span (key n), wrapping; search matches if none."""
        self._step_highlight(+1)

    def previous_highlight(self) -> None:
        """Scroll to the previous highlighted span (key N), wrapping."""
        self._step_highlight(-1)

    def scroll_to_span(self, span: Span, *, center: bool = True) -> None:
        """Bring a span on screen (nothing happens if its paragraph is hidden or filtered out)."""
        y = self._span_y(span)
        if y is None:
            return
        height = self._viewport_height()
        if center:
            self._scroll_to_line(max(0, y - height // 2))
        elif not self.scroll_y <= y < self.scroll_y + height:
            self._scroll_to_line(max(0, y - height + 1) if y >= self.scroll_y else y)

    def set_search(self, paragraphs: Sequence[int] | None, matches: Sequence[Span]) -> None:
        """Search results: show only ``paragraphs`` (document order) unless ``only_matches`` is
        False, and highlight ``matches``; None restores the whole text at the current paragraph."""
        search = None if paragraphs is None else sorted(set(paragraphs))
        grouped = getattr(matches, "by_paragraph", None)  # SpanList: grouped in the search thread
        if search is not None and self._same_screen(search, matches, grouped):
            return
        anchor = self._top_position()
        self._search = search
        # Kept as given and sorted only when n/N needs it: 50,000 spans cost 0.1 s to sort, and
        # tui.core.search.SpanList makes its Span objects only when iterated.
        self._match_spans = matches if paragraphs is not None else []
        self._matches_sorted = False
        if paragraphs is None:
            self._layers["match"] = {}
        else:
            # SpanList's mapping finds a paragraph's ranges when it is drawn: kept as it is
            self._layers["match"] = grouped if grouped is not None else _group_spans(matches)
        self._strips.clear()
        self._match_cursor = None
        if not self._highlights:
            self._layers["current"] = {}
        if self._search is not None and self.only_matches:
            self._relayout(anchor=None)
        else:
            self._relayout(anchor=anchor)
            first = self._first_match()
            if self._search is not None and first is not None:
                self.scroll_to_span(first)

    def _same_screen(self, search: list[int], matches: Sequence[Span],
                     grouped: Mapping[int, Sequence[tuple[int, int]]] | None) -> bool:
        """A search keystroke that leaves the same paragraphs, with the same highlights on the
        lines on screen (typing on within a word: "gove", "gover"): take the new matches for
        the lines drawn later, and redraw nothing. True if that was the case."""
        height = self._viewport_height()
        if (search != self._search or not self.only_matches or round(self.scroll_y) != 0
                or height <= 0 or (self._layers["current"] and not self._highlights)):
            return False
        if grouped is None:
            grouped = _group_spans(matches)
        old = self._layers["match"]
        layout = self._layout
        first = layout.locate(0)
        last = layout.locate(min(layout.total, height) - 1)
        if first is not None and last is not None:
            for row in range(first[0], last[0] + 1):
                index = self._paragraphs[layout.rows[row]].index
                if tuple(old.get(index, ())) != tuple(grouped.get(index, ())):
                    return False
        self._layers["match"] = grouped  # type: ignore[assignment]
        self._match_spans = matches
        self._matches_sorted = False
        self._match_cursor = None
        self._strips.clear()  # lines off screen are drawn again, with the new matches
        return True

    @property
    def visible_paragraphs(self) -> list[int]:
        """Indices (``Paragraph.index``) of the paragraphs displayed, in display order."""
        return [self._paragraphs[position].index for position in self._layout.rows]

    @property
    def top_paragraph(self) -> int:
        """``Paragraph.index`` of the paragraph at the top of the viewport (-1 when empty)."""
        position = self._top_position()
        return -1 if position is None else self._paragraphs[position].index

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The article's paragraphs as loaded."""
        return self._paragraphs

    @property
    def wrap_width(self) -> int:
        """Cells of text per line (the width minus the paragraph-number margin)."""
        return self._layout.width

    @property
    def layout_complete(self) -> bool:
        """True once every shown paragraph is wrapped exactly (background wrapping done)."""
        return self._layout.complete

    # ---- actions ---------------------------------------------------------------------------

    def action_line_down(self) -> None:
        self._scroll_to_line(self.scroll_y + 1)

    def action_line_up(self) -> None:
        self._scroll_to_line(self.scroll_y - 1)

    def action_page_down(self) -> None:
        self._scroll_to_line(self.scroll_y + max(1, self._viewport_height() - 1))

    def action_page_up(self) -> None:
        self._scroll_to_line(self.scroll_y - max(1, self._viewport_height() - 1))

    def action_top(self) -> None:
        self._scroll_to_line(0)

    def action_bottom(self) -> None:
        if self._layout.make_end_exact(self._viewport_height()) or self._stale_size:
            self._layout_changed()
        self._scroll_to_line(self.max_scroll_y)

    def action_next_highlight(self) -> None:
        self.next_highlight()

    def action_previous_highlight(self) -> None:
        self.previous_highlight()

    # ---- reactive watchers -----------------------------------------------------------------

    def watch_show_captions(self) -> None:
        self._relayout(anchor=self._top_position())

    def watch_show_boilerplate(self) -> None:
        self._relayout(anchor=self._top_position())

    def watch_only_matches(self) -> None:
        if self._search is not None:
            self._relayout(anchor=None if self.only_matches else self._top_position())

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._make_viewport_exact()

    # ---- events ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._layout.width:
            self._relayout(anchor=self._top_position())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rich_styles = None
        self._strips.clear()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        located = None if offset is None else self._layout.locate(round(self.scroll_y) + offset.y)
        if offset is None or located is None or offset.x < self._gutter:
            return
        row, line = located
        position = self._layout.rows[row]
        ranges = self._layout.ranges(position)
        if line * 2 >= len(ranges):
            return  # the blank line between paragraphs
        start, end = ranges[line * 2], ranges[line * 2 + 1]
        shown = display_text(self._texts[position][start:end])
        column, char, cells = offset.x - self._gutter, 0, 0
        while char < len(shown) and cells + get_character_cell_size(shown[char]) <= column:
            cells += get_character_cell_size(shown[char])
            char += 1
        if char < len(shown):  # not past the end of the line
            self.post_message(self.SpanClicked(self._paragraphs[position].index, start + char))

    # ---- rendering -------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # the first frame is drawn before the Resize event: lay the text out for the width it is
        # drawn at now, or the first frame shows an empty pane and the text comes ~0.1 s later
        if self._text_width() != self._layout.width:
            self._relayout(anchor=self._top_position())
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        styles = self._layer_styles()
        located = self._layout.locate(round(self.scroll_y) + y)
        if located is None:
            return Strip.blank(width, styles["base"])
        row, line = located
        position = self._layout.rows[row]
        key = (position, line, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_paragraph_line(position, line, width, styles)
        return strip

    def _render_paragraph_line(self, position: int, line: int, width: int,
                               styles: dict[str, Style]) -> Strip:
        base = styles["base"]
        ranges = self._layout.ranges(position)
        if line * 2 >= len(ranges):
            return Strip.blank(width, base)
        paragraph = self._paragraphs[position]
        number = f"{paragraph.index:>{self._gutter - 1}} " if line == 0 else " " * self._gutter
        segments = [Segment(number, base + styles["article-view--number"])]
        start, end = ranges[line * 2], ranges[line * 2 + 1]
        shown = display_text(paragraph.text[start:end])
        kind_style = base + styles[_KIND_CLASSES.get(paragraph.kind, "article-view--body")]
        overlays = [(s, e, layer) for layer in _LAYERS
                    for s, e in self._layers[layer].get(paragraph.index, ())
                    if s < end and e > start]
        if not overlays:
            segments.append(Segment(shown, kind_style))
        else:
            cuts = sorted({start, end, *(min(max(s, start), end) for s, _, _ in overlays),
                           *(min(max(e, start), end) for _, e, _ in overlays)})
            for a, b in zip(cuts, cuts[1:]):
                style = kind_style
                for s, e, layer in overlays:
                    if s <= a and b <= e:
                        style = style + styles[f"article-view--{layer}"]
                segments.append(Segment(shown[a - start:b - start], style))
        return Strip(segments).adjust_cell_length(width, base)

    def _layer_styles(self) -> dict[str, Style]:
        if self._rich_styles is None:
            styles = {name: self.get_component_rich_style(name, partial=True)
                      for name in self.COMPONENT_CLASSES}
            styles["base"] = self.rich_style
            self._rich_styles = styles
        return self._rich_styles

    # ---- layout ----------------------------------------------------------------------------

    def _set_paragraphs(self, paragraphs: Sequence[Paragraph], last_index: int | None = None) -> None:
        self._paragraphs = tuple(paragraphs)
        self._texts = [p.text for p in self._paragraphs]
        self._kinds = [p.kind for p in self._paragraphs]
        self._by_index = {p.index: n for n, p in enumerate(self._paragraphs)}
        self._search = None
        self._layers = {layer: {} for layer in _LAYERS}
        self._highlights, self._match_spans, self._focus = [], [], None
        self._wrapped = {}
        self._known = None
        self._strips.clear()
        self._layout = WrappedLayout(self._texts, [], 0, self._wrapped)
        self._gutter = len(str(max((p.index for p in self._paragraphs), default=0))) + 1
        if last_index is not None:
            self._gutter = max(self._gutter, len(str(last_index)) + 1)

    def _indices_are_positions(self) -> bool:
        """True if every paragraph's index is its position (as loaded), for these paragraphs."""
        known = self._positions_known
        if known is None or known[0] is not self._paragraphs:
            known = self._positions_known = (
                self._paragraphs, all(p.index == n for n, p in enumerate(self._paragraphs)))
        return known[1]

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width
        return max(1, width - self._gutter) if width > 0 else 0

    def _viewport_height(self) -> int:
        return self.scrollable_content_region.height or self.size.height

    def _hidden_kinds(self) -> frozenset[str]:
        hidden = set() if self.show_captions else set(_CAPTION_KINDS)
        if not self.show_boilerplate:
            hidden.add("boilerplate")
        return frozenset(hidden)

    def _top_position(self) -> int | None:
        located = self._layout.locate(round(self.scroll_y))
        return None if located is None else self._layout.rows[located[0]]

    def _relayout(self, anchor: int | None) -> None:
        """Recompute which paragraphs show and where; put paragraph position ``anchor`` on top
        (None: the top of the text)."""
        width = self._text_width()
        if width != self._layout.width:
            self._wrapped = {}
            self._known = None
            self._strips.clear()  # lines drawn meanwhile were wrapped at the old width
        if self._search is not None and self.only_matches:
            search = self._search
            if search and self._indices_are_positions() and 0 <= search[0] and search[-1] < len(self._paragraphs):
                candidates: Iterable[int] = search  # nothing to map (a search at 4 MB lists 17,000)
            else:
                candidates = sorted(self._by_index[i] for i in search if i in self._by_index)
        else:
            candidates = range(len(self._paragraphs))
        hidden = self._hidden_kinds()
        kinds = self._kinds
        rows = [position for position in candidates if kinds[position] not in hidden]
        self._layout = WrappedLayout(self._texts, rows if width else [], width, self._wrapped,
                                     self._known)
        self._known = self._layout.known
        top = 0
        if anchor is not None and self._layout.rows:
            row = self._layout.row_at_or_after(anchor)
            self._layout.make_exact([row])
            top = self._layout.starts[row]
        self._layout.make_exact_between(top, top + self._viewport_height())
        self._layout_changed()
        self._scroll_to_line(top)
        self._start_refining()

    def _layout_changed(self) -> None:
        """Lines moved (strips are keyed by paragraph and line, so the cache stays valid)."""
        self._stale_size = False
        size = Size(self.scrollable_content_region.width, self._layout.total)
        if size != self.virtual_size:
            if self.is_mounted and self.size:
                # only the scrollbar depends on the length: no layout pass of the whole screen
                # (a search keystroke changes the length every time)
                self.set_reactive(ScrollView.virtual_size, size)
                self._scroll_update(size)
            else:
                self.virtual_size = size
        self.refresh()

    def _scroll_to_line(self, y: float) -> None:
        if self._stale_size:  # keys scroll within the layout's true size (G: to the true end)
            self._publish_size()
        self.scroll_to(y=max(0, y), animate=False, immediate=True)
        self._make_viewport_exact()

    def _make_viewport_exact(self) -> None:
        top = round(self.scroll_y)
        if self._layout.make_exact_between(top, top + self._viewport_height()):
            self._layout_changed()

    def pause_background_wrap(self, paused: bool) -> None:
        """Hold the background wrap (the screen is always wrapped exactly; only the scrollbar
        stays an estimate) while something heavy runs in another thread, e.g. the analysis:
        each slice on the UI thread takes the GIL from it. False resumes."""
        self._wrap_paused = paused
        if not paused:
            self._start_refining()

    def _start_refining(self) -> None:
        if self._wrap_paused:
            return
        if not self._refining and not self._layout.complete and self.is_mounted:
            self._refining = True
            self.set_timer(_REFINE_PAUSE, self._refine)
        elif self._stale_size and self._layout.complete:
            self._publish_size()

    def _refine(self) -> None:
        """One slice of background wrapping, keeping the paragraph on top where it is.

        Rows below the top change nothing on screen, so the view is not repainted for them:
        only the scrollbar's size is brought up to date, at most every _PUBLISH_EVERY seconds
        and when the wrap completes. (Repainting after every slice kept the UI thread busy -
        and holding the GIL - at 60 frames a second for as long as the wrap ran, which slowed
        the analysis thread ~3x at 4 MB.)"""
        self._refining = False
        layout = self._layout
        top = round(self.scroll_y)
        located = layout.locate(top)
        if layout.refine(_REFINE_SLICE):
            self._stale_size = True
            new_top = None
            if located is not None:
                row, line = located
                new_top = layout.starts[row] + min(line, layout.heights[row] - 1)
            now = perf_counter()
            if new_top != top or layout.complete or now - self._published >= _PUBLISH_EVERY:
                self._publish_size()
                if new_top is not None and new_top != top:
                    self.scroll_to(y=new_top, animate=False, immediate=True)
        elif self._stale_size and layout.complete:
            self._publish_size()
        self._start_refining()

    def _publish_size(self) -> None:
        self._stale_size = False
        self._published = perf_counter()
        self._layout_changed()

    def _span_y(self, span: Span) -> int | None:
        position = self._by_index.get(span.paragraph)
        row = None if position is None else self._layout.row_of(position)
        if row is None:
            return None
        was_exact = self._layout.is_exact(row)
        y = self._layout.line_of(row, span.start)
        if not was_exact:
            self._layout_changed()
        return y

    # ---- highlights ------------------------------------------------------------------------

    def _step_highlight(self, step: int) -> None:
        """Move to the next/previous highlight, or search match when nothing is highlighted."""
        if self._highlights:
            current = self._focus if self._focus is not None else (-1 if step > 0 else 0)
            self._focus_on((current + step) % len(self._highlights))
            return
        if not self._matches_sorted:
            self._match_spans = sorted(self._match_spans, key=_span_order)
            self._matches_sorted = True
        shown = [span for span in self._match_spans
                 if (p := self._by_index.get(span.paragraph)) is not None
                 and self._layout.row_of(p) is not None]
        if not shown:
            return
        current = self._match_cursor
        if current is None or current >= len(shown):
            current = -1 if step > 0 else 0
        self._match_cursor = (current + step) % len(shown)
        span = shown[self._match_cursor]
        self._layers["current"] = {span.paragraph: [(span.start, span.end)]}
        self._repaint()
        self.scroll_to_span(span)

    def _first_match(self) -> Span | None:
        """The search match first in document order."""
        grouped = self._layers["match"]
        if not grouped:
            return None
        paragraph = min(grouped, key=lambda index: self._by_index.get(index, len(self._by_index)))
        start, end = min(grouped[paragraph])
        return Span(paragraph, start, end)

    def _focus_on(self, number: int) -> None:
        self._focus = number
        span = self._highlights[number]
        self._layers["current"] = {span.paragraph: [(span.start, span.end)]}
        self._repaint()
        self.scroll_to_span(span)

    def _repaint(self) -> None:
        self._strips.clear()
        self.refresh()


class _SpansByParagraph:
    """``get(paragraph, default)`` like a dict of (start, end) lists, grouped on demand.

    A 4 MB article has ~100,000 mentions: grouping them all into a dict on the UI thread took
    ~0.3 s when the analysis arrived; this costs one pass in C (the paragraph numbers, already
    in order as the app passes them) and then a bisect per paragraph drawn."""

    __slots__ = ("_spans", "_keys", "_groups")

    def __init__(self, spans: Sequence[Span]) -> None:
        spans = spans if isinstance(spans, (list, tuple)) else list(spans)
        keys = [span.paragraph for span in spans]
        if keys != sorted(keys):  # timsort on sorted input is one linear pass
            spans = sorted(spans, key=_span_order)
            keys = [span.paragraph for span in spans]
        self._spans: Sequence[Span] = spans
        self._keys = keys
        self._groups: dict[int, list[tuple[int, int]]] = {}

    def get(self, paragraph: int, default: Sequence[tuple[int, int]] = ()) -> Sequence[tuple[int, int]]:
        found = self._groups.get(paragraph)
        if found is None:
            low = bisect_left(self._keys, paragraph)
            high = bisect_right(self._keys, paragraph, low)
            if low == high:
                return default
            found = self._groups[paragraph] = [(span.start, span.end) for span in self._spans[low:high]]
        return found

    def __len__(self) -> int:
        return len(self._keys)


def _group_spans(spans: Iterable[Span]) -> dict[int, list[tuple[int, int]]]:
    grouped: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        grouped[span.paragraph].append((span.start, span.end))
    return dict(grouped)


def _span_order(span: Span) -> tuple[int, int]:
    """Document order, without the dataclass's slow generated comparisons."""
    return span.paragraph, span.start
