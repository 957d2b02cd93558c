"""The entity sidebar: people first (speakers on top), then organisations, places and groups,
with credited photographers and contributors in a small group at the end.

An OptionList, not a ListView, so thousands of rows build and filter in milliseconds. Group
headings are disabled options; rows are laid out by hand to the list's width (name and counts
on the first line, the role dim underneath) and rebuilt only when the width changes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app.display import one_line, stylize_spans, visible
from tui.app.linking import per_article
from tui.app.row_list import RowList
from tui.app.rows import LazyRow, fit
from tui.core.model import Article, Entity

if TYPE_CHECKING:
    from tui.core.search import Hit

GROUPS: tuple[tuple[str, str], ...] = (
    ("person", "People"),
    ("organization", "Organisations"),
    ("place", "Places"),
    ("group", "Groups"),
)
CREDITS_HEADING = "Credits"
HEADING_PREFIX = "heading:"
EMPTY_ID = "empty"
MATCH_STYLE = "bold reverse"
QUOTE_MARK = "❝"


_MOVE = Binding.Group("Move", compact=True)
_ENDS = Binding.Group("Top/End", compact=True)


def list_bindings(prefix: str, enter: str) -> list[BindingType]:
    """j/k/g/G on top of the OptionList's arrows and Home/End, and what Enter does; remappable by id."""
    return [
        Binding("j", "cursor_down", "Down", id=f"{prefix}.down", group=_MOVE),
        Binding("k", "cursor_up", "Up", id=f"{prefix}.up", group=_MOVE),
        Binding("g", "first", "Top", id=f"{prefix}.top", group=_ENDS),
        Binding("G", "last", "Bottom", id=f"{prefix}.bottom", group=_ENDS),
        Binding("enter", "select", enter, id=f"{prefix}.select"),
    ]


@per_article
def ordered_entities(article: Article) -> list[tuple[str, list[Entity]]]:
    """Entities grouped for the sidebar: speakers first, then by mentions, then by first mention."""
    quote_counts = quote_counts_by_speaker(article)

    def rank(entity: Entity) -> tuple[int, int, tuple[int, int]]:
        first = (entity.mentions[0].paragraph, entity.mentions[0].start) if entity.mentions else (1 << 30, 0)
        return (-quote_counts.get(entity.id, 0), -len(entity.mentions), first)

    groups: list[tuple[str, list[Entity]]] = []
    for kind, heading in GROUPS:
        members = sorted((e for e in article.entities if e.kind == kind and not e.credit), key=rank)
        if members:
            groups.append((heading, members))
    credits = sorted((e for e in article.entities if e.credit), key=rank)
    if credits:
        groups.append((CREDITS_HEADING, credits))
    return groups


@per_article
def quote_counts_by_speaker(article: Article) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quote in article.quotes:
        if quote.speaker_id:
            counts[quote.speaker_id] = counts.get(quote.speaker_id, 0) + 1
    return counts


def entity_row(
    entity: Entity,
    *,
    quotes: int,
    width: int,
    chosen: bool = False,
    matches: Sequence[tuple[int, int]] = (),
) -> Content:
    """Name and counts on one line (``❝4`` quotes, ``9×`` mentions), the role dim underneath."""
    marker = "▸ " if chosen else ""
    quoted = f"{QUOTE_MARK}{quotes} " if quotes else ""
    mentioned = f"{len(entity.mentions)}×"
    room = max(4, width - len(marker) - cell_len(quoted + mentioned) - 1)
    name, cut = fit(visible(one_line(entity.name)), room)
    line = Content(marker + name, strip_control_codes=False)
    if chosen:
        line = line.stylize("bold $text-accent", 0, len(marker))
    if quotes:
        line = line.stylize("bold", len(marker), len(line))
    if matches:
        shown = len(name) - 1 if cut else len(name)  # the ellipsis is not the name's
        line = stylize_spans(line, ((s, min(e, shown)) for s, e in matches if s < shown), MATCH_STYLE, len(marker))
    padding = max(1, width - len(marker) - cell_len(name) - cell_len(quoted + mentioned))
    line = Content.assemble(line, " " * padding, (quoted, "$text-accent"), (mentioned, "$text-muted"))
    if entity.role:
        role, _ = fit(visible(one_line(entity.role)), max(1, width - 2))
        line += Content("\n  " + role, strip_control_codes=False).stylize("italic $text-muted", 1)
    return line


class EntityList(RowList):
    """People, organisations, places and groups; Enter chooses one (filters quotes, highlights mentions)."""

    FALLBACK_WIDTH = 28

    BINDINGS: ClassVar[list[BindingType]] = list_bindings("entities", "Choose")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._article: Article | None = None
        self._hits: Mapping[str, Hit] | None = None
        self._chosen: str | None = None
        self._placeholder = "Finding people…"
        self._quote_counts: dict[str, int] = {}
        # per article (kept while the same Article object is shown): the groups in sidebar order
        # and each entity's place in them, so a search keystroke does not sort every entity again
        self._groups: list[tuple[str, list[Entity]]] = []
        self._place: dict[str, tuple[int, int]] = {}  # entity id -> (group number, rank in group)
        # what the options now on screen were built from: the same again costs nothing
        self._shown_key: tuple[object, ...] | None = None
        # the rows listed (a group's heading and size, or an entity) and each entity's row number
        self._rows: list[tuple[str, int] | Entity] = []
        self._row_of: dict[str, int] = {}
        # entity id -> (what its row was built from, the Option): rows are reused while their
        # width, counts, choice and match spans stay the same (e.g. clearing a search)
        self._row_options: dict[str, tuple[tuple[object, ...], Option]] = {}

    # -- what the rest of the app calls -------------------------------------------------------

    def show(
        self,
        article: Article,
        *,
        hits: Mapping[str, Hit] | None = None,
        chosen: str | None = None,
        placeholder: str | None = None,
    ) -> None:
        """Show ``article``'s entities; with ``hits`` only those (search results). The cursor keeps
        its entity if that entity is still listed."""
        if article is not self._article:
            self._article = article
            self._quote_counts = quote_counts_by_speaker(article)
            self._groups = ordered_entities(article)
            self._place = {entity.id: (group, rank) for group, (_, members) in enumerate(self._groups)
                           for rank, entity in enumerate(members)}
            self._row_options.clear()
        self._hits = hits
        self._chosen = chosen
        if placeholder is not None:
            self._placeholder = placeholder
        self._rebuild()

    def choose(self, entity_id: str | None) -> None:
        """Mark the entity whose quotes and mentions are being shown (None unmarks)."""
        if entity_id == self._chosen:
            return
        previous, self._chosen = self._chosen, entity_id
        for changed in (previous, entity_id):
            if changed and self._article and changed in self._id_to_option:
                entity = self._article.entity(changed)
                if entity is not None:
                    self._row_options.pop(changed, None)
                    self.replace_option_prompt(changed, self._row(entity))
                    self._shown_key = None

    def move_to(self, entity_id: str | None) -> bool:
        """Put the cursor on ``entity_id`` (no choosing); False if it is not listed."""
        if entity_id is None or entity_id not in self._row_of:
            return False
        self._highlight_id(entity_id)
        return True

    @property
    def highlighted_entity_id(self) -> str | None:
        option = self.highlighted_option
        if option is None or option.disabled or option.id is None:
            return None
        return option.id

    @property
    def entity_count(self) -> int:
        """How many entities are listed (headings left out)."""
        return len(self._row_of)

    @property
    def entity_ids(self) -> list[str]:
        """The entities listed, top to bottom (headings left out)."""
        return [row.id for row in self._rows if isinstance(row, Entity)]

    # -- building rows ---------------------------------------------------------------------------

    def _build(self, entity: Entity) -> Callable[[], Content]:
        hit = self._hits.get(entity.id) if self._hits else None
        return partial(
            entity_row,
            entity,
            quotes=self._quote_counts.get(entity.id, 0),
            width=self._width,
            chosen=entity.id == self._chosen,
            matches=hit.spans if hit else (),
        )

    def _row(self, entity: Entity) -> LazyRow:
        return LazyRow(2 if entity.role else 1, self._build(entity))

    def _option(self, entity: Entity) -> Option:
        """The entity's Option, reused while what its row shows is unchanged."""
        hit = self._hits.get(entity.id) if self._hits else None
        key = (self._width, entity.id == self._chosen, hit.spans if hit else ())
        cached = self._row_options.get(entity.id)
        if cached is not None:
            if cached[0] != key:  # the same height: only what the row draws changes
                row = cached[1].prompt
                assert isinstance(row, LazyRow)
                row.rebuild(self._build(entity))
                self._row_options[entity.id] = (key, cached[1])
            return cached[1]
        option = Option(self._row(entity), id=entity.id)
        self._row_options[entity.id] = (key, option)
        return option

    def _listed(self) -> list[tuple[str, list[Entity]]]:
        """The groups as listed: everything, or during a search only the hits, best first."""
        hits = self._hits
        if hits is None:
            return self._groups
        found: list[list[Entity]] = [[] for _ in self._groups]
        place = self._place
        for key in hits:
            where = place.get(key)
            if where is not None:
                found[where[0]].append(self._groups[where[0]][1][where[1]])
        for members in found:
            # best first; among equals the sidebar's own order
            members.sort(key=lambda e: (-hits[e.id].score, place[e.id][1]))
        return [(heading, members) for (heading, _), members in zip(self._groups, found) if members]

    def _rebuild(self) -> None:
        keep = self.highlighted_entity_id
        scroll = self.scroll_y
        self._width = self._row_width()
        listed = self._listed() if self._article is not None else []
        hits = self._hits
        # what the rows show: the same again (a keystroke that leaves the same hits) costs nothing
        shown_key = (
            id(self._article), self._width, self._chosen, self._placeholder, hits is None,
            tuple((heading, tuple((e.id, hits[e.id].spans if hits else ()) for e in members))
                  for heading, members in listed),
        )
        if shown_key == self._shown_key and self.option_count:
            return
        self._shown_key = shown_key
        rows: list[tuple[str, int] | Entity] = []
        for heading, members in listed:
            rows.append((heading, len(members)))
            rows.extend(members)
        self._rows = rows
        self._row_of = {row.id: number for number, row in enumerate(rows) if isinstance(row, Entity)}
        message = "No match" if self._hits is not None else self._placeholder
        empty = Option(Content(message).stylize("italic $text-muted"), id=EMPTY_ID, disabled=True)
        self._show_rows(len(rows), keep=self._row_of.get(keep) if keep else None, empty=empty)
        if not self.move_to(keep):
            first = 1 if rows else None  # the first entity, under its group's heading
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = first
            if first is not None and self.scroll_y != 0:
                self.scroll_to(y=0, animate=False)
        else:
            self.scroll_to(y=scroll, animate=False, immediate=True)
            self.scroll_to_highlight()

    def _options_between(self, start: int, end: int) -> list[Option | None]:
        """Options for rows ``start`` to ``end``: group headings (disabled) and entities."""
        options: list[Option | None] = []
        for row in self._rows[start:end]:
            if isinstance(row, Entity):
                options.append(self._option(row))
            else:
                heading, count = row
                title = Content(f"{heading.upper()} ({count:,})").stylize("bold $text-muted")
                options.append(Option(title, id=HEADING_PREFIX + heading, disabled=True))
        return options

    def action_first(self) -> None:
        """g / Home: the first entity, with the heading above it in view."""
        super().action_first()
        self.scroll_to(y=0, animate=False, immediate=True)

    def _has_rows(self) -> bool:
        return self._article is not None
