"""Codebook entries -> phrase matchers keyed by the first word of each phrase.

Matching cost per token does not grow with the number of entries: each token looks up its key
(and its prefixes, for ``word*`` entries) in a dict and checks only the phrases starting there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Generic, TypeVar

from coder.codebook.load import Codebook
from coder.frontends.keys import phrase_keys

P = TypeVar("P")

MIN_WILDCARD = 2


@dataclass(frozen=True, slots=True)
class PhraseItem:
    key: str
    wildcard: bool

    def matches(self, key: str) -> bool:
        return key.startswith(self.key) if self.wildcard else key == self.key


def compile_phrase(phrase: str, language: str) -> tuple[PhraseItem, ...]:
    return tuple(PhraseItem(k[:-1], True) if k.endswith("*") and len(k) > 1 else PhraseItem(k, False)
                 for k in phrase_keys(phrase, language))


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    start: int
    end: int  # exclusive, in tokens
    payload: P


class PhraseIndex(Generic[P]):
    """Phrases of one language; ``longest_at`` finds the longest phrase starting at a token."""

    __slots__ = ("_exact", "_wild", "_wild_lengths")

    def __init__(self, entries: Sequence[tuple[tuple[PhraseItem, ...], P]]) -> None:
        exact: dict[str, list[tuple[tuple[PhraseItem, ...], P]]] = defaultdict(list)
        wild: dict[str, list[tuple[tuple[PhraseItem, ...], P]]] = defaultdict(list)
        for items, payload in entries:
            if not items or (items[0].wildcard and len(items[0].key) < MIN_WILDCARD):
                continue
            (wild if items[0].wildcard else exact)[items[0].key].append((items, payload))
        for table in (exact, wild):
            for bucket in table.values():
                bucket.sort(key=lambda entry: -len(entry[0]))
        self._exact = dict(exact)
        self._wild = dict(wild)
        self._wild_lengths = tuple(sorted({len(k) for k in wild}, reverse=True))

    def __len__(self) -> int:
        return sum(len(b) for b in self._exact.values()) + sum(len(b) for b in self._wild.values())

    def keys(self) -> frozenset[str]:
        """Every word key of every phrase (wildcard stems included)."""
        return frozenset(item.key for table in (self._exact, self._wild) for bucket in table.values()
                         for items, _ in bucket for item in items)

    def candidates(self, key: str) -> list[tuple[tuple[PhraseItem, ...], P]]:
        found = list(self._exact.get(key, ()))
        for length in self._wild_lengths:
            if length <= len(key):
                found.extend(self._wild.get(key[:length], ()))
        return found

    def all_at(self, keys: Sequence[str], start: int) -> list[Match[P]]:
        """Every phrase that matches at ``start``, longest first."""
        out: list[Match[P]] = []
        for items, payload in self.candidates(keys[start]):
            end = start + len(items)
            if end <= len(keys) and all(item.matches(keys[start + j]) for j, item in enumerate(items)):
                out.append(Match(start, end, payload))
        out.sort(key=lambda m: -(m.end - m.start))
        return out

    def longest_at(self, keys: Sequence[str], start: int) -> Match[P] | None:
        found = self.all_at(keys, start)
        return found[0] if found else None

    def scan(self, keys: Sequence[str]) -> list[Match[P]]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match[P]] = []
        i = 0
        while i < len(keys):
            match = self.longest_at(keys, i)
            if match is None:
                i += 1
            else:
                out.append(match)
                i = match.end
        return out


EMPTY_INDEX: PhraseIndex = PhraseIndex(())


@dataclass(frozen=True, slots=True)
class ActorRef:
    kind: str  # "actor", "demonym" or "agent"
    index: int


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    verb: int
    pattern: int  # index in the verb's patterns
    before: tuple[str | tuple[PhraseItem, ...], ...]  # "$", "+", "&NAME" or a literal word
    after: tuple[str | tuple[PhraseItem, ...], ...]
    literals: int


@dataclass(frozen=True)
class CompiledCodebook:
    """Matchers of one codebook for each language; built once and cached per content version."""

    codebook: Codebook
    actors: MappingProxyType  # language -> PhraseIndex[ActorRef]
    verbs: MappingProxyType  # language -> PhraseIndex[int]
    patterns: MappingProxyType  # (verb index, language) -> tuple[CompiledPattern, ...]
    synsets: MappingProxyType  # (name, language) -> PhraseIndex[str]
    discards: MappingProxyType  # language -> PhraseIndex[bool]; True = story-level
    vocabulary: MappingProxyType  # language -> frozenset of keys (guides clitic segmentation)
    country_names: MappingProxyType  # ISO3 -> English name (from the country actors)

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)

    def actor_index(self, language: str) -> PhraseIndex[ActorRef]:
        index = self.actors.get(language)
        return index if index is not None else EMPTY_INDEX

    def verb_index(self, language: str) -> PhraseIndex[int]:
        index = self.verbs.get(language)
        return index if index is not None else EMPTY_INDEX


def _compile_items(items: Sequence[str], language: str) -> tuple[str | tuple[PhraseItem, ...], ...]:
    out: list[str | tuple[PhraseItem, ...]] = []
    for item in items:
        if item in ("$", "+") or item.startswith("&"):
            out.append(item)
        else:
            compiled = compile_phrase(item, language)
            if compiled:
                out.append(compiled)
    return tuple(out)


def compile_codebook(codebook: Codebook) -> CompiledCodebook:
    actor_entries: dict[str, list] = defaultdict(list)
    for i, actor in enumerate(codebook.actors):
        for lang, phrase in actor.phrases:
            actor_entries[lang].append((compile_phrase(phrase, lang), ActorRef("actor", i)))
        for lang, phrase in actor.demonyms:
            actor_entries[lang].append((compile_phrase(phrase, lang), ActorRef("demonym", i)))
    for i, agent in enumerate(codebook.agents):
        for lang, phrase in agent.phrases:
            actor_entries[lang].append((compile_phrase(phrase, lang), ActorRef("agent", i)))
    verb_entries: dict[str, list] = defaultdict(list)
    patterns: dict[tuple[int, str], list[CompiledPattern]] = defaultdict(list)
    for i, verb in enumerate(codebook.verbs):
        for lang, phrase in verb.anchors:
            verb_entries[lang].append((compile_phrase(phrase, lang), i))
        for j, pattern in enumerate(verb.patterns):
            star = pattern.items.index("*")
            before = _compile_items(pattern.items[:star], pattern.language)
            after = _compile_items(pattern.items[star + 1:], pattern.language)
            literals = sum(1 for x in before + after if not (isinstance(x, str) and x in "$+"))
            patterns[(i, pattern.language)].append(CompiledPattern(i, j, before, after, literals))
    for bucket in patterns.values():
        bucket.sort(key=lambda p: -p.literals)
    synsets: dict[tuple[str, str], list] = defaultdict(list)
    for synset in codebook.synsets:
        for lang, phrase in synset.phrases:
            synsets[(synset.name, lang)].append((compile_phrase(phrase, lang), phrase))
    discards: dict[str, list] = defaultdict(list)
    for discard in codebook.discards:
        for lang, phrase in discard.phrases:
            discards[lang].append((compile_phrase(phrase, lang), False))
        for lang, phrase in discard.story_phrases:
            discards[lang].append((compile_phrase(phrase, lang), True))
    vocabulary: dict[str, set[str]] = defaultdict(set)
    for table in (actor_entries, verb_entries):
        for lang, entries in table.items():
            for items, _ in entries:
                vocabulary[lang].update(item.key for item in items)
    country_names = {a.country: a.name for a in reversed(codebook.actors)
                     if a.country and any(c.code == a.country for c in a.codes)}
    return CompiledCodebook(
        codebook=codebook,
        country_names=MappingProxyType(country_names),
        actors=MappingProxyType({k: PhraseIndex(v) for k, v in actor_entries.items()}),
        verbs=MappingProxyType({k: PhraseIndex(v) for k, v in verb_entries.items()}),
        patterns=MappingProxyType({k: tuple(v) for k, v in patterns.items()}),
        synsets=MappingProxyType({k: PhraseIndex(v) for k, v in synsets.items()}),
        discards=MappingProxyType({k: PhraseIndex(v) for k, v in discards.items()}),
        vocabulary=MappingProxyType({k: frozenset(v) for k, v in vocabulary.items()}),
    )


@lru_cache(maxsize=8)
def compiled(codebook: Codebook) -> CompiledCodebook:
    """Compile once per codebook (codebooks hash by identity; load_codebook_cached reuses them)."""
    return compile_codebook(codebook)
