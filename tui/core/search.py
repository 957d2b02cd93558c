"""One fuzzy search over paragraphs, entities and quotes, fast enough to run on every keystroke.

Text is folded once at build time (case, accents, curly quotes) with a map back to the original
offsets. Paragraph search goes through a vocabulary: each query word is matched against the
distinct words of the article (exact, prefix, or within a small edit distance with rapidfuzz), so
a query costs a few milliseconds even on a 4 MB text; only the hit paragraphs are then scanned
for the character ranges to highlight, best first, in chunks that can be cancelled.

Query words are ANDed: a paragraph (entity, quote) hits when every word of the query matches one
of its words. Short words are strict so a two-letter query does not return everything:
1 character: the whole word; 2-3: a word prefix; 4+: a prefix, or a whole word within 1 edit
(2 edits from 8 characters). Words with digits never match fuzzily (years, figures).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import OSA

from tui.core.gc_pause import paused_gc
from tui.core.model import Article, Paragraph, Span

# --------------------------------------------------------------------------------------------
# Folding: lower case, no accents, straight quotes; one folded string plus a map to the original.

_PUNCTUATION = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u00ad": "",
    "\u0131": "i", "\u00df": "ss", "\u00e6": "ae", "\u0153": "oe", "\u00f8": "o", "\u0142": "l",
    "\u0111": "d", "\u00f0": "d", "\u00fe": "th", "\u2026": ".",  # not "..." (keeps 1:1)
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """What one character becomes when folded: '' for combining marks, sometimes 2+ characters."""
    lowered = char.casefold()
    if lowered in _PUNCTUATION:
        return _PUNCTUATION[lowered]
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(_PUNCTUATION.get(c, c) for c in stripped).casefold()


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text; ``origin[i]`` is the original offset of folded character ``i`` (None: same)."""

    text: str
    origin: tuple[int, ...] | None = None
    original_length: int = 0

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded range back to the original text's range (whole original characters,
        with any combining marks that folding dropped after the last one)."""
        origin = self.origin
        if origin is None:
            return start, end
        if start >= len(origin):
            return self.original_length, self.original_length
        if end <= start:
            return origin[start], origin[start]
        following = origin[end] if end < len(origin) else self.original_length
        return origin[start], max(following, origin[end - 1] + 1)


def fold(text: str) -> Folded:
    """Fold ``text``; nearly always one character for one (no offset map needed)."""
    if text.isascii():
        return Folded(text.lower(), None, len(text))
    lowered = text.lower()
    if len(lowered) == len(text):
        regular = True

        def one(match: re.Match[str]) -> str:
            nonlocal regular
            folded = fold_char(match.group())
            if len(folded) != 1:
                regular = False
            return folded

        folded = _NON_ASCII.sub(one, lowered)
        if regular:
            return Folded(folded, None, len(text))
    parts: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        folded_char = fold_char(char)
        parts.append(folded_char)
        origin.extend([offset] * len(folded_char))
    return Folded("".join(parts), tuple(origin), len(text))


# --------------------------------------------------------------------------------------------
# Results.


class Hit:
    """One matching paragraph (key: index), entity (id) or quote (id), and what to highlight.

    ``spans`` are character ranges into Paragraph.text, Entity.name or Quote.text. For
    paragraphs they are found when first read (``_LazyHit``): a query typed at 4 MB can hit
    thousands of paragraphs, and finding every range took most of the search (~25 of ~30 ms);
    the text view reads only the paragraphs it draws.
    """

    __slots__ = ("key", "score", "_spans", "_source")

    def __init__(self, key: int | str, score: float, spans: tuple[tuple[int, int], ...]) -> None:
        self.key = key
        self.score = score
        self._spans: tuple[tuple[int, int], ...] | None = spans
        self._source: tuple[Folded, re.Pattern[str]] | None = None


    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        spans = self._spans
        if spans is None:
            source = self._source
            assert source is not None
            spans = self._spans = _spans_in(*source)  # the same answer if two threads race
        return spans

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return (self.key, self.score, self.spans) == (other.key, other.score, other.spans)

    def __hash__(self) -> int:
        return hash((self.key, self.score))

    def __repr__(self) -> str:
        return f"Hit(key={self.key!r}, score={self.score!r}, spans={self.spans!r})"


class _LazyHit(Hit):
    """A paragraph hit whose ranges are found when first read."""

    __slots__ = ()

    def __init__(self, key: int | str, score: float, folded: Folded,  # noqa: D107
                 pattern: re.Pattern[str]) -> None:
        self.key, self.score, self._spans, self._source = key, score, None, (folded, pattern)


class _SpansOfHits(Mapping[int, tuple[tuple[int, int], ...]]):
    """paragraph -> its matched ranges, found only for the paragraphs looked up."""

    __slots__ = ("_hits",)

    def __init__(self, hits: Iterable[Hit]) -> None:
        self._hits = {int(hit.key): hit for hit in hits}

    def __getitem__(self, paragraph: int) -> tuple[tuple[int, int], ...]:
        return self._hits[paragraph].spans

    def get(self, paragraph: int, default=None):  # type: ignore[no-untyped-def, override]
        hit = self._hits.get(paragraph)
        return default if hit is None else hit.spans

    def __contains__(self, paragraph: object) -> bool:
        return paragraph in self._hits

    def __iter__(self) -> Iterator[int]:
        return iter(self._hits)

    def __len__(self) -> int:
        return len(self._hits)


class SpanList(Sequence[Span]):
    """A search's matched ranges as Spans, kept grouped by paragraph; the Span objects are made
    only if someone iterates (a common word at 4 MB has 50,000+ of them). ArticleView reads
    ``by_paragraph`` directly, so nothing is regrouped on the UI thread."""

    def __init__(self, by_paragraph: Mapping[int, tuple[tuple[int, int], ...]]) -> None:
        self.by_paragraph = by_paragraph
        self._spans: list[Span] | None = None

    def _all(self) -> list[Span]:
        if self._spans is None:
            self._spans = [Span(paragraph, start, end)
                           for paragraph, ranges in self.by_paragraph.items() for start, end in ranges]
        return self._spans

    def __getitem__(self, item):  # type: ignore[no-untyped-def, override]
        return self._all()[item]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Span]:
        return iter(self._all())


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Hits of one query, each kind ranked best first. An empty ``query`` means: no filtering."""

    query: str
    paragraphs: tuple[Hit, ...] = ()
    entities: tuple[Hit, ...] = ()
    quotes: tuple[Hit, ...] = ()
    complete: bool = True
    # paragraph_indices(), computed once (the search thread asks first, so the UI thread need not)
    _indices: list[int] | None = field(default=None, compare=False, repr=False)
    _spans: SpanList | None = field(default=None, compare=False, repr=False)

    @property
    def filters(self) -> bool:
        """False for the empty query: show everything."""
        return bool(self.query.strip())

    def paragraph_indices(self) -> list[int]:
        """Hit paragraphs in document order (for ArticleView.set_search). Computed once: do
        not change the list."""
        indices = self._indices
        if indices is None:
            indices = sorted(int(hit.key) for hit in self.paragraphs)
            object.__setattr__(self, "_indices", indices)
        return indices

    def paragraph_spans(self) -> SpanList:
        """Every matched range as a Span, best paragraphs first (for ArticleView.set_search).
        Made once (the search thread asks first): the same object on every call."""
        spans = self._spans
        if spans is None:
            spans = SpanList(_SpansOfHits(self.paragraphs))
            object.__setattr__(self, "_spans", spans)
        return spans


# --------------------------------------------------------------------------------------------
# Query words and how each matches a vocabulary.


@dataclass(frozen=True, slots=True)
class _Term:
    """One query word and the vocabulary words it accepts, with a quality in (0, 1]."""

    word: str
    accepted: dict[str, float]


def _query_words(query: str) -> list[str]:
    return _WORD.findall(fold(query).text)


def _accepts(word: str, candidate: str) -> float:
    """Quality of ``candidate`` (a text word) for the query ``word``; 0 when it does not match."""
    if candidate == word:
        return 1.0
    if len(word) >= 2 and candidate.startswith(word):
        return 0.9
    limit = _edit_limit(word)
    if limit and abs(len(candidate) - len(word)) <= limit:
        distance = OSA.distance(word, candidate, score_cutoff=limit)
        if distance <= limit:
            return 0.8 - 0.1 * distance
    return 0.0


def _edit_limit(word: str) -> int:
    if len(word) < 4 or any(c.isdigit() for c in word):
        return 0
    return 1 if len(word) < 8 else 2


def _term(word: str, vocabulary: Sequence[str], known: frozenset[str],
          heads: Callable[[int], Sequence[str]] | None = None) -> _Term:
    """Match one query word against a sorted vocabulary (rapidfuzz for the edit distance, in C).

    With ``heads`` (the vocabulary cut to a length) a word of 5+ letters also matches the start
    of longer words within one edit, so a typo while typing ("blinki") keeps its results.
    """
    accepted: dict[str, float] = {}
    if len(word) >= 2:
        for position in range(bisect_left(vocabulary, word), len(vocabulary)):
            candidate = vocabulary[position]
            if not candidate.startswith(word):
                break
            accepted[candidate] = 1.0 if candidate == word else 0.9
    elif word in known:
        accepted[word] = 1.0
    limit = _edit_limit(word)
    if limit:
        for candidate, distance, _ in process.extract(
                word, vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=None):
            if candidate not in accepted:
                accepted[candidate] = 0.8 - 0.1 * distance
    if heads is not None and len(word) >= 5 and limit:
        for _, distance, position in process.extract(
                word, heads(len(word)), scorer=OSA.distance, score_cutoff=1, limit=None):
            candidate = vocabulary[position]
            if candidate not in accepted and len(candidate) > len(word):
                accepted[candidate] = 0.6
    return _Term(word, accepted)


def _terms_pattern(terms: Sequence[_Term]) -> re.Pattern[str]:
    """One regex finding every word any term accepts, in a single left-to-right pass.

    A term's prefix matches become ``prefix\\w*`` (every word of the text with that prefix is
    accepted anyway), so a two-letter query does not compile into thousands of alternatives.
    There is no leading ``\\b``: it would stop the regex engine from scanning for a literal
    prefix (3x slower on "the"); ``_spans_in`` drops matches that start inside a word instead.
    Every alternative ends at a word end, so a dropped match never hides the next word.
    """
    alternatives: list[str] = []
    for term in terms:
        prefix = term.word if len(term.word) >= 2 and any(w.startswith(term.word) for w in term.accepted) else None
        if prefix is not None:
            alternatives.append(re.escape(prefix) + r"\w*")
        alternatives.extend(re.escape(w) + r"\b" for w in term.accepted
                            if prefix is None or not w.startswith(prefix))
    if not alternatives:
        return re.compile(r"(?!)")
    alternatives.sort(key=len, reverse=True)
    return re.compile(alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")")


# --------------------------------------------------------------------------------------------
# Small documents (entity names and aliases, quotes and their speakers).


@dataclass(frozen=True, slots=True)
class _Document:
    key: str
    shown: Folded  # the text whose ranges are returned (Entity.name, Quote.text)
    words: frozenset[str]  # every word that can match (name and aliases; quote and speaker)


class _DocumentIndex:
    """Entities or quotes, found through their words like paragraphs are (no scan per query)."""

    def __init__(self, documents: Sequence[_Document], known: frozenset[str]) -> None:
        self.documents = documents
        self.postings: defaultdict[str, list[int]] = defaultdict(list)
        self.unknown: defaultdict[str, list[int]] = defaultdict(list)  # words not in the text
        postings, unknown = self.postings, self.unknown
        for number, document in enumerate(documents):
            words = document.words
            inside = words & known  # set operations in C: ~10,000 documents at 4 MB
            for word in inside:
                postings[word].append(number)
            if len(inside) < len(words):
                for word in words - inside:
                    unknown[word].append(number)

    def search(self, terms: Sequence[_Term], pattern: re.Pattern[str]) -> tuple[Hit, ...]:
        """Documents matching every term, best first, with the ranges of their shown text."""
        total: dict[int, float] | None = None
        for term in terms:
            best: dict[int, float] = {}
            matching = list(term.accepted.items())
            matching += [(w, q) for w in self.unknown if (q := _accepts(term.word, w))]
            for word, quality in matching:
                for number in self.postings.get(word, ()) or self.unknown.get(word, ()):
                    if quality > best.get(number, 0.0) and (total is None or number in total):
                        best[number] = quality
            total = best if total is None else {n: total[n] + q for n, q in best.items()}
            if not total:
                return ()
        assert total is not None
        hits = []
        for number, score in total.items():
            document = self.documents[number]
            own = pattern
            if document.words & self.unknown.keys():
                own = _terms_pattern([_Term(t.word, {**t.accepted, **{
                    w: 1.0 for w in document.words if _accepts(t.word, w)}}) for t in terms])
            hits.append(Hit(document.key, round(100 * score / len(terms), 2), _spans_in(document.shown, own)))
        return _ranked(hits)


def _spans_in(folded: Folded, pattern: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """Original-text ranges of every whole-word match, in order (matches never overlap)."""
    text = folded.text
    spans = [m.span() for m in pattern.finditer(text)
             if not (start := m.start()) or not _is_word_char(text[start - 1])]
    if folded.origin is None:
        return tuple(spans)
    return tuple(folded.to_original(start, end) for start, end in spans)


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches (letters and digits of any script, and the underscore)."""
    return char.isalnum() or char == "_"


# --------------------------------------------------------------------------------------------
# The index.


class _ParagraphIndex:
    """Folded paragraphs, the article's vocabulary and, per word, the paragraphs containing it."""

    BUILD_CHUNK = 500  # paragraphs folded between two calls of ``pause``

    def __init__(self, paragraphs: Sequence[Paragraph], pause: Callable[[], None] | None = None) -> None:
        self.keys = [p.index for p in paragraphs]
        self.folded: list[Folded] = []
        postings: defaultdict[str, list[int]] = defaultdict(list)
        findall = _WORD.findall
        for start in range(0, len(paragraphs), self.BUILD_CHUNK):
            if pause is not None:
                pause()
            for position in range(start, min(start + self.BUILD_CHUNK, len(paragraphs))):
                folded = fold(paragraphs[position].text)
                self.folded.append(folded)
                for word in set(findall(folded.text)):
                    postings[word].append(position)
        if pause is not None:
            pause()
        self.postings = dict(postings)
        self.vocabulary = sorted(postings)
        self.known = frozenset(postings)
        self._heads: dict[int, list[str]] = {}

    def heads(self, length: int) -> list[str]:
        """The vocabulary with every word cut to ``length`` characters (same positions)."""
        found = self._heads.get(length)
        if found is None:
            found = self._heads[length] = [word[:length] for word in self.vocabulary]
        return found


_LAST_PARAGRAPH_INDEX: tuple[tuple[str, ...], _ParagraphIndex] | None = None
_LAST_LOCK = threading.Lock()


def _paragraph_index(paragraphs: Sequence[Paragraph], pause: Callable[[], None] | None = None) -> _ParagraphIndex:
    """The paragraph index, reused when the same text is indexed again (after analysis ends).

    One build at a time: a search typed while the reader's own index build runs waits for that
    build instead of starting a second one beside it (two 0.5 s builds of a 4 MB text competing
    with the UI thread for the interpreter)."""
    global _LAST_PARAGRAPH_INDEX
    texts = tuple(p.text for p in paragraphs)
    with _LAST_LOCK:
        if _LAST_PARAGRAPH_INDEX is not None and _LAST_PARAGRAPH_INDEX[0] == texts:
            index = _LAST_PARAGRAPH_INDEX[1]
            if index.keys == [p.index for p in paragraphs]:
                return index
        index = _ParagraphIndex(paragraphs, pause)
        _LAST_PARAGRAPH_INDEX = (texts, index)
    return index


class SearchIndex:
    """Build once per article (``build``), then ``search`` on every keystroke, off the UI thread."""

    CHUNK = 128  # paragraphs scanned between cancellation checks (and a pause for the UI thread)
    PARTIAL_EVERY = 4  # chunks between two partial results
    SMALL = 500  # paragraphs: up to this a query takes well under a millisecond (see ``small``)

    @property
    def small(self) -> bool:
        """True when any query answers faster than a thread could be started for it, so the
        reader can search on the spot and show the results in the frame that echoes the key."""
        return len(self._paragraphs.keys) <= self.SMALL

    def __init__(self, paragraphs: _ParagraphIndex, article: Article) -> None:
        self._paragraphs = paragraphs
        self._article = article
        self._names: tuple[_DocumentIndex, _DocumentIndex] | None = None
        self._names_lock = threading.Lock()

    @classmethod
    def build(cls, article: Article, pause: Callable[[], None] | None = None) -> "SearchIndex":
        """Fold and index the article's paragraphs; works on paragraphs alone (before analysis
        ends). Its entities and quotes are indexed on first use, or by ``complete``.

        ``pause()`` is called between chunks of paragraphs: a worker building the index of a
        long text can wait there while the user types (0.5 s of work at 4 MB otherwise takes
        half the core and the interpreter from the screen that echoes the keys)."""
        with paused_gc(freeze=True):  # an index lives as long as its article
            return cls(_paragraph_index(article.paragraphs, pause), article)

    def complete(self) -> None:
        """Index the entities and quotes now (a 4 MB article's take ~0.1 s): the reader shows a
        finished analysis first and completes its index after, off the UI thread."""
        self._entities_and_quotes()

    def _entities_and_quotes(self) -> tuple[_DocumentIndex, _DocumentIndex]:
        names = self._names
        if names is None:
            with self._names_lock:  # one build, whichever thread asks first
                names = self._names
                if names is None:
                    with paused_gc(freeze=True):
                        names = self._names = _index_names(self._article, self._paragraphs.known)
        return names

    def search(self, query: str, *, cancelled: Callable[[], bool] = lambda: False,
               on_partial: Callable[[SearchResult], None] | None = None) -> SearchResult | None:
        """Hits for ``query`` (None if ``cancelled()`` turned true). ``on_partial`` gets the
        small kinds and the best paragraphs first when the paragraphs take several chunks."""
        words = _query_words(query)
        if not query.strip():
            return SearchResult(query="")
        if not words:
            return SearchResult(query=query)
        index = self._paragraphs
        unique = list(dict.fromkeys(words))
        terms = [_term(word, index.vocabulary, index.known, index.heads if word == unique[-1] else None)
                 for word in unique]
        pattern = _terms_pattern(terms)
        if cancelled():
            return None
        entity_index, quote_index = self._entities_and_quotes()
        entities = entity_index.search(terms, pattern)
        quotes = quote_index.search(terms, pattern)
        ranked = self._rank_paragraphs(terms)
        if cancelled():
            return None
        hits: list[Hit] = []
        keys, folded, lazy = index.keys, index.folded, _LazyHit
        for chunk, start in enumerate(range(0, len(ranked), self.CHUNK), start=1):
            hits.extend([lazy(keys[position], score, folded[position], pattern)
                         for position, score in ranked[start:start + self.CHUNK]])
            if cancelled():
                return None
            more = start + self.CHUNK < len(ranked)
            if on_partial is not None and more and chunk % self.PARTIAL_EVERY == 0:
                on_partial(SearchResult(query, tuple(hits), entities, quotes, complete=False))
        return SearchResult(query, tuple(hits), entities, quotes)

    def _rank_paragraphs(self, terms: Sequence[_Term]) -> list[tuple[int, float]]:
        """(position, score) of every paragraph containing all terms, best first (then in
        document order). Dict and sort work in C: "the" at 4 MB ranks 17,000 paragraphs."""
        postings = self._paragraphs.postings
        total: dict[int, float] | None = None
        for term in sorted(terms, key=lambda t: sum(len(postings[w]) for w in t.accepted)):
            best: dict[int, float] = {}
            # weakest first, so a paragraph keeps the best quality among the words it contains
            for word, quality in sorted(term.accepted.items(), key=lambda item: item[1]):
                best.update(dict.fromkeys(postings[word], quality))
            if total is not None:
                best = {p: total[p] + q for p, q in best.items() if p in total}
            total = best
            if not total:
                return []
        assert total is not None
        count = len(terms)
        rounded = {score: round(100 * score / count, 2) for score in set(total.values())}
        ranked = sorted(total.items())  # document order ...
        ranked.sort(key=itemgetter(1), reverse=True)  # ... then best first (a stable sort)
        return [(position, rounded[score]) for position, score in ranked]


def _index_names(article: Article, known: frozenset[str]) -> tuple[_DocumentIndex, _DocumentIndex]:
    """Entities by their names and aliases; quotes by their words and their speaker's names."""
    # names recur (aliases, and each quote's speaker again): their words are found once
    name_words: dict[str | None, frozenset[str]] = {None: frozenset()}

    def words_of(name: str | None) -> frozenset[str]:
        found = name_words.get(name)
        if found is None:
            found = name_words[name] = frozenset(_WORD.findall(fold(name).text))  # type: ignore[arg-type]
        return found

    entities = []
    entity_words: dict[str, frozenset[str]] = {}
    for e in article.entities:
        words = entity_words[e.id] = words_of(e.name).union(*map(words_of, e.aliases))
        entities.append(_Document(e.id, fold(e.name), words))
    quotes = []
    for q in article.quotes:
        folded = fold(q.text)
        words = frozenset(_WORD.findall(folded.text)).union(
            entity_words.get(q.speaker_id or "", ()), words_of(q.speaker))
        quotes.append(_Document(q.id, folded, words))
    return _DocumentIndex(entities, known), _DocumentIndex(quotes, known)


def _ranked(hits: Iterable[Hit]) -> tuple[Hit, ...]:
    return tuple(sorted(hits, key=lambda hit: -hit.score))
