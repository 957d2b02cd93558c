"""Memoised name runs give exactly what reading each run whole gives.

``_parse_run`` reads a run that ends a sentence inside ("Texas. Mr. Smith") or at its end
("Smith.") as the runs it is made of, and memoises each name on its own text; these tests pin
that to the plain reading (every group of the whole run through ``_candidate``), on tricky and
random runs, so a later edit to ``_groups`` or ``_candidate`` cannot silently drift from it.
"""

from __future__ import annotations

import random
import unicodedata

from tui.core import candidates, names

_WORDS = [
    "Mr.", "Ms.", "Dr.", "Texas.", "Smith.", "Smith", "U.S.", "J.", "Jr.", "The", "Monday.", "of", "the", "and",
    "for", "on", "Thursday", "de", "la", "van", "al-Hassan", "d'Estaing.", "O’Neil", "O’Neil’s", "Biden’s",
    "Lakeview's", "JANE", "ROE", "Associated", "Press", "Secretary", "State", "Department.", "Department", "Prime",
    "Minister", "Gov.", "Sen.", "Bank", "&", "Co.", "Inc.", "St.", "McDERMOTT", "Ana", "José", "Łukasz",
    "Officials", "New", "York", "Times.", "\u201cMike\u201d", "'Bo'", "A.", "Ltd.", "No.", "Park", "Sung-hoon.",
    "López", "Obrador.", "Rue", "Loi.", "National", "Guard.", "But", "Seismologist", "Father", "III.",
]


def _plain(run: str, initial: bool) -> list[tuple]:
    text = (". " if initial else "x ") + run
    found = []
    for group in candidates._groups(run, 2):
        cand = candidates._candidate(text, group, -1)
        if cand is not None:
            found.append((cand.start - 2, cand.end - 2, cand.name_start - 2, tuple(cand.tokens),
                          tuple(cand.folded), cand.honorific, cand.role, cand.titled, cand.sentence_initial,
                          tuple((start - 2, end - 2) for start, end in cand.offsets), cand.weak_title))
    return found


def _memoised(run: str, initial: bool) -> list[tuple]:
    templates = candidates._RUN_CACHE[initial].get(run)
    if templates is None:
        templates = candidates._parse_run(run, initial)
    return [(at + t.start, at + t.end, at + t.name_start, t.tokens, t.folded, t.honorific, t.role, t.titled,
             t.sentence_initial, tuple((at + start, at + end) for start, end in t.offsets), t.weak_title)
            for at, t in templates]


def _runs(count: int, seed: int) -> list[tuple[str, bool]]:
    rnd = random.Random(seed)
    runs = []
    for _ in range(count):
        words = [rnd.choice(_WORDS) for _ in range(rnd.randint(1, 7))]
        text = rnd.choice(["", "x ", ". ", "said ", "“"]) + "".join(
            word + rnd.choice([" ", " ", "\u00a0"]) for word in words).rstrip()
        runs.extend((m.group(), candidates._sentence_initial(text, m.start())) for m in candidates._RUN.finditer(text))
    return runs


def test_memoised_runs_are_read_like_whole_runs() -> None:
    samples = [("Texas. Mr. Smith.", False), ("Monday. Residents of Joga", True), ("Smith.", False),
               ("U.S.", False), ("Jr.", True), ("Mr. Smith Jr.", True), ("Joga. The", False), ("A. B. Smith.", True)]
    for clear in (True, False):  # parsed afresh, then found in the caches
        if clear:
            for cache in candidates._RUN_CACHE.values():
                cache.clear()
            candidates._NAME_CACHE.clear()
        for run, initial in samples + _runs(4_000, 5):
            assert _memoised(run, initial) == _plain(run, initial), (run, initial)


def test_fold_of_ascii_text_is_the_full_fold() -> None:
    def full(text: str) -> str:
        text = text.translate(names._APOSTROPHES)
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return text.casefold()

    rnd = random.Random(6)
    for _ in range(2_000):
        text = "".join(rnd.choice("aZ.'’ -ßİé\u00a0") for _ in range(rnd.randint(0, 12)))
        assert names.fold(text) == full(text), text
