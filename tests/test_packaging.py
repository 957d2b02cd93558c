"""The wheel is complete: built, installed non-editable into a fresh venv, run from elsewhere.

Dependencies are not downloaded again: the new venv sees the running environment's
site-packages through a .pth line, which appends that directory after the venv's own
(so the wheel's copy of ``tui`` wins, and the checkout's editable hook is not processed).
"""

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEP_LIMIT = 300  # seconds; only so that a stuck pip fails instead of hanging the suite


def _run(*command, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True, cwd=cwd,
                            env=env, timeout=STEP_LIMIT)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed (not editable); returns the venv directory."""
    base = tmp_path_factory.mktemp("packaging")
    dist = base / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", dist, ROOT, cwd=base)
    [wheel] = dist.glob("briefing_tui-*.whl")
    venv = base / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=base)
    python = venv / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=base).strip())
    dependencies = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "zz_dependencies.pth").write_text("\n".join(sorted(dependencies)) + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--quiet", wheel, cwd=base)
    return venv


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}


def test_console_script_exports_the_bundled_article_from_another_directory(installed, tmp_path):
    out = _run(installed / "bin" / "briefing-tui", "--export", "json", cwd=tmp_path, env=_clean_env())
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8-sig")
    title = next(line.strip() for line in seed.splitlines() if line.strip())
    assert json.loads(out)["articles"][0]["title"] == title


def test_python_dash_m_works_installed(installed, tmp_path):
    out = _run(installed / "bin" / "python", "-m", "tui", "--version", cwd=tmp_path, env=_clean_env())
    assert out.startswith("briefing-tui ")


def test_package_data_ships_inside_the_wheel(installed, tmp_path):
    probe = ("import json, tui, tui.resources as r; print(json.dumps([tui.__file__, "
             "sorted(p.name for p in r.styles_dir().glob('*.tcss')), "
             "sorted(p.name for p in r.seeds_dir().glob('*.txt')), str(r.default_article())]))")
    where, styles, seeds, default = json.loads(
        _run(installed / "bin" / "python", "-c", probe, cwd=tmp_path, env=_clean_env()))
    package = Path(where).parent
    assert package.is_relative_to(installed), "imported the checkout instead of the wheel"
    assert styles == sorted(p.name for p in (ROOT / "styles").glob("*.tcss")) and styles
    assert seeds == sorted(p.name for p in (ROOT / "seeds").glob("*.txt")) and seeds
    assert all((package / "styles" / name).is_file() for name in styles)
    assert Path(default).parent == package / "seeds"
