"""What the reader keeps per opened article: the text as read, the article as analysed so far,
and its search index. Plain data so the screen can swap articles without rebuilding anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

from tui.core.model import Article
from tui.core.structure import split_paragraphs

if TYPE_CHECKING:
    from tui.core.loader import SourceText
    from tui.core.search import SearchIndex


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

    @classmethod
    def open(cls, source: SourceText) -> Document:
        """Split the text into paragraphs at once so the first screen never waits for analysis."""
        paragraphs = tuple(split_paragraphs(source.text))
        title = next((p.text for p in paragraphs if p.kind == "title"), "")
        if not title and paragraphs:
            title = paragraphs[0].text
        article = Article(source=source.source, title=title, paragraphs=paragraphs)
        return cls(source=source, article=article, warnings=tuple(source.warnings))

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
