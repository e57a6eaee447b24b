"""coder eval on the reference suites of ../shared/gold (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.codebook.petrarch import import_petrarch
from coder.codebook.taxonomy import load_taxonomy
from coder.eval.gold import read_gold
from coder.eval.report import render_html
from coder.eval.run import evaluate
from coder.pipeline import Coder

SUITES = [
    ("petrarch/en_udp_validate_2_02.jsonl", "petrarch", 274, "exact_set_rate"),
    ("arabic/ar_gsr_protest_assault_dev.jsonl", "gsr", 336, "type_accuracy"),
    ("plover/plover_gsr_cameo_examples.jsonl", "plover", 322, "type_accuracy"),
    ("acled/acled_2020-04-27_2020-05-09_dev.csv", "acled", 3570, "event_type_accuracy"),
    ("seed/libya_lna_abu_qurain_ar.gold.json", "seed", 1, "required_rate"),
]


@pytest.mark.parametrize(("name", "fmt", "n_cases", "key"), SUITES, ids=[s[1] for s in SUITES])
def test_eval_shared_suites_are_read_and_scored(shared: Path, name, fmt, n_cases, key):
    path = shared / "gold" / name
    if not path.is_file():
        pytest.skip(f"{name} is absent")
    suite = read_gold(path)
    assert (suite.format, len(suite.cases)) == (fmt, n_cases)
    result = evaluate(path, Coder(), limit=40)
    assert result.n_cases + result.n_skipped == min(40, n_cases)
    assert result.figure(key) is not None
    assert "<h1>coder eval:" in render_html(result)


def test_eval_shared_petrarch_suite_with_its_dictionaries_and_parses(shared: Path, tmp_path: Path):
    folder = shared / "dictionaries" / "validate_2_02"
    gold = shared / "gold" / "petrarch" / "en_udp_validate_2_02.jsonl"
    if not folder.is_dir() or not gold.is_file():
        pytest.skip("validation dictionaries or suite absent")
    import_petrarch(verbs=folder / "PETR_Validate_verbs_2_02.txt",
                    actors=[folder / "PETR_Validate_actors_2_02.txt"],
                    agents=folder / "PETR_Validate_agents_2_02.txt",
                    discards=folder / "PETR_Validate_discards_2_02.txt", out_dir=tmp_path,
                    is_cameo_code=load_taxonomy().is_cameo)
    result = evaluate(gold, Coder(codebook_path=tmp_path, parser="conllu"), limit=10)
    assert result.cases[0].id == "DEMO-01" and result.cases[0].ok  # "Arnor is about to restore ... ties"
    assert result.figure("exact_set_rate") > 0
