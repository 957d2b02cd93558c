"""When the reader draws and when it holds back: the user's typing comes first.

A Textual widget asks its screen for a redraw through a message it sends when it next goes idle,
and the screen draws what was asked at the next tick of its 60 Hz frame timer. Measured in the
reader, a search's results reached the terminal 25-40 ms after they were in place: most of a
keystroke's time. For the changes the user is waiting for, ``draw_now`` delivers the requests at
once and the screen draws as soon as it has read them.

Work the user is not waiting for waits until typing pauses, so it never holds up the echo of a
key: a result with thousands of rows that the next key will replace, the rest of a long list, a
long text's finished analysis, the swap from its preview to all its paragraphs, and the worker
building a long text's search index (``wait_while_typing``).
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic, sleep

from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget

TYPING_PAUSE = 0.15  # seconds without a key typed before held-back work goes ahead

_last_typed = 0.0


def draw_now(screen: Screen[object]) -> None:
    """Draw every pending change of ``screen`` as soon as its queued messages are read."""
    if not screen.is_current:
        return
    for widget in screen.walk_children(Widget):
        widget._check_refresh()  # the redraw requests idle would send, sent now
    screen.call_later(screen._on_timer_update)  # after them in the screen's queue: one frame


def typed() -> None:
    """The user typed a key into the search box (now)."""
    global _last_typed
    _last_typed = monotonic()


def typing_pause_left() -> float:
    """Seconds until typing has paused for TYPING_PAUSE (0 if it has)."""
    return max(0.0, _last_typed + TYPING_PAUSE - monotonic())


def wait_while_typing() -> None:
    """In a worker thread: sleep until typing has paused, leaving the core and the interpreter
    to the UI thread echoing the keys."""
    while (wait := typing_pause_left()) > 0:
        sleep(wait)


def when_typing_pauses(pump: MessagePump, callback: Callable[[], object]) -> None:
    """Run ``callback`` now, or (on ``pump``'s timers) once typing has paused."""
    if (wait := typing_pause_left()) > 0:
        pump.set_timer(wait, lambda: when_typing_pauses(pump, callback))
    else:
        callback()
