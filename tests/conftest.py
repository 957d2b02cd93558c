"""Shared fixtures for the app tests: a hand-built Article (so snapshots do not move when the
engine improves), a hostile article full of markup and escape sequences, and a steady cursor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tui.core.loader import SourceText
from tui.core.model import Article, Entity, Paragraph, Quote, Span

FIXTURE_PARAGRAPHS: tuple[tuple[str, str], ...] = (
    ("title", "Harbour Council Votes to Close the Old Ferry Pier"),
    ("body", "The Millbrook harbour council voted on Tuesday to close the old ferry pier, "
             "ending a century of crossings to Gull Island."),
    ("body", "“We cannot keep patching a structure that is older than anyone in this room,” "
             "said Maria Okafor, the council's chair. “The divers found rot in every second pile.”"),
    ("caption", "The pier at low tide on Monday. Credit: Lena Berg/Coastal Press"),
    ("body", "Fishermen who use the pier were furious. “This is our livelihood, and they "
             "decided it in an afternoon,” said Tom Reyes, who has fished from Millbrook for "
             "thirty years and leads the Millbrook Fishers' Association."),
    ("body", "Ms. Okafor said the Harbour Trust would pay for a temporary landing on the "
             "east quay. Mr. Reyes called that “a plank and a promise.”"),
    ("body", "The Harbour Trust did not respond to a request for comment. A sign on the "
             "pier gate already reads “closed for good.”"),
    ("body", "Gull Island has about 300 residents, and the ferry is their only link to "
             "Millbrook for groceries and school."),
    ("body", "“Nobody asked the island,” said Aisha Karim, a teacher on Gull Island. "
             "“We read about it in the paper.”"),
    ("body", "Ms. Okafor said a new pier could be built within four years if the regional "
             "government agrees to share the cost. “Four years is a long time to wait for "
             "a boat,” Ms. Karim said."),
    ("contributors", "Lena Berg contributed reporting."),
)


def _spans(paragraphs: tuple[Paragraph, ...], needle: str) -> tuple[Span, ...]:
    found = []
    for paragraph in paragraphs:
        start = paragraph.text.find(needle)
        while start >= 0:
            found.append(Span(paragraph.index, start, start + len(needle)))
            start = paragraph.text.find(needle, start + len(needle))
    return tuple(found)


def _quote(paragraphs: tuple[Paragraph, ...], qid: str, text: str, speaker: Entity | None,
           cue: str | None) -> Quote:
    spans = _spans(paragraphs, text)
    assert len(spans) == 1, (text, spans)
    return Quote(qid, text, speaker.id if speaker else None, speaker.name if speaker else None, cue, spans)


def build_fixture_article(source: str = "fixtures/harbour.txt") -> Article:
    paragraphs = tuple(Paragraph(i, kind, text) for i, (kind, text) in enumerate(FIXTURE_PARAGRAPHS))

    def mentions(*names: str) -> tuple[Span, ...]:
        return tuple(sorted(span for name in names for span in _spans(paragraphs, name)))

    okafor = Entity("p-okafor", "person", "Maria Okafor", ("Ms. Okafor",), "council chair",
                    mentions("Maria Okafor", "Ms. Okafor"))
    reyes = Entity("p-reyes", "person", "Tom Reyes", ("Mr. Reyes",), "fisherman",
                   mentions("Tom Reyes", "Mr. Reyes"))
    karim = Entity("p-karim", "person", "Aisha Karim", ("Ms. Karim",), "teacher",
                   mentions("Aisha Karim", "Ms. Karim"))
    berg = Entity("p-berg", "person", "Lena Berg", (), None, mentions("Lena Berg"), credit=True)
    council = Entity("o-council", "organization", "Millbrook harbour council", (), None,
                     mentions("Millbrook harbour council"))
    trust = Entity("o-trust", "organization", "Harbour Trust", (), None, mentions("Harbour Trust"))
    fishers = Entity("o-fishers", "organization", "Millbrook Fishers' Association", (), None,
                     mentions("Millbrook Fishers' Association"))
    island = Entity("l-gull", "place", "Gull Island", (), None, mentions("Gull Island"))
    millbrook = Entity("l-millbrook", "place", "Millbrook", (), None,
                       tuple(s for s in mentions("Millbrook")
                             if not any(s.paragraph == m.paragraph and m.start <= s.start < m.end
                                        for m in council.mentions + fishers.mentions)))
    fishermen = Entity("g-fishermen", "group", "Fishermen", (), None, mentions("Fishermen"))
    quotes = (
        _quote(paragraphs, "q1", "We cannot keep patching a structure that is older than anyone in this room,",
               okafor, "said"),
        _quote(paragraphs, "q2", "The divers found rot in every second pile.", okafor, None),
        _quote(paragraphs, "q3", "This is our livelihood, and they decided it in an afternoon,", reyes, "said"),
        _quote(paragraphs, "q4", "a plank and a promise.", reyes, "called"),
        _quote(paragraphs, "q5", "closed for good.", None, None),
        _quote(paragraphs, "q6", "Nobody asked the island,", karim, "said"),
        _quote(paragraphs, "q7", "We read about it in the paper.", karim, None),
        _quote(paragraphs, "q8", "Four years is a long time to wait for a boat,", karim, "said"),
    )
    return Article(
        source=source,
        title=paragraphs[0].text,
        paragraphs=paragraphs,
        entities=(okafor, reyes, karim, council, trust, fishers, island, millbrook, fishermen, berg),
        quotes=quotes,
    )


FIXTURE_TEXT = "\n\n".join(text for _, text in FIXTURE_PARAGRAPHS) + "\n"


def fixture_source(source: str = "fixtures/harbour.txt") -> SourceText:
    return SourceText(source, FIXTURE_TEXT)


def fixture_analyser(text: str, source: str = "-", progress: Callable[[str, float], None] | None = None) -> Article:
    """Stands in for the engine: the same hand-built Article whatever the engine does today."""
    if progress is not None:
        progress("entities", 0.5)
    return build_fixture_article(source)


@pytest.fixture
def fixture_article() -> Article:
    return build_fixture_article()


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor in the search box, so screenshots do not flake."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
