"""The command palette (ctrl+p): go to a speaker or a quote, export the briefing, show or hide
captions, open another article. Textual's own provider adds the theme and quit commands.

Labels contain article text, so they are matched with rapidfuzz (textual's matcher is slow on
long strings and parses markup) and shown as Content with the match stylized, never as markup."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui.app.display import one_line, visible
from tui.app.rows import fit

if TYPE_CHECKING:
    from textual.app import App

    from tui.app.app import BriefingApp

MAX_HITS = 60
LABEL_WIDTH = 90
FORMAT_NAMES = {"json": "JSON", "markdown": "Markdown", "csv": "CSV"}


@dataclass(frozen=True)
class Command:
    """One palette entry: what is searched and shown, and what it does."""

    label: str
    action: Callable[[], object]
    help: str | None = None
    discoverable: bool = True
    weight: float = 1.0  # quotes rank a little below a speaker or command matching as well


def score_label(query: str, label: str) -> tuple[float, tuple[int, int] | None]:
    """0..1 and the matched range of ``label``: a contiguous substring beats a scattered match."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    folded_query = query.casefold().strip()
    folded = label.casefold()
    if not folded_query:
        return 0.0, None
    where = folded.find(folded_query)
    if where >= 0:
        return 1.0 - min(where, 100) / 1000, (where, where + len(folded_query))
    score = fuzz.partial_ratio(folded_query, folded, processor=default_process)
    # a short query matches almost any long label loosely ('theme' ~ 'the most'): ask more of it
    if score < (90 if len(folded_query) <= 5 else 80):
        return 0.0, None
    alignment = fuzz.partial_ratio_alignment(folded_query, folded)
    span = (alignment.dest_start, alignment.dest_end) if alignment else None
    return score / 125, span


def command_label(label: str, span: tuple[int, int] | None) -> Content:
    content = Content(label, strip_control_codes=False)
    if span is not None and span[0] < span[1]:
        content = content.stylize("bold $text-accent underline", *span)
    return content


def safe_label(text: str, width: int = LABEL_WIDTH) -> str:
    return fit(visible(one_line(text)), width)[0]


def briefing_commands(app: BriefingApp) -> Iterator[Command]:
    """Every command the palette offers for the article on screen."""
    reader = app.reader
    document = reader.document
    article = document.article
    for fmt, name in FORMAT_NAMES.items():
        path = app.export_path(document, fmt)
        yield Command(
            f"Export briefing as {name}: {safe_label(path.name, 60)}",
            partial(app.export_briefing, fmt),
            "Write who said what to a file in the current directory",
        )
    captions = reader.text_view.show_captions
    yield Command(
        "Hide captions" if captions else "Show captions",
        reader.action_toggle_captions,
        "Photo captions and credits in the text",
    )
    if len(app.documents) > 1:
        yield Command("Open article…", partial(open_article_palette, app), "Switch to another opened article")
    speakers = {q.speaker_id for q in article.quotes if q.speaker_id}
    for entity in article.entities:
        if entity.id in speakers:
            yield Command(
                f"Go to speaker: {safe_label(entity.name, 60)}",
                partial(reader.go_to_speaker, entity.id),
                "Show this person's quotes and mentions",
            )
    for quote in article.quotes:
        who = safe_label(quote.speaker, 30) if quote.speaker else "unattributed"
        yield Command(
            f"Go to quote: {who} — “{safe_label(quote.text, 60)}”",
            partial(reader.go_to_quote, quote.id),
            None,
            discoverable=False,
            weight=0.9,
        )


class BriefingCommands(Provider):
    """Speakers, quotes, exports and display toggles of the article on screen."""

    def _commands(self) -> list[Command]:
        from tui.app.app import BriefingApp

        app = self.app
        if not isinstance(app, BriefingApp):
            return []
        return list(briefing_commands(app))

    async def discover(self) -> Hits:
        for command in self._commands():
            if command.discoverable:
                yield DiscoveryHit(Content(command.label), command.action, command.label, command.help)

    async def search(self, query: str) -> Hits:
        scored = []
        for command in self._commands():
            score, span = score_label(query, command.label)
            if score > 0:
                scored.append((score * command.weight, span, command))
        scored.sort(key=lambda item: -item[0])
        for score, span, command in scored[:MAX_HITS]:
            yield Hit(score, command_label(command.label, span), command.action, command.label, command.help)


class ArticlePicker(Provider):
    """The opened articles, for 'Open article…' (key o)."""

    def _articles(self) -> list[Command]:
        from tui.app.app import BriefingApp

        app = self.app
        if not isinstance(app, BriefingApp):
            return []
        total = len(app.documents)
        return [
            Command(
                f"{number}/{total}  {safe_label(document.label, 40)} — {safe_label(document.article.title, 60)}",
                partial(app.open_document, number - 1),
            )
            for number, document in enumerate(app.documents, 1)
        ]

    async def discover(self) -> Hits:
        for command in self._articles():
            yield DiscoveryHit(Content(command.label), command.action, command.label)

    async def search(self, query: str) -> Hits:
        for command in self._articles():
            score, span = score_label(query, command.label)
            if score > 0:
                yield Hit(score, command_label(command.label, span), command.action, command.label)


def open_article_palette(app: App[object]) -> None:
    """A palette listing only the opened articles."""
    app.push_screen(CommandPalette(providers=[ArticlePicker], placeholder="Open article…"))
