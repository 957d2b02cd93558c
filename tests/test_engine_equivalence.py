"""The engine's fast paths give exactly what the plain forms they replace give.

Each speed-up in the analysis engine swaps a simple form (one regex, a loop, a split) for a
faster one that must not change any result; these tests pin each pair on tricky and random
input, so a later edit to one side cannot silently drift from the other.
"""

from __future__ import annotations

import random
import re

from tui.core import candidates, quote_marks, quotes, structure

# The tokeniser as first written: one alternative per kind of token, tried at every position.
_PLAIN_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}|[^\W\d_](?:[\w’'\-]|\.(?=[^\W\d_]))*|\d[\d,.:]*\d|\d|—|–|--|\.\.\.|…|\S")
_PLAIN_MARK = re.compile(r"``|''|[\u201c\u201d\u201e\u201f\"\u00ab\u00bb\u2018\u2019\u201a']")
_PLAIN_CONTRIBUTORS_HINT = re.compile(
    r"ontribut|eport(?:ing|ed) by|diting by|riting by|ompiled by|esearch by|iles from")

_TRICKY = [
    "", " ", "U.S. officials said, e.g. the U.N.'s envoy…", "A. B. C.D. e.g. i.e.", "3.5 1,000 12:30 7.",
    "“We’ll see,” she said — then left... -- ok", "don't rock’n’roll l'état al-Hassan O'Neil",
    "said, said. said; said: said! said? said…", "_x_ ² ½ x²y", "\u00a0word\tword\nword",
    "'' `` ''' ' ’ ‘quoted’ «guillemets» „low‟", "Mr. Smith's 2024-25 season.",
]


def _random_texts(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = "aZé. ,'’‘-—–…\u00a0\t\n1_9“”\"!?:;²x`«»„‟‚"
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16))) for _ in range(count)]


def test_words_are_the_tokens_of_the_plain_tokeniser() -> None:
    for text in _TRICKY + _random_texts(5_000, 1):
        for start, end in ((0, len(text)), (len(text) // 3, len(text) - len(text) // 4)):
            found: list = []
            quotes._words(text, start, end, found)
            assert [t.text for t in found] == [
                w.lower() if w[0].isalnum() else w for w in _PLAIN_TOKEN.findall(text, start, end)], text
            assert quotes._TOKEN.findall(text, start, end) == _PLAIN_TOKEN.findall(text, start, end), text


def test_quotation_marks_are_found_where_the_plain_pattern_finds_them() -> None:
    singles = set("\u2018\u2019\u201a'")
    for text in _TRICKY + _random_texts(5_000, 2):
        every = [(m.start(), m.group()) for m in _PLAIN_MARK.finditer(text)]
        assert [(m.start(), m.group()) for m in quote_marks._MARK.finditer(text)] == every, text
        assert [(m.start(), m.group()) for m in quote_marks._MARK_NO_SINGLE.finditer(text)] == [
            (start, mark) for start, mark in every if mark not in singles], text


def test_verb_first_reads_the_first_five_words_like_split() -> None:
    def plain(rest: str) -> bool:
        for word in rest.split(None, 5)[:5]:
            word = word.strip(",.;:").lower()
            if word in candidates.lx.AUXILIARIES:
                continue
            return word in candidates.lx.SPEECH_VERBS and word not in candidates.lx.WEAK_SPEECH_VERBS
        return False

    samples = [" said", " has also said", ", said", " had been\u00a0told,", " is was has have had did",
               " will would could said", "\tsaid.", "", "   ", " has has has has has said"]
    for rest in samples + _random_texts(5_000, 3):
        assert candidates._verb_first(rest) == plain(rest), rest


def test_contributors_hint_is_the_plain_regex() -> None:
    samples = ["Reporting by Jane Roe", "Additional reporting by", "Edited by", "Editing by X", "With files from AP",
               "contributed", "Compiled by", "Research by", "reported by", "a by b", "Writing by"]
    for block in samples + _random_texts(2_000, 4):
        assert structure._contributors_hint(block) == bool(_PLAIN_CONTRIBUTORS_HINT.search(block)), block
