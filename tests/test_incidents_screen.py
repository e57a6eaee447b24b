"""One pass over a sentence's words gives each reader what its own screen gives (screen.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents import cues, dates, fatalities
from coder.incidents.numbers import normalise
from coder.incidents.screen import screen

SEEDS = Path(__file__).resolve().parents[1] / "seeds" / "news_sample.jsonl"
EXTRA = [
    "",
    "قتل 3 أشخاص أمس الأحد في قصف على مدينة مأرب منذ بداية العام",
    "وتظاهر المئات يوم الاثنين الماضي احتجاجا على اعتقال ناشط",
    "Gunmen killed two soldiers last week; so far this year 40 have died.",
    "Protesters set fire to tyres on 12/05/2020 in Multan.",
]


def _texts() -> list[tuple[str, str]]:
    out = [(text, "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en") for text in EXTRA]
    with SEEDS.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            language = record.get("lang") or "en"
            out.extend((part, language) for part in record["text"].split("\n") if part)
    return out


def _check(text: str, language: str) -> None:
    norm = normalise(text)
    found = screen(norm, language)
    assert found is not None
    cue_gate = cues.CUE_GATES[language]
    if cue_gate.folds:
        assert found.cues is None
    else:
        assert found.cues == cue_gate.possible(norm.text)
    assert found.date_rules == dates.RULE_GATES[language].possible(norm.text)
    assert found.date_words == dates.DATE_WORDS[language].any_word(norm.text)
    assert found.death_words == fatalities.DEATH_WORDS.any_word(norm.text)
    strings = dates.AGGREGATE_WORDS[language]
    assert found.aggregate == (strings is not None and any(s in norm.text for s in strings))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_incidents_screen_matches_each_readers_screen_on_the_seeds(language: str) -> None:
    texts = [text for text, lang in _texts() if lang == language]
    assert texts
    for text in texts:
        _check(text, language)


_WORDS = ["قتل", "أمس", "الأحد", "منذ", "بداية", "العام", "مظاهرة", "killed", "Monday", "so", "far",
          "12/05/2020", "dead", "protesters", "اشتباكات", "شهر", "يوليو", "in", "the", "past", "week", "x"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=12), st.sampled_from(["ar", "en"]))
def test_incidents_screen_matches_each_readers_screen_on_any_words(words: list[str], language: str) -> None:
    _check(" ".join(words), language)


def test_incidents_screen_none_for_a_language_without_readers() -> None:
    assert screen(normalise("bonjour"), "fr") is None
