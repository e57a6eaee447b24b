"""coder.eval.metrics on hand-made triples and labels."""

from __future__ import annotations

import pytest

from coder.eval.gold import ActorSpec, Triple
from coder.eval.metrics import (
    PRF,
    Ratio,
    Snapshot,
    actor_agrees,
    classify_change,
    confusion,
    diff_snapshots,
    exact_set,
    first_substantive,
    in_order,
    mean_absolute_error,
    pair_roots,
    ratio,
    roots,
    total_prf,
    triple_prf,
)

A = Triple("LBYMIL", "LBYGOV", "193")
B = Triple("TURMIL", None, "195")
C = Triple("LBYMIL", "LBYGOV", "190")


@pytest.mark.parametrize(("expected", "produced", "same"), [
    ([A], [A], True),
    ([A], [A, A], True),  # a repeat does not break the set
    ([A, B], [B, A], True),
    ([A], [], False),
    ([], [], True),
    ([], [B], False),
    ([A], [C], False),
])
def test_eval_metrics_exact_set(expected, produced, same):
    assert exact_set(expected, produced) is same


@pytest.mark.parametrize(("expected", "produced", "counts"), [
    ([A], [A], (1, 0, 0)),
    ([A], [A, A], (1, 1, 0)),  # duplicates: one hit, one false positive
    ([A, A], [A], (1, 0, 1)),
    ([A, B], [A, C], (1, 1, 1)),
    ([], [B], (0, 1, 0)),
    ([A], [], (0, 0, 1)),
])
def test_eval_metrics_prf_counts_multisets(expected, produced, counts):
    prf = triple_prf(expected, produced)
    assert (prf.tp, prf.fp, prf.fn) == counts


def test_eval_metrics_prf_rates_and_micro_average():
    total = total_prf([triple_prf([A, B], [A, C]), triple_prf([A], [A, A]), triple_prf([B], [])])
    assert (total.tp, total.fp, total.fn) == (2, 2, 2)
    assert total.precision == pytest.approx(0.5)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(0.5)
    assert PRF(0, 0, 0).precision is None and PRF(0, 0, 0).f1 is None
    assert PRF(0, 3, 0).f1 == 0.0
    assert PRF(3, 1, 0).f1 == pytest.approx(2 * 0.75 * 1.0 / 1.75)


def test_eval_metrics_root_level_forgives_the_subcode():
    assert not exact_set([A], [C])
    assert exact_set(roots([A]), roots([C]))
    assert roots([Triple("X", "Y", "0874")]) == (Triple("X", "Y", "08"),)
    assert triple_prf(roots([A, B]), roots([C])).tp == 1


def test_eval_metrics_ratio_ignores_unchecked():
    assert ratio([True, False, None, True]) == Ratio(2, 3)
    assert Ratio(0, 0).value is None
    assert (Ratio(1, 2) + Ratio(1, 2)).value == 0.5


@pytest.mark.parametrize(("codes", "index"), [
    (["010", "190"], 1), (["020", "010"], None), (["1951", "010"], 0), ([], None), (["0211", "042"], 1),
])
def test_eval_metrics_first_substantive_skips_statements_and_appeals(codes, index):
    assert first_substantive(codes) == index


@pytest.mark.parametrize(("spec", "code", "agrees"), [
    (ActorSpec("ISR", "MIL"), "ISRMIL", True),
    (ActorSpec("ISR", "MIL"), "ISR", False),
    (ActorSpec("ISR", None), "ISRGOV", True),
    (ActorSpec(None, "CVL"), "PSECVL", True),
    (ActorSpec(None, "CVL"), "---CVL", True),
    (ActorSpec(None, "CVL"), "CVL", True),  # a role alone
    (ActorSpec("LBN", "GOV"), "LBNMIL", False),
    (ActorSpec("LBN", "GOV"), None, False),
    (ActorSpec("IGO", None), "IGO", True),
    (ActorSpec("USA", None), "---MIL", False),
])
def test_eval_metrics_actor_agreement(spec, code, agrees):
    assert actor_agrees(spec, code) is agrees


def test_eval_metrics_order_of_codes():
    assert in_order(["192", "010"], ["192", "010"])
    assert in_order(["192", "010"], ["192", "190", "010", "192"])
    assert not in_order(["192", "010"], ["010", "192"])
    assert not in_order(["192", "010"], ["192"])


def test_eval_metrics_mean_absolute_error():
    assert mean_absolute_error([(0, 2), (5, 5), (3, 0)]) == pytest.approx(5 / 3)
    assert mean_absolute_error([]) is None


def test_eval_metrics_confusion_counts_and_orders_labels():
    table = confusion([("19", "19"), ("19", "18"), ("05", None), (None, "01"), ("19", "19")])
    assert table.counts[("19", "19")] == 2
    assert table.counts[("05", "(none)")] == 1
    assert table.rows == ("05", "19", "(none)")
    assert table.columns == ("01", "18", "19", "(none)")


def test_eval_metrics_pair_roots_prefers_same_actors():
    expected = [Triple("A", "B", "190"), Triple("C", "D", "040")]
    produced = [Triple("C", "D", "042"), Triple("X", "Y", "111"), Triple("Z", None, "010")]
    assert pair_roots(expected, produced) == [("04", "04"), ("19", "11"), (None, "01")]


@pytest.mark.parametrize(("old", "new", "kind"), [
    (Snapshot(False, "x"), Snapshot(True, "y"), "fixed"),
    (Snapshot(True, "y"), Snapshot(False, "x"), "broken"),
    (Snapshot(False, "x"), Snapshot(False, "z"), "different"),
    (Snapshot(False, "x"), Snapshot(False, "x"), None),
    (Snapshot(True, "y"), Snapshot(True, "y"), None),
])
def test_eval_metrics_baseline_change(old, new, kind):
    assert classify_change(old, new) == kind


def test_eval_metrics_baseline_diff_lists_each_kind():
    old = {"1:a": Snapshot(False, "x"), "2:b": Snapshot(True, "y"), "3:c": Snapshot(False, "p"),
           "4:d": Snapshot(True, "q"), "5:gone": Snapshot(True, "q")}
    new = {"1:a": Snapshot(True, "y"), "2:b": Snapshot(False, "x"), "3:c": Snapshot(False, "r"),
           "4:d": Snapshot(True, "q"), "6:new": Snapshot(False, "s")}
    diff = diff_snapshots(old, new)
    assert (diff.fixed, diff.broken, diff.different) == (("1:a",), ("2:b",), ("3:c",))
    assert (diff.added, diff.removed) == (("6:new",), ("5:gone",))
