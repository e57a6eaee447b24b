"""UniversalPetrarch's English validation suite, coded with its imported dictionaries and its UD
parses, stays above the issue's floors (skipped when ../shared is absent).

benchmarks/bench_validation.py prints the same figures per category.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from coder.codebook.compile import load_compiled
from coder.codebook.petrarch import import_petrarch
from coder.engine.coder import EngineSettings, code_sentence
from coder.frontends.conllu import parse_conllu

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold" / "petrarch" / "en_udp_validate_2_02.jsonl"
DICTIONARIES = SHARED / "dictionaries" / "validate_2_02"
EXACT_FLOOR = 0.80
F1_FLOOR = 0.85


@pytest.mark.skipif(not GOLD.is_file() or not DICTIONARIES.is_dir(),
                    reason="no validation suite in ../shared")
def test_petrarch_validation_suite_above_floors(tmp_path: Path) -> None:
    import_petrarch(verbs=DICTIONARIES / "PETR_Validate_verbs_2_02.txt",
                    actors=[DICTIONARIES / "PETR_Validate_actors_2_02.txt"],
                    agents=DICTIONARIES / "PETR_Validate_agents_2_02.txt",
                    discards=DICTIONARIES / "PETR_Validate_discards_2_02.txt", out_dir=tmp_path / "book")
    book = load_compiled(tmp_path / "book", cache_dir=tmp_path / "cache")
    assert book.codebook.require_dyad is True  # PETRARCH's default, written by the importer
    exact = total = tp = fp = fn = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if not case.get("evaluate") or case.get("error"):
            continue
        dyad = (case.get("config") or {}).get("require_dyad")
        settings = EngineSettings(require_dyad=book.codebook.require_dyad if dyad is None
                                  else str(dyad).lower() == "true")
        date = dt.date(int(case["date"][:4]), int(case["date"][4:6]), int(case["date"][6:8]))
        mentions = [m for sentence in parse_conllu(case["parse"], "en")
                    for m in code_sentence(sentence, book, date, settings)]
        got = Counter((m.source.code if m.source else None, m.target.code if m.target else None, m.code)
                      for m in mentions)
        expected = Counter((e["source"], e["target"], e["code"]) for e in case["events"])
        total += 1
        exact += set(got) == set(expected)
        tp += sum((got & expected).values())
        fp += sum((got - expected).values())
        fn += sum((expected - got).values())
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert total == 257
    assert exact / total >= EXACT_FLOOR, f"exact set {exact}/{total}"
    assert f1 >= F1_FLOOR, f"triple F1 {f1:.3f}"
