"""Make untrusted article text safe to show: every control character becomes a visible symbol.

A news file can carry ESC sequences (window-title changes, OSC 8 hyperlinks, OSC 52 clipboard
writes), BEL, backspace, lone CR or bidi overrides that reorder what the reader sees. ``visible``
swaps each of them for a printable stand-in, ONE CHARACTER FOR ONE CHARACTER, so offsets into
``Paragraph.text`` stay valid for highlighting the result.

The mapping (documented in the README, "Input handling"):

* C0 controls U+0000-U+001F -> the Control Pictures U+2400-U+241F (ESC -> ␛, BEL -> ␇, CR -> ␍);
  LF is kept when ``newlines=True`` (the default), else it becomes ␊.
* TAB -> one plain space: a tab is layout, not content, and one space keeps offsets and cells.
* DEL U+007F -> ␡ (U+2421).
* C1 controls U+0080-U+009F (8-bit CSI, OSC, ...) -> ␦ (U+2426).
* Bidi embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069 -> ⸮ (U+2E2E): they can
  make text display in an order other than the one stored ("Trojan Source"). The marks LRM/RLM/ALM
  only affect neutral characters next to them and are kept, as RTL text needs them.
* LINE / PARAGRAPH SEPARATOR U+2028/U+2029 -> ␤ (U+2424): terminals and splitlines treat them
  as line breaks that the paragraph model does not know about.
* Lone surrogates (never produced by the loader, possible in str built elsewhere) -> U+FFFD,
  because they cannot be encoded for the terminal.

Zero-width joiners/non-joiners and combining marks are kept: emoji sequences and many scripts
need them, and they cannot move or recolour text.
"""

from __future__ import annotations

import re

TAB_STANDIN = " "
DEL_STANDIN = "\u2421"
C1_STANDIN = "\u2426"
BIDI_STANDIN = "\u2e2e"
LINE_SEPARATOR_STANDIN = "\u2424"
SURROGATE_STANDIN = "\ufffd"

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _table(newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x09] = TAB_STANDIN
    if newlines:
        del table[0x0A]
    table[0x7F] = DEL_STANDIN
    table.update({code: C1_STANDIN for code in range(0x80, 0xA0)})
    table.update({ord(ch): BIDI_STANDIN for ch in BIDI_CONTROLS})
    table[0x2028] = LINE_SEPARATOR_STANDIN
    table[0x2029] = LINE_SEPARATOR_STANDIN
    table.update({code: SURROGATE_STANDIN for code in range(0xD800, 0xE000)})
    return table


_TABLES: dict[bool, dict[int, str]] = {}  # built on first need: ~2,200 entries each, rarely used


def _translation(newlines: bool) -> dict[int, str]:
    table = _TABLES.get(newlines)
    if table is None:
        table = _TABLES[newlines] = _table(newlines)
    return table

_UNSAFE_KEEP_NEWLINES = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
_UNSAFE_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with every control character replaced by a visible symbol, same length.

    With ``newlines=False`` LF is replaced too, so the result is always a single line.
    """
    unsafe = _UNSAFE_KEEP_NEWLINES if newlines else _UNSAFE_ALL
    if unsafe.search(text) is None:  # the common case: nothing to do, no copy
        return text
    return text.translate(_translation(newlines))


_SUSPICIOUS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def count_suspicious(text: str) -> int:
    """How many characters are controls no plain text needs (TAB, LF, CR, U+2028/9 not counted).

    The loader uses it to warn about, or refuse, files that are not really text.
    """
    return sum(1 for _ in _SUSPICIOUS.finditer(text))
