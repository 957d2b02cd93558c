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
    """Stands in for the engine: the hand-built Article for its text (whatever the engine does
    today); any other text gets its paragraphs only."""
    if progress is not None:
        progress("entities", 0.5)
    if text == FIXTURE_TEXT:
        return build_fixture_article(source)
    from tui.core.structure import split_paragraphs

    paragraphs = tuple(split_paragraphs(text))
    return Article(source, paragraphs[0].text if paragraphs else "", paragraphs)


@pytest.fixture
def fixture_article() -> Article:
    return build_fixture_article()


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor in the search box, so screenshots do not flake."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


# -- helpers for the Pilot tests (tests/test_app_*.py) -----------------------------------------


def make_app(*sources: SourceText, analyser: Callable[..., Article] = fixture_analyser, forked=None):
    """The reader on the hand-built article (or the given sources) with the stand-in engine;
    ``forked`` stands in for the analysis child process."""
    from tui.app.app import BriefingApp

    return BriefingApp(list(sources) or [fixture_source()], analyser=analyser, forked=forked)


async def settle(app, pilot) -> None:
    """Let workers (analysis, search) finish and their results reach the screen."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for(pilot, condition: Callable[[], object], what: str = "condition", limit: float = 10.0) -> None:
    """Pause until ``condition()`` holds (e.g. the palette's debounced search has answered).
    Waits only as long as needed; fails after ``limit`` seconds on a very slow machine."""
    import time

    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        await pilot.pause(0.01)


def palette_offers(app, label: str) -> bool:
    """The open command palette lists ``label`` as its highlighted (first) command."""
    from textual.command import CommandList, CommandPalette

    if not isinstance(app.screen, CommandPalette):
        return False
    commands = app.screen.query_one(CommandList)
    option = commands.highlighted_option
    return option is not None and label in str(option.prompt)


def text_highlight(view) -> list[Span]:
    """The spans the text pane highlights strongly (ArticleView keeps them sorted)."""
    return list(view._highlights)


def text_focus_index(view) -> int | None:
    """Which highlighted span n / N is on."""
    return view._focus


def plain_of(widget) -> str:
    """What a Static shows, as plain text."""
    return str(widget.render())


# -- the hostile article: markup and terminal escapes that must be shown, never obeyed ----------

HOSTILE_BITS = (
    "[/]", "[bold red]", "[link=file:///etc/passwd]", "[@click=app.quit]", "[Reuters]",
    "\x1b]0;pwned\x07", "\x1b]8;;http://evil.example\x1b\\", "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[2J", "\x07", "\x08", "\r", "\t",
)
HOSTILE_TEXT = (
    "[bold red]Breaking[/] [Reuters] \x1b]0;pwned\x07 Headline\n\n"
    "Officials [@click=app.quit]click here[/] said \x1b[2J nothing.\x07\n\n"
    "“Look at [link=file:///etc/passwd]this[/link] \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\,” "
    "said [b]Eve[/b] Mallory\x08\x08 of [Reuters].\r Tab\there \x1b]52;c;ZXZpbA==\x07end.\n"
)


def hostile_source(source: str = "[bold]evil[/]\x1b]0;x\x07.txt") -> SourceText:
    return SourceText(source, HOSTILE_TEXT, ("[@click=app.quit] bytes \x1b[31mreplaced",))


def hostile_analyser(text: str, source: str = "-", progress=None) -> Article:
    """The hostile text with a speaker, an organisation and a quote whose names carry markup."""
    from tui.core.structure import split_paragraphs

    paragraphs = tuple(split_paragraphs(text))
    quote_paragraph = next(p for p in paragraphs if "Look at" in p.text)
    start = quote_paragraph.text.index("Look at")
    end = quote_paragraph.text.index(",”") + 1
    name = "[b]Eve[/b] Mallory\x08\x08"
    name_start = quote_paragraph.text.index(name)
    eve = Entity("p-eve", "person", name, ("[@click=app.quit]",), "[link=file:///etc/passwd]spy[/link]",
                 (Span(quote_paragraph.index, name_start, name_start + len(name)),))
    reuters_start = quote_paragraph.text.index("[Reuters]")
    reuters = Entity("o-reuters", "organization", "[Reuters]", (), "\x1b]0;role\x07",
                     (Span(quote_paragraph.index, reuters_start, reuters_start + 9),))
    quote = Quote("q-evil", quote_paragraph.text[start:end], "p-eve", name, "said",
                  (Span(quote_paragraph.index, start, end),))
    return Article(source, paragraphs[0].text, paragraphs, (eve, reuters), (quote,),
                   warnings=("[bold]analyser[/] warning \x1b[5m",))


def screen_text(app) -> str:
    """Everything the terminal would show (all layers, notifications included), as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
