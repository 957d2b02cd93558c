"""Score the analysis engine against hand-made gold annotations.

    python bench/evaluate.py [GOLD.json ...] [--json] [--verbose]

With no paths it scores the seed gold and every tests/data/articles/*.json. Each gold file names
its article (``"article"``), looked up next to the gold file. The scoring functions take an
``Article`` and a gold dict, so tests can check the scorer on hand-built articles without the
engine: a scorer that is itself wrong would send the engine work in the wrong direction.

Matching rules (kept deliberately lenient on surface details, strict on substance):
- a predicted quote matches a gold quote when its first span is in the gold paragraph and the
  normalised texts overlap strongly (rapidfuzz ratio >= 90, or one contains the other and the
  shorter is at least half the longer); matching is one-to-one, best pairs first;
- a speaker is right when any name/alias of the predicted speaker entity (or the bare
  ``Quote.speaker`` string) equals, accent- and case-folded, any name/alias of the gold speaker;
  a gold ``null`` speaker is only matched by a predicted ``None``;
- a predicted person (credit or not) matches the gold people its name names; only when its name
  matches nobody do its aliases decide. An alias equal to another gold person's full name makes
  it a merge.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from tui.core.model import Article, Entity, Quote  # noqa: E402

SEED_GOLD = ROOT / "tests" / "data" / "000_199993240065e76f.json"
ARTICLES_DIR = ROOT / "tests" / "data" / "articles"
MATCH_RATIO = 90.0

_QUOTE_CHARS = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "`": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ",
})
_EDGE = " \t\n\"'.,;:!?-()[]"
_HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|dr|mx|sir|dame|prof)\s+")


def fold(text: str) -> str:
    """Accent-, case-, quote-style- and whitespace-insensitive form for comparisons."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTE_CHARS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def norm_quote(text: str) -> str:
    """A quote's words without the punctuation that sits inside or outside the marks by style."""
    return fold(text).strip(_EDGE).replace('"', "").replace("''", "")


def name_form(name: str) -> str:
    """A name folded for comparison: no periods ("Mr." = "Mr"), no leading "the", no possessive."""
    form = fold(name).replace(".", "").strip(" ,;:")
    form = form[4:] if form.startswith("the ") else form
    return form[:-2] if form.endswith("'s") else form


def bare_form(form: str) -> str:
    """A folded name without its leading honorific ("mr kessler" -> "kessler")."""
    return _HONORIFIC.sub("", form)


def name_forms(names: list[str] | tuple[str, ...]) -> set[str]:
    """Folded names, each also without its leading honorific (for one entity's own names)."""
    forms = {name_form(n) for n in names} - {""}
    return forms | {bare_form(f) for f in forms} - {""}


def gold_people_forms(gold: dict[str, Any]) -> list[set[str]]:
    """Each gold person's accepted forms. A form without honorific is accepted only when no other
    gold person has it too, so "Mr. Monroe" and "Ms. Monroe" stay two different people."""
    people = gold.get("people", [])
    exact = [{name_form(n) for n in [p["name"], *p.get("aliases", [])]} - {""} for p in people]
    bare = [{bare_form(f) for f in forms} - forms for forms in exact]
    result = []
    for i, forms in enumerate(exact):
        others = set().union(*(exact[j] | bare[j] for j in range(len(people)) if j != i))
        result.append(forms | (bare[i] - others))
    return result


def quote_similarity(a: str, b: str) -> float:
    """0-100; containment of a reasonably long part counts as a full match."""
    na, nb = norm_quote(a), norm_quote(b)
    if not na or not nb:
        return 100.0 if na == nb else 0.0
    short, long_ = sorted((na, nb), key=len)
    if short in long_ and len(short) * 2 >= len(long_):
        return 100.0
    return fuzz.ratio(na, nb)


# ---------------------------------------------------------------- gold


def gold_article_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The article next to the gold file: its "article" field, else the same stem with .txt."""
    for candidate in (gold_path.parent / gold.get("article", ""), gold_path.with_suffix(".txt")):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{gold_path}: article {gold.get('article')!r} not found")


def gold_speaker_forms(gold: dict[str, Any], speaker: str | None) -> set[str]:
    """Every accepted form of a gold speaker: a person's aliases, or an organisation's."""
    if speaker is None:
        return set()
    for person, forms in zip(gold.get("people", []), gold_people_forms(gold)):
        if person["name"] == speaker:
            return forms
    names = [speaker]
    for org in gold.get("organizations", []):
        if isinstance(org, dict) and org["name"] == speaker:
            names += org.get("aliases", [])
    return name_forms(names)


def entity_forms(entity: Entity) -> set[str]:
    return name_forms([entity.name, *entity.aliases])


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    """Counts for one article (or a total); the rates are derived, so totals are micro-averages."""

    name: str
    gold_quotes: int = 0
    pred_quotes: int = 0
    matched: int = 0
    speaker_ok: int = 0
    gold_people: int = 0
    pred_people: int = 0
    people_found: int = 0  # gold people covered by at least one predicted person
    people_true: int = 0  # predicted people matching at least one gold person
    split: int = 0
    merged: int = 0
    false_people: int = 0
    paragraphs_gold: int = 0
    paragraphs_pred: int = 0
    error: str | None = None
    missed: list[str] = field(default_factory=list)
    false_quotes: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    missed_people: list[str] = field(default_factory=list)
    false_people_names: list[str] = field(default_factory=list)
    split_people: list[str] = field(default_factory=list)
    merged_people: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _rate(self.matched, self.pred_quotes)

    @property
    def recall(self) -> float:
        return _rate(self.matched, self.gold_quotes)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return _rate(self.speaker_ok, self.matched)

    @property
    def people_precision(self) -> float:
        return _rate(self.people_true, self.pred_people)

    @property
    def people_recall(self) -> float:
        return _rate(self.people_found, self.gold_people)

    def add(self, other: "Score") -> None:
        for key in ("gold_quotes", "pred_quotes", "matched", "speaker_ok", "gold_people",
                    "pred_people", "people_found", "people_true", "split", "merged",
                    "false_people", "paragraphs_gold", "paragraphs_pred"):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("precision", "recall", "f1", "speaker_accuracy", "people_precision",
                    "people_recall"):
            data[key] = round(getattr(self, key), 4)
        return data


def _rate(num: int, den: int) -> float:
    return num / den if den else 0.0


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def match_quotes(article: Article, gold: dict[str, Any]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best similarity first."""
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold.get("quotes", [])):
        for pi, q in enumerate(article.quotes):
            if not q.spans or q.spans[0].paragraph != g["paragraph"]:
                continue
            sim = quote_similarity(q.text, g["text"])
            if sim >= MATCH_RATIO:
                candidates.append((sim, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def speaker_correct(article: Article, quote: Quote, gold: dict[str, Any],
                    gold_speaker: str | None) -> bool:
    """Whether the predicted speaker names the gold speaker (None only matches None)."""
    if gold_speaker is None:
        return quote.speaker_id is None and quote.speaker is None
    predicted: set[str] = set()
    entity = article.entity(quote.speaker_id) if quote.speaker_id else None
    if entity is not None:
        predicted |= entity_forms(entity)
    if quote.speaker:
        predicted |= name_forms([quote.speaker])
    return bool(predicted & gold_speaker_forms(gold, gold_speaker))


def score_quotes(article: Article, gold: dict[str, Any], score: Score) -> None:
    gold_quotes = gold.get("quotes", [])
    pairs = match_quotes(article, gold)
    score.gold_quotes += len(gold_quotes)
    score.pred_quotes += len(article.quotes)
    score.matched += len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, q = gold_quotes[gi], article.quotes[pi]
        if speaker_correct(article, q, gold, g["speaker"]):
            score.speaker_ok += 1
        else:
            score.wrong_speaker.append(
                f"p{g['paragraph']} {_short(g['text'], 50)!r}: gold {g['speaker']!r}, "
                f"got {q.speaker!r}")
    for gi, g in enumerate(gold_quotes):
        if gi not in matched_g:
            score.missed.append(f"p{g['paragraph']} [{g['speaker']}] {_short(g['text'])!r}")
    for pi, q in enumerate(article.quotes):
        if pi not in matched_p:
            where = q.spans[0].paragraph if q.spans else "?"
            score.false_quotes.append(f"p{where} [{q.speaker}] {_short(q.text)!r}")


def score_people(article: Article, gold: dict[str, Any], score: Score) -> None:
    gold_people = gold.get("people", [])
    gold_forms = gold_people_forms(gold)
    predicted = [e for e in article.entities if e.kind == "person"]
    covers = [_covered(e, gold_people, gold_forms) for e in predicted]
    score.gold_people += len(gold_people)
    score.pred_people += len(predicted)
    for e, hits in zip(predicted, covers):
        if hits:
            score.people_true += 1
        else:
            score.false_people += 1
            score.false_people_names.append(e.name)
        if len(hits) >= 2:
            score.merged += 1
            score.merged_people.append(
                f"{e.name!r} covers {', '.join(gold_people[gi]['name'] for gi in hits)}")
    for gi, person in enumerate(gold_people):
        owners = [e for e, hits in zip(predicted, covers) if gi in hits]
        if owners:
            score.people_found += 1
        else:
            score.missed_people.append(person["name"])
        if len(owners) >= 2:
            score.split += 1
            score.split_people.append(
                f"{person['name']!r} split into {', '.join(repr(e.name) for e in owners)}")


def _covered(entity: Entity, gold_people: list[dict[str, Any]],
             gold_forms: list[set[str]]) -> list[int]:
    """Indices of the gold people a predicted person stands for.

    Its name decides first; its aliases only when the name matches nobody. An alias that is
    another gold person's full name still counts (a real merge), but a loose alias such as a bare
    surname does not make a correctly named entity cover a second person.
    """
    by_name = [gi for gi, forms in enumerate(gold_forms) if name_forms([entity.name]) & forms]
    if not by_name:
        return [gi for gi, forms in enumerate(gold_forms) if entity_forms(entity) & forms]
    aliases = {name_form(a) for a in entity.aliases}
    return sorted({*by_name, *(gi for gi, person in enumerate(gold_people)
                               if name_form(person["name"]) in aliases)})


def gold_paragraph_count(text: str) -> int:
    """Paragraphs as the gold counts them: blank-line blocks, or lines if there is no blank line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n[ \t\u00a0]*\n", text) if b.strip()]
    if len(blocks) <= 1:
        blocks = [line for line in text.split("\n") if line.strip()]
    return len(blocks)


def score_article(article: Article, gold: dict[str, Any], name: str = "article") -> Score:
    """Score one analysed article against its gold dict (no engine call here)."""
    score = Score(name)
    score.paragraphs_pred = len(article.paragraphs)
    score_quotes(article, gold, score)
    score_people(article, gold, score)
    return score


def evaluate_file(gold_path: Path) -> Score:
    """Run the engine on one gold file's article and score it; engine crashes are reported."""
    from tui.core.analyse import analyse

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article_path = gold_article_path(gold_path, gold)
    raw = article_path.read_bytes().decode("utf-8")
    try:
        article = analyse(raw, str(article_path))
    except Exception as exc:  # noqa: BLE001 - a crash on one article must not hide the others
        score = score_article(Article(str(article_path), "", ()), gold, gold_path.stem)
        score.error = f"{type(exc).__name__}: {exc}"
    else:
        score = score_article(article, gold, gold_path.stem)
    score.paragraphs_gold = gold_paragraph_count(raw)
    return score


def total(scores: list[Score]) -> Score:
    result = Score("TOTAL")
    for s in scores:
        result.add(s)
    return result


def default_gold_files() -> list[Path]:
    return [SEED_GOLD, *sorted(ARTICLES_DIR.glob("*.json"))]


# ---------------------------------------------------------------- report


_HEADER = (f"{'article':<28} {'quotes':>7} {'P':>5} {'R':>5} {'F1':>5} {'spk':>5} "
           f"{'pplP':>5} {'pplR':>5} {'split':>5} {'merge':>5} {'false':>5}")


def _row(s: Score) -> str:
    return (f"{s.name[:28]:<28} {s.pred_quotes:>3}/{s.gold_quotes:<3} {s.precision:5.2f} "
            f"{s.recall:5.2f} {s.f1:5.2f} {s.speaker_accuracy:5.2f} {s.people_precision:5.2f} "
            f"{s.people_recall:5.2f} {s.split:>5} {s.merged:>5} {s.false_people:>5}")


def report(scores: list[Score], verbose: bool = False) -> str:
    lines = [_HEADER, "-" * len(_HEADER)]
    for s in scores:
        lines.append(_row(s))
        notes = []
        if s.error:
            notes.append(f"ENGINE ERROR: {s.error}")
        if s.paragraphs_gold and s.paragraphs_pred != s.paragraphs_gold:
            notes.append(f"paragraph count {s.paragraphs_pred}, gold {s.paragraphs_gold}")
        lines += [f"    ! {n}" for n in notes]
        if verbose:
            for label, items in (("missed quote", s.missed), ("false quote", s.false_quotes),
                                 ("wrong speaker", s.wrong_speaker),
                                 ("missed person", s.missed_people),
                                 ("false person", s.false_people_names),
                                 ("split", s.split_people), ("merged", s.merged_people)):
                lines += [f"    {label}: {item}" for item in items]
    lines += ["-" * len(_HEADER), _row(total(scores))]
    t = total(scores)
    lines.append(f"speaker-correct quotes / gold quotes: {t.speaker_ok}/{t.gold_quotes} "
                 f"= {_rate(t.speaker_ok, t.gold_quotes):.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold .json files (default: all)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    scores = [evaluate_file(p) for p in (args.gold or default_gold_files())]
    if args.json:
        print(json.dumps({"articles": [s.as_dict() for s in scores],
                          "total": total(scores).as_dict()}, indent=2, ensure_ascii=False))
    else:
        print(report(scores, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
