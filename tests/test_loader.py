"""The loader: every kind of bad input gives one clear line naming the file, or a warning."""

import codecs
import errno
import io
import os

import pytest

from tui.core import loader
from tui.core.loader import MAX_BYTES, InputError, SourceText, load
from tui.core.structure import split_paragraphs

ARTICLE = "A Headline\n\nThe first paragraph, with \u201cquotes\u201d and caf\u00e9.\n\nThe second.\n"


def _file(tmp_path, data: bytes, name: str = "article.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _error(source: str, **kwargs) -> str:
    with pytest.raises(InputError) as caught:
        load(source, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- accepted ---------------------------------------------------------------------------------

def test_plain_utf8_loads_unchanged_without_warnings(tmp_path):
    path = _file(tmp_path, ARTICLE.encode())
    assert load(path) == SourceText(path, ARTICLE, ())


def test_utf8_byte_order_mark_is_dropped_silently(tmp_path):
    path = _file(tmp_path, codecs.BOM_UTF8 + ARTICLE.encode())
    assert load(path) == SourceText(path, ARTICLE, ())


def test_crlf_and_nbsp_give_the_same_paragraphs_as_lf(tmp_path):
    text = ARTICLE.replace("caf\u00e9", "caf\u00e9\u00a0au\u00a0lait")
    crlf = load(_file(tmp_path, text.replace("\n", "\r\n").encode()))
    assert crlf.warnings == ()
    assert split_paragraphs(crlf.text) == split_paragraphs(text)


@pytest.mark.parametrize("codec,bom,label", [
    ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
    ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
    ("utf-32-be", codecs.BOM_UTF32_BE, "UTF-32"),
])
def test_utf16_and_utf32_with_a_byte_order_mark_decode_with_a_warning(tmp_path, codec, bom, label):
    loaded = load(_file(tmp_path, bom + ARTICLE.encode(codec)))
    assert loaded.text == ARTICLE
    assert loaded.warnings == (f"decoded as {label} (byte order mark)",)


def test_invalid_utf8_bytes_are_replaced_one_for_one_with_a_count(tmp_path):
    data = "Andr\u00e9s L\u00f3pez said so.\n".encode("latin-1") + b"More \xff\xfe text.\n"
    loaded = load(_file(tmp_path, data))
    assert loaded.text == "Andr\ufffds L\ufffdpez said so.\nMore \ufffd\ufffd text.\n"
    assert loaded.warnings == ("4 invalid UTF-8 bytes replaced with \ufffd",)


def test_a_genuine_replacement_character_is_not_counted_as_invalid(tmp_path):
    loaded = load(_file(tmp_path, "It said \ufffd here.\n".encode()))
    assert loaded.warnings == ()


def test_a_few_control_characters_load_with_a_warning_and_stay_in_the_text(tmp_path):
    text = "Title\n\nA paragraph \x1b]0;owned\x07 with an escape sequence in it.\n"
    loaded = load(_file(tmp_path, text.encode()))
    assert loaded.text == text
    assert loaded.warnings == ("2 control characters shown as symbols",)


# --- refused ----------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.txt")
    assert _error(path) == f"{path}: no such file"


def test_empty_path():
    assert _error("") == "'': no such file"


def test_broken_symlink(tmp_path):
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert _error(str(link)) == f"{link}: no such file (broken symbolic link)"


def test_symlink_loop(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert _error(str(tmp_path / "a")) == f"{tmp_path / 'a'}: symbolic link loop"


def test_path_through_a_file(tmp_path):
    path = _file(tmp_path, b"text") + "/inner.txt"
    assert _error(path) == f"{path}: no such file (a part of the path is not a directory)"


def test_directory(tmp_path):
    assert _error(str(tmp_path)) == f"{tmp_path}: is a directory"


def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert _error(str(fifo)) == f"{fifo}: not a regular file (a named pipe)"


def test_character_device():
    assert _error(os.devnull) == f"{os.devnull}: not a regular file (a device)"


def test_permission_denied(tmp_path, monkeypatch):
    # Tests run as root, who can read anything: make open() fail the way it does for others.
    path = _file(tmp_path, ARTICLE.encode())

    def refuse(name, flags, *args):
        raise PermissionError(errno.EACCES, "Permission denied", name)

    monkeypatch.setattr(loader.os, "open", refuse)
    assert _error(path) == f"{path}: permission denied"


def test_files_are_opened_read_only(tmp_path, monkeypatch):
    path = _file(tmp_path, ARTICLE.encode())
    before = os.stat(path)
    seen_flags = []
    real_open = os.open

    def spy(name, flags, *args):
        seen_flags.append(flags)
        return real_open(name, flags, *args)

    monkeypatch.setattr(loader.os, "open", spy)
    load(path)
    assert seen_flags and all(f & os.O_ACCMODE == os.O_RDONLY for f in seen_flags)
    after = os.stat(path)
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_empty_file(tmp_path):
    path = _file(tmp_path, b"")
    assert _error(path) == f"{path}: empty file"


@pytest.mark.parametrize("blank", [
    " ", "\n\n\n", " \t \r\n \u00a0\n", "\u200b\u200b\ufeff\u2060", "\ufeff", "\u2028\u2029 ",
])
def test_only_whitespace_or_invisible_characters(tmp_path, blank):
    path = _file(tmp_path, blank.encode())
    assert _error(path) == f"{path}: no text (only whitespace)"


def test_utf8_bom_alone(tmp_path):
    path = _file(tmp_path, codecs.BOM_UTF8)
    assert _error(path) == f"{path}: no text (only whitespace)"


def test_nul_bytes_mean_binary(tmp_path):
    path = _file(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + ARTICLE.encode())
    assert _error(path) == f"{path}: not a text file (contains NUL bytes)"


def test_mostly_control_characters_mean_binary(tmp_path):
    path = _file(tmp_path, bytes(range(1, 32)) * 20 + b"a few words")
    assert _error(path) == f"{path}: not a text file (too many control characters or invalid bytes)"


def test_mostly_invalid_utf8_means_binary(tmp_path):
    path = _file(tmp_path, bytes(range(0x80, 0x100)) * 8 + ARTICLE.encode())
    assert _error(path) == f"{path}: not a text file (too many control characters or invalid bytes)"


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.truncate(50_000_000)
    assert MAX_BYTES == 10_000_000
    assert _error(str(path)) == f"{path}: too large (50 MB; the limit is 10 MB)"


def test_limit_is_a_parameter(tmp_path):
    path = _file(tmp_path, b"0123456789A")
    assert _error(path, max_bytes=10) == f"{path}: too large (11 bytes; the limit is 10 bytes)"


def test_message_makes_control_characters_in_the_path_visible(tmp_path):
    path = str(tmp_path / "evil\x1b]0;owned\x07.txt")
    message = _error(path)
    assert "\x1b" not in message and "\x07" not in message
    assert message.endswith(": no such file")
    assert "\u241b]0;owned\u2407.txt" in message


# --- standard input ---------------------------------------------------------------------------

def test_stdin_reads_the_given_stream():
    loaded = load("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert loaded == SourceText("-", ARTICLE, ())


def test_stdin_empty():
    assert _error("-", stdin=io.BytesIO(b"")) == "standard input: empty"


def test_stdin_closed_stream():
    stream = io.BytesIO(b"text")
    stream.close()
    assert _error("-", stdin=stream).startswith("standard input: cannot read (")


def test_stdin_read_error():
    class Failing(io.RawIOBase):
        def read(self, size=-1):
            raise OSError(errno.EIO, "Input/output error")

    assert _error("-", stdin=Failing()) == "standard input: cannot read (input/output error)"


def test_stdin_missing_altogether(monkeypatch):
    monkeypatch.setattr(loader.sys, "stdin", None)
    assert _error("-") == "standard input: closed"


def test_stdin_over_the_limit():
    message = _error("-", stdin=io.BytesIO(b"x" * 11), max_bytes=10)
    assert message == "standard input: too large (over the limit of 10 bytes)"


def test_a_broken_utf16_file_counts_its_bad_sequences(tmp_path):
    lone_surrogate_then_odd_byte = b"\x00\xd8" + b"x"
    data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + lone_surrogate_then_odd_byte
    loaded = load(_file(tmp_path, data))
    assert loaded.text.startswith(ARTICLE)
    bad = loaded.text.count("\ufffd")
    assert bad >= 1
    plural = "s" if bad > 1 else ""
    assert loaded.warnings == ("decoded as UTF-16 (byte order mark)",
                               f"{bad} invalid UTF-16 sequence{plural} replaced with \ufffd")
