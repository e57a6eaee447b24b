"""Arabic normalisation, article stripping and clitic segmentation of the lite front-end."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coder.frontends.lite.arabic import normalize_arabic, segment_with_upos, segment_word, strip_article

ARABIC_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list("\u0653\u0654\u0655\u200c\u200f ـabc1")),
    ),
    max_size=30,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أحمد", "احمد"),
        ("إرهابي", "ارهابي"),
        ("آليات", "اليات"),
        ("ٱلله", "الله"),
        ("على", "علي"),
        ("مصراتة", "مصراته"),
        ("مسؤول", "مسءول"),
        ("مسئول", "مسءول"),
        ("تقدماً", "تقدما"),
        ("المُسلحة", "المسلحه"),
        ("خُصّصت", "خصصت"),
        ("جـــيش", "جيش"),
        ("٣٠٠ إرهابي", "300 ارهابي"),
        ("۱۲۳", "123"),
        ("ﻻ", "لا"),
        ("ا\u0654حمد", "احمد"),  # decomposed hamza (NFD input)
        ("و\u0654", "ء"),
        ("کتیبه", "كتيبه"),  # Persian keheh and yeh
        ("Libya 2020", "Libya 2020"),
    ],
)
def test_arabic_normalize_cases(text: str, expected: str) -> None:
    assert normalize_arabic(text) == expected


@given(ARABIC_TEXT | st.text(max_size=30))
def test_arabic_normalize_is_idempotent(text: str) -> None:
    once = normalize_arabic(text)
    assert normalize_arabic(once) == once


@pytest.mark.parametrize(
    ("key", "expected"),
    [("الجيش", "جيش"), ("القوات", "قوات"), ("جيش", "جيش"), ("الي", "الي"), ("الذي", "الذي"),
     ("الله", "الله"), ("الان", "الان"), ("الف", "الف"), ("الدم", "دم")],
)
def test_arabic_strip_article_cases(key: str, expected: str) -> None:
    assert strip_article(key) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والجيش", ("و", "الجيش")),
        ("وقال", ("و", "قال")),
        ("للجيش", ("ل", "الجيش")),
        ("فقد", ("ف", "قد")),
        ("وأعلنت", ("و", "أعلنت")),
        ("بالقوات", ("ب", "القوات")),
        ("وللجيش", ("و", "ل", "الجيش")),
        ("فبالقوات", ("ف", "ب", "القوات")),
        ("بالقوات", ("ب", "القوات")),
        ("نفسه", ("نفس", "ه")),
        ("عليه", ("علي", "ه")),
        ("منها", ("من", "ها")),
        ("له", ("ل", "ه")),
        ("ولها", ("و", "ل", "ها")),
        ("كما", ("ك", "ما")),
        ("بأنه", ("ب", "أن", "ه")),
        ("لذلك", ("ل", "ذلك")),
        ("بمنطقة", ("ب", "منطقة")),
        ("لتعزيز", ("ل", "تعزيز")),
        ("ووزارة", ("و", "وزارة")),
        ("وفي", ("و", "في")),
        ("ورغم", ("و", "رغم")),
        ("واتجاه", ("و", "اتجاه")),  # not و + اتجا + ه
        ("فيه", ("في", "ه")),
    ],
)
def test_arabic_segment_splits_without_vocabulary(word: str, expected: tuple[str, ...]) -> None:
    assert segment_word(word, frozenset()) == expected


@pytest.mark.parametrize(
    "word",
    ["ليبيا", "بوقرين", "كتيبة", "ولاية", "فيسبوك", "وزير", "وفيات", "فلسطين", "والده", "بالغة",
     "الأهم", "اتجاه", "معارك", "كورونا", "وطني", "ذلك", "لكن", "كميات", "بترول",
     "مصراتة", "تفاهم", "هم", "و", "ب", "لل", "ال"],
)
def test_arabic_segment_keeps_words_whole(word: str) -> None:
    assert segment_word(word, frozenset()) == (word,)


@pytest.mark.parametrize(
    ("word", "vocabulary", "expected"),
    [
        ("بسيطرته", {"سيطره"}, ("ب", "سيطرة", "ه")),  # ة restored before the suffix, as UD does
        ("بسيطرته", {"سيطر"}, ("ب", "سيطرت", "ه")),  # a wildcard stem in the codebook
        ("لقوات", {"قوات"}, ("ل", "قوات")),
        ("بقواتها", {"قوات"}, ("ب", "قوات", "ها")),
        ("قواتكم", {"قوات"}, ("قوات", "كم")),
        ("لفيروس", {"فيروس"}, ("ل", "فيروس")),
        ("ليبيا", {"ليبيا", "يبيا"}, ("ليبيا",)),  # a known word beats a known remainder
        ("مصراته", {"مصراته"}, ("مصراته",)),  # a known word is never split
        ("وقفوا", {"وقف"}, ("وقفوا",)),  # a known stem beats the length rule
    ],
)
def test_arabic_segment_follows_vocabulary(
    word: str, vocabulary: set[str], expected: tuple[str, ...]
) -> None:
    assert segment_word(word, frozenset(vocabulary)) == expected


def test_arabic_segment_keeps_original_spelling() -> None:
    assert segment_word("بالقوَّاتِ", frozenset()) == ("ب", "القوَّاتِ")
    assert segment_word("وَأعلنتْ", frozenset()) == ("وَ", "أعلنتْ")


def test_arabic_segment_guesses_upos() -> None:
    assert segment_with_upos("وللجيش", frozenset()) == (("و", "CCONJ"), ("ل", "ADP"), ("الجيش", "X"))
    assert segment_with_upos("قواته", frozenset({"قوات"})) == (("قوات", "X"), ("ه", "PRON"))


@given(ARABIC_TEXT)
def test_arabic_segment_never_raises_and_keeps_letters(word: str) -> None:
    segments = segment_word(word, frozenset({"جيش", "قوات", "سيطر"}))
    assert segments
    joined = normalize_arabic("".join(segments))
    # the only letter ever added is the article's alef of «لل» (ل + ال...)
    assert len(joined) - len(normalize_arabic(word)) in (0, 1)
