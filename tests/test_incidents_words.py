"""split_words, read chunk by chunk with a memo, finds exactly what the word regex finds in the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents.numbers import _WORD, Word, split_words

_CHARS = st.sampled_from(list("ab1,2 \t\n-'’_.١٢قتل3x9") + ["\u00a0", "\u2003", "،", "İ"])


def _by_regex(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(_CHARS, max_size=30).map("".join))
def test_incidents_split_words_matches_the_regex(text: str) -> None:
    assert split_words(text) == _by_regex(text)


def test_incidents_split_words_on_a_sentence() -> None:
    text = "قتل 1,200 شخص، و3 آخرون  في 12/05/2020 - Al-Qaeda's men"
    assert split_words(text) == _by_regex(text)
    assert split_words(text + " " + text)[: len(split_words(text))] == split_words(text)
