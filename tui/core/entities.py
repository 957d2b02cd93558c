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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

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
_WORD = rf"(?:(?:al|el|bin|ibn|ben|d|l)[-'’])?{_UP}[^\W_]*(?:['’\u2010-][^\W\d_]+)*\.?"
_CONNECT = r"(?:[ \u00a0](?:de|del|della|der|den|di|da|das|dos|du|la|le|van|von|bin|ibn|al|el|y|zu|ter|of|the|for|and|on|&)){1,3}"
_RUN = re.compile(rf"{_WORD}(?:(?:{_CONNECT})?[ \u00a0]{_WORD})*")
_RUN_TOKEN = re.compile(r"[^\s]+")
_SENTENCE_OPENERS = frozenset(".!?:;\u201c\"\u2018\u2014\u2013(-\u2026\n*•>|")

# Connectors allowed only after an organisation head word or a title ("Secretary of State").
_LOOSE_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "&"})
_PARTICLES = lx.NAME_PARTICLES

_VERB_ALT = "|".join(sorted((v for v in lx.SPEECH_VERBS if v not in lx.WEAK_SPEECH_VERBS), key=len, reverse=True))
_AUX_ALT = "|".join(sorted(lx.AUXILIARIES, key=len, reverse=True))
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in lx.ROLE_NOUNS), key=len, reverse=True))
_SPEECH_AFTER = re.compile(
    rf"(?:['’]s?)?\s*(?:,\s*(?:\d{{1,3}}|[^,“”\"]{{1,90}}),\s*)?(?:(?:{_AUX_ALT})\s+){{0,3}}(?:{_VERB_ALT})\b",
)
_SPEECH_BEFORE = re.compile(rf"\b(?:{_VERB_ALT})\s+$")
_APPOSITION = re.compile(
    rf",\s+(?:\d{{1,3}},\s+)?(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w’'.\-]+\s+){{0,5}}?(?:{_ROLE_ALT})\b",
    re.IGNORECASE,
)
_AGE = re.compile(r",\s+\d{1,3},")
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?((?:[^,;:“”\"()\n.]|\.(?=\S))+?)(?=,|\.(?:\s|$)|;|:|\s+(?:who|which|that|said|says|told|and\s+(?:a|an|the)\s)\b|\s*[“\"(]|$)",
)
_ROLE_BEFORE = re.compile(
    r"(?:^|\b(?:the|a|an|its|their|his|her)\s+)((?:[a-z][\w’'\-]*\s+){0,2}(?:" + _ROLE_ALT + r")(?:\s+(?:of|for|at|to|in|on)\s+(?:the\s+)?[^,;:“”\"()]{1,60}?)?),\s+$",
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
        word = fold(word)
        found = []
        for key, draft in self._drafts.items():
            if draft.kind == "person" and draft.role and word in fold(draft.role).split():
                found.append(key)
        return found

    def org_keys_with_word(self, word: str) -> list[int]:
        """Organisations whose name contains ``word`` ("ministry" -> the Foreign Ministry)."""
        word = fold(word)
        return [k for k, d in self._drafts.items() if d.kind == "organization" and word in d.tokens]

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
        return draft

    def _attach(self, cand: Candidate, draft: _Draft) -> None:
        cand.key = draft.key
        text = self.paragraphs[cand.paragraph].text
        draft.aliases.setdefault(text[cand.start:cand.end], None)
        if not cand.credit:
            draft.credit_only = False
        if cand.role and not draft.role:
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
        for cand in candidates:
            if cand.honorific or cand.titled:
                if cand.folded:
                    surnames_with_honorific.add(cand.folded[-1])
        for cand in candidates:
            _classify(cand, surnames_with_honorific)

        people_full = [c for c in candidates if c.kind == "person" and len(c.folded) >= 2]
        # Longest names first so that "López Obrador" finds "Andrés Manuel López Obrador".
        people_full.sort(key=lambda c: (-len(c.folded), c.paragraph, c.start))
        for cand in people_full:
            draft = self._match_full(cand)
            if draft is None:
                draft = self._new("person", tuple(cand.folded), " ".join(cand.tokens))
                self._by_last.setdefault(cand.folded[-1], []).append(draft.key)
                first = lx.FIRST_NAMES.get(cand.folded[0], "")
                draft.gender = first
            self._attach(cand, draft)
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
                if draft is not None:
                    self._attach(cand, draft)
        self._by_phrase_people()
        for cand in candidates:
            if cand.key is not None:
                mention = Mention(Span(cand.paragraph, cand.start, cand.end), cand.key,
                                  self.paragraphs[cand.paragraph].text[cand.start:cand.end])
                self._drafts[cand.key].mentions.append(mention.span)
                self._mentions.setdefault(cand.paragraph, []).append(mention)
        for mentions in self._mentions.values():
            mentions.sort(key=lambda m: m.span.start)

    def _by_phrase_people(self) -> None:
        """Nothing to do: kept for symmetry (people are indexed by last name)."""

    def _match_full(self, cand: Candidate) -> _Draft | None:
        tokens = cand.folded
        for key in self._by_last.get(tokens[-1], ()):
            draft = self._drafts[key]
            if draft.credit_only != cand.credit and len(tokens) >= 2 and len(draft.tokens) >= 2:
                if _core(draft.tokens) != _core(tuple(tokens)):
                    continue
            if _same_person(draft.tokens, tuple(tokens)):
                return draft
        return None

    def _match_short(self, cand: Candidate) -> _Draft | None:
        tokens = tuple(cand.folded)
        gender = lx.HONORIFICS.get(cand.honorific or "", "")
        found: list[_Draft] = []
        for key in self._by_last.get(tokens[-1], ()):
            draft = self._drafts[key]
            if draft.tokens[-len(tokens):] == tokens or draft.tokens == tokens:
                found.append(draft)
        if not found and len(tokens) == 1:
            # Spanish double surnames: "Rodríguez" for "Emiliano Rodríguez Mega".
            for key, draft in self._drafts.items():
                if draft.kind == "person" and len(draft.tokens) >= 3 and tokens[0] in draft.tokens[1:-1]:
                    found.append(draft)
        if gender:
            found = [d for d in found if not d.gender or d.gender == gender]
        found = [d for d in found if d.kind == "person"]
        if not found:
            return None
        if len(found) > 1:
            non_credit = [d for d in found if not d.credit_only]
            found = non_credit or found
            pos = (cand.paragraph, cand.start)
            before = [d for d in found if d.last_seen <= pos and d.last_seen != (-1, -1)]
            if before:
                return max(before, key=lambda d: d.last_seen)
        return found[0]

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
    return regions


def _inside(regions: list[tuple[int, int]], pos: int) -> bool:
    for start, end in regions:
        if start <= pos < end:
            return True
    return False


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
            for cand in _split_run(text, match.start(), match.group(), paragraph.index):
                cand.credit = cand.start >= credit_from
                cand.in_quote = bool(quote_regions) and _inside(quote_regions, cand.start)
                cand.in_title = kind == "title"
                _gather_evidence(text, cand)
                candidates.append(cand)
    return candidates


def _split_run(text: str, offset: int, run: str, paragraph: int) -> list[Candidate]:
    """Tokens of one capitalised run, split where a connector does not belong, titles peeled off."""
    tokens: list[tuple[int, int, str]] = []
    for m in _RUN_TOKEN.finditer(run):
        tokens.append((offset + m.start(), offset + m.end(), m.group()))
    groups: list[list[tuple[int, int, str]]] = [[]]
    for i, tok in enumerate(tokens):
        word = tok[2]
        low = word.lower()
        if not _is_upper_word(word):
            prev = fold_word(groups[-1][-1][2]) if groups[-1] else ""
            if low in _LOOSE_CONNECTORS and (prev in lx.ORG_HEADS or prev in lx.TITLE_WORDS
                                             or (low == "&") or (low == "of" and prev in ("gulf", "bank", "republic", "kingdom", "isle", "city", "state", "sea", "duke", "prince", "house", "court"))):
                groups[-1].append(tok)
                continue
            if low in _PARTICLES and groups[-1]:
                groups[-1].append(tok)
                continue
            groups.append([])
            continue
        # A sentence ending inside the run: "... in Texas. Mr. Smith".
        if groups[-1] and groups[-1][-1][2].endswith(".") and not _keeps_period(groups[-1][-1][2]):
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
        if (word in lx.COMMON_WORDS and word not in lx.TITLE_WORDS and word not in lx.HONORIFICS
                and fold_phrase(" ".join(t[2] for t in group)).rstrip(".") not in lx.ORG_NAMES):
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
        if folded[name_from] in ("of", "for") :
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
            cand = Candidate(paragraph, start, group[-1][1], group[name_from][0],
                             words[name_from:], folded[name_from:], honorific, role, True,
                             sentence_initial=sentence_initial and split == 0)
            return cand
    return Candidate(paragraph, group[0][0], group[-1][1], group[0][0], words, folded,
                     sentence_initial=sentence_initial, titled=titled)


def _all_places(tokens: list[str]) -> bool:
    return place_key(" ".join(tokens)) in lx.PLACES or " ".join(tokens) in lx.PLACES


def _gather_evidence(text: str, cand: Candidate) -> None:
    after = text[cand.end:cand.end + 160]
    if _SPEECH_AFTER.match(after) or _APPOSITION.match(after) or _AGE.match(after):
        cand.evidence = True
    else:
        before = text[max(0, cand.start - 40):cand.start]
        if _SPEECH_BEFORE.search(before):
            cand.evidence = True
    if cand.role is None and not cand.in_quote:
        role = _role_after(after) or _role_before(text[max(0, cand.start - 160):cand.start])
        if role:
            cand.role = role


def _role_after(after: str) -> str | None:
    match = _ROLE_AFTER.match(after)
    if not match:
        return None
    phrase = match.group(1).strip()
    words = fold(phrase).split()
    if not words or len(words) > 18 or not any(w.strip("’'s") in lx.ROLE_NOUNS or w in lx.ROLE_NOUNS for w in words[:8]):
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


def _classify(cand: Candidate, surnames_with_honorific: set[str]) -> None:
    """Decide the kind of one candidate from its own words and the evidence around it."""
    folded = cand.folded
    phrase = " ".join(folded)
    surface_phrase = fold_phrase(" ".join(cand.tokens))
    if cand.honorific or cand.titled:
        cand.kind = "person" if len(folded) >= 2 else "person"
        if cand.credit:
            pass
        return
    if phrase in lx.ORG_NAMES or surface_phrase in lx.ORG_NAMES or surface_phrase.rstrip(".") in lx.ORG_NAMES:
        cand.kind = "organization"
        return
    if place_key(surface_phrase) in lx.PLACES or surface_phrase in lx.PLACES or phrase in lx.PLACES:
        cand.kind = "place"
        return
    if len(folded) == 1 and (phrase in lx.PARTIES or (phrase in lx.DEMONYMS and phrase.endswith("s"))):
        cand.kind = "group"
        return
    if any(w in lx.ORG_HEADS for w in folded[1:]) or (len(folded) == 1 and folded[0] in lx.ORG_HEADS and not cand.sentence_initial):
        cand.kind = "organization" if len(folded) > 1 else None
        return
    if all(_is_acronym(t) for t in cand.tokens):
        cand.kind = "organization" if len(folded) == 1 and not cand.in_quote else None
        return
    if any(w in lx.DEMONYMS or w in lx.PARTIES for w in folded) and len(folded) > 1 and folded[0] not in lx.FIRST_NAMES_SET:
        cand.kind = None
        return
    if cand.in_title:
        cand.kind = "short" if len(folded) <= 2 else None
        return
    if len(folded) >= 2:
        if any(w in lx.COMMON_WORDS for w in folded) or any(place_key(w) in lx.PLACES for w in folded[:1]):
            cand.kind = None if not cand.credit else None
            if folded[0] in lx.FIRST_NAMES_SET and not any(w in lx.COMMON_WORDS for w in folded[1:]):
                cand.kind = "person"
            return
        if len(folded) > 4:
            cand.kind = None
            return
        if cand.credit:
            cand.kind = "person"
            return
        if folded[0] in lx.FIRST_NAMES_SET:
            cand.kind = "person"
            return
        if cand.in_quote:
            cand.kind = None
            return
        if cand.evidence or folded[-1] in surnames_with_honorific:
            cand.kind = "person"
            return
        cand.kind = None
        return
    # One word: a credit agency, or a possible short form of a person.
    if cand.credit:
        cand.kind = "organization" if folded[0] not in lx.COMMON_WORDS else None
        return
    if folded[0] in lx.COMMON_WORDS and cand.sentence_initial:
        cand.kind = None
        return
    cand.kind = "short"
