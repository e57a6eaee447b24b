"""The lite front-end: sentences of tokens from raw English and Arabic text."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.frontends.keys import match_key
from coder.frontends.lite import LiteFrontend
from coder.model import Sentence

ARABIC_OR_ANY = st.one_of(
    st.text(max_size=120),
    st.text(
        alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(list(" .،؟\n")),
        max_size=120,
    ),
)


def check_structure(text: str, sentences: tuple[Sentence, ...], language: str) -> None:
    for index, sentence in enumerate(sentences):
        assert sentence.index == index
        assert sentence.language == language
        assert sentence.text in text
        assert sentence.tokens
        assert [t.id for t in sentence.tokens] == list(range(1, len(sentence.tokens) + 1))
        assert sentence.keys == tuple(t.key for t in sentence.tokens)
        assert pickle.loads(pickle.dumps(sentence)).keys == sentence.keys
        for token in sentence.tokens:
            assert 0 <= token.start < token.end <= len(sentence.text)
            assert token.head is None and token.deprel is None


@pytest.mark.parametrize("language", ["en", "ar"])
@settings(max_examples=150, deadline=None)
@given(text=ARABIC_OR_ANY)
def test_frontend_never_raises(language: str, text: str) -> None:
    frontend = LiteFrontend(vocabulary=frozenset({"جيش", "قوات", "سيطر"}))
    check_structure(text, frontend.parse(text, language), language)


@pytest.mark.parametrize("text", ["", "   \n\n ", "... !!! ؟", "«»"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_frontend_text_without_words_gives_no_sentence(text: str, language: str) -> None:
    assert LiteFrontend().parse(text, language) == ()


def test_frontend_english_tokens() -> None:
    text = "Haftar's forces seized 3 towns.\nLibyan Army Advances"
    first, second = LiteFrontend().parse(text, "en")
    assert first.text == "Haftar's forces seized 3 towns."
    assert [(t.form, t.lemma, t.upos, t.key) for t in first.tokens] == [
        ("Haftar", "haftar", "X", "haftar"), ("'s", "'s", "X", "'s"), ("forces", "force", "X", "force"),
        ("seized", "seize", "X", "seize"), ("3", "3", "NUM", "3"), ("towns", "town", "X", "town"),
        (".", ".", "PUNCT", "."),
    ]
    assert [t.upos for t in second.tokens] == ["X", "PROPN", "PROPN"]
    assert second.index == 1
    spans = [first.text[t.start:t.end] for t in first.tokens]
    assert spans == ["Haftar", "'s", "forces", "seized", "3", "towns", "."]


def test_frontend_arabic_tokens() -> None:
    text = "وقال المتحدث إن قوات الجيش سيطرت على بوقرين. وأعلنت شعبة الإعلام"
    sentences = LiteFrontend(vocabulary=frozenset({"قوات", "جيش"})).parse(text, "ar")
    assert [s.text for s in sentences] == [
        "وقال المتحدث إن قوات الجيش سيطرت على بوقرين.", "وأعلنت شعبة الإعلام"]
    tokens = sentences[0].tokens
    assert [(t.form, t.key, t.upos) for t in tokens[:3]] == [
        ("و", "و", "CCONJ"), ("قال", "قال", "X"), ("المتحدث", "متحدث", "X")]
    assert tokens[0].start == tokens[1].start == 0 and tokens[0].end == tokens[1].end == 4
    assert [t.key for t in tokens if t.form == "الجيش"] == ["جيش"]
    assert all(t.lemma == t.key for t in tokens)


def test_frontend_arabic_numbers_keyed_in_ascii() -> None:
    (sentence,) = LiteFrontend().parse("قتل ٣٠ شخصا", "ar")
    assert [(t.form, t.key, t.upos) for t in sentence.tokens][1] == ("٣٠", "30", "NUM")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_frontend_keys_equal_match_key(language: str) -> None:
    text = "Troops fought the militias near Sirte." if language == "en" else "واشتبكت القوات مع المليشيات"
    for sentence in LiteFrontend().parse(text, language):
        for token in sentence.tokens:
            if token.upos not in ("PUNCT", "NUM"):
                assert token.key == match_key(token.form, token.lemma, language)


def test_frontend_other_language_gets_neutral_tokens() -> None:
    (sentence,) = LiteFrontend().parse("Les Forces ont attaqué.", "fr")
    assert [t.key for t in sentence.tokens] == ["les", "forces", "ont", "attaqué", "."]


def test_frontend_is_frozen_hashable_and_pickles_without_its_memo() -> None:
    frontend = LiteFrontend(vocabulary=frozenset({"جيش"}))
    frontend.parse("والجيش", "ar")
    copy = pickle.loads(pickle.dumps(frontend))
    assert copy == frontend and hash(copy) == hash(frontend)
    assert copy.parse("والجيش", "ar") == frontend.parse("والجيش", "ar")
    with pytest.raises(AttributeError):
        frontend.vocabulary = frozenset()  # type: ignore[misc]
