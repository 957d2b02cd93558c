"""Command line: open the reader, or print the analysis with --export (no Textual import then).

STUB: to be filled in by the CLI/export work.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from tui.core.analyse import analyse
    from tui.resources import default_article

    path = default_article()
    article = analyse(path.read_text(encoding="utf-8"), str(path))
    print(article.title)
    return 0


if __name__ == "__main__":
    sys.exit(main())
