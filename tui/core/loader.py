"""Reading article files and standard input into text, with one-line errors for bad input.

Every check happens here, before any screen opens: a file that cannot be read as an article
raises ``InputError`` whose message names the file and the problem on one line. Files with a
reasonable reading (UTF-16 with a byte order mark, a few invalid UTF-8 bytes, stray control
characters) load with a warning in ``SourceText.warnings`` that the app and the export show.
Files are opened read-only and never written. The full table is in the README ("Input handling").
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import BinaryIO

from tui.core.safe_text import count_suspicious, visible

STDIN = "-"
MAX_BYTES = 10_000_000
"""Largest article accepted: news articles are kilobytes; 10 MB is ~1,500 pages of text."""

BINARY_SHARE = 0.10
"""Refuse as binary when more than this share of characters are controls or invalid bytes ..."""
BINARY_MIN_COUNT = 16
"""... and there are more than this many of them (a short text with one escape sequence is text),
or in any case when they are more than ``BINARY_SHARE_ALWAYS`` of the characters."""
BINARY_SHARE_ALWAYS = 0.30

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE: it starts with FF FE too
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of one invalid byte
_VISIBLE_CHAR = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


@dataclass(frozen=True, slots=True)
class SourceText:
    """An article's text as read, before analysis. ``source`` is the path as given, or '-'."""

    source: str
    text: str
    warnings: tuple[str, ...] = ()


class InputError(Exception):
    """A file that cannot be read as an article; str(error) is the one-line message for stderr."""


def display_name(source: str) -> str:
    """How messages name a source: 'standard input' for '-', else the path made printable."""
    return "standard input" if source == STDIN else visible(source, newlines=False)


def load(source: str, *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read ``source`` (a path, or '-' for ``stdin``/standard input) as article text.

    Raises ``InputError`` for anything that is not a readable, non-empty text file.
    """
    name = display_name(source)
    if source == STDIN:
        data = _read_stdin(name, stdin, max_bytes)
    else:
        data = _read_file(source, name, max_bytes)
    text, warnings = decode(data, name, empty="empty" if source == STDIN else "empty file")
    return SourceText(source, text, warnings)


def decode(data: bytes, name: str, *, empty: str = "empty file") -> tuple[str, tuple[str, ...]]:
    """Bytes -> text and warnings, or ``InputError`` when the bytes are not article text."""
    if not data:
        raise InputError(f"{name}: {empty}")
    warnings: list[str] = []
    text, invalid, unit = _decode_bytes(data, name, warnings)
    suspicious = count_suspicious(text)
    if _looks_binary(suspicious + invalid, len(text)):
        raise InputError(f"{name}: not a text file (too many control characters or invalid bytes)")
    if invalid:
        warnings.append(f"{_plural(invalid, unit)} replaced with \ufffd")
    if suspicious:
        warnings.append(f"{_plural(suspicious, 'control character')} shown as symbols")
    if _VISIBLE_CHAR.search(text) is None:
        raise InputError(f"{name}: no text (only whitespace)")
    return text, tuple(warnings)


def _looks_binary(bad: int, length: int) -> bool:
    share = bad / max(length, 1)
    return share > BINARY_SHARE_ALWAYS or (bad > BINARY_MIN_COUNT and share > BINARY_SHARE)


def _decode_bytes(data: bytes, name: str, warnings: list[str]) -> tuple[str, int, str]:
    """Decode by byte order mark, else as UTF-8.

    Returns the text, how many bad bytes (UTF-8) or sequences (UTF-16/32) were replaced, and
    what to call them in the warning.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            warnings.append(f"decoded as {label} (byte order mark)")
            body = data[len(bom):]
            text = body.decode(codec, errors="replace")
            bad = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
            return text, bad, f"invalid {label} sequence"
    if b"\x00" in data:
        raise InputError(f"{name}: not a text file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), 0, "invalid UTF-8 byte"  # valid: no 4 MB scan for bad bytes
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")  # one lone surrogate per bad byte
    invalid = sum(1 for _ in _ESCAPED_BYTE.finditer(text))
    if invalid:
        text = _ESCAPED_BYTE.sub("\ufffd", text)
    return text, invalid, "invalid UTF-8 byte"


def _read_file(path: str, name: str, max_bytes: int) -> bytes:
    """Open read-only without blocking (a FIFO must not hang us), then refuse non-regular files."""
    if path == "":
        raise InputError("'': no such file")
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise InputError(f"{name}: {_describe(error, path)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file ({_file_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise InputError(f"{name}: too large ({_size(info.st_size)}; the limit is "
                             f"{_size(max_bytes)})")
        data = _read_up_to(fd, max_bytes + 1, name)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew after fstat
        raise InputError(f"{name}: too large (over the limit of {_size(max_bytes)})")
    return data


def _read_stdin(name: str, stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin if stdin is not None else _stdin_buffer()
    if stream is None:
        raise InputError(f"{name}: closed")
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, ValueError) as error:  # ValueError: the stream object was closed
        raise InputError(f"{name}: cannot read ({_reason(error)})") from None
    if data is None:  # a non-blocking stream with nothing in it
        raise InputError(f"{name}: empty")
    if len(data) > max_bytes:
        raise InputError(f"{name}: too large (over the limit of {_size(max_bytes)})")
    return data


def _stdin_buffer() -> BinaryIO | None:
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        return None
    try:
        os.fstat(stream.fileno())
    except (OSError, ValueError):
        return None
    return stream.buffer


def _read_up_to(fd: int, limit: int, name: str) -> bytes:
    chunks: list[bytes] = []
    remaining = limit
    try:
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise InputError(f"{name}: cannot read ({_reason(error)})") from None
    return b"".join(chunks)


def _describe(error: OSError, path: str) -> str:
    """One-line wording for an open() failure."""
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return "no such file (broken symbolic link)"
        return "no such file"
    if error.errno == errno.EACCES or error.errno == errno.EPERM:
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOTDIR:
        return "no such file (a part of the path is not a directory)"
    if error.errno == errno.ENAMETOOLONG:
        return "file name too long"
    if error.errno == errno.EISDIR:
        return "is a directory"
    if error.errno in (errno.ENXIO, errno.ENODEV):
        return "not a regular file (device)"
    return f"cannot open ({_reason(error)})"


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return visible(str(error), newlines=False) or type(error).__name__


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _size(size: int) -> str:
    if size < 1_000_000:
        return _plural(size, "byte")
    return f"{size / 1_000_000:.1f} MB".replace(".0 MB", " MB")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
