"""The reader screen: header, the three linked panes, the search bar and the footer.

It owns the linking rules as state (the chosen entity, the current search) and turns keys,
clicks and search results into calls on the panes; the panes themselves only display."""

from __future__ import annotations

from time import sleep
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.worker import get_current_worker

from tui.app.display import one_line, plain_line, set_border_title, visible
from tui.app.documents import Document
from tui.app.entity_list import EntityList
from tui.app.header import ArticleHeader
from tui.app.key_bar import KeyBar
from tui.app.linking import (
    article_marks,
    entity_at,
    filters_quotes,
    hits_by_key,
    next_speaker,
    quote_at,
    search_summary,
    visible_quotes,
    widest_search_summary,
)
from tui.app.pacing import draw_now, typed, typing_pause_left, wait_while_typing, when_typing_pauses
from tui.app.quote_list import QuoteList
from tui.app.search_bar import SearchBar
from tui.app.text_view import ArticleView
from tui.core.model import Article, Entity, Quote

if TYPE_CHECKING:
    from tui.core.search import SearchIndex, SearchResult

TOO_SMALL = "Terminal too small.\nMake it at least 40×12."
PANES = ("entities", "text", "quotes")
NARROW_BELOW = 110  # columns: below this the text shares the screen with one side pane
TINY_BELOW = 40  # columns (and 12 rows): below this only a "terminal too small" note
# A result that puts thousands of rows in the panes (the first letters typed into a 4 MB text)
# takes the UI thread ~100 ms to show. While the user is still typing it waits until typing
# pauses (pacing.py), so it never holds up the echo of the next key, which replaces it anyway.
HEAVY_RESULT = 1_000  # rows (paragraphs, entities, quotes) a result lists
# A first letter is held back the same way, whatever its count: it fills all three panes with new
# rows (a 50 ms frame at 400 KB), and the second key, typed 50-100 ms later, waited behind that
# frame (its echo took 90-100 ms, measured in tmux). Only texts searched in a worker: a short one
# shows its results in the frame that echoes the key.
HOLD_SHORTER_THAN = 2  # characters of a query held back while typing goes on


class ReaderScreen(Screen[None]):
    """One article at a time, three panes linked by the chosen quote, speaker and search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="pane.previous"),
        # priority: handled before the keys typed after it are routed, so none of them is lost
        Binding("slash", "search", "Search", id="search.focus", priority=True),
        Binding("right_square_bracket", "quote(1)", "Quote", id="quote.next", key_display="]"),
        Binding("left_square_bracket", "quote(-1)", "Prev quote", show=False, id="quote.previous", key_display="["),
        Binding("right_curly_bracket", "speaker(1)", "Speaker", id="speaker.next", key_display="}"),
        Binding("left_curly_bracket", "speaker(-1)", "Prev speaker", show=False, id="speaker.previous", key_display="{"),
        Binding("n", "highlight(1)", "Next mark", show=False, id="highlight.next"),
        Binding("N", "highlight(-1)", "Previous mark", show=False, id="highlight.previous"),
        Binding("m", "toggle_only_matches", "Matches/all", id="search.only_matches"),
        Binding("c", "toggle_captions", "Captions", show=False, id="text.captions"),
        Binding("o", "open_article", "Open", id="article.open"),
        Binding("enter", "jump_to_quote", "Quote here", show=False, id="text.jump"),
        Binding("escape", "clear", "Clear", show=False, id="clear"),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
    ]

    def __init__(self, documents: list[Document]) -> None:
        # the side-pane class from the start: setting it after mount restyles every widget once more
        super().__init__(classes="-side-quotes")
        self.documents = documents
        self.position = 0
        self.chosen_entity: str | None = None
        self.search_result: SearchResult | None = None
        self._side = "quotes"
        self._painted = False
        self._quote_shown: str | None = None  # the quote highlighted in the text, if one is
        # where the list cursors were when a search began, so clearing it puts them back
        self._cursors_before_search: tuple[str | None, str | None] | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="header")
        with Horizontal(id="panes"):
            yield EntityList(id="entities")
            yield ArticleView(id="text")
            yield QuoteList(id="quotes")
        yield SearchBar(id="search")
        yield KeyBar(id="footer")
        yield Static(Content(TOO_SMALL), id="too-small")

    @property
    def document(self) -> Document:
        return self.documents[self.position]

    @property
    def entity_list(self) -> EntityList:
        return self.query_one("#entities", EntityList)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one("#quotes", QuoteList)

    @property
    def text_view(self) -> ArticleView:
        return self.query_one("#text", ArticleView)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search", SearchBar)

    def on_mount(self) -> None:
        self.entity_list.border_title = "Entities"
        self.text_view.border_title = "Text"
        self.quote_list.border_title = "Quotes"
        self.show_document(0)
        self.set_focus(self.text_view)
        self.call_after_refresh(self._first_paint_done)

    def _first_paint_done(self) -> None:
        """Background work (the search index) waits until the text is on screen."""
        self._painted = True
        if (callback := getattr(self.app, "after_first_paint", None)) is not None:
            callback()
        if self.document.index is None:
            self._build_index(self.document)

    # -- articles ------------------------------------------------------------------------------

    def show_document(self, position: int) -> None:
        """Show the ``position``-th article: text at once, lists as far as analysis has got."""
        self.position = position
        self._quote_shown = None
        self.chosen_entity = None
        self.search_result = None
        self.workers.cancel_group(self, "search")
        with self.prevent(Input.Changed):
            self.search_bar.input.value = ""
        document = self.document
        self.text_view.load(document.article.paragraphs, last_index=document.last_index_bound)
        self._refresh_all()
        if document.index is None and self._painted:
            self._build_index(document)
        self._reserve_status_room()
        self.refresh_bindings()

    def document_changed(self, document: Document) -> None:
        """Analysis moved on (progress) or finished (new article): refresh what depends on it."""
        if document is not self.document:
            return
        more_text = self.text_view.paragraphs is not document.article.paragraphs
        if more_text:
            # the rest of a long text, split after the first paint: the reader keeps their place
            self.text_view.extend(document.article.paragraphs)
        self._refresh_header()
        if document.failed:
            self._refresh_all()  # the lists say why they stay empty
        if document.analysed or more_text:
            if document.analysed and document.index is None:
                self._build_index(document)
            self._refresh_all()
            self._reserve_status_room()  # the counts a search can show have grown
            if self.search_bar.query_text.strip():
                self._run_search(self.search_bar.query_text.strip(), document)

    def _refresh_all(self) -> None:
        article = self.document.article
        if self.document.analysed:
            self.text_view.set_marks(*article_marks(article))
        self._refresh_header()
        self._refresh_entities()
        self._refresh_quotes()
        self._refresh_text_search()
        self._refresh_status()

    def _refresh_header(self) -> None:
        self.query_one(ArticleHeader).show(self.document, self.position + 1, len(self.documents))

    # -- panes from state ------------------------------------------------------------------------

    def _placeholder(self, finding: str) -> str:
        document = self.document
        if document.failed:
            return "Analysis failed"
        return finding if not document.analysed else ""

    def _refresh_entities(self) -> None:
        article = self.document.article
        result = self.search_result
        self.entity_list.show(
            article,
            hits=hits_by_key(result.entities) if result else None,
            chosen=self.chosen_entity,
            placeholder=self._placeholder("Finding people…") or "No people or places found",
        )
        total = len(article.entities)
        if result is not None:
            title = f"Entities {self.entity_list.entity_count:,}/{total:,}"
        else:
            title = f"Entities {total:,}" if total else "Entities"
        set_border_title(self.entity_list, title)

    def _chosen_speaker(self) -> Entity | None:
        """The person whose quotes alone are listed, if any."""
        entity = self.document.article.entity(self.chosen_entity) if self.chosen_entity else None
        return entity if filters_quotes(entity) else None

    def _refresh_quotes(self) -> None:
        article = self.document.article
        speaker = self._chosen_speaker()
        result = self.search_result
        quotes = visible_quotes(article, speaker_id=speaker.id if speaker else None, search=result)
        if speaker is not None and result is not None:
            empty = f"No quote by {one_line(speaker.name)} matches the search · Esc clears the search"
        elif speaker is not None:
            empty = f"{one_line(speaker.name)} is not quoted directly"
        elif result is not None:
            empty = "No quote matches the search"
        else:
            empty = self._placeholder("Finding quotes…") or "No direct quotes found"
        self.quote_list.show(
            quotes,
            hits=hits_by_key(result.quotes) if result else None,
            speaker_hits=hits_by_key(result.entities) if result and result.entities else None,
            empty_message=empty,
        )
        if speaker is not None:
            # the count first: a long name is cut at the end of the border, the count never is
            count = f"{len(quotes):,} {'quote' if len(quotes) == 1 else 'quotes'} by "
            title = Content.assemble(count, plain_line(speaker.name, "bold"))
        elif result is not None:
            title = Content(f"Quotes {len(quotes):,}/{len(article.quotes):,}")
        else:
            title = Content(f"Quotes {len(article.quotes):,}" if article.quotes else "Quotes")
        set_border_title(self.quote_list, title)

    def _refresh_text_search(self) -> None:
        result = self.search_result
        view = self.text_view
        if result is None:
            view.set_search(None, [])
            set_border_title(view, "Text")
            return
        view.set_search(result.paragraph_indices(), result.paragraph_spans())
        self._title_text_pane()

    def _title_text_pane(self) -> None:
        view = self.text_view
        mode = "matching paragraphs" if view.only_matches else "whole text"
        set_border_title(view, f"Text · {mode}")

    def _refresh_status(self) -> None:
        result = self.search_result
        bar = self.search_bar
        if result is not None:
            summary = Content(search_summary(self.document.article, result, len(self.quote_list.quotes)))
            if (speaker := self._chosen_speaker()) is not None:
                # both filters at once: say so, or empty panes look like a broken search
                # first, so a narrow status line cuts the counts rather than the filter
                summary = Content.assemble("quotes by ", plain_line(speaker.name, "bold"), " · ", summary)
            bar.set_status(summary, keep_width=True)
        elif self.chosen_entity and (entity := self.document.article.entity(self.chosen_entity)):
            status = Content.assemble(plain_line(entity.name, "bold"), " · Esc clears")
            bar.set_status(status)
        else:
            bar.set_status(Content(""))

    # -- linking ---------------------------------------------------------------------------------

    def choose_entity(self, entity_id: str | None) -> None:
        """Filter the quotes to a person's, highlight every mention of the entity in the text
        (n / N step through them); None clears the choice."""
        article = self.document.article
        entity = article.entity(entity_id) if entity_id else None
        self.chosen_entity = entity.id if entity else None
        self.entity_list.choose(self.chosen_entity)
        if entity is not None:
            self.entity_list.move_to(entity.id)
        self._refresh_quotes()
        self._refresh_status()
        self._quote_shown = None
        self.text_view.set_highlight(list(entity.mentions) if entity else [], 0 if entity else None)

    def show_quote(self, quote: Quote, *, focus_text: bool = False) -> None:
        """Scroll the text to a quote, highlight it there and put the sidebar cursor on its speaker."""
        self.quote_list.move_to(quote.id)
        self._quote_shown = quote.id
        self.text_view.set_highlight(list(quote.spans), 0)
        if quote.speaker_id:
            self.entity_list.move_to(quote.speaker_id)
        if focus_text:
            self.set_focus(self.text_view)

    def go_to_quote(self, quote_id: str) -> None:
        """From the palette: show this quote, clearing a filter that hides it."""
        quote = next((q for q in self.document.article.quotes if q.id == quote_id), None)
        if quote is None:
            return
        if quote.id not in {q.id for q in self.quote_list.quotes}:
            self.clear_search()
            if self.chosen_entity and self.chosen_entity != quote.speaker_id:
                self.choose_entity(None)
        self.show_quote(quote, focus_text=True)

    def go_to_speaker(self, entity_id: str) -> None:
        """From the palette: choose this speaker and show their first quote in the list."""
        self.clear_search()
        self.choose_entity(entity_id)
        self.focus_pane("entities")

    @on(OptionList.OptionHighlighted, "#quotes")
    def _quote_cursor_moved(self, event: OptionList.OptionHighlighted) -> None:
        quote = self.quote_list.highlighted_quote
        if quote is not None:
            self._forget_cursors_before_search()
            self.show_quote(quote)

    @on(OptionList.OptionHighlighted, "#entities")
    def _entity_cursor_moved(self, event: OptionList.OptionHighlighted) -> None:
        self._forget_cursors_before_search()

    def _forget_cursors_before_search(self) -> None:
        """The user moved a cursor during the search: clearing it keeps the new place."""
        self._cursors_before_search = None

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_chosen(self, event: OptionList.OptionSelected) -> None:
        quote = self.quote_list.highlighted_quote
        if quote is not None:
            self.show_quote(quote, focus_text=True)

    @on(OptionList.OptionSelected, "#entities")
    def _entity_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.choose_entity(event.option_id)
            if self.has_class("-narrow") and self.quote_list.quotes:
                self.focus_pane("quotes")

    @on(ArticleView.SpanClicked)
    def _text_clicked(self, event: ArticleView.SpanClicked) -> None:
        article = self.document.article
        quote = quote_at(article, event.paragraph, event.offset)
        if quote is not None:
            if quote.id not in {q.id for q in self.quote_list.quotes} and self.chosen_entity:
                self.choose_entity(None)
            self.show_quote(quote)
            return
        entity = entity_at(article, event.paragraph, event.offset)
        if entity is not None:
            self.choose_entity(entity.id)

    # -- search ----------------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        typed()
        draw_now(self)  # the key's echo at once, not up to two frame ticks later on a busy screen
        query = event.value.strip()
        document = self.document
        if not query:
            self.workers.cancel_group(self, "search")
            self.search_bar.after_echo(lambda: self._apply_search(document, "", None))
            return
        index = document.index
        if index is not None and index.small:
            # a short article answers in ~0.2 ms: searched here, right after the frame that
            # echoes the key (a thread would hand the results back a frame later still)
            self.workers.cancel_group(self, "search")

            def search_here() -> None:
                if query != self.search_bar.query_text.strip():
                    return  # typed on meanwhile: that keystroke searches
                try:
                    result = index.search(query)
                except Exception as error:  # a failed search must not take the reader down
                    message = visible(one_line(f"{type(error).__name__}: {error}"))
                    self.notify(message, title="Search failed", severity="error", markup=False)
                    return
                if result is not None:
                    self._apply_search(document, query, result)

            self.search_bar.after_echo(search_here)
            return
        self._run_search(query, document)

    def _reserve_status_room(self) -> None:
        """The status keeps room for the widest counts this article can show, and the panes
        always show their scrollbars (app.tcss), so a search typed changes no size: a key that
        changed one re-laid out the whole screen (72 ms at 400 KB, against 10 ms for the search
        itself). The room changes only with the article (a new one, or its analysis done)."""
        self.search_bar.reserve_status(cell_len(widest_search_summary(self.document.article)))

    @on(Input.Submitted, "#search-input")
    def _query_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box: read the first match in the text."""
        self.set_focus(self.text_view)
        if self.search_result is not None and self.search_result.paragraphs:
            self.text_view.next_highlight()

    @work(exclusive=True, thread=True, group="search")
    def _run_search(self, query: str, document: Document) -> None:
        """Search off the UI thread; a newer keystroke cancels this one."""
        worker = get_current_worker()
        index = document.index
        if index is None:  # typed before the index worker finished: build it here, once
            from tui.core.search import SearchIndex

            article = document.article
            index = SearchIndex.build(article)
            self.app.call_from_thread(self._store_index, document, article, index)
        try:
            result = index.search(query, cancelled=lambda: worker.is_cancelled)
        except Exception as error:  # a failed search must not take the reader down
            message = visible(one_line(f"{type(error).__name__}: {error}"))
            self.app.call_from_thread(self.notify, message, title="Search failed", severity="error", markup=False)
            return
        if result is None or worker.is_cancelled:
            return
        result.paragraph_indices()  # sorted and grouped here, not on the UI thread
        result.paragraph_spans()
        if (len(result.paragraphs) + len(result.entities) + len(result.quotes) > HEAVY_RESULT
                or len(query) < HOLD_SHORTER_THAN):  # (callers pass it stripped)
            while (wait := typing_pause_left()) > 0:
                if worker.is_cancelled:  # the next key came: its search replaces this one
                    return
                sleep(min(wait, 0.01))
        if worker.is_cancelled:
            return
        # the echo of the key first (if it is not on screen yet), then the results; a result
        # that is stale by then (the user typed on) is dropped by _apply_search
        self.app.call_from_thread(
            self.search_bar.after_echo, lambda: self._apply_search(document, query, result))

    @work(thread=True, group="index", exit_on_error=False)
    def _build_index(self, document: Document) -> None:
        """Off the UI thread: split the rest of a long text (its first screenfuls are on screen),
        then preprocess the text for search, so searching works before the analysis ends."""
        from tui.core.search import SearchIndex

        if document.complete:
            paragraphs = document.article.paragraphs
        else:
            wait_while_typing()
            paragraphs = document.all_paragraphs()
            # once typing pauses: swapping in ~20,000 paragraphs takes the UI thread ~50 ms
            self.app.call_from_thread(when_typing_pauses, self, lambda: self._show_all_paragraphs(document))
        article = Article(source=document.article.source, title=document.article.title,
                          paragraphs=paragraphs)
        index = SearchIndex.build(article, pause=wait_while_typing)

        def store() -> None:
            self._show_all_paragraphs(document)  # first, if typing has held it back until now
            self._store_index(document, article, index)

        self.app.call_from_thread(when_typing_pauses, self, store)

    def _show_all_paragraphs(self, document: Document) -> None:
        if not document.complete:
            document.show_all_paragraphs()
            self.document_changed(document)

    @staticmethod
    def _store_index(document: Document, article: Article, index: SearchIndex) -> None:
        """Keep an index only for the text it was built from, and never over the analysed one."""
        if document.index is None and document.article.paragraphs is article.paragraphs:
            document.index = index

    def _apply_search(self, document: Document, query: str, result: SearchResult | None) -> None:
        if document is not self.document or query != self.search_bar.query_text.strip():
            return  # a stale answer: the user typed on or switched articles
        if result is not None and self.search_result is None:
            quote = self.quote_list.highlighted_quote
            self._cursors_before_search = (quote.id if quote else None, self.entity_list.highlighted_entity_id)
        searching_changed = (result is None) != (self.search_result is None)
        self.search_result = result
        self._refresh_entities()
        self._refresh_quotes()
        if result is None and self._cursors_before_search is not None:
            quote_id, entity_id = self._cursors_before_search
            self._cursors_before_search = None
            self.quote_list.move_to(quote_id)
            self.entity_list.move_to(entity_id)
        self._refresh_text_search()
        self._refresh_status()
        if searching_changed:  # 'm' comes and goes with the search; the key bar need not ask again
            self.refresh_bindings()
        draw_now(self)  # the results on screen now, not at the next frame tick

    def clear_search(self) -> None:
        if self.search_bar.query_text:
            self.search_bar.input.value = ""
        self.workers.cancel_group(self, "search")
        if self.search_result is not None:
            self._apply_search(self.document, "", None)

    # -- panes and narrow layout -----------------------------------------------------------------

    def _pane(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def _show_side(self, side: str) -> None:
        """At narrow widths only one of the sidebar and the quote list is shown next to the text."""
        self._side = side
        self.set_class(side == "entities", "-side-entities")
        self.set_class(side == "quotes", "-side-quotes")

    def on_resize(self) -> None:
        """Narrow terminals: a compact footer, and the side pane says how to reach the other."""
        narrow = self.size.width < NARROW_BELOW
        footer = self.query_one(KeyBar)
        footer.compact = narrow
        footer.show_command_palette = not narrow
        self.entity_list.border_subtitle = "Tab: text" if narrow else None
        self.quote_list.border_subtitle = "Tab: entities" if narrow else None

    def focus_pane(self, name: str) -> None:
        if name in ("entities", "quotes"):
            self._show_side(name)
        self.set_focus(self._pane(name))

    def _current_pane(self) -> int | None:
        focused = self.focused
        for number, name in enumerate(PANES):
            if focused is self._pane(name):
                return number
        return None

    def action_next_pane(self) -> None:
        current = self._current_pane()
        self.focus_pane(PANES[(current + 1) % len(PANES) if current is not None else 1])

    def action_previous_pane(self) -> None:
        current = self._current_pane()
        self.focus_pane(PANES[(current - 1) % len(PANES) if current is not None else 1])

    # -- actions ---------------------------------------------------------------------------------

    def action_search(self) -> None:
        """'/' focuses the search box at once (set_focus, not focus(), which waits a turn), and
        counts as typing; in the box itself it is just a character."""
        search_input = self.search_bar.input
        if search_input.has_focus:
            search_input.insert_text_at_cursor("/")
        else:
            typed()  # the keys come next: held-back work (a finished analysis) waits for them
            self.set_focus(search_input)

    def action_quote(self, direction: int) -> None:
        """] / [: the next or previous quote from any pane; the text follows. The first press
        shows the quote under the list's cursor (the first one at the start), not the one after."""
        current = self.quote_list.highlighted_quote
        if current is not None and current.id != self._quote_shown:
            quote: Quote | None = current
        else:
            quote = self.quote_list.step(direction)
        if quote is not None:
            self._forget_cursors_before_search()
            self.show_quote(quote)

    def action_jump_to_quote(self) -> None:
        """Enter in the text (the lists and the search box handle their own Enter): go to the
        first listed quote from the paragraph at the top of the text on, in the quote list."""
        quotes = self.quote_list.quotes
        if not quotes:
            return
        top = self.text_view.top_paragraph
        quote = next((q for q in quotes if q.spans and q.spans[0].paragraph >= top), quotes[-1])
        self.show_quote(quote)
        self.focus_pane("quotes")

    def action_speaker(self, direction: int) -> None:
        """} / {: the next or previous speaker in order of first quote; filters the quotes."""
        speaker = next_speaker(self.document.article, self.chosen_entity, direction)
        if speaker is None:
            self.notify("No speakers found yet", severity="warning")
            return
        if self.search_result is not None and speaker not in self.entity_list.entity_ids:
            self.clear_search()
        self.choose_entity(speaker)

    def action_highlight(self, direction: int) -> None:
        if direction > 0:
            self.text_view.next_highlight()
        else:
            self.text_view.previous_highlight()

    def action_toggle_only_matches(self) -> None:
        view = self.text_view
        # the view re-lays itself out around the paragraph on top; searching again would
        # scroll back to the first match and lose the reader's place
        view.only_matches = not view.only_matches
        if self.search_result is not None:
            self._title_text_pane()
        self.refresh_bindings()

    def action_toggle_captions(self) -> None:
        view = self.text_view
        view.show_captions = not view.show_captions
        self.notify("Captions shown" if view.show_captions else "Captions hidden")

    def action_clear(self) -> None:
        """Esc: clear the search, else the chosen entity, else the highlight."""
        if self.search_bar.query_text or self.search_result is not None:
            self.clear_search()
            if self.search_bar.input.has_focus:
                self.set_focus(self.text_view)
        elif self.chosen_entity is not None:
            self.choose_entity(None)
        elif self.search_bar.input.has_focus:
            self.set_focus(self.text_view)
        else:
            self._quote_shown = None
            self.text_view.set_highlight([], None)

    def action_help(self) -> None:
        from tui.app.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_open_article(self) -> None:
        from tui.app.commands import open_article_palette

        open_article_palette(self.app)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing right now leave the footer: 'm' outside a search, 'o' with one article."""
        if action == "toggle_only_matches":
            return self.search_result is not None
        if action == "open_article":
            return len(self.documents) > 1
        if action == "search" and self.search_bar.input.has_focus:
            return False  # in the box '/' is just a character, and the key bar need not offer it
        return True
