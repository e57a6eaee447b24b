"""Retrospective totals, the seed article, and merging the mentions of one incident."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coder.incidents.fatalities import FatalityMention, find_fatalities, total_fatalities

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds" / "libya_lna_abu_qurain_ar.txt"


@pytest.mark.parametrize(
    ("sentence", "language", "count"),
    [
        ("نقلت قوات النظام التركي خلال الفترة الماضية جثث 75 من المرتزقة وقامت بدفنهم", "ar", 75),
        ("قتل أكثر من 300 شخص منذ بداية العام", "ar", 300),
        ("قتل 40 مدنيا خلال الأيام الماضية", "ar", 40),
        ("2,500 people have been killed since January.", "en", 2500),
        ("So far this year 45 journalists have been killed.", "en", 45),
        ("The bodies of 12 soldiers were repatriated.", "en", 12),  # died earlier, moved now
    ],
)
def test_fatalities_retrospective_total_is_aggregate(sentence: str, language: str, count: int) -> None:
    found = find_fatalities(sentence, language)
    assert found is not None and found.count == count and found.aggregate


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Police found the bodies of 6 men in a ditch.", "en"),
        ("مقتل 3 جنود في هجوم", "ar"),
    ],
)
def test_fatalities_single_incident_not_aggregate(sentence: str, language: str) -> None:
    found = find_fatalities(sentence, language)
    assert found is not None and not found.aggregate


def test_fatalities_only_the_figure_near_the_period_is_aggregate() -> None:
    sentence = "Three soldiers were killed on Monday, bringing the toll since January to 150."
    found = find_fatalities(sentence, "en")
    assert found is not None and found.count == 3 and not found.aggregate


def _mention(count: int, text: str = "killed", aggregate: bool = False,
             vague: bool = False) -> FatalityMention:
    return FatalityMention(count, text, 0, len(text), aggregate, vague)


@pytest.mark.parametrize(
    ("mentions", "total"),
    [
        ([], 0),
        ([None, None], 0),
        ([_mention(3), _mention(3)], 3),  # headline and lead restate one toll
        ([_mention(3), _mention(5)], 5),  # an updated toll
        ([_mention(12, vague=True), _mention(25)], 25),  # a stated figure supersedes "dozens"
        ([_mention(12, vague=True), _mention(3, vague=True)], 3),  # vague reports differ: lowest
        ([_mention(3), _mention(75, aggregate=True)], 3),  # a retrospective total is no incident's toll
        ([_mention(2, "2 policemen were killed"), _mention(2, "2 militants were also killed")], 4),
        ([_mention(3, "مقتل 3"), _mention(2, "ومقتل 2 آخرين")], 5),
    ],
)
def test_fatalities_total_over_mentions(mentions: list[FatalityMention | None], total: int) -> None:
    assert total_fatalities(mentions) == total


@pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")
def test_fatalities_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.split(r"(?<=[.!؟])\s+|\n", text) if s.strip()]
    found = {s: find_fatalities(s, "ar") for s in sentences}
    bodies = next(s for s in sentences if "جثث 75" in s)
    mention = found.pop(bodies)
    assert mention is not None and mention.count == 75 and mention.aggregate
    assert mention.text == "جثث 75"
    # No other sentence reports deaths: the transfer of 300 fighters, distances, air strikes.
    assert all(m is None for m in found.values())
    assert total_fatalities([mention, *found.values()]) == 0
