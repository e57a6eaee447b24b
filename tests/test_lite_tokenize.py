"""Word tokenisation of the lite front-end."""

from __future__ import annotations

import pytest

from coder.frontends.lite.tokenize import segment_tokens, tokenize


def forms(text: str, language: str) -> list[str]:
    return [form for form, _, _, _ in tokenize(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haftar's forces didn't retreat.", ["Haftar", "'s", "forces", "did", "n't", "retreat", "."]),
        ("They can't, won't go", ["They", "ca", "n't", ",", "wo", "n't", "go"]),
        ("1,000 people (3.5%) fled", ["1,000", "people", "(", "3.5", "%", ")", "fled"]),
        ("pro-Haftar F-16 COVID-19 jets", ["pro-Haftar", "F-16", "COVID-19", "jets"]),
        ("a 20-year-old in the 1990s", ["a", "20-year-old", "in", "the", "1990s"]),
        ("Mr. Smith of the U.S. army", ["Mr.", "Smith", "of", "the", "U.S.", "army"]),
        ("Sana'a and Qur'an, O'Brien", ["Sana'a", "and", "Qur'an", ",", "O'Brien"]),
        ("I'm sure they're here", ["I", "'m", "sure", "they", "'re", "here"]),
        ("see www.example.com/a.", ["see", "www.example.com/a", "."]),
        ("troops' morale", ["troops", "'", "morale"]),
    ],
)
def test_tokenize_english_cases(text: str, expected: list[str]) -> None:
    assert forms(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال المتحدث: إن 300 إرهابي، «قواتكم»",
         ["قال", "المتحدث", ":", "إن", "300", "إرهابي", "،", "«", "قواتكم", "»"]),
        ("هل تقدمت؟ نعم؛ تقدمت", ["هل", "تقدمت", "؟", "نعم", "؛", "تقدمت"]),
        ("غاراتٍ جويةً ٣٫٥ كم", ["غاراتٍ", "جويةً", "٣٫٥", "كم"]),
    ],
)
def test_tokenize_arabic_cases(text: str, expected: list[str]) -> None:
    assert forms(text, "ar") == expected


@pytest.mark.parametrize("text", ["Haftar's forces didn't retreat.", "قال المتحدث: إن 300 إرهابي، «قواتكم»"])
def test_tokenize_offsets_point_into_text(text: str) -> None:
    for form, start, end, _ in tokenize(text, "ar" if text[0] > "z" else "en"):
        assert text[start:end] == form


def test_tokenize_kinds() -> None:
    assert [kind for *_, kind in tokenize("Troops killed 5 .", "en")] == ["word", "word", "num", "punct"]


def test_tokenize_arabic_segments_share_the_word_span() -> None:
    text = "وقال المتحدث"
    pieces = segment_tokens(tokenize(text, "ar"), frozenset())
    assert [(form, start, end, upos) for form, start, end, _, upos in pieces] == [
        ("و", 0, 4, "CCONJ"), ("قال", 0, 4, "X"), ("المتحدث", 5, 12, "X")]
