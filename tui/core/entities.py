"""Entities: find people, organisations, places and groups, and merge each one's aliases.

How a capitalised run of words becomes an entity, in order of trust:
1. a known place, organisation, party or nationality (general word lists);
2. an organisation head word ("Institute", "Department", "Times");
3. a title or honorific before a name ("Secretary of State X", "Mr. X", "Florida Gov. X");
4. a common first name ("Todd X"), a photo credit or contributor line, a speech verb or a
   role apposition next to it ("X said", "X, a spokesman for"), or "Mr./Ms. <last word>"
   somewhere else in the article.
Short forms ("Mr. Blinken", "Lopez Obrador", "Blinken") then join the full name they end with,
looked up by folded last word (no quadratic scans); the most recently mentioned wins when two
people share a surname, and a Mr./Ms. must agree with what is known of the person's gender.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core import lexicon as lx
from tui.core.model import Entity, EntityKind, Paragraph, Quote, Span
from tui.core.names import fold, fold_phrase, fold_word, place_key
from tui.core.quote_marks import RawQuote
from tui.core.structure import credit_start

Progress = Callable[[str, float], None]

_UPPER = "".join(chr(c) for c in range(0x41, 0x5B)) + "".join(
    chr(c) for c in list(range(0xC0, 0x250)) + list(range(0x386, 0x3AC)) + list(range(0x400, 0x430))
    if chr(c).isupper())
_UP = "[" + re.escape(_UPPER) + "]"
_FIRST_WORD = rf"{_UP}(?:\.(?:{_UP}\.)+|[^\W_]*(?:['’\u2010-][^\W\d_]+|&{_UP}+)*\.?)"
_WORD = rf"(?:(?:al|el|bin|ibn|ben|d|l)[-'’])?{_FIRST_WORD}"
_NICKNAME = r"[ \u00a0][\u201c\"\u2018'][^\W\d_][^\W\d_.]{1,15}[\u201d\"\u2019']"
_CONNECT = r"(?:[ \u00a0](?:de|del|della|der|den|di|da|das|dos|du|la|le|van|von|bin|ibn|al|el|y|zu|ter|ap|ab|ferch|mac|of|the|for|and|on|&)){1,3}"
_RUN = re.compile(rf"{_FIRST_WORD}(?:(?:{_CONNECT}|{_NICKNAME})?[ \u00a0]{_WORD})*")
_RUN_TOKEN = re.compile(r"[^\s]+")
_SENTENCE_OPENERS = frozenset(".!?:;\u201c\"\u2018\u2014\u2013(-\u2026\n*•>|")

# Connectors allowed only after an organisation head word or a title ("Secretary of State").
_LOOSE_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "&"})
_PARTICLES = lx.NAME_PARTICLES
_FUNCTION_WORDS = frozenset("""the a an this that these those but and or nor in on at for from with as after before
while when if since during despite last next nearly according meanwhile however by of to under over
about among between through then so yet also even still one two three some many most more several
his her their its our my your we they he she it there here what which who how why where when
""".split())

_VERB_ALT = "|".join(sorted((v for v in lx.SPEECH_VERBS if v not in lx.WEAK_SPEECH_VERBS), key=len, reverse=True))
_AUX_ALT = "|".join(sorted(lx.AUXILIARIES, key=len, reverse=True))
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in lx.ROLE_NOUNS), key=len, reverse=True))
_SPEECH_AFTER = re.compile(
    rf"(?:['’]s?)?\s*(?:,\s*(?:\d{{1,3}}|[^,“”\"]{{1,90}}),\s*|,\s*)?(?:(?:{_AUX_ALT})\s+){{0,3}}(?:{_VERB_ALT})\b",
)
_SPEECH_BEFORE = re.compile(rf"\b(?:{_VERB_ALT})\s+$")
_SPEECH_NP_BEFORE = re.compile(rf"\b(?:{_VERB_ALT})\s+(?:the|a|an|its|his|her|their)\s+[^\W\d_][\w’'\- ]{{1,60}},\s+$")
_APPOSITION = re.compile(
    rf",\s+(?:\d{{1,3}},\s+)?(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w’'.\-]+\s+){{0,5}}?(?:{_ROLE_ALT})\b",
    re.IGNORECASE,
)
_AGE = re.compile(r",\s+\d{1,3},")
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?((?:[^,;:“”\"()\n.]|\.(?=\S))+?)(?=,|\.(?:\s|$)|;|:|\s+(?:who|which|that|said|says|told|and\s+(?:a|an|the)\s)\b|\s*[“\"(]|$)",
)
_ROLE_BEFORE = re.compile(
    r"(?:^|\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)((?:[a-z][\w’'\-]*\s+){0,2}(?:" + _ROLE_ALT + r")(?:\s+(?:of|for|at|to|in|on)\s+(?:the\s+)?[^,;:“”\"()]{1,60}?)?),\s+$",
)


@dataclass(slots=True)
class Candidate:
    """A capitalised run of words, with what the text around it says about it."""

    paragraph: int
    start: int          # mention span (honorific included, possessive excluded)
    end: int
    name_start: int     # where the name proper begins (after any title)
    tokens: list[str]   # name tokens as written (periods of initials kept)
    folded: list[str]   # folded name tokens, no periods
    honorific: str | None = None
    role: str | None = None
    titled: bool = False
    kind: str | None = None
    credit: bool = False
    in_quote: bool = False
    sentence_initial: bool = False
    evidence: bool = False
    in_title: bool = False
    key: int | None = None
    offsets: list[tuple[int, int]] = field(default_factory=list)
    org_hint: bool = False
    weak_title: bool = False
    place_hint: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text and the entity (by internal key) it refers to."""

    span: Span
    key: int
    surface: str


@dataclass(frozen=True, slots=True)
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
    last_seen: tuple[int, int] = (-1, -1)


def _is_upper_word(token: str) -> bool:
    return token[:1].isupper() or (len(token) > 3 and token[2:3] in "-'’" and token[3:4].isupper())


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[0].isupper() and token[1] == "."


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


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
        regions = _quote_regions(quotes)
        candidates = _find_candidates(paragraphs, regions, progress)
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
            cand.role = _role_of(self.paragraphs[cand.paragraph].text, cand)
        if cand.role and not draft.role and draft.kind == "person":
            draft.role = cand.role
        if cand.honorific and not draft.gender:
            draft.gender = lx.HONORIFICS.get(cand.honorific, "")
        surface = " ".join(cand.tokens)
        if draft.kind == "person" and len(cand.folded) > len(draft.tokens):
            draft.tokens = tuple(cand.folded)
            draft.name = surface
        pos = (cand.paragraph, cand.start)
        if pos > draft.last_seen:
            draft.last_seen = pos

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
            _classify(cand, surnames_with_honorific, alone)

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
                       key=lambda c: (c.paragraph, c.start))
        for strong in (True, False):
            for cand in order:
                if cand.key is not None or bool(cand.honorific or cand.titled) != strong:
                    continue
                draft = self._match_short(cand)
                if draft is None and strong and cand.kind == "person":
                    draft = self._new("person", tuple(cand.folded), " ".join(cand.tokens))
                    self._by_last.setdefault(cand.folded[-1], []).append(draft.key)
                    self._short_only.setdefault(tuple(cand.folded), draft.key)
                if draft is None and not strong and cand.evidence and cand.folded[0] in lx.FIRST_NAMES_SET \
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
        for cand in candidates:
            if cand.key is not None:
                mention = Mention(Span(cand.paragraph, cand.start, cand.end), cand.key,
                                  self.paragraphs[cand.paragraph].text[cand.start:cand.end])
                self._drafts[cand.key].mentions.append(mention.span)
                self._mentions.setdefault(cand.paragraph, []).append(mention)
        for mentions in self._mentions.values():
            mentions.sort(key=lambda m: m.span.start)
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
                        start, end = cand.offsets[i][0], cand.offsets[j - 1][1]
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
        if core:
            self._by_core.setdefault(core, draft.key)
            self._by_first_last.setdefault((core[0], core[-1]), draft.key)
            for length in range(2, len(core)):
                suffix = core[-length:]
                if suffix[0] not in lx.FIRST_NAMES_SET:
                    self._by_suffix_full.setdefault(suffix, draft.key)
        return draft

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
        weak = bool(before) and before[-1].lower() in _WEAK_POSITION
        pos = (cand.paragraph, cand.start, not weak, draft.key)
        tokens = tuple(t for t in draft.tokens if t not in lx.NAME_SUFFIXES)
        for length in (1, 2):
            if len(tokens) > length:
                self._suffix_mentions.setdefault(tokens[-length:], []).append(pos)

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
        live = [d for d in self._drafts.values() if d.mentions]
        live.sort(key=lambda d: (min(d.mentions), d.key))
        ids = {d.key: f"e{i}" for i, d in enumerate(live, 1)}
        entities = []
        for d in live:
            aliases = tuple(dict.fromkeys([d.name, *d.aliases]))
            entities.append(Entity(ids[d.key], d.kind, d.name, aliases, d.role,  # type: ignore[arg-type]
                                   tuple(sorted(d.mentions)), d.credit_only and d.kind == "person"))
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


def _same_person(known: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """'Antony J. Blinken' ~ 'Antony Blinken'; 'Lopez Obrador' ends 'Andrés Manuel López Obrador'."""
    a, b = _core(known), _core(new)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if longer[-len(shorter):] == shorter and shorter[0] not in lx.FIRST_NAMES_SET:
        return True
    if a[0] == b[0] and a[-1] == b[-1]:
        return True  # a middle name given in one form only
    return False


def _org_key(cand: Candidate) -> str:
    words = [w for w in cand.folded if w not in ("the",)]
    while len(words) > 1 and (place_key(words[0]) in lx.PLACES or words[0] in lx.PLACES
                              or words[0] in lx.DEMONYMS):
        words = words[1:]  # "U.S. State Department" == "State Department"
    return " ".join(words)


def _quote_regions(quotes: Sequence[RawQuote]) -> dict[int, list[tuple[int, int]]]:
    regions: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        for part in quote.parts:
            regions.setdefault(part.paragraph, []).append((part.start, part.end))
    for spans in regions.values():
        spans.sort()
    return regions


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, non-overlapping ``regions`` (binary search)."""
    at = bisect_right(regions, (pos, 1 << 62)) - 1
    return at >= 0 and regions[at][0] <= pos < regions[at][1]


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_OPENERS or text[i] in "\u201d'\u2019"


def _find_candidates(paragraphs: Sequence[Paragraph], regions: dict[int, list[tuple[int, int]]],
                     progress: Progress | None) -> list[Candidate]:
    candidates: list[Candidate] = []
    total = len(paragraphs)
    for paragraph in paragraphs:
        if progress is not None and paragraph.index % 500 == 499:
            progress("entities", 0.2 + 0.4 * paragraph.index / max(total, 1))
        kind = paragraph.kind
        if kind == "boilerplate":
            continue
        text = paragraph.text
        if kind in ("credit", "contributors", "byline"):
            credit_from = 0
        elif kind == "caption":
            found = credit_start(text)
            credit_from = found if found is not None else len(text)
        else:
            credit_from = len(text)
        quote_regions = regions.get(paragraph.index, [])
        for match in _RUN.finditer(text):
            start = match.start()
            for cand in _parsed_run(match.group(), _sentence_initial(text, start), start, paragraph.index):
                cand.credit = cand.start >= credit_from
                cand.in_quote = bool(quote_regions) and _inside(quote_regions, cand.start)
                cand.in_title = kind == "title"
                if not (cand.titled or cand.in_title or _word_profile(tuple(cand.tokens), tuple(cand.folded))[0]):
                    _gather_evidence(text, cand)  # only undecided names need their context read
                candidates.append(cand)
    return candidates


_RUN_CACHE: dict[tuple[str, bool], list[Candidate]] = {}
_RUN_CACHE_LIMIT = 50_000


def _parsed_run(run: str, initial: bool, offset: int, paragraph: int) -> list[Candidate]:
    """``_split_run`` for one run, memoised on its words: names repeat, so most runs are cache hits."""
    key = (run, initial)
    templates = _RUN_CACHE.get(key)
    if templates is None:
        prefix = ". " if initial else "x "
        templates = _split_run(prefix + run, 2, run, -1)
        if len(_RUN_CACHE) >= _RUN_CACHE_LIMIT:
            _RUN_CACHE.clear()
        _RUN_CACHE[key] = templates
    shift = offset - 2
    return [Candidate(paragraph, t.start + shift, t.end + shift, t.name_start + shift, t.tokens, t.folded,
                      t.honorific, t.role, t.titled, sentence_initial=t.sentence_initial,
                      offsets=[(a + shift, b + shift) for a, b in t.offsets], weak_title=t.weak_title)
            for t in templates]


def _split_run(text: str, offset: int, run: str, paragraph: int) -> list[Candidate]:
    """Tokens of one capitalised run, split where a connector does not belong, titles peeled off."""
    tokens: list[tuple[int, int, str]] = []
    for m in _RUN_TOKEN.finditer(run):
        tokens.append((offset + m.start(), offset + m.end(), m.group()))
    groups: list[list[tuple[int, int, str]]] = [[]]
    for i, tok in enumerate(tokens):
        word = tok[2]
        if word[0] in "\u201c\"\u2018'":
            continue  # a nickname: Michael "Mike" Delgado
        low = word.lower()
        if not _is_upper_word(word):
            prev = fold_word(groups[-1][-1][2]) if groups[-1] else ""
            in_org = any(fold_word(t[2]) in lx.ORG_HEADS for t in groups[-1])
            if low in _LOOSE_CONNECTORS and (prev in lx.ORG_HEADS or low == "&"
                                             or (low in ("of", "for") and (prev in lx.TITLE_WORDS or prev in _OF_PLACES))
                                             or (low == "and" and in_org)):
                groups[-1].append(tok)
                continue
            if low in _PARTICLES and groups[-1]:
                groups[-1].append(tok)
                continue
            groups.append([])
            continue
        # A sentence ending inside the run ("... in Texas. Mr. Smith"), or a possessive ("Lakeview's Coach").
        if groups[-1] and ((groups[-1][-1][2].endswith(".") and not _keeps_period(groups[-1][-1][2]))
                           or groups[-1][-1][2].endswith(("'s", "\u2019s"))):
            groups.append([])
        groups[-1].append(tok)
    result = []
    for group in groups:
        while group and not _is_upper_word(group[-1][2]):
            group.pop()  # trailing connector
        if group:
            cand = _candidate(text, group, paragraph)
            if cand is not None:
                result.append(cand)
    return result


def _keeps_period(word: str) -> bool:
    base = fold(word[:-1])
    return (len(base) == 1 or base in lx.HONORIFICS or base in lx.NAME_SUFFIXES
            or base in ("st", "ft", "mt", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "dr", "jr", "sr", "no", "vs")
            or _is_acronym(word))


def _candidate(text: str, group: list[tuple[int, int, str]], paragraph: int) -> Candidate | None:
    sentence_initial = _sentence_initial(text, group[0][0])
    # Known multi-word organisations and places win before any stripping ("The New York Times").
    # Strip leading common words ("But", "The", "Last") that are not titles or honorifics.
    while group:
        word = fold_word(group[0][2])
        whole = fold_phrase(" ".join(t[2] for t in group)).rstrip(".")
        if fold_word(group[-1][2]) in lx.ORG_HEADS and len(group) > 1 and word not in _FUNCTION_WORDS:
            break  # "State Department", "National Guard": the first word belongs to the name
        if (word in lx.COMMON_WORDS and word not in lx.TITLE_WORDS and word not in lx.HONORIFICS
                and whole not in lx.ORG_NAMES and whole not in lx.PLACES and place_key(whole) not in lx.PLACES):
            group = group[1:]
            sentence_initial = False
            continue
        break
    if not group:
        return None
    # A trailing period belongs to the sentence unless the word is an initial or abbreviation.
    last_start, last_end, last_word = group[-1]
    if last_word.endswith(".") and not _keeps_period(last_word):
        group[-1] = (last_start, last_end - 1, last_word[:-1])
    # Possessive: "Biden’s" -> "Biden".
    last_start, last_end, last_word = group[-1]
    if len(last_word) > 2 and last_word[-2:] in ("’s", "'s"):
        group[-1] = (last_start, last_end - 2, last_word[:-2])
    elif len(last_word) > 2 and last_word[-1] in "’'" and last_word[-2] == "s":
        group[-1] = (last_start, last_end - 1, last_word[:-1])
    words = [t[2] for t in group]
    folded = [fold_word(w) for w in words]
    # Title / honorific: the last one in the run that leaves a name after it.
    split = -1
    for i in range(len(folded) - 1):
        if folded[i] in lx.TITLE_WORDS or folded[i] in lx.HONORIFICS:
            if folded[i] in lx.HONORIFICS_NEED_PERIOD and not words[i].endswith(".") and folded[i] not in lx.TITLE_WORDS:
                continue
            split = i
    honorific = None
    role = None
    titled = False
    if split >= 0:
        name_from = split + 1
        # "Secretary of State X": skip "of" + role modifiers after the title word.
        weak_title = folded[name_from] in ("of", "for")
        if weak_title:
            j = name_from + 1
            while j < len(folded) - 1 and (folded[j] in lx.ROLE_MODIFIERS or folded[j] in lx.PLACES):
                j += 1
            name_from = j
        # Title words right after the split belong to the title too ("Attorney General").
        while name_from < len(folded) - 1 and folded[name_from] in lx.TITLE_WORDS and folded[name_from] not in lx.FIRST_NAMES_SET:
            name_from += 1
        name_tokens = folded[name_from:]
        if name_tokens and not any(w in lx.ORG_HEADS for w in name_tokens) and not _all_places(name_tokens):
            hon = folded[split]
            if hon in lx.HONORIFICS and split == 0 or (hon in lx.HONORIFICS and all(f in lx.HONORIFICS for f in folded[:split + 1])):
                honorific = hon
            else:
                role_start = 0
                role = text[group[role_start][0]:group[name_from - 1][1]]
                if folded[split] in lx.HONORIFICS and folded[split] in ("mr", "mrs", "ms", "miss", "mx", "dr"):
                    honorific = folded[split]
                    role = text[group[0][0]:group[split - 1][1]] if split > 0 else None
            titled = True
            start = group[split][0] if honorific else group[name_from][0]
            if all(w in lx.TITLE_WORDS or w in lx.COMMON_WORDS for w in name_tokens):
                return None
            if weak_title and all(w in lx.ROLE_MODIFIERS or w in lx.PLACES for w in name_tokens):
                return None  # "Minister for Housing": an office, nobody named
            cand = Candidate(paragraph, start, group[-1][1], group[name_from][0],
                             words[name_from:], folded[name_from:], honorific, role, True,
                             sentence_initial=sentence_initial and split == 0,
                             offsets=[(t[0], t[1]) for t in group[name_from:]])
            cand.weak_title = weak_title and honorific is None
            return cand
    return Candidate(paragraph, group[0][0], group[-1][1], group[0][0], words, folded,
                     sentence_initial=sentence_initial, titled=titled,
                     offsets=[(t[0], t[1]) for t in group])


def _all_places(tokens: list[str]) -> bool:
    return place_key(" ".join(tokens)) in lx.PLACES or " ".join(tokens) in lx.PLACES


_WORD_BEFORE = re.compile(r"((?:[^\W\d_][\w’'\-]*\s+){0,2}?)([a-z][\w\-]*)\s+$")
_WORD_AFTER = re.compile(r"(?:['’]s?)?\s+([a-z][\w\-]*)")
_NOT_ROLE_START = frozenset({"who", "which", "that", "whose", "where", "when", "and", "but", "or", "as",
                             "in", "on", "at", "of", "for", "with", "to", "from", "by", "he", "she", "it",
                             "they", "we", "i", "you", "this", "there", "here", "if", "so", "then"})
_OF_PLACES = frozenset({"gulf", "bank", "republic", "kingdom", "isle", "city", "sea", "house", "court",
                        "bay", "strait", "cape", "lake", "university", "college", "school"})
_CREDIT_NOT_NAMES = frozenset({"staff", "writer", "writers", "reporter", "reporters", "correspondent",
                               "editor", "editors", "desk", "wire", "services", "team", "photographer"})
_WEAK_POSITION = frozenset({"of", "to", "by", "with", "for", "from", "about", "against", "on", "at",
                            "in", "into", "than", "like", "between", "after", "before"})
_FAMILY_OF_NAME = frozenset({"administration", "government", "campaign", "family", "era", "doctrine"})
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|its|his|her|their)\s+", re.IGNORECASE)


def _gather_evidence(text: str, cand: Candidate) -> None:
    """What the words around a name say about it: a speech verb, a role, a company noun."""
    after = text[cand.end:cand.end + 160]
    before = text[max(0, cand.start - 60):cand.start]
    before_words = before.split()[-3:]
    last = before_words[-1] if before_words and before[-1:].isspace() else ""
    if last and last[0].islower():
        word = last.rstrip(",;:")
        if word == last and word in lx.ORG_TYPE_NOUNS:
            cand.org_hint = True
        elif word == last and (word in lx.ROLE_NOUNS or word in lx.TITLE_WORDS) and not cand.honorific:
            cand.evidence = True
            if cand.role is None and not cand.in_quote:
                phrase = [w for w in before_words[:-1] if w[:1].isalpha() and w[-1:].isalnum()]
                while phrase and phrase[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
                    phrase = phrase[1:]
                cand.role = " ".join([*phrase[-2:], word])
        elif word in lx.SPEECH_VERBS and word not in lx.WEAK_SPEECH_VERBS:
            cand.evidence = True  # "said Jane Doe"
    if not last and before.endswith(", ") and len(before_words) >= 1:
        word = before_words[-1].rstrip(",").lower()
        if word in lx.ORG_TYPE_NOUNS:
            cand.org_hint = True  # "the state weather agency, Aemet,"
        elif word in lx.ROLE_NOUNS:
            cand.evidence = True  # "Her partner, Joan Smith,"
    after_word = _WORD_AFTER.match(after) if after[:2] not in ("’s", "'s") else None
    if after_word:
        word = after_word.group(1)
        if word in ("spokesman", "spokeswoman", "spokesperson", "spokespeople"):
            cand.org_hint = True  # "a Deliveroo spokesperson"
        if word in lx.PLACE_HEADS:
            cand.place_hint = True
        elif word in lx.ORG_HEADS and word not in ("party", "group") and word not in _FAMILY_OF_NAME \
                or word in ("cartel", "gang"):
            cand.org_hint = True
    if not cand.evidence and after[:1] in (",", " ", "’", "'"):
        cand.evidence = _speech_or_role_after(after)
    if not cand.evidence and before.endswith(", ") and _SPEECH_NP_BEFORE.search(text, max(0, cand.start - 90), cand.start):
        cand.evidence = True  # "said the harbourmaster, Kerenza Pascoe"


def _speech_or_role_after(after: str) -> bool:
    """'X said', 'X, 45, said', 'X, a spokesman for ..., said', 'X, a lawyer': a person's context."""
    rest = after
    if rest[:2] in ("’s", "'s"):
        return False
    apposition = ""
    if rest[:1] == ",":
        if _AGE.match(after):
            return True
        rest = rest[1:]
        cut = rest.find(",", 0, 100)
        if cut > 0 and not any(c in rest[:cut] for c in "“”\"."):
            apposition = rest[:cut]
    if _verb_first(rest):
        return True
    if apposition:
        words = [w.strip(".;:’'").lower() for w in apposition.split()[:7]]
        if any(w in lx.ROLE_NOUNS for w in words):
            return True
        return _verb_first(rest[len(apposition) + 1:])
    return False


def _verb_first(rest: str) -> bool:
    """Whether the text starts (after auxiliaries such as 'has also') with a speech verb."""
    for word in rest.split(None, 5)[:5]:
        word = word.strip(",.;:").lower()
        if word in lx.AUXILIARIES:
            continue
        return word in lx.SPEECH_VERBS and word not in lx.WEAK_SPEECH_VERBS
    return False


def _role_of(text: str, cand: Candidate) -> str | None:
    """A role stated next to a person's name: ', director of X,' or 'the mayor of X, NAME'."""
    if cand.in_quote:
        return None
    after = text[cand.end:cand.end + 160]
    role = _role_after(after) if after[:1] == "," else None
    if role is None and text[max(0, cand.start - 2):cand.start] == ", ":
        window = text[max(0, cand.start - 160):cand.start]
        role = _role_before(window)
        if role is None and _SPEECH_NP_BEFORE.search(window[-90:]):
            role = window[-90:].rsplit(",", 2)[-2].split(" the ", 1)[-1].strip() or None
    return role


def _role_after(after: str) -> str | None:
    match = _ROLE_AFTER.match(after)
    if not match:
        return None
    phrase = match.group(1).strip()
    words = fold(phrase).split()
    if not words or words[0] in lx.SPEECH_VERBS or words[0] in lx.AUXILIARIES or words[0] in _NOT_ROLE_START:
        return None
    if any(w in lx.SPEECH_VERBS and w not in lx.WEAK_SPEECH_VERBS for w in words):
        return None
    if len(words) > 18 or not any(w.strip("’'s") in lx.ROLE_NOUNS or w in lx.ROLE_NOUNS for w in words[:8]):
        return None
    if phrase[:1].isdigit():
        return None
    return phrase


def _role_before(before: str) -> str | None:
    match = _ROLE_BEFORE.search(before)
    if not match:
        return None
    phrase = match.group(1).strip()
    if any(w in ("that", "who", "which", "said") for w in phrase.split()):
        return None
    return phrase


@lru_cache(maxsize=32768)
def _word_profile(tokens: tuple[str, ...], folded: tuple[str, ...]) -> tuple:
    """What the words alone say (gazetteers, head words, first names): cached, names repeat."""
    phrase = " ".join(folded)
    surface = fold_phrase(" ".join(tokens))
    if len(folded) == 1 and (phrase in lx.PARTIES or (phrase in lx.DEMONYMS and phrase.endswith("s"))):
        listed = "group"
    elif phrase in lx.ORG_NAMES or surface in lx.ORG_NAMES or surface.rstrip(".") in lx.ORG_NAMES:
        listed = "organization"
    elif place_key(surface) in lx.PLACES or surface in lx.PLACES or phrase in lx.PLACES:
        listed = "place"
    else:
        listed = None
    if listed is None and len(folded) > 1 and (folded[-1] in lx.PLACE_LAST_WORDS or folded[0] in lx.PLACE_FIRST_WORDS):
        listed = "place"  # "Jones Valley Road", "Rue de la Loi"
    org_head = any(w in lx.ORG_HEADS for w in folded)
    acronym = all(_is_acronym(t) for t in tokens)
    demonym = any(w in lx.DEMONYMS or w in lx.PARTIES for w in folded)
    first_name = folded[0] in lx.FIRST_NAMES_SET
    common = any(w in lx.COMMON_WORDS for w in folded)
    rest_common = any(w in lx.COMMON_WORDS for w in folded[1:])
    place_first = place_key(folded[0]) in lx.PLACES
    size = len([w for w in folded if w not in _PARTICLES])
    return listed, org_head, acronym, demonym, first_name, common, rest_common, place_first, size


def _classify(cand: Candidate, surnames_with_honorific: set[str], alone: dict[str, int]) -> None:
    """Decide the kind of one candidate from its own words and the evidence around it."""
    folded = cand.folded
    if cand.in_title:
        cand.kind = None  # headline capitals: only names known from the body count there
        return
    (listed, org_head, acronym, demonym, first_name, common, rest_common, place_first,
     size) = _word_profile(tuple(cand.tokens), tuple(folded))
    if cand.weak_title and not first_name and not cand.evidence:
        cand.kind = None  # "Commissioner of Metro Rail Safety": a title of an office, no name
        return
    if cand.honorific or cand.titled:
        cand.kind = "person"
        return
    if listed is not None:
        cand.kind = listed
        return
    if cand.place_hint:
        cand.kind = "place"
        return
    if cand.org_hint:
        cand.kind = "organization"
        return
    if (len(folded) > 1 and org_head) or (len(folded) == 1 and org_head and not cand.sentence_initial):
        cand.kind = "organization" if len(folded) > 1 else None
        return
    if acronym:
        cand.kind = "organization" if len(folded) == 1 and not cand.in_quote else None
        return
    if demonym and len(folded) > 1 and not first_name:
        cand.kind = None
        return
    if len(folded) >= 2:
        if common or place_first:
            cand.kind = "person" if first_name and not rest_common else None
            return
        if size > 4:
            cand.kind = None
            return
        if cand.credit and (org_head or any(_is_acronym(t) for t in cand.tokens)
                            or any(w in _CREDIT_NOT_NAMES for w in folded)):
            cand.kind = "organization" if not any(w in _CREDIT_NOT_NAMES for w in folded) else None
            return
        if cand.credit or first_name:
            cand.kind = "person"
            return
        if cand.in_quote:
            cand.kind = None
            return
        if folded[-1] in surnames_with_honorific or (
                len(folded) <= 3 and alone.get(folded[-1], 0) > 0 and alone.get(folded[0], 0) == 0):
            cand.kind = "person"  # people are named again by their last name, companies by their first
            return
        if cand.evidence and size <= 3 and alone.get(folded[0], 0) == 0:
            cand.kind = "person"
            return
        if alone.get(folded[0], 0) > 0 and cand.evidence:
            cand.kind = "organization"
            return
        cand.kind = None
        return
    # One word: a credit agency, or a possible short form of a person.
    if cand.credit:
        cand.kind = "organization" if not common else None
        return
    if common and cand.sentence_initial:
        cand.kind = None
        return
    cand.kind = "short"
