"""Number reading and normalisation shared by the incident finders (coder.incidents.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents.numbers import may_start_number, normalise, read_number, read_ordinal, split_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3), ("١٥", 15), ("۱۲", 12), ("1,200", 1200), ("١٬٢٠٠", 1200), ("3 million", 3_000_000),
        ("one", 1), ("twenty-five", 25), ("twenty five", 25), ("two hundred and five", 205), ("a dozen", 12),
        ("two dozen", 24), ("a hundred", 100), ("three thousand five hundred", 3500),
        ("ثلاثة", 3), ("خمسة عشر", 15), ("أحد عشر", 11), ("اثنا عشر", 12), ("عشرين", 20), ("خمسة وعشرين", 25),
        ("مئة", 100), ("مائة وخمسين", 150), ("ثلاث مئة", 300), ("ثلاثمائة وخمسة وعشرون", 325), ("ألف", 1000),
        ("ثلاثة آلاف", 3000), ("مائتي", 200), ("وأربعة", 4),
    ],
)
def test_fatalities_numbers_read(text: str, value: int) -> None:
    words = split_words(normalise(text).text)
    number = read_number(words, 0)
    assert number is not None and number.value == value and number.last == len(words) - 1


@pytest.mark.parametrize("text", ["hundred", "أحد", "killed", "12345678901", "احتجاج"])
def test_fatalities_numbers_not_a_number(text: str) -> None:
    assert read_number(split_words(normalise(text).text), 0) is None


@pytest.mark.parametrize(("text", "value"), [("الخامس عشر", 15), ("التاسع", 9), ("الحادي والعشرين", 21),
                                             ("ninth", 9), ("21st", 21)])
def test_fatalities_numbers_ordinal(text: str, value: int) -> None:
    ordinal = read_ordinal(split_words(normalise(text).text), 0)
    assert ordinal is not None and ordinal.value == value


def test_fatalities_numbers_normalise_maps_spans_back() -> None:
    raw = "قُتِلَ أَمْسِ ١٥ شخصاً في الإسكندرية"
    norm = normalise(raw)
    assert norm.text == "قتل امس 15 شخصا في الاسكندريه"
    start = norm.text.index("امس")
    a, b = norm.raw_span(start, start + 3)
    assert raw[a:b] == "أَمْسِ"
    start = norm.text.index("15")
    a, b = norm.raw_span(start, start + 2)
    assert raw[a:b] == "١٥"


def test_fatalities_numbers_normalise_keeps_length_on_odd_case() -> None:
    raw = "İstanbul KILLED"
    norm = normalise(raw)
    assert len(norm.text) == len(raw) and norm.text.endswith("killed")


_PIECES = [
    "3", "1,200", ",5", "١٥", "one", "twenty-five", "twenty", "five", "a", "hundred", "dozen", "thousand",
    "million", "and", "killed", "ثلاثة", "خمسة", "عشر", "أحد", "اثنا", "وأربعة", "وعشرين", "مئة", "ألف",
    "آلاف", "و", "مقتل", "-", "x-y",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=8).map(" ".join))
def test_fatalities_numbers_start_only_where_may_start_number_says(text: str) -> None:
    """``may_start_number`` rules a word out only where no number is read: a quantity scan may skip it."""
    words = split_words(normalise(text).text)
    for i, word in enumerate(words):
        if read_number(words, i) is not None:
            assert may_start_number(word.text), (text, word)
