"""The pattern sieve hands the matcher every pattern a sentence's words allow, in the block's order:
filing a pattern under one word it needs may rule patterns out, never in."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.codebook.compile import CompiledPattern, PatternSieve, compile_codebook
from coder.codebook.load import default_codebook_path, load_codebook
from coder.engine.verbs import _all_meet


@pytest.fixture(scope="module")
def cb():
    return compile_codebook(load_codebook(default_codebook_path()))


def allowed(pattern: CompiledPattern, present: frozenset[str], prefixes: frozenset[str]) -> bool:
    return (pattern.required <= present and _all_meet(present, pattern.required_any)
            and pattern.required_stems <= prefixes)


def prefixes_of(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


def sieved(sieve: PatternSieve, present: frozenset[str]) -> tuple[list, list]:
    prefixes = prefixes_of(present)
    through = sieve.patterns_for(present, lambda: prefixes)
    return ([p for p in through if allowed(p, present, prefixes)],
            [p for p in sieve.patterns if allowed(p, present, prefixes)])


def test_sieve_keeps_every_allowed_pattern_of_every_block(cb):
    """Each block, with sentences made of words its own patterns need (so that many fit)."""
    rng = random.Random(7)
    checked = 0
    for sieve in cb.patterns.values():
        words = sorted({k for p in sieve.patterns for k in p.required}
                       | {k for p in sieve.patterns for s in p.required_any for k in s}
                       | {s + "x" for p in sieve.patterns for s in p.required_stems})
        for _ in range(3):
            present = frozenset(rng.sample(words, min(len(words), rng.randint(1, 12))))
            kept, expected = sieved(sieve, present)
            assert kept == expected
            checked += len(expected)
    assert checked > 100  # the sentences did let patterns through


def test_sieve_rules_out_patterns_whose_words_are_missing(cb):
    sieve = max(cb.patterns.values(), key=lambda s: len(s.patterns))
    assert len(sieve.patterns) > 50
    assert len(sieve.patterns_for(frozenset({"zzz"}), lambda: frozenset({"z", "zz", "zzz"}))) \
        == len(sieve.unfiled) < len(sieve.patterns)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_sieve_matches_the_full_tests_on_any_words(cb, data):
    blocks = sorted(cb.patterns)
    sieve = cb.patterns[data.draw(st.sampled_from(blocks))]
    vocabulary = sorted({k for p in sieve.patterns for k in p.required}) or ["x"]
    present = frozenset(data.draw(st.lists(st.sampled_from(vocabulary) | st.text(min_size=1, max_size=4),
                                           max_size=15)))
    kept, expected = sieved(sieve, present)
    assert kept == expected


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_stem_set_finds_the_stems_that_begin_a_sentences_words(cb, data):
    """The stems a sentence holds, read word by word from the memo, are those of its prefixes."""
    language = data.draw(st.sampled_from(sorted(cb.stems)))
    stems = cb.stems[language]
    pool = sorted(stems.stems)
    words = data.draw(st.lists(st.builds(lambda stem, tail: stem + tail, st.sampled_from(pool),
                                         st.text(max_size=3)) | st.text(max_size=6), max_size=12))
    once = stems.in_words(frozenset(words))
    assert once == stems.stems & prefixes_of(frozenset(words))
    assert stems.in_words(frozenset(words)) == once  # the second time, from the memo


def test_stem_sets_hold_every_stem_a_pattern_requires(cb):
    for (_, language), sieve in cb.patterns.items():
        for pattern in sieve.patterns:
            assert pattern.required_stems <= cb.stems[language].stems
    assert cb.stems["ar"].stems  # Arabic patterns use wildcard words


def test_phrase_index_and_stem_set_pickle_without_their_memos(cb):
    """The compiled-codebook cache stores the matchers, never what a run has read with them."""
    import pickle

    index, stems = cb.verb_index("ar"), cb.stems["ar"]
    word = next(iter(stems.stems)) + "ات"
    assert index.may_start(word) == pickle.loads(pickle.dumps(index)).may_start(word)
    assert stems.in_words([word])
    assert index._gathered and stems._of_word  # read once, remembered
    again_index, again_stems = pickle.loads(pickle.dumps(index)), pickle.loads(pickle.dumps(stems))
    assert not again_index._gathered and not again_stems._of_word
    assert again_stems.in_words([word]) == stems.in_words([word]) and len(again_index) == len(index)
