"""The seed article (../shared/seeds): dates and aggregates as its gold file expects."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from coder.incidents.dates import find_event_date, is_aggregate_period

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "libya_lna_abu_qurain_ar.txt"
GOLD = SHARED / "gold" / "seed" / "libya_lna_abu_qurain_ar.gold.json"

pytestmark = pytest.mark.skipif(not SEED.exists() or not GOLD.exists(), reason="../shared is absent")


def _sentences() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [s.strip() for s in re.split(r"(?<=[.!؟])\s+|\n", text) if s.strip()]


def _sentence(contains: str) -> str:
    return next(s for s in _sentences() if contains in s)


def _doc_date() -> dt.date:
    return dt.date.fromisoformat(json.loads(GOLD.read_text(encoding="utf-8"))["doc"]["date"])


def test_dates_seed_gate_takeover_is_the_day_before() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    event = next(e for e in gold["required"] if e["id"] == "E1-abu-qurain-gate")
    found = find_event_date(_sentence(event["sentence_contains"]), "ar", _doc_date())
    assert found is not None
    assert found.date.isoformat() == event["event_date"]
    assert found.precision == event["time_precision"]
    assert found.text == "أمس"


@pytest.mark.parametrize(
    "contains",
    ["غاراتٍ جوية", "على بعد 118 كم", "رفع درجة التأهب القصوى", "معارك عنيفة", "درجة الاستعداد والجاهزية"],
)
def test_dates_seed_undated_sentences_fall_back_to_doc_date(contains: str) -> None:
    assert find_event_date(_sentence(contains), "ar", _doc_date()) is None


def test_dates_seed_bodies_sentence_is_aggregate() -> None:
    sentence = _sentence("جثث 75")
    assert is_aggregate_period(sentence, "ar")
    assert find_event_date(sentence, "ar", _doc_date()) is None


def test_dates_seed_every_sentence_resolves_without_error() -> None:
    for sentence in _sentences():
        found = find_event_date(sentence, "ar", _doc_date())
        assert found is None or sentence[found.start:found.end] == found.text
