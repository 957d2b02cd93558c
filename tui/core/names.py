"""Name forms for comparison: accent- and case-folding, tokens, possessives, place aliases."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})

# Different written forms of one place.
PLACE_ALIASES = {
    "u.s.": "united states", "us": "united states", "usa": "united states", "u.s.a.": "united states",
    "america": "united states", "the united states": "united states",
    "u.k.": "united kingdom", "uk": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "the united kingdom": "united kingdom",
    "kiev": "kyiv", "odessa": "odesa", "burma": "myanmar", "holland": "netherlands",
    "turkiye": "turkey", "czechia": "czech republic", "the netherlands": "netherlands",
    "d.c.": "washington, d.c.", "the middle east": "middle east", "the bronx": "bronx",
    "the west": "west", "the caribbean": "caribbean", "the balkans": "balkans", "the gulf": "gulf",
    "the midwest": "midwest", "saint petersburg": "st. petersburg",
}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, apostrophe-normalised form: 'López' == 'Lopez'."""
    if text.isascii():
        return text.lower()  # what the steps below give, without a str.translate per call
    text = text.translate(_APOSTROPHES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.casefold()


@lru_cache(maxsize=65536)  # words repeat: a hit costs less than the call it saves
def fold_word(word: str) -> str:
    """A folded word without trailing period or possessive: 'Blinken’s' -> 'blinken'."""
    word = fold(word).rstrip(".")
    if len(word) > 2 and word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    return word


@lru_cache(maxsize=65536)
def fold_phrase(text: str) -> str:
    """Folded, single-spaced form of a multi-word name."""
    return " ".join(fold(text).split())


@lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    folded = fold_phrase(text)
    return PLACE_ALIASES.get(folded, folded)
