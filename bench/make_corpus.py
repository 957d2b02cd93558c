"""Write a reproducible article-like text of a given size for the benchmarks.

Same size and seed, same bytes. The text reads like one very long news story: a title, a byline,
then paragraphs about invented people (accented and multi-part names, honorifics, roles) with
quotes of every form the engine handles (said X / X said / split / partial / over several
paragraphs / according to / colon), photo captions ending in "Credit…Name/Agency", boilerplate
lines, section bylines and contributor lines. Names are built from syllables, so the vocabulary
grows with the size as a real news archive's does.

    .venv/bin/python bench/make_corpus.py 4M            # -> bench/out/corpus-4M.txt
    .venv/bin/python bench/make_corpus.py 400K --seed 7 --out /tmp/x.txt
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_SEED = 20240924

FIRST_NAMES = [
    "Ana", "José", "Zoë", "Łukasz", "Ngozi", "Haruto", "Siobhán", "Björn", "Amara", "Chidi",
    "Mei", "Rafael", "Ingrid", "Tomás", "Priya", "Kwame", "Elif", "Mateus", "Noémie", "Dmitri",
    "Aisha", "Oluwaseun", "François", "Leila", "Sven", "Camila", "Hiroshi", "Fatima", "Jürgen",
    "Marisol", "Declan", "Yusuf", "Sinéad", "Andrés", "Thandiwe", "Luca", "Ayşe", "Emeka", "Nadia",
]
MIDDLE_INITIALS = ["", "", "", "J. ", "A. ", "M. ", "R. ", "T. "]
SYLLABLES = [
    "bar", "ven", "dor", "ka", "li", "mon", "tre", "sa", "qui", "ro", "del", "han", "zu", "mer",
    "to", "vas", "ri", "gon", "el", "ost", "na", "bre", "wic", "lan", "pe", "char", "dy", "mo",
    "fer", "xi", "ul", "ban", "cos", "te", "jo", "rak", "vi", "sen", "ga", "lo",
]
SURNAME_FORMS = ["{a}", "{a}", "{a}-{b}", "{a} {b}", "O’{a}", "van der {a}", "de la {a}", "Mc{a}"]
ROLES = [
    "the finance minister", "a spokeswoman for the ministry", "the mayor of {town}",
    "chief executive of {org}", "a senior official at {org}", "the opposition leader",
    "a professor of economics at the University of {town}", "the police chief in {town}",
    "a lawyer for the families", "the head of {org}", "a farmer from {town}",
    "a nurse at {town} General Hospital", "the union’s general secretary",
]
ORG_FORMS = [
    "the {Town} Water Authority", "{Town} Mining Corporation", "the Ministry of {Topic}",
    "the {Town} Institute", "the National {Topic} Council", "{Town} Freight Lines",
]
TOPICS = ["Energy", "Transport", "Health", "Trade", "Housing", "Agriculture", "Fisheries"]
AGENCIES = ["Reuters", "Agence France-Presse", "Associated Press", "Getty Images", "EPA, via Shutterstock"]
NEWSPAPER = "The Daily Ledger"
SPEECH_VERBS = ["said", "said", "said", "told reporters", "added", "warned", "argued", "explained"]
BOILERPLATE = ["Advertisement", "Supported by", "Share full article", "Back to top button",
               "Continue reading the main story", "Read more"]

SUBJECTS = [
    "The government", "Officials in {town}", "The committee", "Investors", "Residents of {town}",
    "The central bank", "Negotiators", "Local farmers", "The regional council", "Trade unions",
]
VERBS = [
    "announced plans to", "declined to", "moved quickly to", "voted on Tuesday to",
    "struggled for months to", "agreed in principle to", "promised again to", "refused to",
]
OBJECTS = [
    "cut spending on {topic} by {n} percent", "reopen the border crossing near {town}",
    "review the contract with {org}", "raise the minimum wage to {n} units an hour",
    "delay the vote until after the {topic} summit", "build {n} new homes outside {town}",
    "investigate the collapse of the bridge at {town}", "extend the drought emergency",
]
TAILS = [
    "a decision that surprised analysts", "after weeks of protests in {town}",
    "despite warnings from {org}", "according to figures released on Monday",
    "in a move that could reshape the region’s economy", "as prices rose for a third month",
]
QUOTE_PHRASES = [
    "We cannot keep asking families to wait", "This is not the end of the story",
    "Nobody here has seen anything like it", "The numbers simply do not add up",
    "We will take this fight to every court in the country", "It was a mistake, and we own it",
    "People are tired, and they are angry", "There is no plan B for {town}",
    "The water is running out faster than anyone admits", "I have never been more hopeful",
    "They promised us {n} jobs and delivered none", "Give us the money and we will build it",
]
PARTIAL_PHRASES = [
    "a reckless gamble", "deeply troubling", "long overdue", "a betrayal of trust",
    "the worst in a generation", "a step in the right direction", "simply unacceptable",
]
CAPTIONS = [
    "Protesters gathered outside the parliament in {town} on Sunday.",
    "{Name} at a news conference in {town} last week.",
    "Trucks waiting at the crossing near {town}.",
    "The dried bed of the reservoir outside {town} in August.",
]


class Corpus:
    """A deterministic story generator: one Random, a growing cast of people and places."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.people: list[dict[str, str]] = []
        self.towns: list[str] = []
        self.orgs: list[str] = []

    # ---- vocabulary -------------------------------------------------------------------------

    def word(self, syllables: int) -> str:
        return "".join(self.random.choice(SYLLABLES) for _ in range(syllables)).capitalize()

    def town(self) -> str:
        if not self.towns or self.random.random() < 0.08:
            self.towns.append(self.word(self.random.randint(2, 3)))
        return self.random.choice(self.towns)

    def org(self) -> str:
        if not self.orgs or self.random.random() < 0.06:
            form = self.random.choice(ORG_FORMS)
            self.orgs.append(form.format(Town=self.town(), Topic=self.random.choice(TOPICS)))
        return self.random.choice(self.orgs)

    def fill(self, template: str) -> str:
        """Fill only the placeholders the template has (so the random stream stays stable)."""
        makers = {
            "town": self.town, "org": self.org, "topic": lambda: self.random.choice(TOPICS).lower(),
            "n": lambda: self.random.randint(2, 900), "Name": lambda: self.person()["full"],
        }
        return template.format(**{key: make() for key, make in makers.items() if "{" + key + "}" in template})

    def person(self, new: bool = False) -> dict[str, str]:
        if new or not self.people or self.random.random() < 0.05:
            a, b = self.word(self.random.randint(1, 3)), self.word(self.random.randint(1, 2))
            last = self.random.choice(SURNAME_FORMS).format(a=a, b=b)
            first = self.random.choice(FIRST_NAMES)
            female = self.random.random() < 0.5
            self.people.append({
                "full": f"{first} {self.random.choice(MIDDLE_INITIALS)}{last}",
                "short": f"{'Ms.' if female else 'Mr.'} {last}",
                "pronoun": "she" if female else "he",
                "role": self.fill(self.random.choice(ROLES)),
            })
            return self.people[-1]
        return self.random.choice(self.people[-40:])  # recent people recur, like a story's cast

    # ---- paragraphs -------------------------------------------------------------------------

    def quote(self) -> str:
        return self.fill(self.random.choice(QUOTE_PHRASES))

    def narrative(self) -> str:
        sentences = []
        for _ in range(self.random.randint(1, 3)):
            sentence = (f"{self.fill(self.random.choice(SUBJECTS))} {self.random.choice(VERBS)} "
                        f"{self.fill(self.random.choice(OBJECTS))}, {self.fill(self.random.choice(TAILS))}.")
            sentences.append(sentence)
        return " ".join(sentences)

    def quote_paragraphs(self) -> list[str]:
        """One quotation in one of the forms the engine attributes."""
        p = self.person()
        verb = self.random.choice(SPEECH_VERBS)
        form = self.random.randrange(8)
        if form == 0:  # “…,” said X, role.
            return [f"“{self.quote()},” said {p['full']}, {p['role']}."]
        if form == 1:  # “…,” X said.
            return [f"“{self.quote()},” {p['short']} {verb}."]
        if form == 2:  # split
            return [f"“{self.quote()},” {p['short']} said. “{self.quote()}.”"]
        if form == 3:  # partial
            return [f"{p['short']} called the plan “{self.random.choice(PARTIAL_PHRASES)}” and said "
                    f"{p['pronoun']} would {self.fill(self.random.choice(OBJECTS))}."]
        if form == 4:  # over several paragraphs: no closing mark until the last
            return [f"“{self.quote()}. {self.quote()}.",
                    f"“{self.quote()},” {p['full']}, {p['role']}, said in a statement."]
        if form == 5:  # according to
            return [f"“{self.quote()},” according to {p['full']}, {p['role']}."]
        if form == 6:  # colon
            return [f"{p['full']}, {p['role']}, put it bluntly: “{self.quote()}.”"]
        return [f"\"{self.quote()},\" {p['pronoun']} {verb}, speaking to reporters "
                f"in {self.town()}."]  # straight quotes, pronoun speaker

    def caption(self) -> str:
        credit = self.person()["full"]
        agency = self.random.choice(AGENCIES + [f"for {NEWSPAPER}"])
        joiner = " " if agency.startswith("for ") else "/"
        return f"{self.fill(self.random.choice(CAPTIONS))}Credit…{credit}{joiner}{agency}"

    def blocks(self):
        yield f"{self.town()} Braces for Drought as {self.org()} Warns of Shortages"
        yield f"By {self.person(new=True)['full']} and {self.person(new=True)['full']}"
        while True:
            roll = self.random.random()
            if roll < 0.03:
                yield self.random.choice(BOILERPLATE)
            elif roll < 0.08:
                yield self.caption()
            elif roll < 0.09:
                yield (f"{self.person()['full']} contributed reporting from {self.town()}, and "
                       f"{self.person()['full']} from {self.town()}.")
            elif roll < 0.45:
                p = self.person(new=self.random.random() < 0.3)
                if self.random.random() < 0.5:
                    yield from self.quote_paragraphs()
                else:
                    told = self.narrative()  # reported speech: "X, a role, said officials ..."
                    yield f"{p['full']}, {p['role']}, said {told[0].lower()}{told[1:]}"
            else:
                yield self.narrative()


def make_corpus(size: int, seed: int = DEFAULT_SEED) -> str:
    """An article-like text of at least ``size`` UTF-8 bytes (paragraphs stay whole)."""
    corpus = Corpus(seed)
    parts: list[str] = []
    total = 0
    for block in corpus.blocks():
        parts.append(block)
        total += len(block.encode("utf-8")) + 2
        if total >= size:
            break
    return "\n\n".join(parts) + "\n"


def parse_size(text: str) -> int:
    """'40K', '400k', '4M', '4MB' or a number of bytes (K = 1000, M = 1000**2)."""
    value = text.strip().upper().removesuffix("B")
    scale = {"K": 1000, "M": 1000 ** 2}.get(value[-1:], 1)
    return int(float(value.rstrip("KM")) * scale)


def corpus_path(label: str, seed: int = DEFAULT_SEED) -> Path:
    """bench/out/corpus-LABEL.txt (a label like '4M'), rewritten whenever the generator has
    changed since it was written, so figures never come from a stale corpus (4 MB: about 1 s)."""
    suffix = "" if seed == DEFAULT_SEED else f"-seed{seed}"
    path = OUT_DIR / f"corpus-{label}{suffix}.txt"
    text = make_corpus(parse_size(label), seed)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="40K, 400K, 4M, or bytes")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="default: bench/out/corpus-SIZE.txt")
    args = parser.parse_args(argv)
    text = make_corpus(parse_size(args.size), args.seed)
    out = args.out or OUT_DIR / f"corpus-{args.size}.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"{out}: {len(text.encode('utf-8')):,} bytes, {text.count(chr(10) * 2) + 1:,} paragraphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
