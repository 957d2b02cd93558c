"""What the reader keeps per opened article: the text as read, the article as analysed so far,
and its search index. Plain data so the screen can swap articles without rebuilding anything."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from tui.core.model import Article, Paragraph
from tui.core.structure import split_paragraphs

if TYPE_CHECKING:
    from tui.core.loader import SourceText
    from tui.core.search import SearchIndex

# A long text's first paint shows the paragraphs of its first 64 KB (many screenfuls); the rest
# is split in a worker after the paint (a 4 MB text takes 0.3 s to split).
PREVIEW_CHARS = 65_536
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(eq=False, repr=False)
class Document:
    """One opened article. ``article`` starts as paragraphs only and is replaced after analysis."""

    source: SourceText
    article: Article
    analysed: bool = False
    failed: str | None = None
    stage: str = ""
    fraction: float = 0.0
    index: SearchIndex | None = None
    warnings: tuple[str, ...] = field(default=())
    # the whole text's paragraphs once split; None while ``article`` holds only a preview
    _all_paragraphs: tuple[Paragraph, ...] | None = None
    _split_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, source: SourceText) -> Document:
        """Split the text into paragraphs at once so the first screen never waits for analysis;
        a long text only as far as its first screenfuls (see ``all_paragraphs``)."""
        text = source.text
        preview = _preview(text)
        paragraphs = tuple(split_paragraphs(preview))
        article = Article(source=source.source, title=_title(paragraphs), paragraphs=paragraphs)
        document = cls(source=source, article=article, warnings=tuple(source.warnings))
        if preview is text:
            document._all_paragraphs = paragraphs
        return document

    @property
    def complete(self) -> bool:
        """True once ``article`` has every paragraph (not just a long text's preview)."""
        return self.analysed or (
            self._all_paragraphs is not None and self.article.paragraphs is self._all_paragraphs)

    @property
    def last_index_bound(self) -> int | None:
        """While only a preview is split: a paragraph number the last one cannot exceed (one per
        line at most), so the margin is wide enough from the start; None once complete."""
        text = self.source.text
        return None if self.complete else text.count("\n") + text.count("\r")

    def all_paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of the text, split once (in whichever worker asks first)."""
        with self._split_lock:
            if self._all_paragraphs is None:
                self._all_paragraphs = tuple(split_paragraphs(self.source.text))
            return self._all_paragraphs

    def show_all_paragraphs(self) -> None:
        """After ``all_paragraphs``: the article not yet analysed gets every paragraph (UI thread)."""
        paragraphs = self._all_paragraphs
        if paragraphs is not None and not self.analysed and self.article.paragraphs is not paragraphs:
            self.article = replace(self.article, paragraphs=paragraphs, title=_title(paragraphs))
            self.index = None  # one built meanwhile knew only the preview

    def __repr__(self) -> str:
        # short: workers put their arguments' repr in their names, and an Article can be megabytes
        return f"Document({self.source.source!r}, analysed={self.analysed})"

    @property
    def label(self) -> str:
        """The source as a user recognises it: the file name, or 'stdin'."""
        return "stdin" if self.source.source == "-" else PurePath(self.source.source).name

    @property
    def stem(self) -> str:
        """Base name for exports: './<stem>.briefing.json'."""
        if self.source.source == "-":
            return "stdin"
        name = PurePath(self.source.source).name
        stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
        return stem or "article"

    @property
    def all_warnings(self) -> tuple[str, ...]:
        """Loader warnings, then the analyser's, without repeats."""
        seen: dict[str, None] = dict.fromkeys(self.warnings)
        seen.update(dict.fromkeys(self.article.warnings))
        return tuple(seen)


def _preview(text: str) -> str:
    """The text itself, or for a long one its start up to a blank line near PREVIEW_CHARS."""
    if len(text) <= 2 * PREVIEW_CHARS:
        return text
    last = None
    for last in _BLANK_LINE.finditer(text, PREVIEW_CHARS // 2, PREVIEW_CHARS):
        pass
    end = last.start() if last is not None else text.rfind("\n", 0, PREVIEW_CHARS)
    return text[:end if end > 0 else PREVIEW_CHARS]


def _title(paragraphs: tuple[Paragraph, ...]) -> str:
    title = next((p.text for p in paragraphs if p.kind == "title"), "")
    return title or (paragraphs[0].text if paragraphs else "")
