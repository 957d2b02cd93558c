"""Analyse articles in a forked child process while the reader starts.

Python runs one thread at a time: an analysis in a thread of the reader shares the interpreter
with the screen, so each slows the other (a 4 MB article took twice as long in the app as on
its own, and typing stuttered meanwhile). A child forked *before* Textual starts any thread
runs on the other core: the engine's import and the analysis overlap the reader's start-up, and
the screen never waits for them.

The child sends framed pickles up a pipe: progress, then per article its entities and quotes in
small chunks, so the reader can unpickle them between frames. They travel as tuples of plain
values (``_encode``), not as the model's dataclasses: pickle handles those through Python-level
``__getstate__``/``__setstate__`` per object, and a 4 MB article's 5,469 entities and 35,604
mention spans took 0.23 s to pickle and 0.2 s to unpickle that way, against 0.03 s and 0.07 s
as tuples. Paragraphs are not sent: the reader splits the same text itself.
Where ``os.fork`` is missing or fails, ``start`` returns None and the caller analyses in a thread.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import struct
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, starmap

from tui.core.gc_pause import paused_gc
from tui.core.model import Entity, Quote, Span

CHUNK = 400  # entities or quotes per message: ~20 ms to unpickle the biggest
_HEADER = struct.Struct("!I")


@dataclass(frozen=True, slots=True)
class Progress:
    """Article ``number`` is at ``fraction`` of ``stage``."""

    number: int
    stage: str
    fraction: float


@dataclass(frozen=True, slots=True)
class Finished:
    """Article ``number``'s analysis, without its paragraphs (the reader has them)."""

    number: int
    title: str
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Failed:
    """Article ``number`` could not be analysed (``message`` says why), or with ``crashed`` the
    child died before it got to it (the article itself may be fine: analyse it elsewhere)."""

    number: int
    message: str
    crashed: bool = False


Event = Progress | Finished | Failed


class ForkedAnalysis:
    """One child process analysing the given texts in order; read its events from one thread."""

    def __init__(self, pid: int, read_fd: int, count: int) -> None:
        self.pid = pid
        self.count = count
        self._reader = os.fdopen(read_fd, "rb")
        self._stopped = False

    @classmethod
    def start(cls, texts: Sequence[tuple[str, str]]) -> ForkedAnalysis | None:
        """Fork a child analysing each ``(text, source)``; None if this platform cannot fork.

        Call it before any thread is started (forking a threaded process can deadlock the child).
        """
        if not texts or not hasattr(os, "fork"):
            return None
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        if pid == 0:  # the child: never returns
            os.close(read_fd)
            _child_main(texts, write_fd)
        os.close(write_fd)
        return cls(pid, read_fd, len(texts))

    def events(self) -> Iterator[Event]:
        """Every event in order, blocking between them; ends when the child is done or gone.
        Articles the child never finished come last as ``Failed`` (unless ``stop`` was called)."""
        finished: set[int] = set()
        while (message := self._read_message()) is not None:
            kind = message[0]
            if kind == "progress":
                yield Progress(*message[1:])
            elif kind == "failed":
                finished.add(message[1])
                yield Failed(*message[1:])
            elif kind == "article":
                number, title, warnings, entity_chunks, quote_chunks = message[1:]
                entities = self._collect(entity_chunks, _decode_entity)
                quotes = self._collect(quote_chunks, _decode_quote)
                if entities is None or quotes is None:
                    break
                finished.add(number)
                yield Finished(number, title, entities, quotes, warnings)
        stopped = self._stopped
        self.stop()
        if not stopped:
            for number in range(self.count):
                if number not in finished:
                    yield Failed(number, "the analysis process ended unexpectedly", crashed=True)

    def stop(self) -> None:
        """End the child if it still runs, close the pipe and reap it; safe from any thread,
        and twice. A thread blocked in ``events`` then sees the end of the pipe and returns."""
        if self._stopped:
            return
        self._stopped = True
        try:
            os.kill(self.pid, signal.SIGTERM)  # first: a blocked read then ends
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        try:
            self._reader.close()
        except (OSError, ValueError):
            pass

    def _collect(self, chunks: int, decode: Callable[[tuple], object]) -> tuple | None:
        """One article's entities or quotes, chunk by chunk. They live as long as the reader:
        the collector stays off while they arrive and never walks them afterwards."""
        items: list[object] = []
        with paused_gc(freeze=True):
            for _ in range(chunks):
                message = self._read_message()
                if message is None or message[0] != "chunk":
                    return None
                try:
                    items.extend(map(decode, message[1]))
                except (TypeError, ValueError, IndexError):
                    return None  # a broken message: as if the child had died
        return tuple(items)

    def _read_message(self) -> tuple | None:
        """One framed pickle, or None at the end of the pipe (or a broken frame)."""
        try:
            header = self._reader.read(_HEADER.size)
            if len(header) < _HEADER.size:
                return None
            (size,) = _HEADER.unpack(header)
            body = self._reader.read(size)
        except (OSError, ValueError):
            return None
        if len(body) < size:
            return None
        try:
            message = pickle.loads(body)
        except Exception:
            return None
        return message if isinstance(message, tuple) and message else None


def _child_main(texts: Sequence[tuple[str, str]], write_fd: int) -> None:
    """Analyse every text, writing events to ``write_fd``; ends the process, never returns.

    Ctrl-C is the reader's to handle (it reaches the whole process group); the child ends when
    the reader ends it or stops listening (a write to a closed pipe fails)."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # a short-lived process building acyclic data: the cyclic collector only costs time here
        gc.disable()
        _run_child(texts, _Writer(write_fd))
    except BaseException:  # noqa: BLE001 - the reader learns of it from the missing result
        status = 1
    finally:
        os._exit(status)


class _Writer:
    def __init__(self, fd: int) -> None:
        self._fd = fd

    def send(self, message: tuple) -> None:
        body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        data = memoryview(_HEADER.pack(len(body)) + body)
        while data:
            written = os.write(self._fd, data)
            data = data[written:]


def _run_child(texts: Sequence[tuple[str, str]], writer: _Writer) -> None:
    from tui.core.analyse import analyse

    for number, (text, source) in enumerate(texts):
        progress: Callable[[str, float], None] = (
            lambda stage, fraction, number=number: writer.send(("progress", number, stage, fraction)))
        try:
            article = analyse(text, source, _throttled(progress))
        except Exception as error:  # one article failing does not stop the others
            writer.send(("failed", number, f"{type(error).__name__}: {error}"))
            continue
        entity_chunks = _chunks(tuple(map(_encode_entity, article.entities)))
        quote_chunks = _chunks(tuple(map(_encode_quote, article.quotes)))
        writer.send(("article", number, article.title, article.warnings,
                     len(entity_chunks), len(quote_chunks)))
        for chunk in (*entity_chunks, *quote_chunks):
            writer.send(("chunk", chunk))


def _flat(spans: tuple[Span, ...]) -> tuple[int, ...]:
    return tuple(chain.from_iterable((s.paragraph, s.start, s.end) for s in spans))


def _spans(flat: tuple[int, ...]) -> tuple[Span, ...]:
    numbers = iter(flat)
    return tuple(starmap(Span, zip(numbers, numbers, numbers)))


def _encode_entity(e: Entity) -> tuple:
    return (e.id, e.kind, e.name, e.aliases, e.role, _flat(e.mentions), e.credit)


def _decode_entity(t: tuple) -> Entity:
    return Entity(t[0], t[1], t[2], t[3], t[4], _spans(t[5]), t[6])


def _encode_quote(q: Quote) -> tuple:
    return (q.id, q.text, q.speaker_id, q.speaker, q.cue, _flat(q.spans))


def _decode_quote(t: tuple) -> Quote:
    return Quote(t[0], t[1], t[2], t[3], t[4], _spans(t[5]))


def _chunks(items: tuple) -> list[tuple]:
    return [items[start:start + CHUNK] for start in range(0, len(items), CHUNK)]


def _throttled(progress: Callable[[str, float], None]) -> Callable[[str, float], None]:
    """At most one progress message per 1% (the engine may report far more often)."""
    last = [-1.0]

    def report(stage: str, fraction: float) -> None:
        if fraction >= 1.0 or fraction - last[0] >= 0.01:
            last[0] = fraction
            progress(stage, fraction)

    return report
