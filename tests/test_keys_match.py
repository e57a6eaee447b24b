"""match_key and phrase_keys: the keys codebook phrases and text words are matched on."""

from __future__ import annotations

import pytest

from coder.frontends.keys import match_key, phrase_keys


@pytest.mark.parametrize(
    ("form", "lemma", "language", "expected"),
    [
        ("forces", None, "en", "force"),
        ("Fought", None, "en", "fight"),
        ("forces", "force", "en", "force"),
        ("was", "be", "en", "be"),
        ("forces", "_", "en", "force"),
        ("troops", "TROOP", "en", "troop"),  # a capitalised lemma is a proper noun's: the form decides
        ("States", "States", "en", "state"),
        ("States", None, "en", "state"),
        ("والجيش", None, "ar", "والجيش"),
        ("الجيش", "جَيْش", "ar", "جيش"),
        ("جيش", None, "ar", "جيش"),
        ("السيطرة", None, "ar", "سيطره"),
        ("أعلنت", None, "ar", "اعلنت"),
        ("Ejército", None, "es", "ejército"),
    ],
)
def test_keys_match_key_cases(form: str, lemma: str | None, language: str, expected: str) -> None:
    assert match_key(form, lemma, language) == expected


@pytest.mark.parametrize(
    ("phrase", "language", "expected"),
    [
        ("الجيش الوطني", "ar", ("جيش", "وطني")),
        ("سيطر*", "ar", ("سيطر*",)),
        ("شن* * غار*", "ar", ("شن*", "*", "غار*")),
        ("القوات المسلحة", "ar", ("قوات", "مسلحه")),
        ("Libyan National Army", "en", ("libyan", "national", "army")),
        ("armed forces", "en", ("arm", "force")),
        ("Haftar's forces", "en", ("haftar", "'s", "force")),
        ("pres*", "en", ("pres*",)),
        ("United States", "en", ("unite", "state")),
        ("  fight   with ", "en", ("fight", "with")),
        ("", "en", ()),
    ],
)
def test_keys_phrase_keys_cases(phrase: str, language: str, expected: tuple[str, ...]) -> None:
    assert phrase_keys(phrase, language) == expected


@pytest.mark.parametrize(
    ("phrase", "text_word", "language"),
    [("fight", "fought", "en"), ("forces", "force", "en"), ("seize", "seized", "en"),
     ("الجيش", "جيش", "ar"), ("جيش", "الجيش", "ar"), ("المسؤول", "مسئول", "ar")],
)
def test_keys_phrase_and_text_agree(phrase: str, text_word: str, language: str) -> None:
    assert phrase_keys(phrase, language) == (match_key(text_word, None, language),)
