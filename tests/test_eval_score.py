"""coder.eval.score: gold cases against hand-made produced events, and the figures of a suite."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.eval.gold import (
    AcledGold,
    ActorSpec,
    ClassGold,
    GoldCase,
    GoldEvent,
    SeedGold,
    SeedItem,
    Triple,
    TripleGold,
)
from coder.eval.results import ProducedEvent
from coder.eval.score import score_case, suite_figures


def event(code: str, source: str | None = None, target: str | None = None, **fields) -> ProducedEvent:
    values = dict(sentence_index=0, sentence=fields.pop("sentence", "s"), source=source, target=target,
                  code=code,
                  plover=None, event_type=None, sub_event_type=None, fatalities=None, event_date=None,
                  time_precision=None, source_country=None, target_country=None, country=None, admin1=None,
                  location=None, inter1=None, inter2=None, is_primary=False, incident_id=None,
                  rule_id="verbs.txt:1")
    values.update(fields)
    return ProducedEvent(**values)


def case(expected, case_id: str = "c", category: str | None = None) -> GoldCase:
    return GoldCase(case_id, 1, "text", dt.date(2020, 5, 1), "en", expected, category=category)


def figures(fmt, pairs):
    found, tables = suite_figures(fmt, pairs)
    return {f.key: f.value for f in found}, tables


def test_eval_score_triples_exact_and_attributes():
    attributes = (("fatalities", "5"), ("event_date", "2020-04-30"))
    gold = TripleGold((GoldEvent(Triple("LBYMIL", None, "194"), attributes),))
    right = score_case(case(gold), [event("194", "LBYMIL", fatalities=5, event_date="2020-04-30")])
    assert right.ok and not right.failed
    # a wrong actor: the set is wrong, but the attributes are checked on the row of the same code
    wrong = score_case(case(gold), [event("194", "---MIL", fatalities=5, event_date="2020-04-29")])
    assert not wrong.ok
    assert [c.name for c in wrong.failed] == ["events", "event_date of LBYMIL 194 -"]
    assert wrong.failed[1].produced == "2020-04-29"


def test_eval_score_order_check_uses_codes():
    gold = TripleGold((GoldEvent(Triple("A", None, "192")), GoldEvent(Triple("A", None, "010"))),
                      ordered=True)
    backwards = score_case(case(gold), [event("010", "A"), event("192", "A")])
    assert [c.name for c in backwards.failed] == ["order"]
    forwards = score_case(case(gold), [event("192", "A"), event("010", "A", "A")])
    assert [c.name for c in forwards.failed] == ["events"]


def test_eval_score_triple_figures():
    a, b = Triple("A", "B", "190"), Triple("C", None, "040")
    pairs = [
        (case(TripleGold((GoldEvent(a),)), "1", "x"), None, [event("190", "A", "B")]),
        (case(TripleGold((GoldEvent(a),)), "2", "x"), None, [event("193", "A", "B"), event("193", "A", "B")]),
        (case(TripleGold((GoldEvent(b),)), "3", "y"), None, []),
        (case(TripleGold(()), "4", "y"), None, []),
    ]
    scored = [(c, score_case(c, produced)) for c, _, produced in pairs]
    values, tables = figures("coder", scored)
    assert values["exact_set_rate"] == pytest.approx(2 / 4)
    assert values["root_exact_set_rate"] == pytest.approx(3 / 4)
    assert values["precision"] == pytest.approx(1 / 3)  # tp 1, fp 2 (the repeated 193), fn 2
    assert values["recall"] == pytest.approx(1 / 3)
    assert values["root_precision"] == pytest.approx(2 / 3)  # tp 2, fp 1 (19 expected once, produced twice)
    assert values["root_recall"] == pytest.approx(2 / 3)
    by_category = {row[0]: row for row in tables[0].rows}
    assert by_category["x"][1:4] == ("2", "0.500", "1.000")
    confusion = tables[1]
    assert confusion.header == ("gold \\ produced", "19", "(none)")
    assert dict((row[0], row[1:]) for row in confusion.rows) == {"04": ("", "1"), "19": ("2", ""),
                                                                 "(none)": ("1", "")}


def test_eval_score_plover_class_first_substantive_mention():
    gold = ClassGold("ASSAULT", ActorSpec("ISR", "MIL"), ActorSpec(None, "CVL"))
    result = score_case(case(gold), [event("010", "ISRGOV", plover=None),
                                     event("190", "ISRMIL", "PSECVL", plover="ASSAULT")])
    assert result.ok and [c.name for c in result.checks] == ["type", "source", "target"]
    wrong = score_case(case(gold), [event("141", "---OPP", None, plover="PROTEST")])
    assert [(c.name, c.produced) for c in wrong.failed] == [("type", "PROTEST"), ("source", "---OPP"),
                                                           ("target", "(none)")]
    nothing = score_case(case(gold), [event("010", "ISRGOV")])
    assert [c.produced for c in nothing.failed] == ["(no event)", "(none)", "(none)"]


def test_eval_score_plover_figures():
    pairs = []
    for i, (gold, produced) in enumerate([
        (ClassGold("ASSAULT", ActorSpec("JPN", None)), [event("190", "JPNMIL", plover="ASSAULT")]),
        (ClassGold("ASSAULT", ActorSpec("ITA", None)), [event("190", "ROMMIL", plover="ASSAULT")]),
        (ClassGold("REQUEST", None), [event("010", "X"), event("100", "X", plover="REQUEST")]),
        (ClassGold("PROTEST", ActorSpec("ROU", None)),
         [event("020", "ROMGOV"), event("111", "ROM", plover="ACCUSE"),
          event("141", "ROM", plover="PROTEST")]),
    ]):
        c = case(gold, str(i), gold.plover)
        pairs.append((c, score_case(c, produced)))
    values, tables = figures("plover", pairs)
    assert values["type_accuracy"] == pytest.approx(3 / 4)
    assert values["source_agreement"] == pytest.approx(2 / 3)  # ROM is mapped to ROU
    assert values["type_any"] == 1.0 and values["coverage"] == 1.0
    assert "target_agreement" not in values
    confusion = {row[0]: row[1:] for row in tables[1].rows}
    assert tables[1].header[1:] == ("ACCUSE", "ASSAULT", "REQUEST")
    assert confusion["PROTEST"] == ("1", "", "")  # produced ACCUSE for a PROTEST


def acled_gold() -> AcledGold:
    return AcledGold("Battles", "Armed clash", 3, 1, 2, "Misrata", "Libya", dt.date(2020, 5, 9))


def test_eval_score_acled_primary_event():
    primary = event("193", "A", "B", event_type="Battles", sub_event_type="Armed clash", fatalities=3,
                    inter1=2, inter2=1, admin1="Misrata", country="Libya", event_date="2020-05-09",
                    is_primary=True, incident_id="i1")
    assert score_case(case(acled_gold()), [event("010", "A"), primary]).ok  # {inter1, inter2} unordered
    none = score_case(case(acled_gold()), [event("010", "A")])
    assert len(none.failed) == 7 and none.failed[0].produced == "(no event)"


def test_eval_score_acled_figures():
    def row(**fields):
        base = dict(event_type="Battles", sub_event_type="Armed clash", fatalities=3, inter1=1, inter2=2,
                    admin1="Misrata", country="Libya", event_date="2020-05-09", is_primary=True,
                    incident_id="i1")
        base.update(fields)
        return event("193", "A", "B", **base)

    produced = [[row()], [row(fatalities=1, incident_id="i2"), row(is_primary=True, incident_id="i3")],
                [event("010", "A")], [row(event_type="Riots", sub_event_type="Mob violence", fatalities=0)]]
    cases = [case(acled_gold(), str(i)) for i in range(len(produced))]
    pairs = [(c, score_case(c, p)) for c, p in zip(cases, produced, strict=True)]
    values, tables = figures("acled", pairs)
    assert values["coverage"] == pytest.approx(3 / 4)
    assert values["event_type_accuracy"] == pytest.approx(2 / 4)
    assert values["fatalities_accuracy"] == pytest.approx(1 / 4)
    assert values["fatalities_mae"] == pytest.approx((0 + 2 + 3) / 3)
    assert values["split_rate"] == pytest.approx(1 / 4)
    assert values["case_accuracy"] == pytest.approx(1 / 4)
    assert tables[1].rows == (("Battles", "2", "1", "1"),)


def test_eval_score_seed_items():
    items = (
        SeedItem("required", "R1", sentence_contains="gate", source_country="LBY", cameo_root_in=("19",),
                 event_type="Battles", fatalities=0),
        SeedItem("optional", "O1", sentence_contains="spokesman", cameo_root_in=("01",)),
        SeedItem("forbidden", "F1", sentence_contains="bodies",
                 rule="no event with fatalities 75 at day precision"),
        SeedItem("forbidden", "F2", sentence_contains="km", rule="no event: distances"),
        SeedItem("forbidden", "F3", rule="at most two primary Battles incidents in the document"),
        SeedItem("forbidden", "F4", rule="something only a person can judge"),
    )
    produced = [
        event("192", "LBYMIL", sentence="took the gate", source_country="LBY", incident_id="i1",
              is_primary=False),
        event("193", "LBYMIL", sentence="fighting", event_type="Battles", fatalities=0, incident_id="i1",
              is_primary=True),
        event("010", "TURGOV", sentence="75 bodies", fatalities=75, time_precision=3),
    ]
    result = score_case(case(SeedGold(items)), produced)
    verdicts = {c.name: c.ok for c in result.checks}
    assert verdicts == {"required R1": True, "optional O1": False, "forbidden F1": True, "forbidden F2": True,
                        "forbidden F3": True, "forbidden F4": None}
    assert result.ok  # an optional miss never makes the case wrong
    values, _ = figures("seed", [(case(SeedGold(items)), result)])
    assert values["required_rate"] == 1.0 and values["optional_rate"] == 0.0
    assert values["forbidden_respected"] == 1.0 and values["forbidden_unchecked"] == 1.0
    broken = score_case(case(SeedGold(items)), produced + [event("190", "X", sentence="118 km")])
    assert not broken.ok and [c.name for c in broken.failed] == ["optional O1", "forbidden F2"]
