"""Rule-based sentence splitting of the lite front-end."""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.frontends.lite.sentences import split_sentences

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "libya_lna_abu_qurain_ar.txt"


def sentences(text: str, language: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops fired. Protesters fled.", ["Troops fired.", "Protesters fled."]),
        ("Did they? Yes! They did.", ["Did they?", "Yes!", "They did."]),
        ("Mr. Smith met Dr. Jones.", ["Mr. Smith met Dr. Jones."]),
        ("U.S. troops and U.N. staff left. Others stayed.",
         ["U.S. troops and U.N. staff left.", "Others stayed."]),
        ("On Jan. 5 Gen. Haftar spoke.", ["On Jan. 5 Gen. Haftar spoke."]),
        ("Col. Ali and Lt. Omar, St. Louis, No. 5.", ["Col. Ali and Lt. Omar, St. Louis, No. 5."]),
        ("Weapons, e.g. rifles, i.e. guns.", ["Weapons, e.g. rifles, i.e. guns."]),
        ("Prices rose 3.5 percent. Then fell.", ["Prices rose 3.5 percent.", "Then fell."]),
        ("J. Smith said so.", ["J. Smith said so."]),
        ('"We will fight," he said. "Now."', ['"We will fight," he said.', '"Now."']),
        ("Headline without stop\nBody text here. More.",
         ["Headline without stop", "Body text here.", "More."]),
        ("  padded sentence.   ", ["padded sentence."]),
        ("\n\n  \n", []),
        ("", []),
    ],
)
def test_sentences_english_cases(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سيطر الجيش على المدينة. وقال المتحدث إن القوات تقدمت.",
         ["سيطر الجيش على المدينة.", "وقال المتحدث إن القوات تقدمت."]),
        ("هل انسحبت القوات؟ نعم انسحبت!", ["هل انسحبت القوات؟", "نعم انسحبت!"]),
        ("قال المتحدث، إن القوات، تقدمت", ["قال المتحدث، إن القوات، تقدمت"]),
        ("وصل الوفد۔ ثم غادر", ["وصل الوفد۔", "ثم غادر"]),
        ("جنوب مصراتة.وقال المتحدث", ["جنوب مصراتة.", "وقال المتحدث"]),
        ("جنوب بوقرين .\nعنوان آخر", ["جنوب بوقرين .", "عنوان آخر"]),
        ("بلغت النسبة 3.5 بالمئة.", ["بلغت النسبة 3.5 بالمئة."]),
        ("قال د. محمد إن الوضع صعب.", ["قال د. محمد إن الوضع صعب."]),
    ],
)
def test_sentences_arabic_cases(text: str, expected: list[str]) -> None:
    assert sentences(text, "ar") == expected


def test_sentences_seed_article_first_lines() -> None:
    if not SEED.is_file():
        pytest.skip("the seed article in ../shared is absent")
    text = SEED.read_text(encoding="utf-8")
    found = sentences(text, "ar")
    assert found[0] == "الجيش الوطني الليبي يحقق تقدماً استراتيجياً في مصراته"
    assert found[1].startswith("حقق الجيش الوطني الليبي أمس")
    assert found[1].endswith("من لواء السلطان مراد الإرهابي.")
    assert found[2].startswith("وقال المتحدث باسم القيادة العامة")
    assert all(sentence in text and sentence == sentence.strip() for sentence in found)
