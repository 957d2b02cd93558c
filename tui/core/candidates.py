"""Name candidates: capitalised runs of words in the text, and what each one is on its own.

A run ("Secretary of State Antony J. Blinken", "But Mr. Robinson", "Rice University") is split
where a connector does not belong, stripped of sentence-initial words and possessives, and its
title or honorific peeled off into a role and a gender. Its kind comes from the words (place
and organisation lists, head words, first names) and from the text right around it ("X said",
"X, 45,", "her partner, X", "the agency, X", "X, which ..."). Parsing is memoised per run and
per name: names repeat, so most runs in a long text are cache hits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.core import lexicon as lx
from tui.core.model import Paragraph
from tui.core.names import PLACE_ALIASES, fold, fold_phrase, fold_word, place_key
from tui.core.quote_marks import RawQuote
from tui.core.structure import credit_start

Progress = Callable[[str, float], None]
# Upper-case letters as a class of ranges (Latin, Latin Extended-A, Greek, Cyrillic). Latin
# Extended-A mixes cases, so its few lower-case letters pass here and are filtered in Python; a
# class listing every Unicode capital would cost more to compile than the seed takes to analyse.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0218\u021a\u0391-\u03a9\u0400-\u042f"
_UP = "[" + _UPPER + "]"
_FIRST_WORD = rf"{_UP}(?:\.(?:{_UP}\.)+|[^\W_]*(?:['’\u2010-][^\W\d_]+|&{_UP}+)*\.?)"
_WORD = rf"(?:(?:al|el|bin|ibn|ben|d|l)[-'’])?{_FIRST_WORD}"
_NICKNAME = r"[ \u00a0][\u201c\"\u2018'][^\W\d_][^\W\d_.]{1,15}[\u201d\"\u2019']"
_CONNECT = r"(?:[ \u00a0](?:de|del|della|der|den|di|da|das|dos|du|la|le|van|von|bin|ibn|al|el|y|zu|ter|ap|ab|ferch|mac|of|the|for|and|on|&)){1,3}"
_RUN = re.compile(rf"{_FIRST_WORD}(?:(?:{_CONNECT}|{_NICKNAME})?[ \u00a0]{_WORD})*")
_SENTENCE_OPENERS = frozenset(".!?:;\u201c\"\u2018\u2014\u2013(-\u2026\n*•>|")
_BEFORE_SENTENCE = _SENTENCE_OPENERS | frozenset("\u201d'\u2019")  # and closing quotes

# Connectors allowed only after an organisation head word or a title ("Secretary of State").
_LOOSE_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "&"})
_PARTICLES = lx.NAME_PARTICLES
_FUNCTION_WORDS = frozenset("""the a an this that these those but and or nor in on at for from with as after before
while when if since during despite last next nearly according meanwhile however by of to under over
about among between through then so yet also even still one two three some many most more several
his her their its our my your we they he she it there here what which who how why where when
""".split())

_AGE = re.compile(r",\s+\d{1,3},")
_ROLE_AFTER = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?((?:[^,;:“”\"()\n.]|\.(?=\S))+?)(?=,|\.(?:\s|$)|;|:|\s+(?:who|which|that|said|says|told|and\s+(?:a|an|the)\s)\b|\s*[“\"(]|$)",
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
    offsets: Sequence[tuple[int, int]] = ()  # each name token's span, before adding ``shift``
    org_hint: bool = False
    weak_title: bool = False
    personal: bool = False   # context that only people have: "X, 45,", "X, who", "her partner, X"
    profile: tuple = ()      # what the words alone say (_word_profile), shared by equal runs
    place_hint: bool = False
    shift: int = 0           # added to ``offsets``: copies of a memoised name share its offsets

    def token_span(self, i: int) -> tuple[int, int]:
        """The span of name token ``i`` in the paragraph."""
        start, end = self.offsets[i]
        return start + self.shift, end + self.shift



def _is_upper_word(token: str) -> bool:
    return token[:1].isupper() or (len(token) > 3 and token[2:3] in "-'’" and token[3:4].isupper())



def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()



def quote_regions(quotes: Sequence[RawQuote]) -> dict[int, list[tuple[int, int]]]:
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


_BLANKS = frozenset(" \t\u00a0")


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _BLANKS:
        i -= 1
    return i < 0 or text[i] in _BEFORE_SENTENCE


def find_candidates(paragraphs: Sequence[Paragraph], regions: dict[int, list[tuple[int, int]]],
                     progress: Progress | None) -> list[Candidate]:
    candidates: list[Candidate] = []
    append = candidates.append
    total = len(paragraphs)
    first_names = lx.FIRST_NAMES_SET
    inner_get, initial_get = _RUN_CACHE[False].get, _RUN_CACHE[True].get
    previous: Candidate | None = None
    for paragraph in paragraphs:
        number = paragraph.index
        if progress is not None and number % 500 == 499:
            progress("entities", 0.2 + 0.4 * number / max(total, 1))
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
        quoted = regions.get(number)
        in_title = kind == "title"
        for match in _RUN.finditer(text):
            start = match.start()
            run = match.group()
            # _sentence_initial, its common case inline: one space after the previous word
            if start > 1 and text[start - 1] == " " and text[start - 2] not in _BLANKS:
                initial = text[start - 2] in _BEFORE_SENTENCE
            else:
                initial = _sentence_initial(text, start)
            templates = (initial_get if initial else inner_get)(run)
            if templates is None:
                templates = _parse_run(run, initial)
            for delta, t in templates:
                # A fresh copy of the memoised template, placed at this run (positional: faster).
                shift = start + delta
                cand_start = t.start + shift
                cand = Candidate(number, cand_start, t.end + shift, t.name_start + shift, t.tokens, t.folded,
                                 t.honorific, t.role, t.titled, None, cand_start >= credit_from,
                                 quoted is not None and _inside(quoted, cand_start), t.sentence_initial, False,
                                 in_title, None, t.offsets, False, t.weak_title, False, t.profile, False, shift)
                if not (t.titled or in_title or t.profile[0]):
                    _gather_evidence(text, cand)  # only undecided names need their context read
                # (the gap's length first: an int test that nearly always fails, before any slice)
                if (previous is not None and cand_start - previous.end == 5 and previous.paragraph == number
                        and len(previous.folded) == 1 and len(cand.folded) >= 2
                        and text[previous.end:cand_start] == " and "
                        and previous.folded[0] in first_names and cand.profile[0] is None
                        and (cand.folded[0] in first_names or cand.evidence)):
                    # "Martina and Jakob Steiner": two people who share the surname
                    previous.tokens = (previous.tokens[0], *cand.tokens[1:])
                    previous.folded = (previous.folded[0], *cand.folded[1:])
                    previous.profile = _word_profile(previous.tokens, previous.folded)
                append(cand)
                previous = cand
    return candidates


# A run's templates: (where a name starts in the run, the name's template placed at offset 0).
_Templates = list[tuple[int, Candidate]]
# Memoised runs, by whether the run opens a sentence; memoised names, by their text and that.
_RUN_CACHE: dict[bool, dict[str, _Templates]] = {False: {}, True: {}}
_NAME_CACHE: dict[tuple[str, bool], Candidate | None] = {}
_CACHE_LIMIT = 50_000  # entries in each (a bound for a long-running app)


def _parse_run(run: str, initial: bool) -> _Templates:
    """The names in one run, memoised on its words: names repeat, so most runs are cache hits.

    Each name is memoised too, on its own text and whether it opens a sentence: a name recurs
    in runs that differ elsewhere ("Ms. Roe of Acme"), and only those two things of the run
    decide what ``_candidate`` makes of it. A run that ends a sentence inside or at its end is
    read as the runs it is made of ("Texas. Mr. Smith." = "Texas" + "Mr. Smith"), which
    ``_groups`` and ``_candidate`` treat alike; so those are cache hits too.
    """
    cut = _sentence_break(run)
    if cut > 0:
        after = _run_templates(run[cut + 2:], True)
        templates = [*_run_templates(run[:cut], initial), *[(at + cut + 2, t) for at, t in after]]
    elif run[-1] == "." and not _keeps_period(run[max(run.rfind(" "), run.rfind("\u00a0")) + 1:]):
        templates = _run_templates(run[:-1], initial)
    else:
        text = (". " if initial else "x ") + run  # a stand-in for what precedes the run
        templates = []
        for group in _groups(run, 2):
            at = group[0][0]
            key = (text[at:group[-1][1]], _sentence_initial(text, at))
            if key in _NAME_CACHE:
                template = _NAME_CACHE[key]
            else:
                template = _candidate(text, group, -1)
                if template is not None:
                    _place_at_zero(template, at)
                if len(_NAME_CACHE) >= _CACHE_LIMIT:
                    _NAME_CACHE.clear()
                _NAME_CACHE[key] = template
            if template is not None:
                templates.append((at - 2, template))
    cache = _RUN_CACHE[initial]
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[run] = templates
    return templates


def _run_templates(run: str, initial: bool) -> _Templates:
    found = _RUN_CACHE[initial].get(run)
    return found if found is not None else _parse_run(run, initial)


def _sentence_break(run: str) -> int:
    """Where the run's first word that ends a sentence ends ("Texas. Mr. Smith" -> 5), or -1.

    That is where ``_groups`` starts a new group, whatever came before: a word ending in a
    period it does not keep, then a space and a capitalised word (which opens a sentence).
    """
    cut = run.find(".")
    while cut >= 0:
        if run[cut + 1:cut + 2] in (" ", "\u00a0"):
            word_start = max(run.rfind(" ", 0, cut), run.rfind("\u00a0", 0, cut)) + 1
            next_word = run[cut + 2:].split(None, 1)[0]
            if _is_upper_word(next_word) and not _keeps_period(run[word_start:cut + 1]):
                return cut
        cut = run.find(".", cut + 1)
    return -1


def _place_at_zero(template: Candidate, at: int) -> None:
    """Make a fresh candidate a template: offsets from ``at``, words as tuples, profile read."""
    template.start -= at
    template.end -= at
    template.name_start -= at
    template.offsets = tuple([(start - at, end - at) for start, end in template.offsets])
    template.tokens, template.folded = tuple(template.tokens), tuple(template.folded)
    template.profile = _word_profile(template.tokens, template.folded)


def _groups(run: str, offset: int) -> list[list[tuple[int, int, str]]]:
    """The tokens (start, end, word) of one capitalised run, in groups that are one name each:
    split where a connector does not belong, a sentence ends or a possessive closes a name.
    Positions are in the run plus ``offset``."""
    # The run's words with their spans (what finditer(r"[^\s]+") finds, found faster): each word
    # is the first occurrence after the previous one, as only spaces lie between them.
    tokens: list[tuple[int, int, str]] = []
    pos = 0
    for word in run.split():
        pos = run.find(word, pos)
        tokens.append((offset + pos, offset + pos + len(word), word))
        pos += len(word)
    group: list[tuple[int, int, str]] = []  # always groups[-1]
    groups = [group]
    for i, tok in enumerate(tokens):
        word = tok[2]
        if word[0] in "\u201c\"\u2018'":
            continue  # a nickname: Michael "Mike" Delgado
        if not _is_upper_word(word):
            low = word.lower()
            prev = fold_word(group[-1][2]) if group else ""
            following = tokens[i + 1][2] if i + 1 < len(tokens) else ""
            if low in ("on", "the", "and", "of", "for") and fold_word(following) in _DATE_WORDS:
                group = []  # "European Commission on Thursday"
                groups.append(group)
                continue
            if low in _LOOSE_CONNECTORS and (prev in lx.ORG_HEADS or low == "&"
                                             or (low in ("of", "for") and (prev in lx.TITLE_WORDS or prev in _OF_PLACES))
                                             or (low == "and" and any(fold_word(t[2]) in lx.ORG_HEADS for t in group))):
                group.append(tok)
                continue
            if low in _PARTICLES and group:
                group.append(tok)
                continue
            group = []
            groups.append(group)
            continue
        if group:
            last = group[-1][2]
            # A sentence ending inside the run ("... in Texas. Mr. Smith"), or a possessive ("Lakeview's Coach").
            if (last.endswith(".") and not _keeps_period(last)) or last.endswith(("'s", "\u2019s")):
                group = []
                groups.append(group)
            elif len(group) >= 2 and _shouting(last) and _shouting(group[-2][2]) \
                    and not _shouting(word) and word[1:].islower():
                group = []  # an AP byline: "By JANE ROE Associated Press"
                groups.append(group)
        group.append(tok)
    result = []
    for group in groups:
        while group and not _is_upper_word(group[-1][2]):
            group.pop()  # trailing connector
        if group:
            result.append(group)
    return result


@lru_cache(maxsize=16384)  # words repeat across runs: a hit costs less than the list it saves
def _shouting(word: str) -> bool:
    """A word in capitals, allowing a "Mc" or "Mac" prefix ("McDERMOTT")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.islower() for c in letters) <= (1 if letters[:2] == ["M", "c"] else 0) \
        and (letters[1].isupper() or letters[:2] == ["M", "c"] and len(letters) > 2 and letters[2].isupper())


@lru_cache(maxsize=16384)
def _keeps_period(word: str) -> bool:
    base = fold(word[:-1])
    return (len(base) == 1 or base in lx.HONORIFICS or base in lx.NAME_SUFFIXES
            or base in ("st", "ft", "mt", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "dr", "jr", "sr", "no", "vs")
            or _is_acronym(word))


# Role nouns that may open a sentence before a full name ("Shopkeeper Ann Roe said"); kinship
# words are left out because they also start titles ("Father Knows Best").
_ROLE_OPENERS = lx.ROLE_NOUNS - frozenset({
    "father", "mother", "son", "daughter", "husband", "wife", "brother", "sister", "widow", "niece",
    "nephew", "uncle", "aunt", "cousin", "friend", "grandmother", "grandfather", "mom", "dad", "parent",
    "partner", "member", "fellow", "host", "forward", "boss", "victim", "witness", "patient"})


def _candidate(text: str, group: list[tuple[int, int, str]], paragraph: int) -> Candidate | None:
    sentence_initial = _sentence_initial(text, group[0][0])
    # Known multi-word organisations and places win before any stripping ("The New York Times").
    # Strip leading common words ("But", "The", "Last") that are not titles or honorifics.
    while group:
        word = fold_word(group[0][2])
        if fold_word(group[-1][2]) in lx.ORG_HEADS and len(group) > 1 and word not in _FUNCTION_WORDS:
            break  # "State Department", "National Guard": the first word belongs to the name
        if (word in lx.COMMON_WORDS and word not in lx.TITLE_WORDS and word not in lx.HONORIFICS
                and _not_a_known_name(fold_phrase(" ".join([t[2] for t in group])).rstrip("."))):
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
        if i == 0 and sentence_initial and len(folded) >= 3 and folded[0] not in lx.FIRST_NAMES_SET \
                and (folded[1] in lx.FIRST_NAMES_SET or folded[0] in _ROLE_OPENERS and folded[-1] not in lx.COMMON_WORDS) and folded[0] not in lx.PLACES \
                and folded[0] not in lx.ORG_HEADS and folded[0] not in lx.DEMONYMS:
            split = 0  # "Substitute Kieran Doyle", "Seismologist Ana Ruiz": a role opening the sentence
            continue
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


def _not_a_known_name(whole: str) -> bool:
    """Neither a listed organisation nor a place (read only when a common word opens the run)."""
    return whole not in lx.ORG_NAMES and whole not in lx.PLACES and place_key(whole) not in lx.PLACES


def _all_places(tokens: list[str]) -> bool:
    return place_key(" ".join(tokens)) in lx.PLACES or " ".join(tokens) in lx.PLACES


_WORD_AFTER = re.compile(r"(?:['’]s?)?\s+([a-z][\w\-]*)")
_NOT_ROLE_START = frozenset({"who", "which", "that", "whose", "where", "when", "and", "but", "or", "as",
                             "in", "on", "at", "of", "for", "with", "to", "from", "by", "he", "she", "it",
                             "they", "we", "i", "you", "this", "there", "here", "if", "so", "then"})
_OF_PLACES = frozenset({"gulf", "bank", "republic", "kingdom", "isle", "city", "sea", "house", "court",
                        "bay", "strait", "cape", "lake", "university", "college", "school"})
FEMALE_ROLES = frozenset({"wife", "mother", "daughter", "sister", "widow", "grandmother", "aunt", "niece",
                           "woman", "girl", "chairwoman", "spokeswoman", "congresswoman", "councilwoman",
                           "actress", "queen", "princess", "duchess", "mom", "businesswoman"})
MALE_ROLES = frozenset({"husband", "father", "son", "brother", "widower", "grandfather", "uncle", "nephew",
                         "man", "boy", "chairman", "spokesman", "congressman", "councilman", "actor", "king",
                         "prince", "duke", "dad", "businessman"})
_LISTENER_VERBS = frozenset({"told", "tell", "tells", "telling", "asked", "ask", "asks", "informed",
                             "urged", "warned", "answered", "thanked", "called"})
_DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec today tomorrow yesterday""".split())
_CREDIT_NOT_NAMES = frozenset({"reporting", "editing", "writing", "additional", "compiled", "research",
                               "photo", "photograph", "photographs", "image", "video", "illustration", "staff", "writer", "writers", "reporter", "reporters", "correspondent",
                               "editor", "editors", "desk", "wire", "services", "team", "photographer"})
WEAK_POSITION = frozenset({"of", "to", "by", "with", "for", "from", "about", "against", "on", "at",
                            "in", "into", "than", "like", "between", "after", "before"})
_FAMILY_OF_NAME = frozenset({"administration", "government", "campaign", "family", "era", "doctrine"})


_NAME_GIVEN_AS = re.compile(r"\b(?:name|identified|introduced (?:herself|himself))"
                            r"(?: only)? (?:as|by) $|\bfirst name,? $", re.IGNORECASE)
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                      "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
                      "southeast", "southwest", "central", "upper", "lower"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "throughout"})
_COMPASS_WORDS = frozenset(w.capitalize() for w in _COMPASS) | _COMPASS


# Unions of the lists _gather_evidence tests together: one lookup instead of two or three.
_STRONG_SPEECH_VERBS = lx.SPEECH_VERBS - lx.WEAK_SPEECH_VERBS
_NAMING_VERBS = _STRONG_SPEECH_VERBS - _LISTENER_VERBS
_PLACE_BEFORE = _PLACE_PREPOSITIONS | _COMPASS_WORDS
_ROLE_OR_TITLE = lx.ROLE_NOUNS | lx.TITLE_WORDS
_OPENS_AFTER = frozenset({",", " ", "’", "'"})
_APOSTROPHES = frozenset({"’", "'"})
_POSSESSIVES = frozenset({"’s", "'s"})


def _word_hints(word: str) -> int:
    """What the word after a name says: 1 a place ("X Street"), 2 an organisation ("X spokesman",
    "X Group"), 3 both."""
    hints = 0
    if word in ("spokesman", "spokeswoman", "spokesperson", "spokespeople"):
        hints = 2  # "a Deliveroo spokesperson"
    if word in lx.PLACE_HEADS:
        hints |= 1
    elif word in lx.ORG_HEADS and word not in ("party", "group") and word not in _FAMILY_OF_NAME \
            or word in ("cartel", "gang"):
        hints |= 2
    return hints


# _word_hints of the word _WORD_AFTER finds after a space, by the first word as written.
_NEXT_WORD_HINTS: dict[str, int] = {}


def _next_word_hints(after: str) -> int:
    """_word_hints for the text after a name that starts with a space; memoised on its first word
    as written (the part _WORD_AFTER can match lies within that word)."""
    first = after.split(None, 1)[0] if not after.isspace() else ""
    found = _WORD_AFTER.match(after)
    hints = _word_hints(found.group(1)) if found else 0
    if len(_NEXT_WORD_HINTS) >= _CACHE_LIMIT:
        _NEXT_WORD_HINTS.clear()
    _NEXT_WORD_HINTS[first] = hints
    return hints


def _gather_evidence(text: str, cand: Candidate) -> None:
    """What the words around a name say about it: a speech verb, a role, a company noun."""
    start = cand.start
    end = cand.end
    after = text[end:end + 160]
    before = text[max(0, start - 60):start]
    before_words = before.rsplit(None, 3)[-3:]  # == before.split()[-3:], without splitting it all
    last = before_words[-1] if before_words and before[-1:].isspace() else ""
    if last.endswith(",") and before.endswith(", "):
        word = last.rstrip(",").lower()
        if word in lx.ORG_TYPE_NOUNS:
            cand.org_hint = True  # "the state weather agency, Aemet,"
        elif word in lx.ROLE_NOUNS:
            cand.evidence = cand.personal = True  # "Her partner, Joan Smith,"
    elif last and last[0].islower():
        word = last.rstrip(",;:")
        if word == last and word in lx.ORG_TYPE_NOUNS:
            cand.org_hint = True
        elif word == last and word in _ROLE_OR_TITLE and not cand.honorific:
            cand.evidence = cand.personal = True
            if cand.role is None and not cand.in_quote:
                phrase = [w for w in before_words[:-1] if w[:1].isalpha() and w[-1:].isalnum()]
                while phrase and phrase[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
                    phrase = phrase[1:]
                cand.role = " ".join([*phrase[-2:], word])
        elif word in _NAMING_VERBS:
            cand.evidence = True  # "said Jane Doe" (but "told Rolling Stone" names the listener)
    if ("name" in before or "identified" in before or "introduced" in before) and _NAME_GIVEN_AS.search(before):
        cand.evidence = cand.personal = True  # "a woman who gave her name only as Maya"
    if before_words and before_words[-1] in _PLACE_BEFORE \
            and not cand.honorific and not cand.titled and cand.folded and cand.folded[0] not in lx.FIRST_NAMES_SET:
        # "residents in (South) Uist say": a bare name after "in" or "near" is a place.
        words = [w.lower() for w in before_words]
        while words and words[-1] in _COMPASS:
            words.pop()
        if words and words[-1] in _PLACE_PREPOSITIONS and before[-1:].isspace():
            cand.place_hint = True
    # _WORD_AFTER can only match after an apostrophe or a space: most names end at a comma or
    # period, and a regex call costs more than this test.
    opener = after[:1]
    if opener.isspace():
        # _WORD_AFTER after a space reads the next word only: its hints are memoised by that word
        hints = _NEXT_WORD_HINTS.get(after.split(None, 1)[0] if not after.isspace() else "")
        if hints is None:
            hints = _next_word_hints(after)
    elif opener in _APOSTROPHES and after[:2] not in _POSSESSIVES:
        after_word = _WORD_AFTER.match(after)
        hints = _word_hints(after_word.group(1)) if after_word else 0
    else:
        hints = 0
    if hints:
        if hints & 1:
            cand.place_hint = True
        if hints & 2:
            cand.org_hint = True
    if not cand.personal and opener in _OPENS_AFTER:
        found = _speech_or_role_after(after)
        if found == 3:
            cand.org_hint = True
        else:
            cand.evidence = cand.evidence or found > 0
            cand.personal = found == 2
    if not cand.personal and before.endswith(", ") and _said_the_role_before(text[max(0, start - 90):start]):
        cand.evidence = cand.personal = True  # "said the harbourmaster, Kerenza Pascoe"


# Whether a word as written ("lawyer,", "Chief") is a role noun, for _speech_or_role_after.
_ROLE_WORDS: dict[str, bool] = {}


def _role_word(raw: str) -> bool:
    role = raw.strip(".;:’'").lower() in lx.ROLE_NOUNS
    if len(_ROLE_WORDS) >= _CACHE_LIMIT:
        _ROLE_WORDS.clear()
    _ROLE_WORDS[raw] = role
    return role


def _speech_or_role_after(after: str) -> int:
    """2 for a person's context ('X, 45,' / 'X, who' / 'X, a lawyer,'), 1 for 'X said', else 0."""
    rest = after
    if rest[:2] in _POSSESSIVES:
        return 0
    apposition = ""
    if rest[:1] == ",":
        # (_AGE: ",\s+\d": a digit or more space must follow, tested before the regex)
        if after[1:6] == " who " or after[1:2].isspace() and (after[2:3].isdecimal() or after[2:3].isspace()) \
                and _AGE.match(after):
            return 2
        if after[1:8] == " which ":
            return 3  # "Rand Water, which supplies ...": an organisation
        rest = rest[1:]
        cut = rest.find(",", 0, 100)
        if cut > 0:
            head = rest[:cut]
            if not ("“" in head or "”" in head or '"' in head or "." in head):
                apposition = head
    if apposition:
        for word in apposition.split()[:7]:
            role = _ROLE_WORDS.get(word)
            if role is None:
                role = _role_word(word)
            if role:
                return 2
    if _verb_first(rest):
        return 1
    if apposition and _verb_first(rest[len(apposition) + 1:]):
        return 1
    return 0


# What a word is to _verb_first, by the word as written ("said,", "Has"): 2 an auxiliary, 1 a
# speech verb, 0 neither. Words repeat, so most are one dict lookup.
_VERB_KINDS: dict[str, int] = {}


def _verb_kind(raw: str) -> int:
    word = raw.strip(",.;:").lower()
    kind = 2 if word in lx.AUXILIARIES else 1 if word in _STRONG_SPEECH_VERBS else 0
    if len(_VERB_KINDS) >= _CACHE_LIMIT:
        _VERB_KINDS.clear()
    _VERB_KINDS[raw] = kind
    return kind


def _verb_first(rest: str) -> bool:
    """Whether the text starts (after auxiliaries such as 'has also') with a speech verb.

    Reads the first five words as ``rest.split(None, 5)[:5]`` would, one at a time: the first
    word nearly always decides, so the rest of the text is never split into words.
    """
    for _ in range(5):
        parts = rest.split(None, 1)
        if not parts:
            return False
        kind = _VERB_KINDS.get(parts[0])
        if kind is None:
            kind = _verb_kind(parts[0])
        if kind != 2:
            return kind == 1
        if len(parts) == 1:
            return False
        rest = parts[1]
    return False


def role_of(text: str, cand: Candidate) -> str | None:
    """A role stated next to a person's name: ', director of X,' or 'the mayor of X, NAME'."""
    if cand.in_quote:
        return None
    after = text[cand.end:cand.end + 160]
    role = _role_after(after) if after[:1] == "," else None
    if role is None and text[max(0, cand.start - 2):cand.start] == ", ":
        window = text[max(0, cand.start - 160):cand.start]
        role = _role_before(window)
        if role is None and _said_the_role_before(window[-90:]):
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


_DETERMINER_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "to", "in", "on"})


def _last_clause(before: str) -> list[str]:
    """The words between the last clause mark and a closing ", " (the window ends with ", ")."""
    segment = before[:-2] if before.endswith(", ") else before
    for mark in ",;:\u201c\u201d\"()":
        cut = segment.rfind(mark)
        if cut >= 0:
            segment = segment[cut + 1:]
    return segment.split()


def _said_the_role_before(before: str) -> bool:
    """'... said the harbourmaster, NAME': a speech verb, a determiner, a few words, a comma."""
    words = _last_clause(before)[-9:]
    for i, word in enumerate(words[:-2]):
        low = word.lower()
        if low in lx.SPEECH_VERBS and low not in lx.WEAK_SPEECH_VERBS and words[i + 1].lower() in _DETERMINER_WORDS:
            return len(words) - i - 2 <= 6
    return False


def _role_before(before: str) -> str | None:
    """'the mayor of New York City, NAME' -> 'mayor of New York City'."""
    words = _last_clause(before)[-14:]
    start = None
    for i, word in enumerate(words):
        if word.lower() in _DETERMINER_WORDS:
            start = i + 1
    begin = 0 if start is None else start
    phrase = words[begin:]
    if not phrase or any(w.lower() in ("that", "who", "which", "said") for w in phrase):
        return None
    head = None
    for i, word in enumerate(phrase[:3]):
        if word.lower().strip("\u2019'") in lx.ROLE_NOUNS:
            head = i
            break
        if not word[:1].islower():
            return None
    if head is None:
        return None
    rest = phrase[head + 1:]
    if rest and not (rest[0].lower() in _ROLE_PREPOSITIONS and len(" ".join(rest)) <= 64
                     or len(rest) <= 2 and all(w[:1].islower() for w in rest)):
        return None
    if start is None and len(words) > len(phrase):
        return None
    return " ".join(phrase)


def _place_key_of_folded(text: str) -> str:
    """``place_key`` of a folded name or word: ASCII, lower-case and single-spaced, it folds to
    itself, so only the alias table is read (no cache misses for each new name)."""
    if text.isascii() and text.islower() and " ".join(text.split()) == text:
        return PLACE_ALIASES.get(text, text)
    return place_key(text)


@lru_cache(maxsize=32768)
def _word_profile(tokens: tuple[str, ...], folded: tuple[str, ...]) -> tuple:
    """What the words alone say (gazetteers, head words, first names): cached, names repeat."""
    phrase = " ".join(folded)
    surface = fold_phrase(" ".join(tokens))
    if len(folded) == 1 and (phrase in lx.PARTIES or (phrase in lx.DEMONYMS and phrase.endswith("s"))):
        listed = "group"
    elif phrase in lx.ORG_NAMES or surface in lx.ORG_NAMES or surface.rstrip(".") in lx.ORG_NAMES:
        listed = "organization"
    elif _place_key_of_folded(surface) in lx.PLACES or surface in lx.PLACES or phrase in lx.PLACES:
        listed = "place"
    else:
        listed = None
    if listed is None and len(folded) > 1 and (folded[-1] in lx.PLACE_LAST_WORDS or folded[0] in lx.PLACE_FIRST_WORDS):
        listed = "place"  # "Jones Valley Road", "Rue de la Loi"
    # (set operations and map: the same tests as any()/all() over the words, run in C)
    org_head = not lx.ORG_HEADS.isdisjoint(folded)
    acronym = all(map(_is_acronym, tokens))
    demonym = not lx.DEMONYMS.isdisjoint(folded) or not lx.PARTIES.isdisjoint(folded)
    first_name = folded[0] in lx.FIRST_NAMES_SET
    common = not lx.COMMON_WORDS.isdisjoint(folded)
    rest_common = not lx.COMMON_WORDS.isdisjoint(folded[1:])
    place_first = _place_key_of_folded(folded[0]) in lx.PLACES
    place_later = not lx.PLACES.isdisjoint(map(_place_key_of_folded, folded[1:]))
    size = len(folded) - sum(map(_PARTICLES.__contains__, folded))
    return listed, org_head, acronym, demonym, first_name, common, rest_common, place_first or (
        place_later and not first_name), size


_GEO_LAST_WORDS = frozenset({"atlantic", "pacific", "arctic", "baltic", "caribbean", "mediterranean",
                             "nordic", "continental", "intercontinental", "worldwide", "global"})


def first_name_only(folded: Sequence[str]) -> bool:
    """Whether every word but the last is a known given name ("Anne Pacific" stays a person)."""
    return all(w in lx.FIRST_NAMES_SET for w in folded[:-1]) and folded[0] not in _AMBIGUOUS_GIVEN


_AMBIGUOUS_GIVEN = frozenset({"marine", "virgin", "royal", "air", "trans", "pan", "north", "south"})
_GIVEN_NAME_HYPHENATED = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{2,6}")


def family_name_first(tokens: Sequence[str]) -> bool:
    """A romanised Korean or Cantonese name: a short family name, then a hyphenated given name."""
    return (len(tokens) == 2 and 2 <= len(tokens[0]) <= 5 and tokens[0][:1].isupper()
            and tokens[0][1:].islower() and _GIVEN_NAME_HYPHENATED.fullmatch(tokens[1]) is not None)


def classify(cand: Candidate, surnames_with_honorific: set[str], alone: dict[str, int]) -> None:
    """Decide the kind of one candidate from its own words and the evidence around it."""
    folded = cand.folded
    if cand.in_title:
        cand.kind = None  # headline capitals: only names known from the body count there
        return
    (listed, org_head, acronym, demonym, first_name, common, rest_common, place_first,
     size) = cand.profile or _word_profile(tuple(cand.tokens), tuple(folded))
    length = len(folded)
    if cand.weak_title and not first_name and not cand.evidence:
        cand.kind = None  # "Commissioner of Metro Rail Safety": a title of an office, no name
        return
    if cand.honorific or cand.titled:
        cand.kind = "person"
        return
    if listed is not None:
        cand.kind = listed
        return
    if length == 1 and len(folded[0]) == 1:
        cand.kind = None  # "bands B, C and E": a letter is nobody's name
        return
    if length >= 2 and folded[-1] in _GEO_LAST_WORDS and not first_name_only(folded):
        cand.kind = "organization"  # "Marine Atlantic", "Air Pacific": a carrier, not a person
        return
    if length == 2 and "-" in folded[1] and family_name_first(cand.tokens):
        cand.kind = "person"  # "Park Sung-hoon", "Leung Kwok-wing": family name, then a given name
        return
    if cand.place_hint:
        cand.kind = "place"
        return
    if cand.org_hint:
        cand.kind = "organization"
        return
    if (length > 1 and org_head) or (length == 1 and org_head and not cand.sentence_initial):
        cand.kind = "organization" if length > 1 else None
        return
    if length >= 2 and cand.credit and first_name and not org_head and all(_shouting(t) for t in cand.tokens):
        cand.kind = "person"  # "JANE ROE" in a byline
        return
    if acronym:
        cand.kind = "organization" if length == 1 and not cand.in_quote else None
        return
    if demonym and length > 1 and not first_name:
        cand.kind = None
        return
    if length >= 2:
        if common or place_first:
            if first_name and not rest_common:
                cand.kind = "person"
            elif place_first and cand.evidence and not common and not cand.in_quote:
                cand.kind = "organization"  # "Johannesburg Water said"
            else:
                cand.kind = None
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
                length <= 3 and alone.get(folded[-1], 0) > 0 and alone.get(folded[0], 0) == 0):
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
        cand.kind = "organization" if not common and folded[0] not in _CREDIT_NOT_NAMES else None
        return
    if common and cand.sentence_initial:
        cand.kind = None
        return
    cand.kind = "short"

