"""coder.codebook.petrarch on the real PETRARCH dictionaries in ../shared (skipped when absent)."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest

from coder.codebook.petrarch import ImportReport, import_petrarch

_NAMES = re.compile(r"block \S+|'[^']*'|\[[^\]]*\]|&\w+|\d[\d.-]*\S*|\b[A-Z0-9_]{3,}\b")
DICTIONARIES = Path(__file__).resolve().parents[2] / "shared" / "dictionaries"


def kinds(report: ImportReport) -> Counter[str]:
    """Warnings grouped by their reason with names, codes and numbers blanked out."""
    counter: Counter[str] = Counter()
    for warning in report.warnings:
        reason = warning.split(": ", 1)[1]
        counter[_NAMES.sub("_", reason)[:90]] += 1
    return counter


def show(name: str, report: ImportReport, seconds: float) -> None:
    print(f"\n{name}: {seconds:.2f}s\n  read     {dict(sorted(report.counts.items()))}"
          f"\n  rejected {dict(sorted(report.rejected.items()))}")
    for reason, count in kinds(report).most_common(25):
        print(f"  {count:6d}  {reason}")


def timed(**kwargs: object) -> tuple[ImportReport, float]:
    start = time.perf_counter()
    report = import_petrarch(**kwargs)  # type: ignore[arg-type]
    return report, time.perf_counter() - start


@pytest.mark.skipif(not (DICTIONARIES / "validate_2_02").is_dir(), reason="no validation dictionaries")
def test_petrarch_imports_the_validation_dictionaries(tmp_path: Path) -> None:
    folder = DICTIONARIES / "validate_2_02"
    report, seconds = timed(verbs=folder / "PETR_Validate_verbs_2_02.txt",
                            actors=[folder / "PETR_Validate_actors_2_02.txt"],
                            agents=folder / "PETR_Validate_agents_2_02.txt",
                            discards=folder / "PETR_Validate_discards_2_02.txt", out_dir=tmp_path)
    show("validate_2_02", report, seconds)
    assert report.counts == {"synsets": 31, "verb_blocks": 69, "verbs": 128, "patterns": 358,
                             "actors": 133, "actor_codes": 143, "agents": 88, "discards": 9}
    assert report.rejected == {"patterns": 7, "verbs": 1}
    verbs = (tmp_path / "verbs.txt").read_text(encoding="utf-8")
    actors = (tmp_path / "actors.txt").read_text(encoding="utf-8")
    # the constructions the validation suite exercises
    assert "verb HOLD:--- ---" in verbs  # a verb with its own code in another block
    assert "  pattern  080 en  * budget ; negate" in verbs  # [---] pattern
    assert "  code     HOBGOV       1995-06-01..1999-08-15" in actors
    assert "  code     HOBMIL       2008-01-20..2012-11-08" in actors  # cut back before HOBGOV
    assert "  code     ORCHOB       2010-01-09..2010-01-12" in actors
    assert "  en       united nations | u.n. | secretary general | security council | un" in actors


@pytest.mark.skipif(not (DICTIONARIES / "petrarch2").is_dir(), reason="no PETRARCH-2 dictionaries")
def test_petrarch_imports_the_phoenix_dictionaries_in_seconds(tmp_path: Path) -> None:
    folder = DICTIONARIES / "petrarch2"
    report, seconds = timed(verbs=folder / "CAMEO.2.0.txt",
                            actors=sorted(folder.glob("Phoenix.*.actors.txt")),
                            agents=folder / "Phoenix.agents.txt",
                            discards=folder / "Phoenix.discards.txt", out_dir=tmp_path)
    show("petrarch2", report, seconds)
    assert seconds < 10
    assert report.counts["actors"] > 25_000
    assert report.rejected.get("actors", 0) < 0.01 * report.counts["actors"]
    assert report.counts["patterns"] > 4_000
    assert report.rejected.get("patterns", 0) < 0.05 * report.counts["patterns"]
    assert report.counts["verbs"] > 1_500
    assert report.rejected.get("verbs", 0) == 0
    assert report.counts["agents"] > 2_000
    assert report.counts["discards"] > 400
    assert (tmp_path / "actors.txt").stat().st_size > 1_000_000


@pytest.mark.skipif(not (DICTIONARIES / "arabic_udpetr").is_dir(), reason="no Arabic dictionaries")
def test_petrarch_imports_the_arabic_dictionaries(tmp_path: Path) -> None:
    folder = DICTIONARIES / "arabic_udpetr"
    report, seconds = timed(verbs=folder / "CAMEO.ar.0.5.txt", actors=[folder / "actor_dict_ar_v4.txt"],
                            agents=folder / "agents.all.ar_v3.txt", discards=None, out_dir=tmp_path,
                            language="ar")
    show("arabic_udpetr", report, seconds)
    assert report.counts["actors"] > 5_000
    assert report.rejected.get("actors", 0) < 0.02 * report.counts["actors"]
    assert report.counts["patterns"] > 2_000
    assert "  ar       " in (tmp_path / "verbs.txt").read_text(encoding="utf-8")
