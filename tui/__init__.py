"""briefing-tui: a terminal reader that shows who is quoted in a news article, what each said, and where."""

__version__ = "0.1.0"
