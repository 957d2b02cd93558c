"""Laying out list rows by hand: wrap a line of text to a width, keep at most a few lines, and say
so with an ellipsis. Done here (not by the OptionList) so rows never grow past their budget and
match highlights can be mapped line by line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from tui.app.display import stylize_spans
from tui.app.text_view import wrap_ranges

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.geometry import Spacing
    from textual.style import Style
    from textual.visual import RenderOptions

ELLIPSIS = "…"


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one line: ``(start, end)`` offsets of each line, breaking spaces dropped.

    A word wider than ``width`` is cut where it must be (the only mid-word cut). Uses the text
    pane's wrapper (a regex in C for one-cell text), so thousands of rows wrap in milliseconds."""
    if not text.strip(" "):
        return []
    flat = wrap_ranges(text, max(1, width))
    return [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2) if flat[i + 1] > flat[i]]


def wrap_offsets_by_cells(text: str, width: int) -> list[tuple[int, int]]:
    """The same wrap, character by character (the reference the fast one is tested against)."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    length = len(text)
    start = 0
    while start < length:
        while start < length and text[start] == " ":
            start += 1
        if start >= length:
            break
        end, cells, last_space = start, 0, -1
        while end < length:
            char_width = get_character_cell_size(text[end])
            if cells + char_width > width:
                break
            if text[end] == " ":
                last_space = end
            cells += char_width
            end += 1
        if end < length and text[end] != " " and last_space > start:
            end = last_space
        if end == start:  # a single character wider than the line
            end = start + 1
        stripped = end
        while stripped > start and text[stripped - 1] == " ":
            stripped -= 1
        lines.append((start, stripped))
        start = end
    return lines


def fit(text: str, width: int) -> tuple[str, bool]:
    """``text`` cut to ``width`` cells, ending in an ellipsis if anything was cut."""
    if cell_len(text) <= width:
        return text, False
    if width <= 1:
        return ELLIPSIS[:width], True
    cells, end = 0, 0
    while end < len(text):
        char_width = get_character_cell_size(text[end])
        if cells + char_width > width - 1:
            break
        cells += char_width
        end += 1
    return text[:end].rstrip() + ELLIPSIS, True


def clamp_lines(
    text: str,
    width: int,
    max_lines: int,
    *,
    style: str = "",
    matches: Sequence[tuple[int, int]] = (),
    match_style: str = "",
) -> Content:
    """``text`` (one line, already safe to show) wrapped to ``width`` cells in at most ``max_lines``
    lines; the last line ends in an ellipsis if the text goes on. ``matches`` are offsets into
    ``text``, highlighted where they are still visible."""
    lines = wrap_offsets(text, width)
    truncated = len(lines) > max_lines
    lines = lines[:max_lines]
    parts: list[Content] = []
    for number, (start, end) in enumerate(lines):
        chunk = text[start:end]
        last = truncated and number == len(lines) - 1
        if last:
            chunk = chunk + ELLIPSIS if cell_len(chunk) < width else fit(chunk + ELLIPSIS, width)[0]
        line = Content(chunk, strip_control_codes=False)
        if style:
            line = line.stylize(style)
        if matches and match_style:
            visible_end = start + len(chunk) - (1 if last else 0)
            line = stylize_spans(
                line,
                ((max(s, start), min(e, visible_end)) for s, e in matches if s < visible_end and e > start),
                match_style,
                offset=-start,
            )
        parts.append(line)
    return Content("\n").join(parts)


class LazyRow(Visual):
    """A list row whose height is known up front; its Content is built only when it is drawn.

    OptionList asks every option for its height when options are set, but draws only the rows on
    screen: with thousands of entities or quotes, building Content for each would cost seconds."""

    def __init__(self, height: int, build: Callable[[], Content]) -> None:
        self._height = height
        self._build = build
        self._content: Content | None = None

    def rebuild(self, build: Callable[[], Content]) -> None:
        """Draw the row with ``build`` from now on (the height stays): a list reuses its rows."""
        self._build = build
        self._content = None

    @property
    def content(self) -> Content:
        if self._content is None:
            self._content = self._build()
        return self._content

    @property
    def plain(self) -> str:
        return self.content.plain

    def __str__(self) -> str:
        return self.content.plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.content.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._height

    def padded_strips(self, width: int, padding: Spacing, style: Style, meta: dict[str, object],
                      parse_style: Callable[[str | Style], Style]) -> list[Strip]:
        """The row's lines as strips ``width`` cells wide inside ``padding``, ``meta`` on every
        cell (a click says which option it hit). Drawn directly, one Strip a line: the lines are
        already cut to fit, so none of Textual's wrapping, aligning and re-padding is needed
        (that general path costs ~0.6 ms a row)."""
        meta_style = RichStyle.from_meta(meta)
        # padding cells carry the option too (a click there picks the row) but are segments of
        # their own, as Textual draws them: an export never merges them into the text beside them
        pad = style.rich_style + RichStyle.from_meta({**meta, "padding": True})
        inner = max(0, width - padding.left - padding.right)
        combined: dict[Style, RichStyle] = {}  # span style -> its rich style on top of ``style``
        strips: list[Strip] = []
        for line in self.content.split("\n", allow_blank=True):
            if line.cell_length > inner:  # not laid out for this width (yet): let Strip crop it
                segments = [Segment(text, (style + text_style).rich_style + meta_style)
                            for text, text_style in line.render(style, end="", parse_style=parse_style)]
                strip = Strip(segments).crop_pad(inner, padding.left, padding.right, pad)
                strips.append(strip.extend_cell_length(width, pad))
                continue
            segments = [Segment(" " * padding.left, pad)] if padding.left else []
            for text, text_style in line.render(style, end="", parse_style=parse_style):
                rich_style = combined.get(text_style)
                if rich_style is None:
                    rich_style = combined[text_style] = (style + text_style).rich_style + meta_style
                segments.append(Segment(text, rich_style))
            fill = width - padding.left - line.cell_length
            if fill > 0:
                segments.append(Segment(" " * fill, pad))
            strips.append(Strip(segments, width))
        return strips
