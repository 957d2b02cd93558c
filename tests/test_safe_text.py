"""safe_text.visible: controls become visible symbols, one character for one character."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tui.core.safe_text import count_suspicious, visible

# Sequences a hostile article could carry to act on the terminal instead of being read.
TERMINAL_ATTACKS = [
    "\x1b]0;owned\x07",                            # OSC 0: change the window title
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b]52;c;ZWNobyBoaQ==\x07",                  # OSC 52: write the clipboard
    "\x1b[2J\x1b[H",                               # clear screen, cursor home
    "\x9b31m",                                     # 8-bit CSI
    "\x9d0;title\x9c",                             # 8-bit OSC ... ST
    "safe\rUNSAFE",                                # lone CR overwrites the line
    "abc\x08\x08\x08xyz",                          # backspaces
    "\x7f",
]


def _is_terminal_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch != "\n"


def test_plain_text_is_returned_unchanged():
    text = "Mr. Blinken said, \u201cIt\u2019s important.\u201d \u2014 caf\u00e9, \u05e9\u05dc\u05d5\u05dd, \U0001f600"
    assert visible(text) == text


def test_escape_becomes_the_control_picture_for_escape():
    assert visible("\x1b[31mred") == "\u241b[31mred"


def test_each_attack_keeps_its_length_and_loses_every_control():
    for attack in TERMINAL_ATTACKS:
        shown = visible(attack)
        assert len(shown) == len(attack)
        assert not any(_is_terminal_control(ch) for ch in shown), repr(shown)


def test_c0_controls_map_to_control_pictures():
    for code in range(0x20):
        if code in (0x09, 0x0A):
            continue
        assert visible(chr(code)) == chr(0x2400 + code)


def test_tab_becomes_one_space_and_del_its_symbol():
    assert visible("a\tb\x7f") == "a b\u2421"


def test_c1_controls_become_a_visible_symbol():
    shown = visible("".join(chr(c) for c in range(0x80, 0xA0)))
    assert len(shown) == 32
    assert all(unicodedata.category(ch) != "Cc" for ch in shown)


def test_newline_kept_by_default_and_replaced_on_request():
    assert visible("one\ntwo") == "one\ntwo"
    assert visible("one\ntwo", newlines=False) == "one\u240atwo"


def test_bidi_overrides_and_isolates_are_made_visible_but_marks_are_kept():
    overrides = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    shown = visible(overrides)
    assert len(shown) == len(overrides)
    assert not set(shown) & set(overrides)
    assert visible("\u200f\u200e\u061c") == "\u200f\u200e\u061c"


def test_line_and_paragraph_separators_do_not_break_lines():
    assert visible("a\u2028b\u2029c").splitlines() == [visible("a\u2028b\u2029c")]


def test_lone_surrogates_are_replaced_so_the_text_can_be_encoded():
    visible("a\udc80b").encode("utf-8")


@given(st.text(alphabet=st.characters(codec=None)))
def test_offsets_survive_and_characters_outside_the_map_are_untouched(text):
    shown = visible(text)
    assert len(shown) == len(text)
    for before, after in zip(text, shown):
        if before != after:
            assert unicodedata.category(before) in ("Cc", "Cf", "Zl", "Zp", "Cs")


@given(st.text())
def test_single_line_mode_leaves_nothing_that_splits_lines_or_moves_the_cursor(text):
    shown = visible(text, newlines=False)
    assert len(shown.splitlines()) <= 1
    assert not any(unicodedata.category(ch) == "Cc" for ch in shown)
    shown.encode("utf-8")


@given(st.text())
def test_visible_is_idempotent(text):
    assert visible(visible(text)) == visible(text)


def test_count_suspicious_ignores_ordinary_layout_characters():
    assert count_suspicious("a\tb\nc\r\nd\u00a0e") == 0
    assert count_suspicious("\x1b[1m\x00\x9b\u202e") == 4
