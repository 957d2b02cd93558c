"""Find quoted passages: pair quotation marks, tell apostrophes from quotes, join paragraphs.

One left-to-right pass per paragraph with a tiny state machine, so any input (random marks,
a megabyte of quotation marks, an unclosed quote) costs linear time and an unbalanced mark
never runs past its own paragraph unless the next paragraph re-opens the quote, which is how
news text continues a quotation over several paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.lexicon import SPEECH_VERBS, WEAK_SPEECH_VERBS
from tui.core.model import Paragraph

# `` and '' win over single characters. Every alternative opens with a literal character, so the
# regex engine skips to the next candidate character in C (a class as one alternative would
# make it try a match at every position of the paragraph).
_MARK = re.compile("'(?:')?|``|\u201c|\u201d|\u201e|\u201f|\"|\u00ab|\u00bb|\u2018|\u2019|\u201a")
# The same without the single marks, which _scan skips unless single quotes are in use: it finds
# the same other marks at the same places (a lone ' or ’ never starts a longer mark).
_MARK_NO_SINGLE = re.compile("''|``|\u201c|\u201d|\u201e|\u201f|\"|\u00ab|\u00bb")
# Every character _MARK_NO_SINGLE can start with: a text with none of them has no such mark.
_NO_SINGLE_CHARS = ("\u201c", "\u201d", '"', "'", "`", "\u201e", "\u201f", "\u00ab", "\u00bb")
_DOUBLE_MARKS = frozenset("\u201c\u201d\u201e\u201f\"\u00ab\u00bb")
_OPEN_CONTEXT = frozenset(" \t\n\u00a0\u2002\u2003\u2009([{\u2014\u2013-:/;,\u2026*•>")
_CLOSE_FOLLOW = frozenset(" \t\n\u00a0\u2002\u2003\u2009)]}.,;:!?\u2014\u2013-\u2026*/")
_FAMILY = {
    "\u201c": "d", "\u201d": "d", "\u201e": "d", "\u201f": "d", '"': "d",
    "\u00ab": "g", "\u00bb": "g", "``": "b", "''": "b",
    "\u2018": "s", "\u2019": "s", "\u201a": "s", "'": "s",
}
_ELISION = re.compile(r"(?:\d\d?s?|em|tis|twas|n|cause|til|bout|round)\b", re.IGNORECASE)
_STRONG_SPEECH_VERBS = SPEECH_VERBS - WEAK_SPEECH_VERBS
_SKIPPABLE_KINDS = frozenset({"caption", "credit", "boilerplate"})


# Not frozen, though never changed: making a frozen dataclass costs five times as much, and
# a 4 MB article makes tens of thousands of these.
@dataclass(slots=True)
class QuotePart:
    """One paragraph's share of a quotation: the words and the region including the marks."""

    paragraph: int
    start: int
    end: int
    region_start: int
    region_end: int


# Not frozen, though never changed (see QuotePart).
@dataclass(slots=True)
class RawQuote:
    """A quotation as found by its marks, before anyone is named as its speaker."""

    parts: tuple[QuotePart, ...]


def _prev_char(text: str, pos: int) -> str:
    return text[pos - 1] if pos > 0 else " "


def _next_char(text: str, pos: int) -> str:
    return text[pos] if pos < len(text) else " "


def _roles(text: str, start: int, end: int, mark: str) -> tuple[bool, bool]:
    """(can_open, can_close) for the mark at text[start:end]."""
    before, after = _prev_char(text, start), _next_char(text, end)
    open_ctx = (before in _OPEN_CONTEXT or before in _DOUBLE_MARKS or before in "\u2018\u201a`") and not after.isspace()
    close_ctx = not before.isspace() and (after in _CLOSE_FOLLOW or after in _DOUBLE_MARKS
                                          or after in "\u2019'" or end >= len(text))
    if mark in ("\u201c", "\u201e", "\u00ab", "``", "\u2018", "\u201a"):
        return True, close_ctx and not open_ctx
    if mark in ("\u201d", "\u00bb", "''"):
        return open_ctx and not close_ctx, True
    if mark == '"':
        if open_ctx and close_ctx:
            return True, True
        if not open_ctx and not close_ctx:
            return False, not before.isspace() and not after.isspace()
        return open_ctx, close_ctx
    # ’ or ' : an apostrophe between letters or digits is never a mark.
    if before.isalnum() and after.isalnum():
        return False, False
    can_open = open_ctx and mark == "'" and not _ELISION.match(text, end)
    return can_open, close_ctx


def _scan(text: str, single_mode: bool, inside: str | None, content_start: int):
    """Pair marks in one paragraph.

    Returns (pairs, still_open) where pairs are (region_start, start, end, region_end) and
    still_open is (family, region_start, content_start) when the paragraph ends inside a quote.
    """
    if inside is None and not single_mode and not any(map(text.__contains__, _NO_SINGLE_CHARS)):
        return [], None  # no mark to pair: most paragraphs (a few character scans, no regex)
    pairs: list[tuple[int, int, int, int]] = []
    open_family = inside
    open_region = 0 if inside else -1
    open_content = content_start
    for match in (_MARK if single_mode else _MARK_NO_SINGLE).finditer(text):
        mark = match.group()
        family = _FAMILY[mark]
        if family == "s" and not single_mode:
            continue
        if family == "b" and mark == "''" and open_family != "b":
            continue
        can_open, can_close = _roles(text, match.start(), match.end(), mark)
        if open_family is None:
            if can_open:
                open_family, open_region, open_content = family, match.start(), match.end()
            continue
        if family != open_family:
            continue
        if can_close and match.start() > open_content:
            pairs.append((open_region, open_content, match.start(), match.end()))
            open_family = None
        elif can_open and not can_close:
            open_region, open_content = match.start(), match.end()  # the earlier mark was stray
    still_open = (open_family, open_region, open_content) if open_family else None
    return pairs, still_open


def _opens_with_mark(text: str, family: str) -> int | None:
    """Length of the opening mark when the paragraph starts with one of ``family``."""
    match = _MARK.match(text)
    if match and _FAMILY[match.group()] == family:
        return match.end()
    return None


def _opens_speech(text: str, mark: int) -> bool:
    """A quote opening a paragraph, or after "said," / ":" / a speech verb, may run on."""
    before = text[max(0, mark - 40):mark].rstrip()
    if mark == 0 or not before or before[-1] in ":,.!?\u2014\u2013":
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _STRONG_SPEECH_VERBS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _uses_single_marks(paragraphs: Sequence[Paragraph]) -> bool:
    """British house style: single quotes as the outer marks (no double marks anywhere)."""
    for p in paragraphs:
        if p.kind == "title":
            continue
        if any(c in p.text for c in _DOUBLE_MARKS):
            return False
    return any("\u2018" in p.text or " '" in p.text for p in paragraphs if p.kind != "title")


def find_quotes(paragraphs: Sequence[Paragraph]) -> list[RawQuote]:
    """Every quotation in text order; a quote continued over paragraphs is one RawQuote."""
    single_article = _uses_single_marks(paragraphs)
    quotes: list[RawQuote] = []
    pending: list[QuotePart] = []
    pending_family = "d"
    pending_open_at_start = False
    for paragraph in paragraphs:
        text = paragraph.text
        single = single_article or (paragraph.kind in ("title", "caption") or paragraph.index <= 1 and len(text) < 300) \
            and not any(c in text for c in _DOUBLE_MARKS)
        inside: str | None = None
        content_start = 0
        if pending:
            reopened = _opens_with_mark(text, pending_family)
            if reopened is not None and len(pending) == 1 and not pending_open_at_start:
                pending = []  # a stray mark mid-sentence, not a quotation running on
            elif reopened is not None:
                inside, content_start = pending_family, reopened
            elif paragraph.kind in _SKIPPABLE_KINDS:
                pairs, _ = _scan(text, single, None, 0)
                _add_pairs(quotes, paragraph, pairs)
                continue  # a caption between two paragraphs of one quotation
            else:
                _close_pending(quotes, pending, pending_open_at_start)
                pending = []
        pairs, still_open = _scan(text, single, inside, content_start)
        if inside is not None and pairs:
            region_start, start, end, region_end = pairs[0]
            start, end = _trimmed(text, start, end)
            if start < end:
                pending.append(QuotePart(paragraph.index, start, end, region_start, region_end))
            quotes.append(RawQuote(tuple(pending)))
            pending = []
            pairs = pairs[1:]
        _add_pairs(quotes, paragraph, pairs)
        if still_open is None:
            continue
        family, region_start, start = still_open
        if not pending:
            pending_open_at_start = _opens_speech(text, region_start)
        pending_family = family
        start, end = _trimmed(text, start, len(text))
        if start < end:
            pending.append(QuotePart(paragraph.index, start, end, region_start, len(text)))
        elif not pending:
            pending_open_at_start = False
    if pending:
        _close_pending(quotes, pending, pending_open_at_start)
    quotes.sort(key=lambda q: (q.parts[0].paragraph, q.parts[0].start))
    return quotes


def _add_pairs(quotes: list[RawQuote], paragraph: Paragraph, pairs) -> None:
    for region_start, start, end, region_end in pairs:
        start, end = _trimmed(paragraph.text, start, end)
        if start < end:
            quotes.append(RawQuote((QuotePart(paragraph.index, start, end, region_start, region_end),)))


def _close_pending(quotes: list[RawQuote], pending: list[QuotePart], open_at_start: bool) -> None:
    """A quote left open at a paragraph's end with no continuation after it.

    Kept (to its paragraph's end) when it opened the paragraph or followed a colon, or when
    earlier paragraphs already continued it; otherwise the mark was stray and is dropped.
    """
    if not pending:
        return
    if len(pending) > 1 or open_at_start:
        quotes.append(RawQuote(tuple(pending)))
