"""Fast paths in the engine give what the plain forms they replace give, on any text.

Each fast path (a memo by word, a cheap test before a regex) is checked here against the plain
form it stands for, with random text that includes odd whitespace, apostrophes and quote marks.
"""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core import candidates, lexicon as lx, quote_marks, structure

_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_WORDS = ["said", "Said,", "has", "also", "told", "which", "who", "street", "spokesman", "group",
          "a", "lawyer,", "45,", "’s", "'s", "“", '"', "''", "``", "By", "From", "·", "|", "•", "x"]
_SPACES = [" ", "  ", "\u00a0", "\t", "\n", "\u2009", "\u3000", ""]
_TEXT = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SPACES), st.text(max_size=4)),
                 max_size=14).map("".join)


def _verb_first_plain(rest: str) -> bool:
    for word in rest.split(None, 5)[:5]:
        word = word.strip(",.;:").lower()
        if word not in lx.AUXILIARIES:
            return word in candidates._STRONG_SPEECH_VERBS
    return False


@_SETTINGS
@given(_TEXT)
def test_verb_first_reads_words_as_split_does(rest: str) -> None:
    assert candidates._verb_first(rest) == _verb_first_plain(rest)


@_SETTINGS
@given(_TEXT)
def test_next_word_hints_match_the_regex(tail: str) -> None:
    after = " " + tail
    found = candidates._WORD_AFTER.match(after)
    plain = candidates._word_hints(found.group(1)) if found else 0
    first = after.split(None, 1)[0] if not after.isspace() else ""
    memo = candidates._NEXT_WORD_HINTS.get(first)
    assert (memo if memo is not None else candidates._next_word_hints(after)) == plain


@_SETTINGS
@given(_TEXT, st.booleans())
def test_scan_without_marks_finds_nothing(text: str, single: bool) -> None:
    pairs, still_open = quote_marks._scan(text, single, None, 0)
    if not single and not any(m.group() for m in quote_marks._MARK_NO_SINGLE.finditer(text)):
        assert (pairs, still_open) == ([], None)


@_SETTINGS
@given(_TEXT)
def test_byline_prefilter_keeps_every_match(block: str) -> None:
    plain = bool(structure._BYLINE.match(block) or structure._DATELINE_BYLINE.match(block))
    assert structure._byline(block) == plain


def test_sentence_initial_inline_case_agrees() -> None:
    text = "Hello. World and x Y, then \u00a0Z:  W \tV"
    for match in re.finditer(r"[A-Z]", text):
        start = match.start()
        if start > 1 and text[start - 1] == " " and text[start - 2] not in candidates._BLANKS:
            assert (text[start - 2] in candidates._BEFORE_SENTENCE) == candidates._sentence_initial(text, start)


@_SETTINGS
@given(_TEXT)
def test_place_key_of_folded_is_place_key(text: str) -> None:
    from tui.core.names import fold_phrase, fold_word, place_key
    for folded in (text, fold_phrase(text), fold_word(text)):
        assert candidates._place_key_of_folded(folded) == place_key(folded)
