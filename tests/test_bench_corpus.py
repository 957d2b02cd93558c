"""bench/make_corpus.py: the benchmark's corpus is reproducible, reads as written, and never stale.

The README's figures are only comparable from run to run if the same corpus is measured.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_make_corpus", ROOT / "bench" / "make_corpus.py")
mc = importlib.util.module_from_spec(_spec)
sys.modules["bench_make_corpus"] = mc
_spec.loader.exec_module(mc)


def test_the_same_seed_gives_the_same_corpus_and_another_seed_another() -> None:
    first = mc.make_corpus(20_000)
    assert first == mc.make_corpus(20_000)
    assert first != mc.make_corpus(20_000, seed=mc.DEFAULT_SEED + 1)
    assert len(first.encode("utf-8")) >= 20_000


def test_reported_speech_continues_the_sentence_it_starts() -> None:
    """'X, the mayor, said officials in Y ...': the reported clause is one sentence, lower-cased
    at its first letter only (it was once two different sentences glued at that letter)."""
    text = mc.make_corpus(200_000)
    unquoted = "\n\n".join(p for p in text.split("\n\n") if not set(p) & set("“”\"«»"))
    reported = re.findall(r", said ([a-z])(\w*)", unquoted)
    assert len(reported) > 20
    capitalised = set(re.findall(r"\b[A-Z][a-z]+", text))
    for first, rest in reported:
        assert first.upper() + rest in capitalised  # "said officials": "Officials" starts a sentence


def test_a_stale_corpus_file_is_rewritten(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(mc, "OUT_DIR", tmp_path)
    path = mc.corpus_path("20K")
    assert path.read_text(encoding="utf-8") == mc.make_corpus(20_000)
    path.write_text("an older generator's corpus\n", encoding="utf-8")
    assert mc.corpus_path("20K").read_text(encoding="utf-8") == mc.make_corpus(20_000)
