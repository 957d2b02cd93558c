"""The full-text pane as a virtual view (Line API) so a frame costs the same for any length.

STUB with the agreed API; the text-view work replaces the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.model import Paragraph, Span


class ArticleView(ScrollView, can_focus=True):
    """Paragraph numbers in the margin, kinds styled apart, boilerplate hidden, spans highlighted."""

    show_captions: reactive[bool] = reactive(True)
    show_boilerplate: reactive[bool] = reactive(False)

    class SpanClicked(Message):
        """The user clicked inside the text; ``span`` is the mention/quote span under the mouse, if any."""

        def __init__(self, paragraph: int, offset: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.offset = offset

    def load(self, paragraphs: Sequence[Paragraph]) -> None:
        """Show these paragraphs (replaces any previous article)."""

    def set_marks(self, mentions: Sequence[Span], quotes: Sequence[Span]) -> None:
        """Subtle marks for every entity mention and quote (may arrive after analysis ends)."""

    def set_highlight(self, spans: Sequence[Span], focus: int | None = 0) -> None:
        """Strong highlight on these spans; scroll so spans[focus] is visible. Empty clears."""

    def next_highlight(self) -> None:
        """Scroll to the next highlighted span (key n)."""

    def previous_highlight(self) -> None:
        """Scroll to the previous highlighted span (key N)."""

    def scroll_to_span(self, span: Span, *, center: bool = True) -> None:
        """Bring a span on screen."""

    def set_search(self, paragraphs: Sequence[int] | None, matches: Sequence[Span]) -> None:
        """Search results: with ``paragraphs`` show only those (ranked order kept as given by
        document order) and highlight ``matches``; None restores the whole text."""

    def render_line(self, y: int) -> Strip:
        return Strip.blank(self.size.width)
