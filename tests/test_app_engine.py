"""The reader on the real engine, checking only what the spec guarantees: a plainly attributed
quote shows up with its speaker, and choosing that speaker links the panes."""

from __future__ import annotations

from conftest import settle

from tui.app.app import BriefingApp
from tui.core.loader import SourceText

LIBRARY = (
    "Town Library Extends Opening Hours\n\n"
    "The Riverside town library will open on Sundays from next month, its director announced on Friday.\n\n"
    "“People asked for it again and again, and we listened,” said Priya Nandakumar, the library’s director.\n\n"
    "Local residents welcomed the change. “Finally I can bring my kids on the weekend,” said Jonas Feld, a nurse.\n"
)


async def test_plainly_attributed_quotes_appear_with_their_speakers():
    app = BriefingApp([SourceText("library.txt", LIBRARY)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        said = {quote.speaker: quote.text for quote in reader.quote_list.quotes}
        assert said.get("Priya Nandakumar", "").startswith("People asked for it again and again")
        assert said.get("Jonas Feld", "").startswith("Finally I can bring my kids")
        people = {e.name for e in reader.document.article.people}
        assert {"Priya Nandakumar", "Jonas Feld"} <= people
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert [q.speaker for q in reader.quote_list.quotes] == ["Priya Nandakumar"]


async def test_the_seed_opens_and_paints_its_text():
    from tui.core.loader import load
    from tui.resources import default_article

    app = BriefingApp([load(str(default_article()))])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.reader.text_view.visible_paragraphs[:3] == [0, 1, 2]
        await settle(app, pilot)
        assert app.reader.document.analysed, app.reader.document.failed
        await pilot.press("slash", *"fentanyl")
        await settle(app, pilot)
        assert app.reader.search_result is not None
        assert 0 < len(app.reader.text_view.visible_paragraphs) < len(app.reader.document.article.paragraphs)
