"""Quotations: attribute each quoted passage to a speaker.

Each paragraph becomes a short list of tokens in which a whole quotation is one token ("Q")
and a whole name is one token ("E"), so the patterns of news attribution read directly:
``Q , E said`` / ``Q , said E`` / ``E said : Q`` / ``E , a spokesman , described as Q`` /
``... Q ..., E said .`` / ``according to E`` / ``Q — E``. Pronouns resolve to the person the
passage is about (the latest speaker or sentence subject of the right gender), and a quote with
no attribution of its own continues the previous speaker when it follows that speaker's quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import attrgetter

from tui.core import lexicon as lx
from tui.core.entities import EntityIndex, QuoteDraft
from tui.core.model import Paragraph, Span
from tui.core.quote_marks import RawQuote

Progress = Callable[[str, float], None]

# Initials ("U.S."), words (a period inside only before a letter: "e.g"), numbers, dashes,
# ellipses, any other character; ``findall`` returns the group, without the spaces before it.
# Written for speed: each repeat is of a single-character class (run in C), and the leading
# ``\s*`` skips spaces inside the match instead of failing a match at every space.
_TOKEN = re.compile(r"\s*([^\W\d_](?:\.(?:[^\W\d_]\.)+|[\w’'\-]*(?:\.(?=[^\W\d_])[\w’'\-]*)*)"
                    r"|\d(?:[\d,.:]*\d)?|—|–|--|\.\.\.|…|\S)")
_SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
_DASHES = frozenset({"—", "–", "--"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one"})
_PREPOSITIONS = frozenset({"of", "with", "to", "by", "for", "from", "on", "in", "at", "about", "against",
                           "like", "than", "into", "over", "under", "between", "and", "or", "told", "asked"})
_OBJECT_PRONOUNS = {"he": "he", "she": "she", "him": "he", "her": "she", "them": "they"}
_SUBJECT_PRONOUNS = {"he": "m", "she": "f", "it": "n", "they": "p", "i": "", "we": "p"}
_NP_HEADS = lx.ROLE_NOUNS | frozenset({"ministry", "department", "agency", "company", "government",
                                       "office", "police", "statement", "report", "spokesperson",
                                       "administration", "council", "committee", "court", "group",
                                       "campaign", "army", "military", "embassy", "firm", "bank",
                                       "union", "party", "white", "house", "officials", "authorities"})
_ORG_NP_HEADS = frozenset({"district", "start-up", "startup", "charity", "ministry", "department", "agency", "company", "government", "office",
                           "police", "administration", "council", "committee", "court", "group",
                           "campaign", "army", "military", "embassy", "firm", "bank", "union", "party",
                           "commission", "authority", "service", "institute", "university", "board"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "spokespeople"})
_AGE_NOUNS = frozenset({"year-old", "veteran", "father-of-two", "mother-of-two", "father-of-three",
                        "mother-of-three", "grandfather", "grandmother", "teenager", "pensioner", "retiree"})
_DOCUMENT_NOUNS = frozenset({"statement", "letter", "memo", "release", "post", "message", "email",
                             "note", "notice", "filing", "tweet", "sign", "order", "report", "complaint"})
_WOMAN_NOUNS = frozenset({"woman", "mother", "wife", "widow", "daughter", "girl", "grandmother", "sister",
                          "mum", "mom", "aunt", "niece", "spokeswoman", "chairwoman", "businesswoman"})
_MAN_NOUNS = frozenset({"man", "father", "husband", "widower", "son", "boy", "grandfather", "brother",
                        "dad", "uncle", "nephew", "spokesman", "chairman", "businessman"})
_ANONYMOUS = frozenset({"name", "named", "anonymity", "anonymously", "identified", "identify", "surname"})
_MODALS = frozenset({"would", "will", "could", "can", "might", "may", "should", "must", "to", "shall"})
_KIN_NOUNS = frozenset({"wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
                        "partner", "widow", "widower", "fiancee", "fiance", "fiancée", "fiancé"})
_DESCRIBERS = frozenset({"his", "her", "their", "the", "a", "an", "one"})
# Nouns that describe an ordinary person ("an elderly farmer"), not an office that has a holder.
_PERSON_NOUNS = (_WOMAN_NOUNS | _MAN_NOUNS | _KIN_NOUNS | lx.ROLE_NOUNS) - lx.TITLE_WORDS - _SPOKES - frozenset(
    {"official", "analyst", "expert", "member", "head", "owner", "partner", "fellow", "scholar", "author",
     "writer", "journalist", "reporter", "editor", "correspondent", "forward", "boss"})
_DESCRIBER_WORDS = frozenset({"His", "Her", "Their", "The", "A", "An", "One"})


def _description_start(text: str) -> tuple[str, str] | None:
    """("his", "wife") for a paragraph opening "His wife, who ...": an unnamed person as its subject."""
    words = text[:60].split(None, 4)
    if not words or words[0] not in _DESCRIBER_WORDS:
        return None
    for i in range(1, min(4, len(words))):
        word = words[i].rstrip(",;:.").lower()
        if word in _PERSON_NOUNS:
            if words[i][-1:] in ("’", "'") or "’" in words[i] or "'" in words[i]:
                return None  # "The farmer's son": the possessive is not the subject
            if i + 1 < len(words) and words[i + 1] == "of" and words[i][-1:].isalpha():
                return None  # "The son of a farmer"
            return words[0].lower(), word
    return None

_DOCUMENT_VERBS = frozenset({"read", "reads", "stated", "states"})
_MAX_APPOSITION = 30
_SENTENCE_REACH = 60  # tokens around a quote searched for its speech clause
_SPEECH_HINT_WORDS = ("said", "says", "told", "added", "wrote", "asked", "according", *sorted(
    {v[:5] for v in lx.INVERTED_SPEECH_VERBS} - {"said", "says", "told", "added", "wrote", "asked"}))


class _SpeechHint:
    """A cheap test for 'some speech verb may be here': a few substring scans, no regex."""

    @staticmethod
    def search(text: str) -> bool:
        return any(map(text.__contains__, _SPEECH_HINT_WORDS))  # the loop runs in C


_SPEECH_HINT = _SpeechHint()
_CLAUSE_OPENERS = frozenset({"and", "but", "as", "while", "when", "after", "before", "because", "since",
                             "then", "so", "although", "though", "if", "once", "until", "meanwhile"})
_GENERIC_ORG_NOUNS = frozenset({"company", "firm", "group", "agency", "organisation", "organization",
                                "start-up", "startup", "charity", "district", "university", "ministry",
                                "department", "government", "council", "club", "union", "party",
                                "campaign", "office", "bank", "board", "authority", "regulator", "utility",
                                "school", "hospital", "trust", "operator", "developer", "retailer"})


@dataclass(slots=True)
class _Tok:
    """One token. Never changed once made (not frozen only because a frozen dataclass is five
    times slower to make): one W or P token is shared by every occurrence of its word (see
    ``_WordTokens``), and only Q and E tokens carry real offsets."""

    kind: str    # Q quote, E entity, W word, P punctuation
    text: str    # folded word / punctuation
    start: int
    end: int
    ref: int = -1  # quote number or entity key
    upper: bool = False
    ends: bool = False    # may end a sentence: ".", "!", "?", "…", or a quote ending in one
    verb: bool = False    # a speech verb that attributes even when not next to a quote


class _WordTokens(dict[str, _Tok]):
    """The shared token of each word or punctuation mark as ``_TOKEN`` finds it.

    Words repeat, so making one token per distinct word (instead of one per occurrence) saves
    most of the tokenising time; ``map(tokens.__getitem__, words)`` then runs in C.
    """

    LIMIT = 200_000  # distinct words kept between paragraphs (a bound for a long-running app)

    def __missing__(self, word: str) -> _Tok:
        if word[0].isalnum():
            folded = word.lower()
            tok = _Tok("W", folded, -1, -1, -1, word[0].isupper(),
                       verb=folded in lx.SPEECH_VERBS and folded not in lx.WEAK_SPEECH_VERBS)
        else:
            tok = _Tok("P", word, -1, -1, ends=word in _SENTENCE_END)
        self[word] = tok
        return tok


_WORD_TOKENS = _WordTokens()
_CLOSING_MARKS = frozenset(".,;:!?")


class _ChunkTokens(dict[str, tuple[_Tok, ...]]):
    """The tokens of each space-separated chunk ("said," -> said and a comma), as ``_TOKEN``
    finds them (no token spans a space).

    Chunks repeat as words do, so a paragraph's chunks are looked up in C (see ``_words``) and
    only a new chunk is split here: most are one word, or a word and a comma or period.
    """

    LIMIT = 200_000  # distinct chunks kept between paragraphs (a bound for a long-running app)

    def __missing__(self, chunk: str) -> tuple[_Tok, ...]:
        token = _WORD_TOKENS.__getitem__
        if chunk.isalpha():
            tokens: tuple[_Tok, ...] = (token(chunk),)
        elif chunk[-1] in _CLOSING_MARKS and chunk[:-1].isalpha():
            tokens = (token(chunk[:-1]), token(chunk[-1]))  # "U.S." is not all letters
        else:
            tokens = tuple(map(token, _TOKEN.findall(chunk)))
        self[chunk] = tokens
        return tokens


_CHUNK_TOKENS = _ChunkTokens()
_ENDS = attrgetter("ends")
_VERB = attrgetter("verb")


@dataclass(slots=True)
class _Who:
    """A resolved subject: an entity key, or None for an unnamed source ("officials")."""

    key: int | None
    index: int      # token index where the subject starts


class _Discourse:
    """Who the passage is about: recent subjects and speakers, newest last."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.subjects: list[int] = []
        self.mentioned: list[int] = []
        self.last_quote_speaker: int | None = None
        self.last_quote_paragraph = -10
        self.paragraph = 0
        self.focus: tuple[int, str] | None = None  # an unnamed person described as the subject

    def push_subject(self, key: int) -> None:
        if self.focus is not None and self.index.kind(key) == "person":
            self.focus = None
        if self.subjects and self.subjects[-1] == key:
            return
        self.subjects.append(key)
        if len(self.subjects) > 50:
            del self.subjects[:25]

    def push_mention(self, key: int) -> None:
        self.mentioned.append(key)
        if len(self.mentioned) > 100:
            del self.mentioned[:50]

    def describe(self, determiner: str, noun: str) -> None:
        """"His wife, who ...": she is the focus now, named later or never."""
        gender = "f" if noun in _WOMAN_NOUNS else "m" if noun in _MAN_NOUNS else ""
        if determiner in ("his", "her") and noun in _KIN_NOUNS:
            owner = self.resolve_pronoun("he" if determiner == "his" else "she")
            if owner is not None:
                surname = self.index.name(owner).split()[-1:]
                for key in reversed(self.subjects[-8:] + self.mentioned[-12:]):
                    if key != owner and self.index.kind(key) == "person" and not self.index.is_credit(key) \
                            and self.index.name(key).split()[-1:] == surname \
                            and (not gender or self.index.gender(key) in ("", gender)):
                        self.push_subject(key)  # "Martina and Jakob Steiner ... His wife"
                        return
        self.focus = (self.paragraph, gender)

    def resolve_pronoun(self, pronoun: str) -> int | None:
        want = _SUBJECT_PRONOUNS.get(pronoun, "")
        if self.focus is not None and pronoun in ("he", "she"):
            if self.paragraph > self.focus[0] + 1:
                self.focus = None
            elif self.focus[1] in ("", want):
                return None  # the described person, not an earlier one
        if pronoun in ("i", "we", "they"):
            if pronoun == "they":
                for key in reversed(self.subjects[-3:]):
                    if self.index.kind(key) in ("organization", "group"):
                        return key
            return None
        if want == "n":
            for key in reversed(self.subjects[-6:]):
                if self.index.kind(key) == "organization":
                    return key
            for key in reversed(self.mentioned[-6:]):
                if self.index.kind(key) == "organization":
                    return key
            return None
        for pool in (self.subjects[-8:], self.mentioned[-12:]):
            for key in reversed(pool):
                if self.index.kind(key) != "person" or self.index.is_credit(key):
                    continue
                gender = self.index.gender(key)
                if not gender or gender == want:
                    return key
        return None

    def recent_organization(self) -> int | None:
        for pool in (self.subjects[-6:], self.mentioned[-12:]):
            for key in reversed(pool):
                if self.index.kind(key) == "organization":
                    return key
        return None

    def recent_person(self) -> int | None:
        for pool in (self.subjects[-6:], self.mentioned[-12:]):
            for key in reversed(pool):
                if self.index.kind(key) == "person" and not self.index.is_credit(key):
                    return key
        return None

    def resolve_noun_phrase(self, words: list[str]) -> int | None:
        """'the mayor' -> the person whose role says mayor; 'the ministry' -> that organisation."""
        for word in reversed(words):
            if word in ("statement", "release", "memo", "letter", "report", "filing", "bulletin"):
                for key in reversed(self.subjects[-3:]):
                    return key  # "the statement said": whoever just issued it
                for key in reversed(self.mentioned[-3:]):
                    if self.index.kind(key) in ("person", "organization") and not self.index.is_credit(key):
                        return key  # "X issued a statement. Q, the statement read."
                return None
            if word in lx.DEMONYMS and not word.endswith("s"):
                for key in reversed(self.subjects[-6:]):
                    if self.index.kind(key) == "person":
                        return key  # "the Dane said": the person the passage is about
                return None
            if word in _ORG_NP_HEADS or word in _GENERIC_ORG_NOUNS:
                keys = self.index.org_keys_with_word(word)
                if keys:
                    found = self._most_recent(keys, lambda key: self.index.org_has_word(key, word))
                    if found is not None:
                        return found
                recent = [key for key in self.subjects[-6:] + self.mentioned[-20:]
                          if self.index.kind(key) == "organization"]
                if recent:
                    # "the company" = the organisation the article is about: the most named one.
                    return max(reversed(recent), key=self.index.mention_count)
                return None
            if word in lx.ROLE_NOUNS or word in lx.TITLE_WORDS:
                keys = self.index.keys_with_role_word(word)
                if keys:
                    return self._most_recent(keys, lambda key: self.index.role_has_word(key, word))
                if word in ("spokesman", "spokeswoman", "spokesperson"):
                    for key in reversed(self.subjects[-6:]):
                        if self.index.kind(key) == "organization":
                            return key  # "the spokeswoman said": the organisation she speaks for
                return None
        return None

    def _most_recent(self, keys: list[int], matches: Callable[[int], bool]) -> int | None:
        """The latest subject or mention that ``matches``; checks only the recent (bounded) lists."""
        for key in reversed(self.subjects):
            if matches(key):
                return key
        for key in reversed(self.mentioned):
            if matches(key):
                return key
        if len(keys) == 1:
            return keys[0]  # a headline's "hospital chief" before the body names her
        return None


def _tokens(paragraph: Paragraph, quote_regions: list[tuple[int, int, int]], index: EntityIndex) -> _Tokens:
    """The paragraph as tokens: quotes and names are single tokens, words are folded."""
    text = paragraph.text
    events: list[tuple[int, int, str, int]] = [(s, e, "Q", n) for s, e, n in quote_regions]
    regions = sorted(quote_regions)
    is_credit = index.is_credit
    for mention in index.mentions_in(paragraph.index):
        span = mention.span
        start = span.start
        if regions:
            at = bisect_right(regions, (start, 1 << 62, 0)) - 1
            if at >= 0 and regions[at][0] <= start < regions[at][1]:
                continue
        if is_credit(mention.key):
            continue
        events.append((start, span.end, "E", mention.key))
    events.sort()
    if len(_WORD_TOKENS) > _WORD_TOKENS.LIMIT or len(_CHUNK_TOKENS) > _CHUNK_TOKENS.LIMIT:
        _WORD_TOKENS.clear()
        _CHUNK_TOKENS.clear()
    tokens: list[_Tok] = []
    quotes_at: list[int] = []
    names_at: list[int] = []
    pos = 0
    for start, end, kind, ref in events:
        if start < pos:
            continue
        _words(text, pos, start, tokens)
        piece = text[start:end]
        if kind == "Q":
            quotes_at.append(len(tokens))
            ends = piece.rstrip("”\"’'»").endswith((".", "!", "?"))
        else:
            names_at.append(len(tokens))
            ends = False
        tokens.append(_Tok(kind, piece, start, end, ref, False, ends))
        pos = end
    _words(text, pos, len(text), tokens)
    return _Tokens(tokens, quotes_at, names_at)


def _words(text: str, start: int, end: int, out: list[_Tok]) -> None:
    """Plain words and punctuation between names and quotes (shared tokens, without offsets):
    the same tokens as ``_TOKEN.findall(text, start, end)``, found chunk by chunk, in C."""
    out.extend(chain.from_iterable(map(_CHUNK_TOKENS.__getitem__, text[start:end].split())))


class _Tokens:
    """A paragraph's tokens, and the indices of its quotes, names and speech verbs: found once
    so that each sentence takes its share by bisection instead of testing every token again."""

    __slots__ = ("toks", "quotes", "names", "verbs")

    def __init__(self, toks: list[_Tok], quotes: list[int], names: list[int]) -> None:
        self.toks = toks
        self.quotes = quotes
        self.names = names
        self.verbs = list(compress(range(len(toks)), map(_VERB, toks)))  # the loop runs in C


def _between(positions: list[int], lo: int, hi: int) -> list[int]:
    """The sorted ``positions`` in ``[lo, hi)``."""
    return positions[bisect_left(positions, lo):bisect_left(positions, hi)]


def _sentences(tokens: list[_Tok]) -> list[tuple[int, int]]:
    """(first, last+1) token ranges of the sentences."""
    bounds: list[tuple[int, int]] = []
    first = 0
    n = len(tokens)
    for i in compress(range(n), map(_ENDS, tokens)):  # only tokens that may end a sentence
        tok = tokens[i]
        end_here = False
        if tok.kind == "P":
            nxt = tokens[i + 1] if i + 1 < n else None
            end_here = nxt is None or nxt.kind in ("Q", "E") or (nxt.kind == "W" and _starts_upper(nxt)) or nxt.text in ("“", '"')
        else:
            nxt = tokens[i + 1] if i + 1 < n else None
            end_here = nxt is not None and (nxt.kind in ("Q", "E") or (nxt.kind == "W" and _starts_upper(nxt)))
        if end_here:
            bounds.append((first, i + 1))
            first = i + 1
    if first < n:
        bounds.append((first, n))
    return bounds


def _starts_upper(tok: _Tok) -> bool:
    return tok.upper


_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "to", "for", "at", "by", "de", "la", "le"})


def _looks_like_a_title(text: str) -> bool:
    """Every word capitalised, no sentence punctuation: the name of a show, book or programme."""
    words = text.split()
    if not 2 <= len(words) <= 8 or text[-1:] in ".,!?;:":
        return False
    return all(w[:1].isupper() or w in _SMALL_WORDS for w in words) and words[0][:1].isupper()


_NON_WORD = re.compile(r"[^\w ]+")


def _plain(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def _overlap(short: str, long: str) -> float:
    """Share of the short text's words found in the long one ("rip heart out" ~ "rip the heart out")."""
    words = [w for w in short.split() if len(w) >= 4]
    present = set(long.split())
    if len(words) < 2:
        short_words = short.split()
        if len(short_words) >= 3 and all(w in present for w in short_words):
            return 1.0  # a short headline phrase whose every word is in the body quote
        return 0.0
    return sum(w in present for w in words) / len(words)


class _Attributor:
    def __init__(self, paragraphs: Sequence[Paragraph], quotes: Sequence[RawQuote], index: EntityIndex) -> None:
        self.paragraphs = paragraphs
        self.quotes = quotes
        self.index = index
        self.discourse = _Discourse(index)
        self.speaker: list[int | None] = [None] * len(quotes)
        self.cue: list[str | None] = [None] * len(quotes)
        self.attributed: list[bool] = [False] * len(quotes)
        self.described: list[tuple[int, int, str]] = []  # (quote, paragraph, gender wanted)
        self.paragraph_subject: tuple[int, int] = (-1, -1)  # (paragraph, person) opening a sentence

    # ----- subjects -----
    def _subject_before(self, toks: list[_Tok], v: int, lo: int) -> _Who | None:
        if toks[v].text.endswith("ing") and v - 1 >= lo and toks[v - 1].kind == "P" and toks[v - 1].text == ",":
            # "X rejected the plan, describing it as Q": the participle's subject is the sentence's.
            key = self._sentence_subject(toks, lo, v)
            return _Who(key, lo) if key is not None else None
        who = self._near_subject_before(toks, v, lo)
        if (who is None or who.key is None) and v - lo > 3 and toks[lo].kind == "W" and toks[lo].text == "the":
            # "The father of a man who died ... said": the described person, named elsewhere.
            for j in range(lo + 1, min(v, lo + 5)):
                t = toks[j]
                if t.kind == "P" and t.text == "-":
                    continue
                if t.kind != "W":
                    break
                if t.text in ("year-old", "teenager"):
                    key = self.discourse.recent_person()  # "The 26-year-old, who ..., said"
                    if key is not None:
                        return _Who(key, lo)
                    break
                if t.text in lx.ROLE_NOUNS:
                    key = self.discourse.resolve_noun_phrase([t.text])
                    if key is not None:
                        return _Who(key, lo)
                    break
        return who

    def _near_subject_before(self, toks: list[_Tok], v: int, lo: int) -> _Who | None:
        i = v - 1
        skipped = 0
        while i >= lo and toks[i].kind == "W" and toks[i].text in lx.AUXILIARIES and skipped < 4:
            i -= 1
            skipped += 1
        if i < lo:
            return None
        tok = toks[i]
        if tok.kind == "E":
            owner = self._person_before_of(toks, i, lo)
            if owner is not None:
                return self._entity_subject(owner, i)  # "Jane Doe of the Acme Alliance said"
            return self._entity_subject(tok.ref, i)
        if tok.kind == "W" and tok.text in _SUBJECT_PRONOUNS:
            return _Who(self._pronoun(tok.text), i)
        if tok.kind == "P" and tok.text == "," and i - 1 >= lo and toks[i - 1].kind == "E" \
                and self.index.kind(toks[i - 1].ref) == "person":
            return self._entity_subject(toks[i - 1].ref, i - 1)  # "The secretary, E, said"
        if tok.kind == "P" and tok.text == ",":
            # Apposition(s): "E, a spokesman for the ministry, said" / "E, 45, said".
            j = i - 1
            groups = 0
            while j >= lo and i - j < _MAX_APPOSITION:
                t = toks[j]
                if t.kind == "Q" or (t.kind == "W" and t.text in lx.SPEECH_VERBS and t.text not in lx.WEAK_SPEECH_VERBS):
                    return None
                if t.kind == "P" and t.text == "," and j - 1 >= lo:
                    groups += 1
                    prev = toks[j - 1]
                    owner = self._person_before_of(toks, j - 1, lo) if prev.kind == "E" else None
                    if owner is not None:
                        return self._entity_subject(owner, j - 1)  # "Mayor X of Portland, who ..., said"
                    if prev.kind == "E" and self.index.kind(prev.ref) == "organization" and j - 3 >= lo \
                            and toks[j - 2].kind == "W" and toks[j - 2].text in ("of", "at", "for") \
                            and toks[j - 3].kind == "W" and (toks[j - 3].text in lx.ROLE_NOUNS
                                                             or toks[j - 3].text in lx.TITLE_WORDS):
                        # "The chief executive of Acme, the start-up ..., said": Acme's officer.
                        return _Who(self.discourse.resolve_noun_phrase([toks[j - 3].text]), j - 3)
                    if prev.kind == "E" and self.index.kind(prev.ref) in ("person", "organization"):
                        return self._entity_subject(prev.ref, j - 1)
                    if groups >= 3:
                        return None
                if t.kind == "P" and t.text in (".", "!", "?", ";", ":") and not (
                        t.text == "." and toks[j + 1].text == ","):  # "Sen. X, D-Vt., said"
                    return None
                j -= 1
            return None
        if tok.kind == "W":
            return self._noun_phrase_before(toks, i, lo)
        return None

    def _person_before_of(self, toks: list[_Tok], i: int, lo: int) -> int | None:
        """For a place or organisation at ``i``: the person in "PERSON of (the) PLACE/ORG"."""
        if self.index.kind(toks[i].ref) == "person":
            return None
        j = i - 1
        if j >= lo and toks[j].kind == "W" and toks[j].text == "the":
            j -= 1
        if j - 1 >= lo and toks[j].kind == "W" and toks[j].text in ("of", "at", "from", "with") \
                and toks[j - 1].kind == "E" and self.index.kind(toks[j - 1].ref) == "person":
            return toks[j - 1].ref
        return None

    def _entity_subject(self, key: int, i: int) -> _Who | None:
        kind = self.index.kind(key)
        if kind in ("person", "organization"):
            return _Who(key, i)
        if kind == "group":
            return _Who(None, i)
        return None

    def _noun_phrase_before(self, toks: list[_Tok], i: int, lo: int) -> _Who | None:
        """'the mayor said', 'officials said', 'a spokesman for E said'."""
        words: list[str] = []
        j = i
        org_key = None
        while j >= lo and i - j < 8:
            t = toks[j]
            if t.kind == "E":
                if self.index.kind(t.ref) == "organization":
                    org_key = t.ref
                j -= 1
                continue
            if t.kind != "W" and not (t.kind == "P" and t.text in ("’", "'", "-")):
                break
            if t.kind == "W":
                words.append(t.text)
                if t.text in _DETERMINERS:
                    break
            j -= 1
        if not words:
            return None
        head = words[0]
        if head.endswith("’s") or head.endswith("'s"):
            return None
        if head not in _NP_HEADS and head not in _ORG_NP_HEADS and head not in _GENERIC_ORG_NOUNS \
                and head not in lx.DEMONYMS and not head.endswith("s"):
            return None
        if head in lx.SPEECH_VERBS:
            return None
        if any(w in ("spokesman", "spokeswoman", "spokesperson", "statement") for w in words) and org_key is not None:
            return _Who(org_key, j + 1)
        if words[-1] in ("a", "an", "one") and any(w in _SPOKES for w in words):
            # "A spokeswoman said", "a company spokesperson said": the organisation in focus.
            found = self.discourse.resolve_noun_phrase([w for w in reversed(words[:-1]) if w not in _SPOKES])
            if found is None or self.index.kind(found) != "organization":
                found = self.discourse.recent_organization()
            return _Who(found, j + 1)
        if head in ("year-old", "year-olds") or words[-1] == "the" and len(words) >= 2 and words[-2] in _AGE_NOUNS:
            # "The 26-year-old said": the person the passage is about.
            return _Who(self.discourse.recent_person(), j + 1)
        if words[-1] in ("the", "his", "her", "its", "their"):
            return _Who(self.discourse.resolve_noun_phrase(list(reversed(words[:-1]))), j + 1)
        if words[-1] not in _DETERMINERS and not head.endswith("s"):
            return _Who(self.discourse.resolve_noun_phrase(list(reversed(words))), j + 1)
        return _Who(None, j + 1)

    def _subject_after(self, toks: list[_Tok], v: int, hi: int) -> _Who | None:
        i = v + 1
        if i >= hi:
            return None
        tok = toks[i]
        if tok.kind == "E":
            if self.index.kind(tok.ref) == "organization":
                # "said Acme Water spokesperson Jane Doe": the person after the organisation's noun
                for j in range(i + 1, min(hi, i + 6)):
                    t = toks[j]
                    if t.kind == "E" and self.index.kind(t.ref) == "person":
                        return self._entity_subject(t.ref, j)
                    if t.kind != "W" or not (t.text in lx.ROLE_NOUNS or t.text in lx.TITLE_WORDS
                                             or t.text in lx.ROLE_MODIFIERS and t.text not in ("of", "the", "and")):
                        break  # "said Unison regional organiser Jane Roe"
            return self._entity_subject(tok.ref, i)
        if tok.kind == "W" and tok.text in _OBJECT_PRONOUNS:
            return _Who(self._pronoun(_OBJECT_PRONOUNS[tok.text]), i)
        if tok.kind == "W" and tok.text not in _DETERMINERS:
            # "said union leader Samira Haddad", "said Councillor Abebe Girma"
            for j in range(i, min(hi, i + 4)):
                t = toks[j]
                if t.kind == "E":
                    return self._entity_subject(t.ref, j)
                if t.kind != "W" or t.text in lx.SPEECH_VERBS:
                    break
            return None
        if tok.kind == "W" and tok.text in _DETERMINERS:
            words = []
            org_key = None
            j = i
            while j < hi and j - i < 8:
                t = toks[j]
                if t.kind == "E":
                    if self.index.kind(t.ref) == "organization":
                        org_key = t.ref
                    if self.index.kind(t.ref) == "person":
                        return _Who(t.ref, j)  # "said the mayor, Eric Adams" / "said the group's leader E"
                    j += 1
                    continue
                if t.kind == "P" and t.text == "," and j + 1 < hi and toks[j + 1].kind == "E" \
                        and self.index.kind(toks[j + 1].ref) == "person":
                    return _Who(toks[j + 1].ref, j + 1)  # "said its chief executive, Tariq Mahmood"
                if t.kind != "W":
                    break
                words.append(t.text)
                j += 1
            if org_key is not None and any(w in ("spokesman", "spokeswoman", "spokesperson", "statement") for w in words):
                return _Who(org_key, i)
            if any(w in _NP_HEADS for w in words):
                return _Who(self.discourse.resolve_noun_phrase(words), i)
        return None

    def _pronoun(self, word: str) -> int | None:
        return self.discourse.resolve_pronoun(word)

    # ----- speech clauses -----
    def _is_verb(self, tok: _Tok, adjacent: bool) -> bool:
        if tok.kind != "W" or tok.text not in lx.SPEECH_VERBS:
            return False
        return adjacent or tok.text not in lx.WEAK_SPEECH_VERBS

    @staticmethod
    def _reported(toks: list[_Tok], v: int, lo: int) -> bool:
        """'X would add Q' / 'X plans to say Q': a verb after a modal or 'to' is not the attribution."""
        return v - 1 >= lo and toks[v - 1].kind == "W" and toks[v - 1].text in _MODALS

    def _clause_after_quote(self, toks: list[_Tok], k: int, hi: int, strict: bool = False) -> tuple[_Who, str] | None:
        j = k + 1
        while j < hi and toks[j].kind == "P" and toks[j].text in (",", ")", "’", "'", ":"):
            j += 1
        if j >= hi and hi < len(toks) and (toks[hi - 1].text in _SENTENCE_END or toks[hi - 1].kind == "Q"):
            # "Q. That's how Jane Doe describes it": the attribution opens the next sentence.
            rest = [t.text for t in toks[hi:hi + 3]]
            if rest[:2] in (["that’s", "how"], ["that's", "how"]) or rest[:3] == ["that", "is", "how"]:
                start = hi + (2 if rest[1] == "how" else 3)
                for v in range(start + 1, min(len(toks), start + 5)):
                    if self._is_verb(toks[v], True):
                        who = self._subject_before(toks, v, start)
                        if who and who.key is not None:
                            return who, toks[v].text
                        break
            return None
        if j >= hi:
            return None
        tok = toks[j]
        if tok.kind == "P" and tok.text in _DASHES and j + 1 < hi and toks[j + 1].kind == "E":
            who = self._entity_subject(toks[j + 1].ref, j + 1)
            if who and who.key is not None:
                return who, tok.text
        if self._is_verb(tok, True) and tok.text in lx.INVERTED_SPEECH_VERBS:
            who = self._subject_after(toks, j, hi)
            if who:
                return who, tok.text
        # "Q, Mr. Smith said" / "Q, he added" / "Q, the ministry said in a statement"
        for v in range(j + 1, min(hi, j + 10)):
            t = toks[v]
            if t.kind == "Q" or (t.kind == "P" and t.text in _SENTENCE_END):
                break
            if t.kind == "W" and t.text in _DOCUMENT_VERBS and toks[v - 1].text in _DOCUMENT_NOUNS \
                    and toks[j].kind == "W" and toks[j].text in _DETERMINERS:
                # "Q, the statement read": whoever the passage says issued it.
                key = self.discourse.resolve_noun_phrase(["statement"])
                return _Who(key, j), t.text
            if self._is_verb(t, True):
                who = self._subject_before(toks, v, j)
                if who and (who.index == j or who.index > j and not strict and toks[j].kind != "W"):
                    return who, t.text
                break
        return None

    def _clause_before_quote(self, toks: list[_Tok], k: int, lo: int) -> tuple[_Who, str] | None:
        i = k - 1
        steps = 0
        while i >= lo and steps < 7:
            t = toks[i]
            if t.kind == "Q" or t.kind == "E" and steps > 0 and self.index.kind(t.ref) == "person":
                return None
            if t.kind == "P" and t.text in _SENTENCE_END:
                return None
            if self._is_verb(t, steps < 3) and not self._reported(toks, i, lo):
                who = self._subject_before(toks, i, lo)
                if who:
                    cue = t.text
                    if i + 1 < k and toks[i + 1].text == "as":
                        cue = f"{t.text} as"
                    return who, cue
            i -= 1
            steps += 1
        return None

    def _clause_in_sentence(self, toks: list[_Tok], k: int, lo: int, hi: int) -> tuple[_Who, str] | None:
        """The nearest speech clause anywhere in the quote's sentence ('..., Mr. Smith said.')."""
        best: tuple[int, _Who, str] | None = None
        for v in range(max(lo, k - _SENTENCE_REACH), min(hi, k + _SENTENCE_REACH)):
            t = toks[v]
            if t.kind == "W" and t.text == "according" and v + 1 < hi and toks[v + 1].text == "to":
                who = self._subject_after(toks, v + 1, hi)
                if who and who.key is not None:
                    dist = abs(v - k)
                    if best is None or dist < best[0]:
                        best = (dist, who, "according to")
                continue
            if not self._is_verb(t, False) or self._reported(toks, v, lo):
                continue
            if any(toks[x].kind == "Q" for x in range(min(v, k) + 1, max(v, k))) and v > k:
                pass
            who = self._subject_before(toks, v, lo)
            if who is None and t.text in lx.INVERTED_SPEECH_VERBS and v > k:
                who = self._subject_after(toks, v, hi)
            if who is None:
                continue
            dist = abs(v - k)
            if best is None or dist < best[0]:
                best = (dist, who, t.text)
        if best is None:
            return None
        return best[1], best[2]

    # ----- main loop -----
    def run(self, progress: Progress | None) -> list[QuoteDraft]:
        by_paragraph: dict[int, list[tuple[int, int, int]]] = {}
        for n, quote in enumerate(self.quotes):
            for part in quote.parts:
                by_paragraph.setdefault(part.paragraph, []).append((part.region_start, part.region_end, n))
        total = len(self.paragraphs)
        previous: int | None = None   # speaker of the last quote of the previous body paragraph
        intro: int | None = None      # "The minister said:" at the end of the previous paragraph
        for paragraph in self.paragraphs:
            self.discourse.paragraph = paragraph.index
            if progress is not None and paragraph.index % 500 == 499:
                progress("quotes", 0.6 + 0.35 * paragraph.index / max(total, 1))
            if paragraph.kind in ("boilerplate", "credit", "contributors", "byline"):
                continue
            regions = by_paragraph.get(paragraph.index, [])
            speech = bool(regions) or _SPEECH_HINT.search(paragraph.text)
            if not speech and not self.index.mentions_in(paragraph.index):
                if paragraph.kind == "body":
                    previous, intro = None, None
                    m = _description_start(paragraph.text)
                    if m is not None:
                        self.discourse.describe(*m)
                continue
            if not speech:
                self._skim(paragraph)  # nobody speaks here: only note who is named, and how
                if paragraph.kind == "body":
                    previous, intro = None, None
                continue
            positions = _tokens(paragraph, regions, self.index)
            toks = positions.toks
            sentences = _sentences(toks)
            speakers: list[int] = []
            for lo, hi in sentences:
                self._sentence(toks, lo, hi, paragraph, speakers, previous, intro, positions)
            if paragraph.kind != "body":
                continue
            intro = self._intro_speaker(toks, sentences)
            numbers = [n for _, _, n in regions if self.quotes[n].parts[-1].paragraph == paragraph.index]
            previous = self.speaker[numbers[-1]] if numbers else None
        if self.described:
            self._named_later()
        self._headline_quotes()
        drafts = []
        for n, quote in enumerate(self.quotes):
            spans = tuple(Span(p.paragraph, p.start, p.end) for p in quote.parts)
            text = "\n\n".join(self.paragraphs[p.paragraph].text[p.start:p.end] for p in quote.parts)
            drafts.append(QuoteDraft(spans, text, self.speaker[n], self.cue[n]))
        return drafts

    def _skim(self, paragraph: Paragraph) -> None:
        text = paragraph.text
        if paragraph.kind == "body":
            m = _description_start(text)
            stop = text.find(". ")
            stop = len(text) if stop < 0 else stop
            if m is not None and not any(x.span.start < stop and self.index.kind(x.key) == "person"
                                         for x in self.index.mentions_in(paragraph.index)):
                self.discourse.describe(*m)
        for mention in self.index.mentions_in(paragraph.index):
            key = mention.key
            if self.index.is_credit(key):
                continue
            self.discourse.push_mention(key)
            if self.index.kind(key) == "person":
                before = text[max(0, mention.span.start - 40):mention.span.start].rstrip()
                words = before.split()
                while words and words[-1][:1].isupper() and (
                        words[-1].lower() in lx.TITLE_WORDS or words[-1].lower() in lx.ROLE_MODIFIERS):
                    before = before[:len(before) - len(words.pop())].rstrip()  # "Defence Minister X"
                if not before or before[-1] in ".!?,;:\u201d\"" or len(words) == 0:
                    self.discourse.push_subject(key)

    def _named_later(self) -> None:
        """"A mother of three said ... Q", then "The woman, Jane Roe, ...": the person named next."""
        first: dict[int, int] = {}
        last = max(p for _, p, _ in self.described) + 4
        for paragraph in self.paragraphs[:last + 1]:
            for mention in self.index.mentions_in(paragraph.index):
                first.setdefault(mention.key, paragraph.index)
        for n, p, want in self.described:
            if self.speaker[n] is not None:
                continue
            found = None
            for q in range(p + 1, p + 5):
                if q >= len(self.paragraphs) or self.paragraphs[q].kind not in ("body", "caption"):
                    continue
                for mention in self.index.mentions_in(q):
                    key = mention.key
                    if self.index.kind(key) != "person" or self.index.is_credit(key) or first.get(key) != q \
                            or self._official(key):
                        continue  # a named official is someone else
                    gender = self.index.gender(key)
                    if want and gender and gender != want:
                        continue
                    found = key
                    break
                if found is not None:
                    break
            if found is not None:
                self.speaker[n] = found

    def _official(self, key: int) -> bool:
        role = self.index.role(key)
        return bool(role) and any(w.strip(".,").lower() in lx.TITLE_WORDS for w in role.split())

    def _described_subject(self, toks: list[_Tok], lo: int, k: int, hi: int) -> str | None:
        """The gender wanted when the quote's sentence is about an unnamed person, else None."""
        for i in range(lo, min(hi, lo + 40)):
            t = toks[i]
            if t.kind == "W" and t.text in _ANONYMOUS:
                return None  # "a neighbour who declined to give her name": nobody to name later
        for i in range(lo, min(hi, lo + 40)):
            t = toks[i]
            if t.kind == "W" and t.text in ("he", "she") and i + 1 < hi and self._is_verb(toks[i + 1], True):
                return "m" if t.text == "he" else "f"
        if toks[lo].kind == "W" and toks[lo].text in ("a", "an", "the", "one"):
            for i in range(lo + 1, min(k, lo + 5)):
                t = toks[i]
                if t.kind != "W":
                    break
                if t.text in _WOMAN_NOUNS:
                    return "f"
                if t.text in _MAN_NOUNS:
                    return "m"
                if t.text in lx.ROLE_NOUNS and t.text not in _SPOKES:
                    return ""
        return None

    def _headline_quotes(self) -> None:
        """A headline quote with no speaker is usually repeated in the body: take that speaker."""
        # A headline quote given to a noun ("leader warns of 'Q'") also defers to the body's speaker.
        heads = [n for n, q in enumerate(self.quotes) if (self.speaker[n] is None or self.cue[n] is not None
                                                          and not self._named_in(q.parts[0].paragraph, self.speaker[n]))
                 and self.paragraphs[q.parts[0].paragraph].kind == "title" or self.speaker[n] is None
                 and q.parts[0].paragraph <= 2 and self.paragraphs[q.parts[0].paragraph].kind == "body"
                 and len(self.paragraphs[q.parts[0].paragraph].text) < 300]
        if not heads:
            return
        body = [(n, _plain(self._text(n))) for n in range(len(self.quotes)) if self.speaker[n] is not None
                and self.paragraphs[self.quotes[n].parts[0].paragraph].kind != "title"]
        for n in heads:
            words = _plain(self._text(n))
            if len(words) < 3:
                continue
            for m, text in body[:400]:
                if m != n and (words in text or _overlap(words, text) >= 0.75):
                    self.speaker[n], self.cue[n] = self.speaker[m], self.cue[m]
                    break

    def _named_in(self, paragraph: int, key: int | None) -> bool:
        return any(m.key == key for m in self.index.mentions_in(paragraph))

    def _text(self, n: int) -> str:
        part = self.quotes[n].parts[0]
        return self.paragraphs[part.paragraph].text[part.start:part.end]

    def _intro_speaker(self, toks: list[_Tok], sentences: list[tuple[int, int]]) -> int | None:
        """"The minister also said:" closing a paragraph introduces the next one's quote."""
        if not toks or toks[-1].kind != "P" or toks[-1].text != ":":
            return None
        lo = sentences[-1][0] if sentences else 0
        for v in range(len(toks) - 2, lo - 1, -1):
            if self._is_verb(toks[v], True):
                who = self._subject_before(toks, v, lo)
                return who.key if who else None
        return None

    def _sentence(self, toks: list[_Tok], lo: int, hi: int, paragraph: Paragraph,
                  paragraph_speakers: list[int], previous: int | None, intro: int | None,
                  positions: _Tokens) -> None:
        quote_positions = _between(positions.quotes, lo, hi)
        # Sentence subject: the first person named before any verb-like word.
        self._note_subject(toks, lo, hi, quote_positions, positions.names)
        previous_in_sentence: int | None = None
        for k in quote_positions:
            n = toks[k].ref
            if self.speaker[n] is not None or self.cue[n] is not None:
                continue  # attributed in an earlier paragraph of the same quotation
            first_part = self.quotes[n].parts[0].paragraph == paragraph.index
            last_part = self.quotes[n].parts[-1].paragraph == paragraph.index
            if _looks_like_a_title(self._text(n)):
                # "State of the Union", "Harbour Lights": a name, unless a verb stands right by it.
                found = self._clause_after_quote(toks, k, hi, strict=True)
                if found is None and k - 1 >= lo and self._is_verb(toks[k - 1], True):
                    found = self._clause_before_quote(toks, k, lo)
                if found is not None:
                    self._set(n, found[0].key, found[1])
                else:
                    self.attributed[n] = True
                continue
            found = (self._clause_after_quote(toks, k, hi) or self._clause_before_quote(toks, k, lo))
            if found is None and previous_in_sentence is not None and self._joined_to_previous(toks, k, lo):
                self._set(n, previous_in_sentence, self.cue[toks[quote_positions[0]].ref])
                continue
            if found is None:
                found = self._clause_in_sentence(toks, k, lo, hi)
            if found is not None:
                who, cue = found
                self._set(n, who.key, cue)
                if who.key is None and first_part and paragraph.kind == "body":
                    want = self._described_subject(toks, lo, k, hi)
                    if want is not None:
                        self.described.append((n, paragraph.index, want))
                if who.key is not None:
                    paragraph_speakers.append(who.key)
                    self.discourse.push_subject(who.key)
                    previous_in_sentence = who.key
                continue
            # No attribution of its own: a continuation of the speaker just quoted?
            if not first_part:
                continue
            if k - 1 >= lo and toks[k - 1].kind == "P" and toks[k - 1].text == ":":
                subject = self._sentence_subject(toks, lo, k)
                if subject is not None:
                    self._set(n, subject, None)  # "Asked what he would miss, X didn't hesitate: Q"
                    paragraph_speakers.append(subject)
                    continue
            if not last_part and self._attributed_later(n):
                continue
            starts_sentence = k == lo or all(toks[x].kind == "P" for x in range(lo, k))
            if starts_sentence and paragraph.kind in ("body", "caption"):
                if paragraph_speakers:
                    self._set(n, paragraph_speakers[-1], None)
                    continue
                if k == 0 and intro is not None:
                    self._set(n, intro, None)
                    paragraph_speakers.append(intro)
                    continue
                if k == 0 and previous is not None:
                    self._set(n, previous, None)
                    paragraph_speakers.append(previous)
                    continue
                if k > 0 and self.paragraph_subject[0] == paragraph.index and paragraph.kind == "body" \
                        and len(self._text(n).split()) >= 4:
                    # "Roe disagrees. “Q”": the person the paragraph's previous sentence is about.
                    self._set(n, self.paragraph_subject[1], None)
                    paragraph_speakers.append(self.paragraph_subject[1])
                    continue
            if not starts_sentence and paragraph.kind == "body" and toks[lo].kind == "E" \
                    and self.index.kind(toks[lo].ref) == "person" and not self.index.is_credit(toks[lo].ref) \
                    and lo + 1 < k and toks[lo + 1].text == "," and len(self._text(n).split()) >= 3:
                # "Ms. Roe, who was elected on a promise to “fix the basics,” has made ...": hers.
                self._set(n, toks[lo].ref, None)
                continue
            if first_part and paragraph.kind == "body":
                want = self._described_subject(toks, lo, k, hi)
                if want is None and starts_sentence and self.described and self.described[-1][1] == paragraph.index:
                    want = self.described[-1][2]  # the same unnamed speaker goes on
                if want is not None:
                    self.described.append((n, paragraph.index, want))
            self.attributed[n] = True
        first = toks[lo] if lo < hi else None
        if first is not None and first.kind == "W" and first.text in _DESCRIBERS and paragraph.kind == "body":
            for i in range(lo + 1, min(hi, lo + 4)):
                t = toks[i]
                if t.kind != "W":
                    break
                if t.text in _PERSON_NOUNS:
                    if not (i + 1 < hi and toks[i + 1].text in ("of", "’s", "'s")) and not any(
                            x.kind == "E" and self.index.kind(x.ref) == "person" for x in toks[lo:hi]):
                        self.discourse.describe(first.text, t.text)
                    break
        if first is not None and first.kind == "E" and self.index.kind(first.ref) == "person" \
                and not self.index.is_credit(first.ref) and not quote_positions:
            self.paragraph_subject = (paragraph.index, first.ref)
        # Paraphrase clauses ("Mr. Robinson said", "he added") make their subject the focus.
        if not quote_positions:
            for v in _between(positions.verbs, lo, hi):  # the tokens _is_verb(tok, False) accepts
                who = self._subject_before(toks, v, lo)
                if who is None and toks[v].text in lx.INVERTED_SPEECH_VERBS:
                    who = self._subject_after(toks, v, hi)
                if who is not None and who.key is not None:
                    self.discourse.push_subject(who.key)
                    paragraph_speakers.append(who.key)
        for i in _between(positions.names, lo, hi):
            self.discourse.push_mention(toks[i].ref)

    def _attributed_later(self, n: int) -> bool:
        """Whether a later paragraph of this quotation carries its own attribution."""
        for part in self.quotes[n].parts[1:]:
            paragraph = self.paragraphs[part.paragraph]
            tail = paragraph.text[part.region_end:part.region_end + 80]
            if any(w.strip(".,;:!?").lower() in lx.SPEECH_VERBS for w in tail.split()[:5]):
                return True
        return False

    def _joined_to_previous(self, toks: list[_Tok], k: int, lo: int) -> bool:
        """The second half of a split quote: "Q1, he said, Q2" or "Q1," he said "Q2"."""
        i = k - 1
        while i >= lo and toks[i].kind == "P" and k - i < 4:
            i -= 1
        return i >= lo and toks[i].kind in ("W", "E")

    def _sentence_subject(self, toks: list[_Tok], lo: int, hi: int) -> int | None:
        for i in range(lo, hi):
            t = toks[i]
            if t.kind == "E" and self.index.kind(t.ref) in ("person", "organization") and not self.index.is_credit(t.ref):
                prev = toks[i - 1] if i > lo else None
                if prev is None or prev.kind == "P" or (prev.kind == "W" and prev.text not in _PREPOSITIONS):
                    return t.ref
            if t.kind == "W" and t.text in ("he", "she"):
                return self._pronoun(t.text)
        return None

    def _note_subject(self, toks: list[_Tok], lo: int, hi: int, quotes: list[int], names: list[int]) -> None:
        """The sentence's subject: the first person named at its start or after a comma.

        Reads the first 40 tokens up to the first quote (``quotes``: the sentence's quote
        positions); only names (``names``: the paragraph's name positions) can be the subject.
        """
        limit = min(hi, lo + 40)
        if quotes and quotes[0] < limit:
            limit = quotes[0]
        for i in _between(names, lo, limit):
            t = toks[i]
            if self.index.kind(t.ref) in ("person", "organization") and not self.index.is_credit(t.ref):
                prev = toks[i - 1] if i > lo else None
                if prev is None or prev.kind == "P" or (prev.kind == "W" and (
                        prev.text in _CLAUSE_OPENERS or prev.text in lx.ROLE_NOUNS or prev.text in lx.TITLE_WORDS)):
                    self.discourse.push_subject(t.ref)
                    return

    def _set(self, n: int, key: int | None, cue: str | None) -> None:
        self.speaker[n] = key
        self.cue[n] = cue
        self.attributed[n] = True


def extract_quotes(paragraphs: Sequence[Paragraph], quotes: Sequence[RawQuote], index: EntityIndex,
                   progress: Progress | None = None) -> list[QuoteDraft]:
    """One draft per quotation, in text order, with its speaker when the text names one."""
    return _Attributor(paragraphs, quotes, index).run(progress)
