"""Our own gold suites (tests/gold) must not fall below the floors recorded in tests/gold/floors.toml."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from coder.eval.results import EvalResult
from coder.eval.run import evaluate
from coder.pipeline import Coder

GOLD = Path(__file__).resolve().parent / "gold"
SETTINGS = ("gold", "parser")


def _floors() -> dict[str, dict[str, object]]:
    return tomllib.loads((GOLD / "floors.toml").read_text(encoding="utf-8"))["suites"]


@cache
def _result(suite: str) -> EvalResult:
    entry = _floors()[suite]
    return evaluate(GOLD / str(entry["gold"]), Coder(parser=str(entry.get("parser", "lite"))))


def _floor_items() -> list[tuple[str, str, float]]:
    return [(suite, key, float(value)) for suite, entry in _floors().items()
            for key, value in entry.items() if key not in SETTINGS]


def test_eval_gold_floor_every_suite_has_floors() -> None:
    suites = {str(entry["gold"]) for entry in _floors().values()}
    assert suites == {p.name for p in GOLD.glob("*.jsonl")}


@pytest.mark.parametrize(("suite", "key", "floor"), _floor_items(),
                         ids=[f"{s}-{k}" for s, k, _ in _floor_items()])
def test_eval_gold_floor_figure_stays_above_floor(suite: str, key: str, floor: float) -> None:
    result = _result(suite)
    value = result.figure(key)
    assert value is not None, f"{suite}: {key} could not be computed"
    wrong = "\n".join(f"  {c.id}: " + "; ".join(f"{x.name}: expected {x.expected}, produced {x.produced}"
                                               for x in c.failed) for c in result.wrong)
    assert value >= floor, (f"{suite}: {key} fell to {value:.3f}, below its floor {floor:.2f}\n"
                            f"wrong cases:\n{wrong}")
