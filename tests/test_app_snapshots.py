"""Screenshots of the reader at 120x40 and 80x24 on the hand-built article: the main screen, a
search, a speaker filter and the help screen. Regenerate with --snapshot-update after a
deliberate UI change and look at the SVGs before committing them."""

from __future__ import annotations

import pytest
from conftest import make_app, settle

SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


def steps(*keys: str):
    """A run_before that waits for the analysis, presses ``keys`` and waits for their effects."""

    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=steps("slash", *"island"))


@pytest.mark.parametrize("size", SIZES)
def test_speaker_filter(snap_compare, size):
    assert snap_compare(
        make_app(), terminal_size=size, run_before=steps("right_curly_bracket", "right_curly_bracket")
    )


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=steps("question_mark"))
