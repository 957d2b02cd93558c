"""Entities: merge name candidates into one entity per real-world thing, aliases included.

Candidates (``candidates.py``) say what each capitalised run is; here full names become people
(longest first, so "López Obrador" finds "Andrés Manuel López Obrador"), places, organisations
and groups become one entity per folded name, and short forms ("Mr. Blinken", "Lopez Obrador",
"Blinken", "Angus") join the latest full name they end with, looked up through dictionaries keyed
by name suffix and a bisect on position (no quadratic scans). A Mr./Ms. must agree with what is
known of the person's gender, "Jr." and "III" stay apart, and a name given after a preposition
("the death of X") yields to one given as a subject. ``freeze`` numbers entities by first mention.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from tui.core import lexicon as lx
from tui.core.candidates import (FEMALE_ROLES, MALE_ROLES, WEAK_POSITION, Candidate, classify, family_name_first,
                                 find_candidates, quote_regions, role_of)
from tui.core.model import Entity, EntityKind, Paragraph, Quote, Span
from tui.core.names import fold, place_key
from tui.core.quote_marks import RawQuote

Progress = Callable[[str, float], None]
_MENTION_START = attrgetter("span.start")
_SPAN_ORDER = attrgetter("paragraph", "start", "end")
_TEXT_ORDER = attrgetter("paragraph", "start")  # a candidate's place in the text


# Not frozen, though never changed: making a frozen dataclass costs five times as much, and
# a 4 MB article makes tens of thousands of these.
@dataclass(slots=True)
class Mention:
    """A name in the text and the entity (by internal key) it refers to."""

    span: Span
    key: int


# Not frozen, though never changed (see Mention).
@dataclass(slots=True)
class QuoteDraft:
    """A quote as the quote module finds it, before entity ids are final."""

    spans: tuple[Span, ...]
    text: str
    speaker_key: int | None
    cue: str | None


@dataclass(slots=True)
class _Draft:
    key: int
    kind: str
    tokens: tuple[str, ...]
    name: str
    gender: str = ""
    role: str | None = None
    credit_only: bool = True
    aliases: dict[str, None] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)


class EntityIndex:
    """Built once per article; ``freeze`` turns it into Entity records with stable ids."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self._mentions: dict[int, list[Mention]] = {}
        self._drafts: dict[int, _Draft] = {}
        self._by_last: dict[str, list[int]] = {}
        self._by_phrase: dict[tuple[str, str], int] = {}
        self._by_inner: dict[str, list[int]] = {}
        self._by_core: dict[tuple[str, ...], int] = {}
        self._by_first_last: dict[tuple[str, str], int] = {}
        self._by_suffix_full: dict[tuple[str, ...], int] = {}
        self._suffix_mentions: dict[tuple[str, ...], list[tuple[int, int, bool, int]]] = {}
        self._short_only: dict[tuple[str, ...], int] = {}
        self._by_first: dict[str, list[int]] = {}
        self._by_role_word: dict[str, list[int]] = {}
        self._role_words: dict[int, frozenset[str]] = {}
        self._org_by_word: dict[str, list[int]] = {}

    # ----- queries used by quote attribution -------------------------------------------------
    def mentions_in(self, paragraph: int) -> list[Mention]:
        """Mentions in one paragraph, sorted by start."""
        return self._mentions.get(paragraph, [])

    def kind(self, key: int) -> EntityKind:
        return self._drafts[key].kind  # type: ignore[return-value]

    def gender(self, key: int) -> str:
        """'m' or 'f' when the text says (Mr., Ms., a known first name), else ''."""
        return self._drafts[key].gender

    def is_credit(self, key: int) -> bool:
        return self._drafts[key].credit_only

    def name(self, key: int) -> str:
        return self._drafts[key].name

    def role(self, key: int) -> str | None:
        return self._drafts[key].role

    def keys_with_role_word(self, word: str) -> list[int]:
        """People whose role mentions ``word`` ("mayor" -> the mayor of New York City)."""
        return self._by_role_word.get(fold(word), [])

    def org_keys_with_word(self, word: str) -> list[int]:
        """Organisations whose name contains ``word`` ("ministry" -> the Foreign Ministry)."""
        return self._org_by_word.get(fold(word), [])

    def mention_count(self, key: int) -> int:
        return len(self._drafts[key].mentions)

    def role_has_word(self, key: int, word: str) -> bool:
        return word in self._role_words.get(key, ())

    def org_has_word(self, key: int, word: str) -> bool:
        draft = self._drafts[key]
        return draft.kind == "organization" and word in draft.tokens

    def _index_words(self) -> None:
        for key, draft in self._drafts.items():
            if not draft.mentions:
                continue
            if draft.kind == "person" and draft.role:
                words = frozenset(fold(draft.role).replace("'s", " ").split())
                self._role_words[key] = words
                for word in words:
                    self._by_role_word.setdefault(word, []).append(key)
            elif draft.kind == "organization":
                for word in set(draft.tokens):
                    self._org_by_word.setdefault(word, []).append(key)

    # ----- building ---------------------------------------------------------------------------
    @classmethod
    def build(cls, paragraphs: Sequence[Paragraph], quotes: Sequence[RawQuote] = (),
              progress: Progress | None = None) -> "EntityIndex":
        index = cls(paragraphs)
        regions = quote_regions(quotes)
        candidates = find_candidates(paragraphs, regions, progress)
        index._resolve(candidates)
        return index

    def _new(self, kind: str, tokens: tuple[str, ...], name: str) -> _Draft:
        key = len(self._drafts)
        draft = _Draft(key, kind, tokens, name)
        self._drafts[key] = draft
        if kind == "person":
            for token in set(tokens[1:-1]):
                self._by_inner.setdefault(token, []).append(key)
        return draft

    def _attach(self, cand: Candidate, draft: _Draft) -> None:
        cand.key = draft.key
        text = self.paragraphs[cand.paragraph].text
        draft.aliases.setdefault(text[cand.start:cand.end], None)
        if not cand.credit:
            draft.credit_only = False
        if draft.kind == "person" and not draft.role and cand.role is None and not cand.credit:
            cand.role = role_of(self.paragraphs[cand.paragraph].text, cand)
        if cand.role and draft.kind == "person" and not draft.gender:
            words = set(fold(cand.role).split())
            draft.gender = "f" if words & FEMALE_ROLES else "m" if words & MALE_ROLES else ""
        if cand.role and not draft.role and draft.kind == "person":
            draft.role = cand.role
        if cand.honorific and not draft.gender:
            draft.gender = lx.HONORIFICS.get(cand.honorific, "")
        if draft.kind == "person" and len(cand.folded) > len(draft.tokens):
            draft.tokens = tuple(cand.folded)
            draft.name = " ".join(cand.tokens)

    def _resolve(self, candidates: list[Candidate]) -> None:
        surnames_with_honorific: set[str] = set()
        alone: dict[str, int] = {}
        for cand in candidates:
            if cand.honorific or cand.titled:
                if cand.folded:
                    surnames_with_honorific.add(cand.folded[-1])
            elif len(cand.folded) == 1 and not cand.in_title and cand.evidence and not cand.in_quote:
                alone[cand.folded[0]] = alone.get(cand.folded[0], 0) + 1
        for cand in candidates:
            classify(cand, surnames_with_honorific, alone)

        people_full = [c for c in candidates if c.kind == "person" and len(c.folded) >= 2]
        # Longest names first so that "López Obrador" finds "Andrés Manuel López Obrador".
        people_full.sort(key=lambda c: (-len(c.folded), c.paragraph, c.start))
        for cand in people_full:
            draft = self._match_full(cand)
            if draft is None:
                draft = self._new_person(cand)
            self._attach(cand, draft)
            self._note_full_mention(cand, draft)
        for entries in self._suffix_mentions.values():
            entries.sort()
        # Places, organisations and groups: one entity per folded name.
        for cand in candidates:
            if cand.kind in ("place", "organization", "group") and cand.key is None:
                phrase = " ".join(cand.tokens)
                key_text = place_key(phrase) if cand.kind == "place" else _org_key(cand)
                lookup = (cand.kind, key_text)
                key = self._by_phrase.get(lookup)
                if key is None:
                    draft = self._new(cand.kind, tuple(cand.folded), phrase)
                    self._by_phrase[lookup] = draft.key
                else:
                    draft = self._drafts[key]
                    if len(phrase) > len(draft.name) and cand.kind == "organization":
                        draft.name = phrase
                self._attach(cand, draft)
        # Short forms in text order: titled/honorific ones may create a person, bare ones only join.
        order = sorted((c for c in candidates if c.key is None and c.kind in ("person", "short")),
                       key=_TEXT_ORDER)
        for strong in (True, False):
            for cand in order:
                if cand.key is not None or bool(cand.honorific or cand.titled) != strong:
                    continue
                draft = self._match_short(cand)
                if draft is None and strong and cand.kind == "person":
                    draft = self._new("person", tuple(cand.folded), " ".join(cand.tokens))
                    self._by_last.setdefault(cand.folded[-1], []).append(draft.key)
                    self._short_only.setdefault(tuple(cand.folded), draft.key)
                if draft is None and not strong and (cand.personal or cand.evidence and cand.folded[0] in lx.FIRST_NAMES_SET) \
                        and cand.folded[0] not in lx.COMMON_WORDS and cand.folded[0] not in lx.DEMONYMS \
                        and cand.folded[0] not in lx.HONORIFICS and cand.folded[0] not in lx.TITLE_WORDS \
                        and not self._after_the(cand) \
                        and not cand.in_quote and not cand.in_title and not cand.sentence_initial:
                    draft = self._new_person_alone(cand)  # "Ahmed, 34, a rider, said": a first name only
                word = cand.folded[0]
                if draft is None and not strong and cand.evidence and not cand.in_quote and not cand.in_title \
                        and word not in lx.COMMON_WORDS and word not in lx.DEMONYMS \
                        and word.rstrip("s") not in lx.ROLE_NOUNS and word[:-2] not in lx.ROLE_NOUNS:
                    draft = self._org_for(cand)  # "Freightline said": a speaker never given a first name
                if draft is not None:
                    self._attach(cand, draft)
        self._match_headline_words(candidates)
        drafts, by_paragraph = self._drafts, self._mentions
        for cand in candidates:
            key = cand.key
            if key is not None:
                number = cand.paragraph
                span = Span(number, cand.start, cand.end)
                drafts[key].mentions.append(span)
                found = by_paragraph.get(number)
                if found is None:
                    found = by_paragraph[number] = []
                found.append(Mention(span, key))
        for mentions in by_paragraph.values():
            mentions.sort(key=_MENTION_START)
        self._index_words()

    def _org_for(self, cand: Candidate) -> _Draft:
        phrase = " ".join(cand.tokens)
        lookup = ("organization", _org_key(cand))
        key = self._by_phrase.get(lookup)
        if key is not None:
            return self._drafts[key]
        draft = self._new("organization", tuple(cand.folded), phrase)
        self._by_phrase[lookup] = draft.key
        return draft

    def _match_headline_words(self, candidates: list[Candidate]) -> list[Candidate]:
        """Headline capitals are not names: only words already known from the body count there."""
        extra: list[Candidate] = []
        for cand in candidates:
            if not cand.in_title or cand.key is not None:
                continue
            n = len(cand.folded)
            i = 0
            while i < n:
                for j in range(min(n, i + 4), i, -1):
                    words = tuple(cand.folded[i:j])
                    draft = self._known(words)
                    if draft is not None:
                        start, end = cand.token_span(i)[0], cand.token_span(j - 1)[1]
                        text = self.paragraphs[cand.paragraph].text
                        if text[end - 2:end] in ("’s", "'s"):
                            end -= 2
                        piece = Candidate(cand.paragraph, start, end, start, cand.tokens[i:j],
                                          list(words), in_title=True, kind=draft.kind)
                        piece.key = draft.key
                        draft.aliases.setdefault(text[start:end], None)
                        extra.append(piece)
                        i = j - 1
                        break
                i += 1
        candidates.extend(extra)
        return extra

    def _known(self, words: tuple[str, ...]) -> _Draft | None:
        phrase = " ".join(words)
        for kind in ("place", "organization", "group"):
            key = self._by_phrase.get((kind, place_key(phrase) if kind == "place" else phrase))
            if key is not None:
                return self._drafts[key]
        found = [self._drafts[k] for k in self._by_last.get(words[-1], ())
                 if self._drafts[k].tokens[-len(words):] == words and not self._drafts[k].credit_only]
        if len(found) == 1:
            return found[0]
        return None

    def _new_person(self, cand: Candidate) -> _Draft:
        draft = self._new("person", tuple(cand.folded), " ".join(cand.tokens))
        draft.gender = lx.FIRST_NAMES.get(cand.folded[0], "")
        self._by_last.setdefault(cand.folded[-1], []).append(draft.key)
        core = _core(draft.tokens)
        if len(draft.tokens) >= 2:
            self._by_first.setdefault(draft.tokens[0], []).append(draft.key)
        if core:
            self._by_core.setdefault(core, draft.key)
            self._by_first_last.setdefault((core[0], core[-1]), draft.key)
            for length in range(2, len(core)):
                suffix = core[-length:]
                if suffix[0] not in lx.FIRST_NAMES_SET:
                    self._by_suffix_full.setdefault(suffix, draft.key)
        return draft

    def _after_the(self, cand: Candidate) -> bool:
        """'the Wildcats, who ...': a team or a group, not a person."""
        return self.paragraphs[cand.paragraph].text[max(0, cand.start - 4):cand.start].lower() == "the "

    def _new_person_alone(self, cand: Candidate) -> _Draft:
        key = self._short_only.get(tuple(cand.folded))
        if key is not None:
            return self._drafts[key]
        draft = self._new("person", tuple(cand.folded), " ".join(cand.tokens))
        draft.gender = lx.FIRST_NAMES.get(cand.folded[0], "")
        self._short_only[tuple(cand.folded)] = draft.key
        return draft

    def _note_full_mention(self, cand: Candidate, draft: _Draft) -> None:
        """Remember where a full name was given, so later short forms find the latest one."""
        text = self.paragraphs[cand.paragraph].text
        before = text[max(0, cand.start - 12):cand.start].split()
        weak = bool(before) and before[-1].lower() in WEAK_POSITION
        pos = (cand.paragraph, cand.start, not weak, draft.key)
        tokens = tuple(t for t in draft.tokens if t not in lx.NAME_SUFFIXES)
        for length in (1, 2):
            if len(tokens) > length:
                self._suffix_mentions.setdefault(tokens[-length:], []).append(pos)
        if len(tokens) == 2 and "-" in tokens[1] and family_name_first(cand.tokens):
            self._suffix_mentions.setdefault(tokens[:1], []).append(pos)  # "Park" for "Park Sung-hoon"

    def _match_full(self, cand: Candidate) -> _Draft | None:
        core = _core(tuple(cand.folded))
        if not core:
            return None
        for key in (self._by_core.get(core), self._by_first_last.get((core[0], core[-1])) if len(core) > 1 else None,
                    self._by_suffix_full.get(core) if core[0] not in lx.FIRST_NAMES_SET else None):
            if key is None:
                continue
            draft = self._drafts[key]
            if draft.credit_only != cand.credit and _core(draft.tokens) != core:
                continue  # a photographer and a speaker who merely share a surname
            theirs, ours = _generation(draft.tokens), _generation(tuple(cand.folded))
            if theirs and ours and theirs != ours:
                continue  # father and son: "Jr." and "III"
            return draft
        return None

    def _match_short(self, cand: Candidate) -> _Draft | None:
        """The person a short form ("Mr. Blinken", "Blinken") refers to: the latest full name it ends."""
        tokens = tuple(cand.folded)
        gender = lx.HONORIFICS.get(cand.honorific or "", "")
        pos = (cand.paragraph, cand.start, True, 1 << 30)

        def fits(draft: _Draft, allow_credit: bool) -> bool:
            return (draft.kind == "person" and (allow_credit or not draft.credit_only)
                    and (not gender or not draft.gender or draft.gender == gender))

        entries = self._suffix_mentions.get(tokens)
        if entries:
            at = bisect_right(entries, pos) - 1
            # Latest full name first, preferring one named as a subject ("Mr. X said") over one
            # named after a preposition ("the death of X"); then any; then a credited person.
            for allow_credit, strong_only in ((False, True), (False, False), (True, False)):
                for j in range(at, max(-1, at - 30), -1):
                    draft = self._drafts[entries[j][3]]
                    if (entries[j][2] or not strong_only) and fits(draft, allow_credit):
                        return draft
                for j in range(at + 1, min(len(entries), at + 31)):
                    draft = self._drafts[entries[j][3]]
                    if (entries[j][2] or not strong_only) and fits(draft, allow_credit):
                        return draft
        key = self._short_only.get(tokens)
        if key is not None and fits(self._drafts[key], True):
            return self._drafts[key]
        if len(tokens) == 1 and tokens[0] in lx.FIRST_NAMES_SET and not cand.honorific:
            # "Angus shrugs": a given name alone, when exactly one person in the story has it.
            people = []
            for key in self._by_first.get(tokens[0], ()):
                if not self._drafts[key].credit_only:
                    people.append(key)
                    if len(people) > 1:
                        break
            if len(people) == 1:
                return self._drafts[people[0]]
        if len(tokens) == 1:
            # Spanish double surnames: "Rodríguez" for "Emiliano Rodríguez Mega".
            for key in self._by_inner.get(tokens[0], ())[:30]:
                draft = self._drafts[key]
                if fits(draft, False):
                    return draft
        return None

    # ----- freezing ---------------------------------------------------------------------------
    def freeze(self, drafts: Sequence[QuoteDraft]) -> tuple[list[Entity], list[Quote]]:
        """Entities in first-mention order (ids e1, e2 ...) and quotes in text order (q1 ...)."""
        # Spans are ordered by (paragraph, start, end): sorting by that tuple (made in C) gives
        # the same order without calling the dataclass's Python __lt__ for every comparison.
        live = [(sorted(d.mentions, key=_SPAN_ORDER), d) for d in self._drafts.values() if d.mentions]
        live.sort(key=lambda entry: (_SPAN_ORDER(entry[0][0]), entry[1].key))
        ids = {d.key: f"e{i}" for i, (_, d) in enumerate(live, 1)}
        entities = []
        for mentions, d in live:
            aliases = tuple(dict.fromkeys([d.name, *d.aliases]))
            entities.append(Entity(ids[d.key], d.kind, d.name, aliases, d.role,  # type: ignore[arg-type]
                                   tuple(mentions), d.credit_only and d.kind == "person"))
        quotes = []
        for i, q in enumerate(drafts, 1):
            key = q.speaker_key if q.speaker_key in ids else None
            quotes.append(Quote(f"q{i}", q.text, ids[key] if key is not None else None,
                                self._drafts[key].name if key is not None else None,
                                q.cue, q.spans))
        return entities, quotes


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name without initials and suffixes, for comparing two written forms."""
    return tuple(t for t in tokens if len(t) > 1 and t not in lx.NAME_SUFFIXES)


def _generation(tokens: tuple[str, ...]) -> str:
    return tokens[-1] if tokens and tokens[-1] in lx.NAME_SUFFIXES else ""



def _org_key(cand: Candidate) -> str:
    return _org_key_of(tuple(cand.folded))


@lru_cache(maxsize=16384)  # organisations are named again and again
def _org_key_of(folded: tuple[str, ...]) -> str:
    words = [w for w in folded if w not in ("the",)]
    while len(words) > 1 and (place_key(words[0]) in lx.PLACES or words[0] in lx.PLACES
                              or words[0] in lx.DEMONYMS):
        words = words[1:]  # "U.S. State Department" == "State Department"
    return " ".join(words)


