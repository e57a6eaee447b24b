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
