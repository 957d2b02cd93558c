"""The Textual application: opens the given articles, analyses them in the background and hands
the results to the reader screen. Everything heavy (analysis, search index) runs in threads so
the text is on screen before the analysis is done."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.worker import Worker, get_current_worker

from tui.app.display import one_line, visible
from tui.app.documents import Document
from tui.app.entity_list import ordered_entities, quote_counts_by_speaker
from tui.app.linking import article_marks
from tui.app.pacing import when_typing_pauses
from tui.app.reader import NARROW_BELOW, TINY_BELOW, ReaderScreen
from tui.core.model import Article
from tui.resources import styles_dir

if TYPE_CHECKING:
    from tui.core.forked_analysis import Failed, ForkedAnalysis
    from tui.core.loader import SourceText
    from tui.core.search import SearchIndex

Progress = Callable[[str, float], None]
Analyser = Callable[[str, str, Progress], Article]

EXPORT_EXTENSIONS = {"json": "json", "markdown": "md", "csv": "csv"}


def _briefing_commands() -> type:
    from tui.app.commands import BriefingCommands

    return BriefingCommands


def prepare_display(article: Article) -> None:
    """Sort what the panes show (marks in the text, the sidebar's order) in the worker that made
    the article: at 4 MB that is ~0.3 s the UI thread would otherwise stall for."""
    article_marks(article)
    ordered_entities(article)
    quote_counts_by_speaker(article)


PROGRESS_EVERY = 0.5  # seconds between progress updates (each re-lays out the screen)


class BriefingApp(App[None]):
    """Who is quoted in an article, what each person said, and where."""

    TITLE = "briefing-tui"
    CSS_PATH = [str(styles_dir() / "text_view.tcss"), str(styles_dir() / "app.tcss")]
    # a callable, so the palette's module loads when the palette first opens, not before the first paint
    COMMANDS = App.COMMANDS | {_briefing_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]
    # the reader starts in the text pane: focused there at once, not the first focusable pane
    # first and then moved (one focus, blur and restyle fewer before the first paint); screens
    # of our own that want the first focusable widget say so (HelpScreen)
    AUTO_FOCUS = "#text"
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (TINY_BELOW, "-narrow"), (NARROW_BELOW, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (12, "-tall")]

    def __init__(self, documents: Sequence[SourceText], *, analyser: Analyser | None = None,
                 forked: ForkedAnalysis | None = None,
                 after_first_paint: Callable[[], object] | None = None) -> None:
        """``analyser`` defaults to the engine's ``tui.core.analyse.analyse``, imported in the
        analysis thread so its start-up cost never delays the first paint. ``forked``: a child
        process already analysing ``documents`` (the command line starts one before Textual
        starts any thread); its results are used instead, and a thread takes over if it dies.
        ``after_first_paint`` is called once the first article is on screen."""
        if not documents:
            raise ValueError("BriefingApp needs at least one article")
        super().__init__()
        self.documents = [Document.open(source) for source in documents]
        self.analyser = analyser
        self._analysing: Document | None = None
        self._forked = forked
        # documents the child process is analysing: the thread leaves them alone
        self._in_child: set[Document] = set(self.documents) if forked is not None else set()
        self.after_first_paint = after_first_paint

    def get_default_screen(self) -> Screen:
        screen = ReaderScreen(self.documents)
        # The breakpoint classes (-wide/-narrow/-tiny, -tall/-short) from the start, for the
        # terminal's size now: Textual adds them on the screen's first Resize, after the first
        # frame, and then restyles, lays out and draws the whole screen once more.
        width, height = self.size
        for dimension, breakpoints in ((width, self.HORIZONTAL_BREAKPOINTS), (height, self.VERTICAL_BREAKPOINTS)):
            for threshold, name in sorted(breakpoints, reverse=True):
                if dimension >= threshold:
                    screen.add_class(name)
                    break
        return screen

    @property
    def reader(self) -> ReaderScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def on_mount(self) -> None:
        for document in self.documents:
            for warning in document.warnings:
                self.notify(
                    visible(one_line(warning)), title=visible(one_line(document.label)),
                    severity="warning", markup=False, timeout=8,
                )
        # The engine's import and the analysis hold the GIL for a while: start them only once
        # the text is on screen, so the first paint never waits for them.
        self.reader.call_after_refresh(self._analyse_next)
        if self._forked is not None:
            self.reader.call_after_refresh(self._follow_child, self._forked)

    def on_unmount(self) -> None:
        if self._forked is not None:
            self._forked.stop()

    # -- analysis --------------------------------------------------------------------------------

    def _analyse_next(self) -> None:
        """Analyse the article on screen first, then the others, one at a time."""
        if self._analysing is not None:
            return
        waiting = [d for d in self.documents if not d.analysed and not d.failed and d not in self._in_child]
        if not waiting:
            return
        current = self.reader.document
        document = current if current in waiting else waiting[0]
        self._analysing = document
        # the text view's background wrap (scrollbar accuracy only) waits for the analysis:
        # with one GIL, every slice of it on the UI thread is time taken from the analysis
        self.reader.text_view.pause_background_wrap(True)
        self._analyse(document)

    @work(thread=True, group="analysis", exit_on_error=False)
    def _analyse(self, document: Document) -> None:
        worker = get_current_worker()
        last: list[float] = [-1.0, 0.0]  # fraction, time of the last progress shown

        def progress(stage: str, fraction: float) -> None:
            # each one re-lays out the header: ~5 a second at most, so the UI thread stays free
            now = monotonic()
            if worker.is_cancelled or fraction < 1.0 and (
                    fraction - last[0] < 0.02 or now - last[1] < PROGRESS_EVERY):
                return
            last[0], last[1] = fraction, now
            # posted, not call_from_thread: the analysis never waits for the UI thread's turn
            self.post_message(self.AnalysisProgress(document, stage, fraction))

        try:
            from tui.core.gc_pause import paused_gc
            from tui.core.search import SearchIndex

            # the cyclic GC off while millions of long-lived objects are made (~1 s of 5 s at
            # 4 MB), then frozen out of every later collection (no long GC pauses while typing)
            with paused_gc(freeze=True):
                analyser = self.analyser
                if analyser is None:
                    from tui.core.analyse import analyse as analyser
                article = analyser(document.source.text, document.source.source, progress)
                index = SearchIndex.build(article)
                prepare_display(article)
        except Exception as error:  # the reader stays usable on the text alone
            if not worker.is_cancelled:
                self.call_from_thread(self._analysis_failed, document, error)
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._analysis_done, document, article, index)

    def _follow_child(self, forked: ForkedAnalysis) -> None:
        """Take the child's results as they come. The text view's background wrap (only the
        scrollbar's accuracy) waits until it is done: measured at 4 MB, the reader's work on
        the other core slowed the child's analysis."""
        self.reader.text_view.pause_background_wrap(True)
        self._receive(forked)

    @work(thread=True, group="analysis-child", exit_on_error=False)
    def _receive(self, forked: ForkedAnalysis) -> None:
        """Turn the child process's events into progress and finished articles (with their
        search index, built here); if the child dies, the analysis thread takes over."""
        from tui.core.forked_analysis import Failed

        worker = get_current_worker()
        try:
            self._take_child_events(forked, worker)
        except Exception as error:  # whatever is left is analysed in a thread of the reader
            failure = Failed(-1, f"{type(error).__name__}: {error}", crashed=True)
            for document in list(self._in_child):
                self.call_from_thread(self._child_failed, document, failure)

    def _take_child_events(self, forked: ForkedAnalysis, worker: Worker[None]) -> None:
        from tui.core.forked_analysis import Failed, Finished
        from tui.core.gc_pause import paused_gc
        from tui.core.search import SearchIndex

        shown = [0.0] * len(self.documents)  # when each document's progress was last shown
        for event in forked.events():
            if worker.is_cancelled:
                return
            document = self.documents[event.number]
            if isinstance(event, Finished):
                paragraphs = document.all_paragraphs()
                with paused_gc(freeze=True):
                    article = Article(
                        source=document.source.source, title=event.title, paragraphs=paragraphs,
                        entities=event.entities, quotes=event.quotes, warnings=event.warnings,
                    )
                    index = SearchIndex.build(article)
                prepare_display(article)
                self.call_from_thread(self._analysis_done, document, article, index)
            elif isinstance(event, Failed):
                self.call_from_thread(self._child_failed, document, event)
            elif monotonic() - shown[event.number] >= PROGRESS_EVERY or event.fraction >= 1.0:
                shown[event.number] = monotonic()
                self.post_message(self.AnalysisProgress(document, event.stage, event.fraction))

    def _child_failed(self, document: Document, failure: Failed) -> None:
        """The engine failed on this article (as it would here), or the child process died
        (then analyse it here)."""
        self._in_child.discard(document)
        if failure.crashed:
            self._analyse_next()
        else:
            self._analysis_failed(document, RuntimeError(failure.message), in_thread=False)

    class AnalysisProgress(Message):
        """Posted from the analysis thread: ``document`` is at ``fraction`` of ``stage``."""

        def __init__(self, document: Document, stage: str, fraction: float) -> None:
            super().__init__()
            self.document, self.stage, self.fraction = document, stage, fraction

    def on_briefing_app_analysis_progress(self, message: AnalysisProgress) -> None:
        self._progress(message.document, message.stage, message.fraction)

    def _progress(self, document: Document, stage: str, fraction: float) -> None:
        if document.analysed or document.failed:
            return  # a late progress message: the analysis has already ended
        document.stage, document.fraction = stage, fraction
        self.reader.document_changed(document)

    def _analysis_done(self, document: Document, article: Article, index: object) -> None:
        """Show the finished analysis once typing pauses: filling the panes with a long
        article's thousands of entities and quotes takes the UI thread ~0.1 s."""
        when_typing_pauses(self, lambda: self._show_analysis(document, article, index))

    def _show_analysis(self, document: Document, article: Article, index: object) -> None:
        document.article = article
        document.index = index  # type: ignore[assignment]
        document.analysed = True
        if document in self._in_child:
            self._in_child.discard(document)
        else:
            self._analysing = None
        self._resume_background_wrap()
        self.reader.document_changed(document)
        # the panes are drawn first: indexing the names meanwhile took half that frame's time
        self.call_after_refresh(self._complete_index, document.index)
        self._analyse_next()

    @work(thread=True, group="index-names", exit_on_error=False)
    def _complete_index(self, index: SearchIndex) -> None:
        """Index the entities and quotes (~0.1 s at 4 MB); a search typed before this ends
        does it itself, or waits for it."""
        index.complete()

    def _resume_background_wrap(self) -> None:
        """Once no analysis runs (in a thread or the child), the text view's wrap goes on."""
        if self._analysing is None and not self._in_child:
            self.reader.text_view.pause_background_wrap(False)

    def _analysis_failed(self, document: Document, error: Exception, *, in_thread: bool = True) -> None:
        document.failed = f"{type(error).__name__}: {error}" if in_thread else str(error)
        if in_thread:
            self._analysing = None
        self._resume_background_wrap()
        self.reader.document_changed(document)
        self.notify(
            visible(one_line(document.failed)), title="Analysis failed",
            severity="error", markup=False, timeout=10,
        )
        self._analyse_next()

    # -- commands the palette and keys share -------------------------------------------------------

    def open_document(self, position: int) -> None:
        """Switch the reader to another of the opened articles."""
        self.reader.show_document(position)
        self._analyse_next()

    def export_path(self, document: Document, fmt: str) -> Path:
        """Where an export goes: ./<article-stem>.briefing.<ext> in the current directory."""
        return Path.cwd() / f"{document.stem}.briefing.{EXPORT_EXTENSIONS[fmt]}"

    def export_briefing(self, fmt: str) -> Path | None:
        """Write the current article's briefing; never over an input file. Returns the path."""
        from tui.core import export

        document = self.reader.document
        if not document.analysed:
            self.notify("The analysis is still running; export when it is done.", severity="warning")
            return None
        path = self.export_path(document, fmt)
        protected = [d.source.source for d in self.documents if d.source.source != "-"]
        try:
            export.write_atomic(str(path), export.render([document.article], fmt), protected=protected)
        except Exception as error:
            self.notify(visible(one_line(str(error))), title="Export failed", severity="error", markup=False)
            return None
        self.notify(visible(one_line(str(path))), title="Briefing written", markup=False)
        return path
