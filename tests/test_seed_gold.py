"""The mission's example article: every required event, and no forbidden one (../shared/gold/seed)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coder.io.readers import ReadOptions, read_documents
from coder.pipeline import Coder, code_documents


@pytest.fixture(scope="module")
def seed(request):
    from tests.conftest import SHARED

    gold_path = SHARED / "gold" / "seed" / "libya_lna_abu_qurain_ar.gold.json"
    text_path = SHARED / "seeds" / "libya_lna_abu_qurain_ar.txt"
    if not gold_path.is_file() or not text_path.is_file():
        pytest.skip("../shared seed article is absent")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    options = ReadOptions(language="ar", date=dt.date(2020, 4, 22))
    batch = code_documents(read_documents(text_path, options), Coder())
    return gold, batch.rows


def _in_sentence(rows, needle):
    return [r for r in rows if needle in r.sentence]


def test_seed_every_required_event_is_coded(seed):
    gold, rows = seed
    for expected in gold["required"]:
        candidates = _in_sentence(rows, expected["sentence_contains"])
        assert candidates, f"{expected['id']}: no mention in its sentence"

        def fits(row, expected=expected):
            if row.source_country != expected["source_country"]:
                return False
            if "cameo_code_in" in expected and row.cameo_code not in expected["cameo_code_in"]:
                return False
            if "cameo_root_in" in expected and row.cameo_root not in expected["cameo_root_in"]:
                return False
            if "event_date" in expected and str(row.event_date) != expected["event_date"]:
                return False
            if "time_precision" in expected and row.time_precision != expected["time_precision"]:
                return False
            return True

        found = [r for r in candidates if fits(r)]
        produced = [(r.cameo_code, r.source_actor, r.source_country, str(r.event_date)) for r in candidates]
        assert found, f"{expected['id']}: no mention fits; produced {produced}"


def test_seed_forbidden_aggregate_bodies_are_not_a_dated_incident(seed):
    _, rows = seed
    for row in _in_sentence(rows, "جثث 75"):
        assert not (row.fatalities == 75 and row.time_precision == 1)


def test_seed_forbidden_distances_sentence_has_no_event(seed):
    _, rows = seed
    assert _in_sentence(rows, "على بعد 118 كم") == []


def test_seed_rows_are_ordered_and_ids_unique(seed):
    _, rows = seed
    keys = [r.sentence_index for r in rows]
    assert keys == sorted(keys)
    assert len({r.event_id for r in rows}) == len(rows)


# --- ACLED: the merged record of the incident each required event belongs to ----------------------

def _incident_record(rows, row):
    """The primary row of the incident ``row`` belongs to (the merged ACLED record)."""
    return next(r for r in rows if r.is_primary and r.incident_id == row.incident_id)


def _acled_fits(record, acled: dict) -> bool:
    if record.event_type != acled["event_type"]:
        return False
    if "sub_event_type_in" in acled and record.sub_event_type not in acled["sub_event_type_in"]:
        return False
    if "fatalities" in acled and record.fatalities != acled["fatalities"]:
        return False
    if "country" in acled and record.country != acled["country"]:
        return False
    words = acled.get("location_contains_any")
    return not words or any(w in (record.location or "") for w in words)


@pytest.mark.parametrize("item_id", ["E1-abu-qurain-gate", "E4-airstrikes-qaddahiya"])
def test_seed_acled_record_of_each_required_event(seed, item_id):
    gold, rows = seed
    expected = next(e for e in gold["required"] if e["id"] == item_id)
    candidates = [r for r in _in_sentence(rows, expected["sentence_contains"])
                  if r.incident_id and r.source_country == expected["source_country"]
                  and r.cameo_code in expected["cameo_code_in"]]
    assert candidates, f"{item_id}: no ACLED mention in its sentence"
    records = [_incident_record(rows, r) for r in candidates]
    produced = [(r.event_type, r.sub_event_type, r.fatalities, r.location, r.country) for r in records]
    assert any(_acled_fits(r, expected["acled"]) for r in records), f"{item_id}: {produced}"


def test_seed_acled_gate_takeover_date_and_place(seed):
    _, rows = seed
    gate = [r for r in _in_sentence(rows, "بسيطرته على بوابة بوقرين") if r.incident_id]
    record = _incident_record(rows, gate[0])
    assert (str(record.event_date), record.time_precision) == ("2020-04-21", 1)
    assert (record.admin1, record.geo_precision, record.iso3) == ("Misrata", 1, "LBY")
    assert record.actor1 == "Military Forces of Libya (2014-) Haftar Faction" and record.inter1 == 1


def test_seed_forbidden_takeover_reported_four_times_is_one_incident(seed):
    """F3: headline, lead, spokesman and his claim tell one takeover; the fighting around Tripoli may
    be one more Battles incident, no other."""
    _, rows = seed
    battles = [r for r in rows if r.is_primary and r.event_type == "Battles"]
    assert len(battles) <= 2, [(r.sentence_index, r.sub_event_type) for r in battles]
    takeover = {r.incident_id for r in rows if r.incident_id and r.event_type == "Battles"
                and ("بوقرين" in r.sentence and ("سيطر" in r.sentence))}
    assert len(takeover) == 1


def test_seed_forbidden_aggregate_bodies_are_no_dated_incident(seed):
    """F1: the 75 bodies moved 'over the past period' are no ACLED incident and no one's deaths."""
    _, rows = seed
    assert all(r.incident_id is None for r in _in_sentence(rows, "جثث 75"))
    assert all(r.fatalities != 75 for r in rows if r.is_primary)
