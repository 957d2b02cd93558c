"""The quote list: who said it, up to three wrapped lines of what they said, and where.

Rows are wrapped by hand to the list's width (see rows.py) so a long quote never takes more than
three lines and always ends in an ellipsis when cut; unattributed quotes say so."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual.binding import BindingType
from textual.content import Content
from textual.widgets.option_list import Option

from tui.app.display import one_line, plain, stylize_spans, visible
from tui.app.entity_list import MATCH_STYLE, list_bindings
from tui.app.row_list import RowList
from tui.app.rows import LazyRow, clamp_lines, fit, wrap_offsets
from tui.core.model import Quote

if TYPE_CHECKING:
    from tui.core.search import Hit

QUOTE_LINES = 3
UNATTRIBUTED = "unattributed"
EMPTY_ID = "empty"


def paragraph_label(quote: Quote) -> str:
    """Where the quote starts, as the text pane numbers paragraphs."""
    return f"¶{quote.spans[0].paragraph}" if quote.spans else ""


def quote_body(quote: Quote) -> str:
    """The quote as one line between curly quotes, safe to show (offsets shift by one)."""
    return "“" + visible(one_line(quote.text)) + "”"


def quote_lines(quote: Quote, width: int) -> int:
    """How many lines the quote takes in its row: one to three."""
    return max(1, min(QUOTE_LINES, len(wrap_offsets(quote_body(quote), width))))


def quote_row(
    quote: Quote,
    *,
    width: int,
    speaker_matches: Sequence[tuple[int, int]] = (),
    text_matches: Sequence[tuple[int, int]] = (),
) -> Content:
    """Speaker and paragraph on the first line, then the quote in at most three lines."""
    where = paragraph_label(quote)
    room = max(4, width - cell_len(where) - 1)
    if quote.speaker:
        name, _ = fit(visible(one_line(quote.speaker)), room)
        head = Content(name, strip_control_codes=False).stylize("bold $text-accent")
        head = stylize_spans(head, speaker_matches, MATCH_STYLE)
    else:
        head = Content(UNATTRIBUTED).stylize("italic $text-muted")
    head += Content(" " * max(1, width - head.cell_length - cell_len(where)))
    head += Content(where).stylize("$text-muted")
    body = clamp_lines(
        quote_body(quote),
        width,
        QUOTE_LINES,
        matches=[(s + 1, e + 1) for s, e in text_matches],
        match_style=MATCH_STYLE,
    )
    return Content("\n").join([head, body])


class QuoteList(RowList):
    """Quotes in reading order; the cursor follows the text, Enter jumps to the quote."""

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("quotes", "Jump")
    FALLBACK_WIDTH = 36

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._quotes: Sequence[Quote] = ()
        self._by_id: dict[str, Quote] = {}
        self._hits: Mapping[str, Hit] | None = None
        self._speaker_hits: Mapping[str, Hit] | None = None
        self._empty_message = "Finding quotes…"
        self._row_heights: dict[str, int] = {}  # quote id -> row height at self._width
        # what the options now on screen were built from: the same again costs nothing
        self._shown_key: tuple[object, ...] | None = None
        # quote id -> (what its row was built from, the Option), reused while unchanged
        self._row_options: dict[str, tuple[Quote, tuple[object, ...], Option]] = {}
        self._spans: list[tuple[tuple[tuple[int, int], ...], ...]] = []  # per listed quote

    def show(
        self,
        quotes: Sequence[Quote],
        *,
        hits: Mapping[str, Hit] | None = None,
        speaker_hits: Mapping[str, Hit] | None = None,
        empty_message: str = "No quotes",
    ) -> None:
        """Show these quotes in this order; the cursor keeps its quote if it is still listed.
        ``hits`` (by quote id) and ``speaker_hits`` (by entity id) highlight matched characters."""
        if quotes and self._by_id.get(quotes[0].id) not in (None, quotes[0]):
            self._row_heights.clear()  # another article: quote ids may repeat with other text
            self._row_options.clear()
        self._quotes = quotes
        self._by_id = {quote.id: quote for quote in quotes}
        self._hits = hits
        self._speaker_hits = speaker_hits
        self._empty_message = empty_message
        self._rebuild()

    @property
    def quotes(self) -> Sequence[Quote]:
        """The quotes listed, top to bottom."""
        return self._quotes

    @property
    def highlighted_quote(self) -> Quote | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return self._by_id.get(option.id)

    def move_to(self, quote_id: str | None) -> bool:
        """Put the cursor on ``quote_id`` without telling anyone; False if it is not listed."""
        if quote_id is None or quote_id not in self._by_id:
            return False
        self._highlight_id(quote_id)
        return True

    def step(self, direction: int) -> Quote | None:
        """Move the cursor one quote down (1) or up (-1), quietly; the quote now under it."""
        if not self._quotes:
            return None
        current = self.highlighted_quote
        if current is None:
            index = 0 if direction > 0 else len(self._quotes) - 1
        else:
            index = max(0, min(len(self._quotes) - 1, self._quotes.index(current) + direction))
        quote = self._quotes[index]
        self.move_to(quote.id)
        return quote

    def _build(self, quote: Quote, spans: tuple[tuple[tuple[int, int], ...], ...]) -> Callable[[], Content]:
        text_matches, speaker_matches = spans
        return partial(quote_row, quote, width=self._width, text_matches=text_matches,
                       speaker_matches=speaker_matches)

    def _row(self, quote: Quote, spans: tuple[tuple[tuple[int, int], ...], ...]) -> LazyRow:
        build = self._build(quote, spans)
        height = self._row_heights.get(quote.id)
        if height is None:
            height = self._row_heights[quote.id] = 1 + quote_lines(quote, self._width)
        return LazyRow(height, build)

    def _spans_of(self, quote: Quote) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
        """The matched ranges a quote's row shows: in its words, in its speaker's name."""
        hit = self._hits.get(quote.id) if self._hits else None
        speaker_hit = (
            self._speaker_hits.get(quote.speaker_id) if self._speaker_hits and quote.speaker_id else None
        )
        return (hit.spans if hit else (), speaker_hit.spans if speaker_hit else ())

    def _option(self, quote: Quote, spans: tuple[tuple[tuple[int, int], ...], ...]) -> Option:
        """The quote's Option, made once per quote and width: new match spans only change what
        its row will draw (its height cannot change), so a keystroke allocates nothing here."""
        cached = self._row_options.get(quote.id)
        if cached is not None and cached[0] is quote:
            option = cached[2]
            option._divider = False  # add_options sets it again from the rule after it
            if cached[1] != spans:
                row = option.prompt
                assert isinstance(row, LazyRow)
                row.rebuild(self._build(quote, spans))
                self._row_options[quote.id] = (quote, spans, option)
            return option
        option = Option(self._row(quote, spans), id=quote.id)
        self._row_options[quote.id] = (quote, spans, option)
        return option

    def _rebuild(self) -> None:
        keep = self.highlighted_quote
        width = self._row_width()
        if width != self._width:
            self._row_heights.clear()
            self._row_options.clear()
        self._width = width
        spans = [self._spans_of(quote) for quote in self._quotes]
        # the same quotes with the same highlights (a keystroke that leaves the same hits): nothing to do
        shown_key = (width, self._empty_message if not self._quotes else None,
                     list(self._quotes), spans)
        if shown_key == self._shown_key and self.option_count:
            if not self.move_to(keep.id if keep else None) and self._quotes:
                self.move_to(self._quotes[0].id)
            return
        self._shown_key = shown_key
        self._spans = spans
        kept = keep is not None and self._by_id.get(keep.id) is keep
        empty = Option(plain(self._empty_message, "italic $text-muted"), id=EMPTY_ID, disabled=True)
        self._show_rows(len(self._quotes), keep=self._quotes.index(keep) if kept else None, empty=empty)
        if not self.move_to(keep.id if keep else None) and self._quotes:
            self.move_to(self._quotes[0].id)

    def _options_between(self, start: int, end: int) -> list[Option | None]:
        """Options for quotes ``start`` to ``end``, each but the last followed by a rule."""
        options: list[Option | None] = []
        quotes, spans, last = self._quotes, self._spans, len(self._quotes) - 1
        for number in range(start, end):
            options.append(self._option(quotes[number], spans[number]))
            if number < last:
                options.append(None)  # a rule between quotes, none after the last
        return options

    def _has_rows(self) -> bool:
        return bool(self._quotes)
