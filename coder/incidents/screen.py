"""The word screens of a sentence's readers, decided in one pass over its normalised words.

Before running its patterns, each reader rules most sentences out by the words they hold: the cue
patterns' required strings (``cues``), date trigger words and the date rules' strings (``dates``),
the words of an aggregate phrase (``dates``), death words (``fatalities``). Each screen is a memo
look-up per word, so a sentence paid five passes over the same words; ``screen`` makes one, with
one memo for all of them (a ``StringGate`` whose names are (screen, name)), and gives each reader
what its own screen would have answered. A reader not given its answer screens for itself.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import NamedTuple

from coder.incidents import cues, dates, fatalities
from coder.incidents.numbers import Normalised
from coder.incidents.prefilter import PatternGate, StringGate

_CUE, _RULE, _AGGREGATE, _DATE_WORDS, _DEATH_WORDS = "cue", "rule", "aggregate", "date_words", "death_words"


class Screened(NamedTuple):
    """What each reader's screen answers for one normalised sentence (None: not screened here)."""

    cues: frozenset[str] | None  # the cue patterns that may match (``cues.find_cues``'s ``possible``)
    date_rules: frozenset[str] | None  # the date rules that may match
    date_words: bool  # a date trigger word (``dates._may_hold_date`` adds numeric dates)
    aggregate: bool | None  # a word of an aggregate phrase
    death_words: bool  # a death word


class _Screen(NamedTuple):
    gate: StringGate
    cues_always: frozenset[str] | None  # None: the language's cues are screened by ``find_cues``
    rules_always: frozenset[str] | None
    aggregate: bool  # whether the aggregate phrases' words are in the gate


def _patterns(
    column: str, gate: PatternGate | None, into: dict[Hashable, frozenset[str]]
) -> frozenset[str] | None:
    """Put a pattern gate's strings into one gate's, unless its text is lower-cased first (the
    English cues: their screen runs on the raw text, not on the normalised one)."""
    if gate is None or gate.folds:
        return None
    into.update({(column, name): strings for name, strings in gate.required.items()})
    return gate.always


def _screen(language: str) -> _Screen:
    strings: dict[Hashable, frozenset[str]] = {}
    cues_always = _patterns(_CUE, cues.CUE_GATES.get(language), strings)
    rules_always = _patterns(_RULE, dates.RULE_GATES.get(language), strings)
    aggregate = dates.AGGREGATE_WORDS.get(language)
    if aggregate is not None:
        strings[(_AGGREGATE, "")] = aggregate
    tests: dict[Hashable, Callable[[str], bool]] = {
        (_DATE_WORDS, ""): dates.DATE_WORDS[language].test,
        (_DEATH_WORDS, ""): fatalities.DEATH_WORDS.test,
    }
    return _Screen(StringGate(strings, tests), cues_always, rules_always, aggregate is not None)


_SCREENS = {language: _screen(language) for language in dates.DATE_WORDS}


def screen(norm: Normalised, language: str) -> Screened | None:
    """Every reader's screen of ``norm.text`` (None for a language without readers)."""
    found = _SCREENS.get(language)
    if found is None:
        return None
    cue_names = set(found.cues_always) if found.cues_always is not None else None
    rule_names = set(found.rules_always) if found.rules_always is not None else None
    date_words = aggregate = death_words = False
    for column, name in found.gate.names_in(norm.text):
        if column == _CUE:
            cue_names.add(name)  # type: ignore[union-attr]
        elif column == _RULE:
            rule_names.add(name)  # type: ignore[union-attr]
        elif column == _DATE_WORDS:
            date_words = True
        elif column == _DEATH_WORDS:
            death_words = True
        else:
            aggregate = True
    return Screened(
        frozenset(cue_names) if cue_names is not None else None,
        frozenset(rule_names) if rule_names is not None else None,
        date_words,
        aggregate if found.aggregate else None,
        death_words,
    )
