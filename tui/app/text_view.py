"""The full-text pane as a virtual view (Line API) so a frame costs the same for any length.

Only the lines on screen are ever turned into strips (kept in an LRU cache); the document is held
as paragraphs plus, per paragraph, the character ranges of its wrapped lines. Wrapping is a regex
greedy wrap in C for paragraphs whose characters are all one cell wide (nearly all news text), and
an exact cell-by-cell wrap only for paragraphs with wide, zero-width or control characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich._unicode_data import load as load_cell_table
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

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


def _not_single_cell_class() -> re.Pattern[str]:
    """Every character that is not exactly one cell wide once displayed (controls included)."""
    parts = [_CONTROL.pattern[1:-1]]
    for start, end, _width in load_cell_table("auto").widths:
        if end < 0xA0:
            continue
        start = max(start, 0xA0)
        parts.append(re.escape(chr(start)) if start == end else f"{re.escape(chr(start))}-{re.escape(chr(end))}")
    return re.compile("[" + "".join(parts) + "]")


_NOT_SINGLE_CELL = _not_single_cell_class()
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
    if width >= 2 and not _NOT_SINGLE_CELL.search(text):
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


class ArticleView(ScrollView, can_focus=True):
    """Paragraph numbers in the margin, kinds styled apart, boilerplate hidden, spans highlighted."""

    COMPONENT_CLASSES = {
        "article-view--number",
        *_KIND_CLASSES.values(),
        *(f"article-view--{layer}" for layer in _LAYERS),
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
    }
    """

    _SCROLL = Binding.Group("Scroll", compact=True)
    _ENDS = Binding.Group("Top/End", compact=True)
    _HIGHLIGHTS = Binding.Group("Next/prev", compact=True)
    BINDINGS: list[BindingType] = [
        Binding("j,down", "line_down", "Down", id="article_view.line_down", group=_SCROLL),
        Binding("k,up", "line_up", "Up", id="article_view.line_up", group=_SCROLL),
        Binding("space,pagedown", "page_down", "Page down", id="article_view.page_down",
                key_display="spc", show=False),
        Binding("b,pageup", "page_up", "Page up", id="article_view.page_up", show=False),
        Binding("g,home", "top", "Top", id="article_view.top", group=_ENDS),
        Binding("G,end", "bottom", "End", id="article_view.bottom", group=_ENDS),
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
        self._paragraphs: tuple[Paragraph, ...] = tuple(paragraphs)
        self._by_index: dict[int, int] = {p.index: n for n, p in enumerate(self._paragraphs)}
        self._search: list[int] | None = None  # paragraph indices of the active search
        self._layers: dict[str, dict[int, list[tuple[int, int]]]] = {layer: {} for layer in _LAYERS}
        self._highlights: list[Span] = []
        self._match_spans: list[Span] = []
        self._focus: int | None = None
        # Layout for the current wrap width: shown paragraphs (positions into _paragraphs),
        # first line of each, and the wrapped ranges per paragraph position.
        self._wrap_width = 0
        self._wrapped: dict[int, tuple[int, ...]] = {}
        self._shown: list[int] = []
        self._starts: list[int] = []
        self._gutter = 0
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._rich_styles: dict[str, Style] | None = None

    # ---- public API ------------------------------------------------------------------------

    def load(self, paragraphs: Sequence[Paragraph]) -> None:
        """Show these paragraphs (replaces any previous article) from the top."""
        self._paragraphs = tuple(paragraphs)
        self._by_index = {p.index: n for n, p in enumerate(self._paragraphs)}
        self._search = None
        self._layers = {layer: {} for layer in _LAYERS}
        self._highlights, self._match_spans, self._focus = [], [], None
        self._wrapped = {}
        self._relayout(anchor=None)
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_marks(self, mentions: Sequence[Span], quotes: Sequence[Span]) -> None:
        """Subtle marks for every entity mention and quote (may arrive after analysis ends)."""
        self._layers["mention"] = _group_spans(mentions)
        self._layers["quote"] = _group_spans(quotes)
        self._repaint()

    def set_highlight(self, spans: Sequence[Span], focus: int | None = 0) -> None:
        """Strong highlight on these spans; scroll so spans[focus] is centred. Empty clears."""
        self._highlights = sorted(spans)
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
        height = self.scrollable_content_region.height or self.size.height
        if center:
            self.scroll_to(y=max(0, y - height // 2), animate=False, immediate=True)
        elif not self.scroll_y <= y < self.scroll_y + height:
            self.scroll_to(y=max(0, y - height + 1) if y >= self.scroll_y else y,
                           animate=False, immediate=True)

    def set_search(self, paragraphs: Sequence[int] | None, matches: Sequence[Span]) -> None:
        """Search results: show only ``paragraphs`` (document order) unless ``only_matches`` is
        False, and highlight ``matches``; None restores the whole text at the current paragraph."""
        anchor = self.top_paragraph if self._shown else None
        self._search = None if paragraphs is None else sorted(set(paragraphs))
        self._match_spans = sorted(matches) if paragraphs is not None else []
        self._layers["match"] = _group_spans(self._match_spans)
        if self._search is not None and self.only_matches:
            self._relayout(anchor=None)
            self.scroll_to(y=0, animate=False, immediate=True)
        else:
            self._relayout(anchor=anchor)
            if self._search is not None and self._match_spans:
                self.scroll_to_span(self._match_spans[0])

    @property
    def visible_paragraphs(self) -> list[int]:
        """Indices (``Paragraph.index``) of the paragraphs displayed, in display order."""
        return [self._paragraphs[pos].index for pos in self._shown]

    @property
    def top_paragraph(self) -> int:
        """``Paragraph.index`` of the paragraph at the top of the viewport (-1 when empty)."""
        if not self._shown:
            return -1
        row = bisect_right(self._starts, round(self.scroll_y)) - 1
        return self._paragraphs[self._shown[max(0, row)]].index

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The article's paragraphs as loaded."""
        return self._paragraphs

    # ---- actions ---------------------------------------------------------------------------

    def action_line_down(self) -> None:
        self.scroll_to(y=self.scroll_y + 1, animate=False, immediate=True)

    def action_line_up(self) -> None:
        self.scroll_to(y=self.scroll_y - 1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y + page, animate=False, immediate=True)

    def action_page_up(self) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_y - page, animate=False, immediate=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_next_highlight(self) -> None:
        self.next_highlight()

    def action_previous_highlight(self) -> None:
        self.previous_highlight()

    # ---- reactive watchers -----------------------------------------------------------------

    def watch_show_captions(self) -> None:
        self._relayout(anchor=self.top_paragraph if self._shown else None)

    def watch_show_boilerplate(self) -> None:
        self._relayout(anchor=self.top_paragraph if self._shown else None)

    def watch_only_matches(self) -> None:
        if self._search is None:
            return
        if self.only_matches:
            self._relayout(anchor=None)
            self.scroll_to(y=0, animate=False, immediate=True)
        else:
            anchor = self.top_paragraph if self._shown else None
            self._relayout(anchor=anchor)

    # ---- events ----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._wrap_width:
            self._relayout(anchor=self.top_paragraph if self._shown else None)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rich_styles = None
        self._strips.clear()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._shown:
            return
        y = round(self.scroll_y) + offset.y
        located = self._locate(y)
        if located is None:
            return
        row, line = located
        ranges = self._ranges(self._shown[row])
        if line * 2 >= len(ranges):
            return  # the blank line between paragraphs
        start, end = ranges[line * 2], ranges[line * 2 + 1]
        column = offset.x - self._gutter
        if column < 0:
            return
        paragraph = self._paragraphs[self._shown[row]]
        shown = display_text(paragraph.text[start:end])
        char, cells = 0, 0
        while char < len(shown) and cells + get_character_cell_size(shown[char]) <= column:
            cells += get_character_cell_size(shown[char])
            char += 1
        if char >= len(shown):
            return  # past the end of the line
        self.post_message(self.SpanClicked(paragraph.index, start + char))

    # ---- rendering -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        styles = self._layer_styles()
        line_y = round(self.scroll_y) + y
        located = self._locate(line_y)
        if located is None:
            return Strip.blank(width, styles["base"])
        row, line = located
        key = (self._shown[row], line, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_paragraph_line(self._shown[row], line, width, styles)
            self._strips[key] = strip
        return strip

    def _render_paragraph_line(self, position: int, line: int, width: int,
                               styles: dict[str, Style]) -> Strip:
        base = styles["base"]
        ranges = self._ranges(position)
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

    def _text_width(self) -> int:
        region = self.scrollable_content_region
        if region.width <= 0:
            return 0
        return max(1, region.width - self._gutter_width())

    def _gutter_width(self) -> int:
        last = max((p.index for p in self._paragraphs), default=0)
        return len(str(last)) + 1

    def _is_displayed(self, paragraph: Paragraph) -> bool:
        if paragraph.kind == "boilerplate" and not self.show_boilerplate:
            return False
        if paragraph.kind in _CAPTION_KINDS and not self.show_captions:
            return False
        return True

    def _relayout(self, anchor: int | None) -> None:
        """Recompute which paragraphs show and where; keep ``anchor`` (a paragraph index) on top."""
        self._gutter = self._gutter_width()
        width = self._text_width()
        if width != self._wrap_width:
            self._wrapped = {}
            self._wrap_width = width
        if self._search is not None and self.only_matches:
            candidates: Iterable[int] = (self._by_index[i] for i in self._search if i in self._by_index)
        else:
            candidates = range(len(self._paragraphs))
        self._shown = [pos for pos in candidates if self._is_displayed(self._paragraphs[pos])]
        if width:
            heights = [len(self._ranges(pos)) // 2 + 1 for pos in self._shown]
            if heights:
                heights[-1] -= 1  # no blank line after the last paragraph
            self._starts = [0, *accumulate(heights)][:-1] if heights else []
            total = sum(heights)
        else:
            self._starts = [0] * len(self._shown)
            total = 0
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, total)
        if anchor is not None and self._shown:
            row = self._row_at_or_after(anchor)
            self.scroll_to(y=self._starts[row], animate=False, immediate=True)
        self.refresh()

    def _ranges(self, position: int) -> tuple[int, ...]:
        ranges = self._wrapped.get(position)
        if ranges is None:
            ranges = wrap_ranges(self._paragraphs[position].text, self._wrap_width or 1)
            self._wrapped[position] = ranges
        return ranges

    def _row_at_or_after(self, index: int) -> int:
        """Row of the first shown paragraph whose index is >= ``index`` (or the last row)."""
        indices = [self._paragraphs[pos].index for pos in self._shown]
        row = bisect_right(indices, index - 1) if indices == sorted(indices) else 0
        return min(row, len(self._shown) - 1)

    def _locate(self, y: int) -> tuple[int, int] | None:
        """(row in the shown list, line within that paragraph) for virtual line ``y``."""
        if y < 0 or not self._shown or y >= self.virtual_size.height:
            return None
        row = bisect_right(self._starts, y) - 1
        return row, y - self._starts[row]

    def _span_y(self, span: Span) -> int | None:
        position = self._by_index.get(span.paragraph)
        if position is None or not self._shown:
            return None
        row = bisect_right(self._shown, position) - 1
        if row < 0 or self._shown[row] != position:
            return None
        ranges = self._ranges(position)
        line = 0
        while line * 2 + 2 < len(ranges) and ranges[line * 2 + 2] <= span.start:
            line += 1
        return self._starts[row] + line

    # ---- highlights ------------------------------------------------------------------------

    def _step_highlight(self, step: int) -> None:
        if self._highlights:
            current = self._focus if self._focus is not None else (-1 if step > 0 else 0)
            self._focus_on((current + step) % len(self._highlights))
            return
        targets = [s for s in self._match_spans if self._span_y(s) is not None]
        if not targets:
            return
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        centre = top + height // 2
        ys = [self._span_y(s) or 0 for s in targets]
        if step > 0:
            following = [n for n, y in enumerate(ys) if y > centre]
            target = targets[following[0] if following else 0]
        else:
            preceding = [n for n, y in enumerate(ys) if y < centre]
            target = targets[preceding[-1] if preceding else -1]
        self.scroll_to_span(target)

    def _focus_on(self, number: int) -> None:
        self._focus = number
        span = self._highlights[number]
        self._layers["current"] = {span.paragraph: [(span.start, span.end)]}
        self._repaint()
        self.scroll_to_span(span)

    def _repaint(self) -> None:
        self._strips.clear()
        self.refresh()


def _group_spans(spans: Iterable[Span]) -> dict[int, list[tuple[int, int]]]:
    grouped: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        grouped.setdefault(span.paragraph, []).append((span.start, span.end))
    return grouped
