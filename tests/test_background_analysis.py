"""Starting fast: a long text paints from its first screenfuls and is split in full after the
paint; the analysis can run in a forked child process (the command line starts one before
Textual starts any thread), and the reader takes its results, its failures, or its death."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from conftest import build_fixture_article, fixture_analyser, fixture_source, make_app, settle, wait_for
from textual.app import App, ComposeResult

from tui.app.documents import PREVIEW_CHARS, Document
from tui.app.header import ArticleHeader
from tui.app.text_view import ArticleView
from tui.core.forked_analysis import Failed, Finished, Progress
from tui.core.loader import SourceText
from tui.core.model import Paragraph
from tui.core.structure import split_paragraphs
from tui.resources import styles_dir

ROOT = Path(__file__).resolve().parent.parent


def long_text(paragraphs: int = 3000) -> str:
    body = (
        "“The bridge has to be rebuilt before winter,” said Mara Lind, the county engineer, "
        "who has inspected it every spring since {n}."
    )
    return "Bridge Repairs Begin\n\n" + "\n\n".join(body.format(n=n) for n in range(paragraphs)) + "\n"


# -- the preview --------------------------------------------------------------------------------


def test_a_long_text_opens_with_its_first_paragraphs_then_all_of_them() -> None:
    text = long_text()
    assert len(text) > 2 * PREVIEW_CHARS
    document = Document.open(SourceText("long.txt", text))
    preview = document.article.paragraphs
    assert not document.complete
    assert 100 < len(preview) < 3001
    assert document.article.title == "Bridge Repairs Begin"
    everything = document.all_paragraphs()
    assert everything == tuple(split_paragraphs(text))
    assert everything[: len(preview)] == preview  # cut at a paragraph break: nothing changes
    document.show_all_paragraphs()
    assert document.complete and document.article.paragraphs is everything


def test_a_short_text_opens_complete() -> None:
    document = Document.open(fixture_source())
    assert document.complete
    assert document.all_paragraphs() is document.article.paragraphs


def title_column(app: App) -> int | None:
    """Where the text pane's first line, "0 Bridge Repairs Begin", starts on screen."""
    for strip in app.screen._compositor.render_strips():
        if (found := strip.text.find("0 Bridge Repairs Begin")) > 0 and strip.text[found - 1] == " ":
            return found
    return None


class Host(App[None]):
    CSS_PATH = str(styles_dir() / "text_view.tcss")

    def compose(self) -> ComposeResult:
        yield ArticleView()


async def test_the_rest_of_the_text_arriving_keeps_the_paragraph_on_top() -> None:
    paragraphs = tuple(Paragraph(i, "body", f"Paragraph {i} of a long text that goes on.") for i in range(400))
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.load(paragraphs[:100])
        await pilot.pause()
        for _ in range(30):
            await pilot.press("j")
        await pilot.pause()
        top = view.top_paragraph
        assert top > 5
        view.extend(paragraphs)
        await pilot.pause()
        assert view.top_paragraph == top
        await pilot.press("G")
        await pilot.pause()
        assert view.visible_paragraphs[-1] == 399


async def test_the_reader_shows_a_preview_then_the_whole_text_in_place() -> None:
    text = long_text()
    gate = threading.Event()
    split_everything = Document.all_paragraphs

    def slow_split(document: Document):
        gate.wait(10)
        return split_everything(document)

    def slow_analyser(text: str, source: str, progress=None):
        gate.wait(10)
        return fixture_analyser(text, source, progress)

    app = make_app(SourceText("long.txt", text), analyser=slow_analyser)
    Document.all_paragraphs = slow_split  # type: ignore[method-assign]
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            reader = app.reader
            await pilot.pause()
            preview = len(reader.text_view.paragraphs)
            assert preview < 3001
            # the margin has room for the last paragraph's number from the start: no shift later
            column = title_column(app)
            assert column is not None
            assert f"{preview:,}+ paragraphs" in reader.query_one(ArticleHeader).counts_part.plain
            reader.set_focus(reader.text_view)
            for _ in range(12):
                await pilot.press("j")
            top = reader.text_view.top_paragraph
            gate.set()
            await wait_for(pilot, lambda: len(reader.text_view.paragraphs) == 3001, "the whole text")
            await settle(app, pilot)
            assert reader.text_view.top_paragraph == top
            assert "3,001 paragraphs"  # thousands separated, as people read them in reader.query_one(ArticleHeader).counts_part.plain
            await pilot.press("G")
            await pilot.pause()
            assert reader.text_view.visible_paragraphs[-1] == 3000
            await pilot.press("g")
            await pilot.pause()
            assert title_column(app) == column
    finally:
        Document.all_paragraphs = split_everything  # type: ignore[method-assign]


# -- the reader with a child process's results -----------------------------------------------------


class FakeChild:
    """Stands in for ForkedAnalysis: replays events, records stop()."""

    def __init__(self, events: list[object]) -> None:
        self._events = events
        self.stopped = False

    def events(self) -> Iterator[object]:
        yield from self._events

    def stop(self) -> None:
        self.stopped = True


def refusing_analyser(text: str, source: str, progress=None):
    raise AssertionError("the child's article is analysed in the reader too")


async def test_the_childs_article_fills_the_panes() -> None:
    article = build_fixture_article()
    child = FakeChild([
        Progress(0, "entities", 0.5),
        Finished(0, article.title, article.entities, article.quotes, ()),
    ])
    app = make_app(analyser=refusing_analyser, forked=child)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.document.analysed, "the analysis")
        await settle(app, pilot)
        reader = app.reader
        assert [q.id for q in reader.quote_list.quotes] == [q.id for q in article.quotes]
        assert set(reader.entity_list.entity_ids) == {e.id for e in article.entities}
        assert "4 people · 8 quotes · 11 paragraphs" in reader.query_one(ArticleHeader).counts_part.plain
        assert reader.document.index is not None
        assert reader.document.index.search("okafor").entities
    assert child.stopped


async def test_the_child_dying_hands_the_article_to_a_thread() -> None:
    child = FakeChild([Failed(0, "the analysis process ended unexpectedly", crashed=True)])
    app = make_app(forked=child)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.document.analysed, "the analysis")
        await settle(app, pilot)
        assert len(app.reader.quote_list.quotes) == 8
        assert app.reader.document.failed is None


async def test_a_broken_message_from_the_child_hands_the_article_to_a_thread() -> None:
    child = FakeChild([Finished(0, "Title", ("not an entity",), (), ())])  # type: ignore[arg-type]
    app = make_app(forked=child)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.document.analysed, "the analysis")
        await settle(app, pilot)
        assert len(app.reader.quote_list.quotes) == 8


async def test_the_engine_failing_in_the_child_says_why() -> None:
    child = FakeChild([Failed(0, "ValueError: no paragraphs")])
    app = make_app(analyser=refusing_analyser, forked=child)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.reader.document.failed, "the failure")
        await settle(app, pilot)
        assert "no paragraphs" in app.reader.query_one(ArticleHeader).counts_part.plain
        assert app.reader.text_view.visible_paragraphs[:3] == [0, 1, 2]


# -- the real child process ----------------------------------------------------------------------
# Run in a fresh interpreter: forking pytest's process (it may have threads) is not safe.

CHILD_SCRIPT = r"""
import json, os, sys, time
from tui.core.analyse import analyse
from tui.core.forked_analysis import ForkedAnalysis, Finished, Failed, Progress

texts = json.loads(sys.stdin.read())
report = {}
child = ForkedAnalysis.start([(t, f"a{n}.txt") for n, t in enumerate(texts)])
events = list(child.events())
report["kinds"] = [type(e).__name__ for e in events]
report["same"] = []
for event in events:
    if isinstance(event, Finished):
        mine = analyse(texts[event.number], f"a{event.number}.txt")
        report["same"].append([event.number, mine.entities == event.entities,
                               mine.quotes == event.quotes, mine.title == event.title,
                               len(mine.quotes)])
report["progress_in_order"] = all(
    a.fraction <= b.fraction for a, b in zip(events, events[1:])
    if isinstance(a, Progress) and isinstance(b, Progress) and a.number == b.number)
try:
    os.kill(child.pid, 0)
    report["child_gone"] = False
except ProcessLookupError:
    report["child_gone"] = True

# stopping a child in the middle of a long analysis: it ends, and no failure is reported
child = ForkedAnalysis.start([(texts[1] * 40, "long.txt")])
started = time.perf_counter()
child.stop()
report["stopped_events"] = [type(e).__name__ for e in child.events()]
try:
    os.kill(child.pid, 0)
    report["stopped_gone"] = False
except ProcessLookupError:
    report["stopped_gone"] = True
report["stop_seconds"] = time.perf_counter() - started
print(json.dumps(report))
"""


def test_a_forked_child_analyses_exactly_as_the_engine_does_and_ends() -> None:
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    texts = [seed, long_text(300)]
    done = subprocess.run(
        [sys.executable, "-c", CHILD_SCRIPT], input=json.dumps(texts), capture_output=True,
        text=True, timeout=120, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["kinds"].count("Finished") == 2 and "Failed" not in report["kinds"]
    assert "Progress" in report["kinds"]
    assert report["progress_in_order"]
    assert [row[:4] for row in report["same"]] == [[0, True, True, True], [1, True, True, True]]
    assert report["same"][0][4] >= 10 and report["same"][1][4] == 300
    assert report["child_gone"]
    assert report["stopped_events"] == []
    assert report["stopped_gone"]


def test_the_reader_process_runs_full_collections_rarely() -> None:
    import gc

    from tui.core.gc_pause import FULL_COLLECTION_EVERY, spare_full_collections

    before = gc.get_threshold()
    try:
        spare_full_collections()
        assert gc.get_threshold() == (before[0], before[1], FULL_COLLECTION_EVERY)
    finally:
        gc.set_threshold(*before)
