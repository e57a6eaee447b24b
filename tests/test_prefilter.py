"""The required-strings prefilter never rules out a pattern that matches (so gating changes no result)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents import cues, dates
from coder.incidents.prefilter import (
    PatternGate,
    StringGate,
    WordScreen,
    ascii_casefold_is_exact,
    case_folded,
    required_strings,
)

PATTERNS = [
    r"\bprotest(?:s|ed|ers?)?\b|\brall(?:y|ied)\b",
    r"\b(?:police|troops)\b[\w ]{0,20}\bfired (?:at|on)\b",
    r"(?:ab)+c|x[yz]{2}w",
    r"\bair ?-?strikes?\b",
    r"shell(?:s|ed|ing)\b|\b\d+ ?mm\b",
    r"(?i)Kill(?:ed)?",
]


def test_required_strings_of_simple_patterns():
    assert required_strings(r"\bprotest(?:s|ed)?\b|\brally\b") == frozenset({"protest", "rally"})
    assert required_strings(r"\bfired\b[\w ]{0,80}\bat the (?:positions|posts)\b") == frozenset({"at the p"})
    assert required_strings(r"Killed", re.I) == frozenset({"killed"})
    assert required_strings(r"\w+") is None  # nothing required: the pattern always runs
    assert required_strings(r"a|\d+") is None  # one branch requires nothing
    # a case-insensitive group in a case-sensitive pattern requires nothing we can test unlowered
    assert required_strings(r"xy(?i:Kill)") == frozenset({"xy"})
    assert PatternGate([re.compile(r"ab(?i:Kill)|(?i:Kill)cd")]).possible("KILLcd") == frozenset({"0"})


def test_string_gate_finds_overlapping_and_nested_strings():
    gate = StringGate({"a": frozenset({"attack"}), "b": frozenset({"tack"}), "c": frozenset({"att"})})
    assert gate.names_in("they attacked") == frozenset({"a", "b", "c"})
    assert gate.names_in("an attempt") == frozenset({"c"})
    assert gate.names_in("nothing here") == frozenset()


_ALPHABET = "abcxyzwmki0123456789 -protesalyfiredkPOLICEtrop"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_a_ruled_out_pattern_never_matches(text):
    compiled = [re.compile(p) for p in PATTERNS]
    possible = PatternGate(compiled).possible(text)
    for i, pattern in enumerate(compiled):
        if str(i) not in possible:
            assert pattern.search(text) is None


def _words_of(patterns) -> list[str]:
    words: set[str] = set()
    for p in patterns:
        words.update((required_strings(p.pattern, p.flags) or frozenset()))
    return sorted(words)


@pytest.mark.parametrize(
    ("patterns", "case"),
    [
        ([p for _, p in cues._COMPILED["en"]], str.upper),
        ([p for _, p in cues._COMPILED["ar"]], str),
        ([p for p, _, _ in dates._RULES["en"]], str),
        ([p for p, _, _ in dates._RULES["ar"]], str),
    ],
)
def test_the_cue_and_date_gates_agree_with_the_patterns(patterns, case):
    """Texts stitched from the patterns' own required strings (and their upper-case forms, since
    English cues ignore case) match exactly when the gate lets the pattern through."""
    words = _words_of(patterns)
    gate = PatternGate(patterns)
    for k in range(0, len(words), 3):
        text = " ".join(words[k : k + 3]) + " " + case(" ".join(words[k + 3 : k + 5])) + " 12 mm 2020/05/01"
        possible = gate.possible(text)
        for i, pattern in enumerate(patterns):
            if pattern.search(text):
                assert str(i) in possible, (pattern.pattern[:60], text)


def test_non_ascii_letters_disable_case_folded_gating():
    gate = PatternGate([re.compile(r"\bkill", re.I)])
    assert gate.possible("the \u212aILL") == frozenset({"0"})  # Kelvin sign: re.I matches it to k
    assert gate.possible("nothing — here") == frozenset()


def test_case_folded_keeps_escapes_and_group_names_and_refuses_what_it_cannot_fold():
    folded = case_folded(re.compile(r"\bKill(?P<More>ED|S)?\W+[A-Z]\d", re.I))
    assert folded is not None and folded.pattern == r"\bkill(?P<More>ed|s)?\W+[a-z]\d"
    assert not folded.flags & re.IGNORECASE
    assert case_folded(re.compile(r"kill")) is None  # already case-sensitive
    assert case_folded(re.compile(r"\x4bill", re.I)) is None  # a character code
    assert case_folded(re.compile(r"(a)\1", re.I)) is None  # a back-reference
    assert case_folded(re.compile(r"[A-z]", re.I)) is None  # a range across the cases
    assert case_folded(re.compile(r"a(?-i:B)", re.I)) is None  # inline flags


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "KILLEDRALYkilled'’", max_size=80))
def test_case_folded_cue_patterns_find_the_same_spans_on_lowered_text(text):
    for _, pattern in cues._COMPILED["en"]:
        folded = case_folded(pattern)
        assert folded is not None, pattern.pattern[:60]
        assert [m.span() for m in folded.finditer(text.lower())] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", [
    "Turkish TROOPS shelled the Syrian Army positions near Idlib, killing 3 civilians.",
    "Protesters DEMONSTRATED; police fired tear gas to prevent any attack.",
    "The \u212aILLING of residents",  # Kelvin sign: not folded, the case-insensitive patterns run
    "Ⓐrmed men ATTACKED a village",
])
def test_find_cues_is_the_same_with_and_without_case_folding(text):
    first: dict[str, int] = {}
    for kind, pattern in cues._COMPILED["en"]:
        for m in pattern.finditer(text):
            if not cues._IRREALIS["en"].search(text, max(0, m.start() - 30), m.start()):
                first[kind] = m.start()
                break
    assert cues.find_cues(text, "en").first == first


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from("abcde"),
        st.frozensets(st.text(alphabet="ab c-", min_size=1, max_size=5), min_size=1, max_size=3),
        max_size=5,
    ),
    st.lists(st.text(alphabet="ab c-\n", max_size=30), min_size=1, max_size=4),
)
def test_string_gate_names_exactly_the_names_of_the_strings_in_the_text(gates, texts):
    """Read word by word (a memo per word), strings with white space included: a name comes
    back exactly when one of its strings is in the text."""
    gate = StringGate(gates)
    for text in texts + texts:  # the second time from the memo
        expected = {name for name, strings in gates.items() if any(s in text for s in strings)}
        expected |= {name for name, strings in gates.items() if any(not s.split() for s in strings)}
        assert gate.names_in(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="kild'_ \t\n\u00a0-.", max_size=30), min_size=1, max_size=4))
def test_word_screen_answers_as_the_screen_of_the_whole_text(texts):
    """A screen of words that never span white space ("didn't", "killed-in") says of a text what
    one regex pass over the whole text says, its answers kept per word."""
    triggers = frozenset({"kill", "killed", "didn't", "d"})
    word = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
    screen = WordScreen(lambda w: not triggers.isdisjoint(word.findall(w)))
    for text in texts + texts:  # the second time from the memo
        assert screen.any_word(text) == (not triggers.isdisjoint(word.findall(text)))


def test_ascii_casefold_is_exact_knows_every_letter_that_folds_onto_ascii():
    """Every non-ASCII character an IGNORECASE pattern of ASCII letters matches, or whose lower case
    holds an ASCII letter, makes the test false; Arabic text keeps it true."""
    import string
    import sys

    letters = re.compile("|".join(string.ascii_lowercase), re.IGNORECASE)
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if letters.fullmatch(char) or any(c.isascii() and c.isalpha() for c in char.lower()):
            assert not ascii_casefold_is_exact("x" + char), hex(code)
    assert ascii_casefold_is_exact("قتل 3 مدنيين في «الموصل»")
    assert ascii_casefold_is_exact("Fatalities CODED as 0")
