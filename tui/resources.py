"""Where the bundled seed article and stylesheets live, installed (wheel) or from a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    inside = _PACKAGE / name  # a wheel carries them inside the package
    return inside if inside.is_dir() else _PACKAGE.parent / name  # a checkout or editable install


def seeds_dir() -> Path:
    return _resource_dir("seeds")


def styles_dir() -> Path:
    return _resource_dir("styles")


def default_article() -> Path:
    """The bundled article opened when no path is given."""
    return sorted(seeds_dir().glob("*.txt"))[0]
