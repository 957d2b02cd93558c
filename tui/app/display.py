"""Turning untrusted article text into Content that is shown literally, never parsed or executed.

Every string that comes from an article (title, names, roles, quotes, paths, warnings) goes
through :func:`plain` before it reaches a widget: markup stays text, control characters become
visible symbols one for one, so match offsets computed on the original text still line up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from textual.widget import Widget

try:  # the core's sanitiser (one visible symbol per control character, offsets unchanged)
    from tui.core.safe_text import visible as _visible
except ImportError:  # pragma: no cover - only while the core module is being written
    _C0 = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
    _C1 = {code: 0xFFFD for code in range(0x80, 0xA0)}
    _TABLE = _C0 | _C1

    def _visible(text: str) -> str:
        return text.translate(_TABLE)


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible symbol of the same length."""
    return _visible(text)


def plain(text: str, style: str = "") -> Content:
    """Literal Content for untrusted text: no markup, control characters made visible."""
    content = Content(visible(text))
    return content.stylize(style) if style and text else content


def one_line(text: str) -> str:
    """Whitespace runs that would break a list row (newlines, tabs) become single spaces, 1:1."""
    return text.translate(_ONE_LINE)


_ONE_LINE = {ord(ch): " " for ch in "\n\r\t\x0b\x0c\u2028\u2029"}


def plain_line(text: str, style: str = "") -> Content:
    """Like :func:`plain`, but kept on one line (offsets unchanged)."""
    content = Content(visible(one_line(text)))
    return content.stylize(style) if style and text else content


def stylize_spans(
    content: Content, spans: Iterable[tuple[int, int]], style: str, offset: int = 0
) -> Content:
    """Apply ``style`` to each ``(start, end)`` range, shifted by ``offset`` and clipped to the content."""
    length = len(content)
    for start, end in spans:
        start, end = max(0, start + offset), min(length, end + offset)
        if start < end:
            content = content.stylize(style, start, end)
    return content


def set_border_title(widget: Widget, title: Content | str | None) -> None:
    """Set ``widget``'s border title only if it changes: setting it repaints the whole widget."""
    current = widget._border_title
    if title is not None and current is not None:
        new = widget.render_str(title).expand_tabs(4).split()[0]
        if new.is_same(current):
            return
    elif title is None and current is None:
        return
    widget.border_title = title
