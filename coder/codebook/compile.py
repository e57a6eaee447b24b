"""Codebook entries -> phrase matchers keyed by the first word of each phrase.

Matching cost per token does not grow with the number of entries: each token looks up its key
(and its prefixes, for ``word*`` entries) in a dict and checks only the phrases starting there.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Generic, NamedTuple, TypeVar

from coder.cache import cache_directory, cache_key, load_or_build, source_stamp
from coder.codebook.entries import AgentEntry, record_reduce
from coder.codebook.load import Codebook, content_hash, default_codebook_path, load_codebook
from coder.errors import CodebookError
from coder.frontends.keys import phrase_keys
from coder.memo import remember

P = TypeVar("P")
MIN_WILDCARD = 2


@dataclass(frozen=True, slots=True)
class PhraseItem:
    """One word of a phrase: its key, or a key prefix (``wildcard``). ``alt`` is the word as
    written when that differs from its key: a parser that leaves a word unlemmatised ("rights",
    "geese", "Downs") gives a key equal to the written word, and the phrase matches it too."""

    __reduce__ = record_reduce

    key: str
    wildcard: bool
    alt: str | None = None

    def matches(self, key: str) -> bool:
        if self.wildcard:
            return key.startswith(self.key)
        return key == self.key or key == self.alt


def compile_phrase(phrase: str, language: str, shared: dict | None = None) -> tuple[PhraseItem, ...]:
    """The items of a phrase. ``shared`` (one dict per compilation) hands out one object per
    distinct item, so a codebook of 65,000 phrases holds each word once (and caches small)."""
    keys = phrase_keys(phrase, language)
    words = phrase.lower().split()
    # written forms only where words and keys align one to one (English: keys are lemmas)
    written = words if language == "en" and len(words) == len(keys) else [None] * len(keys)
    items = tuple(PhraseItem(k[:-1], True) if k.endswith("*") and len(k) > 1
                  else PhraseItem(k, False, w if w is not None and w != k and w.isalpha() else None)
                  for k, w in zip(keys, written, strict=True))
    if shared is None:
        return items
    items = tuple(shared.setdefault(item, item) for item in items)
    return shared.setdefault(items, items)


class Match(NamedTuple, Generic[P]):
    """A phrase found in a sentence (a named tuple: matching makes several a sentence)."""

    start: int
    end: int  # exclusive, in tokens
    payload: P


Word = str | PhraseItem  # inside an index: a plain word is its key, anything else a PhraseItem


def _word(item: PhraseItem) -> Word:
    return item.key if not item.wildcard and item.alt is None else item


def _matches(word: Word, key: str) -> bool:
    return word == key if word.__class__ is str else word.matches(key)  # type: ignore[union-attr]


def _rest_matches(items: tuple[Word, ...], keys: Sequence[str], start: int, first: int = 1) -> bool:
    """Whether the words of a phrase from its ``first`` on (the first word chose the bucket)
    match the keys from ``start`` on; the caller has checked that the keys are long enough. A
    plain loop: most phrases have one or two words, and a generator costs more than the
    comparisons."""
    for j in range(first, len(items)):
        word = items[j]
        if word.__class__ is str:
            if word != keys[start + j]:
                return False
        elif not word.matches(keys[start + j]):  # type: ignore[union-attr]
            return False
    return True


# Match(...) without the named tuple's Python-level __new__: matching makes several a sentence
_new_match = functools.partial(tuple.__new__, Match)


class PhraseIndex(Generic[P]):
    """Phrases of one language; ``longest_at`` finds the longest phrase starting at a token.

    Phrases are kept in buckets by their first word (its key, its written form, or for ``word*``
    its stem), longest first, so a token costs one dict lookup (plus one per wildcard stem
    length) whatever the number of phrases.
    """

    __slots__ = ("_exact", "_wild", "_wild_lengths", "_split", "_gathered")

    def __init__(self, entries: Sequence[tuple[tuple[PhraseItem, ...], P]]) -> None:
        exact: dict[str, list[tuple[tuple[Word, ...], P]]] = defaultdict(list)
        wild: dict[str, list[tuple[tuple[Word, ...], P]]] = defaultdict(list)
        for items, payload in entries:
            if not items or (items[0].wildcard and len(items[0].key) < MIN_WILDCARD):
                continue
            entry = (tuple(_word(item) for item in items), payload)
            (wild if items[0].wildcard else exact)[items[0].key].append(entry)
            if items[0].alt is not None:
                exact[items[0].alt].append(entry)
        for table in (exact, wild):
            for bucket in table.values():
                bucket.sort(key=lambda entry: -len(entry[0]))
        self._exact = dict(exact)
        self._wild = dict(wild)
        self._wild_lengths = tuple(sorted({len(k) for k in wild}, reverse=True))
        # buckets of many phrases ("president ...", "the ...") are split again by their second word
        self._split = {key: _split(bucket) for key, bucket in self._exact.items() if len(bucket) > SPLIT}
        # key -> its phrases from every bucket, for an index with wildcard stems: a word's
        # buckets are gathered once, not at each of its occurrences (words repeat)
        self._gathered: dict[str, tuple[tuple[tuple[Word, ...], P], ...]] = {}

    def __getstate__(self) -> tuple:
        return self._exact, self._wild, self._wild_lengths, self._split  # not the per-word memo

    def __setstate__(self, state: tuple) -> None:
        self._exact, self._wild, self._wild_lengths, self._split = state
        self._gathered = {}

    def __len__(self) -> int:
        return sum(len(b) for b in self._exact.values()) + sum(len(b) for b in self._wild.values())

    def keys(self) -> frozenset[str]:
        """Every word key of every phrase (wildcard stems included)."""
        return frozenset(item if item.__class__ is str else item.key  # type: ignore[union-attr]
                         for table in (self._exact, self._wild) for bucket in table.values()
                         for items, _ in bucket for item in items)

    def may_start(self, key: str) -> bool:
        """Whether some phrase may start with a word of this key (one dict lookup)."""
        if not self._wild_lengths:
            return key in self._exact
        found = self._gathered.get(key)
        return bool(found if found is not None else self._gather(key))

    def _gather(self, key: str) -> tuple[tuple[tuple[Word, ...], P], ...]:
        found = list(self._exact.get(key, ()))
        for length in self._wild_lengths:
            if length <= len(key):
                found.extend(self._wild.get(key[:length], ()))
        return remember(self._gathered, key, tuple(found))

    def all_at(self, keys: Sequence[str], start: int) -> list[Match[P]]:
        """Every phrase that matches at ``start``, longest first."""
        key = keys[start]
        if self._wild_lengths:
            found = self._gathered.get(key)
            if found is None:
                found = self._gather(key)
        else:
            found = self._exact.get(key, ())
        if not found:
            return []
        out: list[Match[P]] = []
        count = len(keys)
        for items, payload in found:
            end = start + len(items)
            # the first word matched already: it chose the bucket; the second inline
            if end == start + 1 or end <= count and (
                    keys[start + 1] == items[1] if items[1].__class__ is str
                    else items[1].matches(keys[start + 1])) \
                    and (end == start + 2 or _rest_matches(items, keys, start, 2)):
                out.append(_new_match((start, end, payload)))
        if self._wild_lengths and len(out) > 1:
            out.sort(key=lambda m: -(m.end - m.start))
        return out

    def _buckets(self, keys: Sequence[str], start: int) -> list:
        """The lists of phrases (each longest first) that may match at ``start``."""
        key = keys[start]
        split = self._split.get(key)
        if split is not None:
            following = keys[start + 1] if start + 1 < len(keys) else None
            buckets = [split[0].get(following, ()), split[1]]
        else:
            buckets = [self._exact.get(key, ())]
        for length in self._wild_lengths:
            if length <= len(key):
                buckets.append(self._wild.get(key[:length], ()))
        return buckets

    def longest_at(self, keys: Sequence[str], start: int) -> Match[P] | None:
        count = len(keys)
        key = keys[start]
        if not self._wild_lengths and key not in self._split:
            # one bucket, longest first: the first phrase that fits is the longest
            for items, payload in self._exact.get(key, ()):
                end = start + len(items)
                if end == start + 1:
                    return _new_match((start, end, payload))
                # the second word inline: where most phrases of a bucket fail ("the" + a country)
                if end <= count and (keys[start + 1] == items[1] if items[1].__class__ is str
                                     else items[1].matches(keys[start + 1])) \
                        and (end == start + 2 or _rest_matches(items, keys, start, 2)):
                    return _new_match((start, end, payload))
            return None
        best_end = start
        best: Match[P] | None = None
        for bucket in self._buckets(keys, start):
            for items, payload in bucket:
                end = start + len(items)
                if end <= best_end:
                    break  # longest first: nothing longer follows in this bucket
                if end <= count and (end == start + 1 or _rest_matches(items, keys, start)):
                    best_end, best = end, _new_match((start, end, payload))
                    break
        return best

    def any_in(self, keys: Sequence[str]) -> bool:
        """Whether any phrase occurs anywhere in ``keys``."""
        exact = self._exact
        if not self._wild_lengths:
            return any(key in exact and self.longest_at(keys, i) is not None for i, key in enumerate(keys))
        return any(self.longest_at(keys, i) is not None for i in range(len(keys)))

    def scan(self, keys: Sequence[str]) -> list[Match[P]]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match[P]] = []
        exact = self._exact
        wild = self._wild
        lengths = self._wild_lengths
        i = 0
        count = len(keys)
        while i < count:
            key = keys[i]
            # most words start no phrase: rule them out before building the candidate buckets
            if key not in exact and not (lengths and any(key[:n] in wild for n in lengths if n <= len(key))):
                i += 1
                continue
            match = self.longest_at(keys, i)
            if match is None:
                i += 1
            else:
                out.append(match)
                i = match.end
        return out


SPLIT = 12  # a first word with more phrases than this gets a second-level index


def _split(bucket: list) -> tuple[dict[str, list], list]:
    """A bucket's phrases by their second word (when it is a plain word), and the rest (one-word
    phrases, and those whose second word is a wildcard or has a written form); each longest first."""
    by_second: dict[str, list] = defaultdict(list)
    rest: list = []
    for entry in bucket:
        items = entry[0]
        if len(items) > 1 and items[1].__class__ is str:
            by_second[items[1]].append(entry)
        else:
            rest.append(entry)
    return dict(by_second), rest


EMPTY_INDEX: PhraseIndex = PhraseIndex(())


# What an actor phrase names, as one int (a cache of 65,000 phrases holds no object per phrase):
# the index of the actor, demonym's actor or agent, times 4, plus its kind.
ACTOR_KINDS = ("actor", "demonym", "agent")


def actor_ref(kind: str, index: int) -> int:
    return index * 4 + ACTOR_KINDS.index(kind)


def ref_kind(ref: int) -> str:
    return ACTOR_KINDS[ref & 3]


def ref_index(ref: int) -> int:
    return ref >> 2


@dataclass(frozen=True, slots=True)
class VerbRef:
    __reduce__ = record_reduce

    verb: int  # index in the codebook's verbs
    forms: tuple[str, ...]  # the anchor's words as written, lower case ("left" keys to "leave")
    patient: bool = False  # a noun whose genitive is whom the event befalls (the block's ``patient``)


@dataclass(frozen=True, slots=True)
class Group:
    """Words of a pattern that stand next to each other ("{trade protocol}"): only determiners
    and numbers may come between them."""

    __reduce__ = record_reduce

    items: tuple[str | tuple[PhraseItem, ...], ...]  # "&NAME" or a literal word


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    __reduce__ = record_reduce

    verb: int
    pattern: int  # index in the verb's patterns
    before: tuple[str | tuple[PhraseItem, ...] | Group, ...]  # "$", "+", "^", "&NAME", a word, a group
    after: tuple[str | tuple[PhraseItem, ...] | Group, ...]
    literals: int
    # keys the sentence must hold for the pattern to fit (its plain words), and for each synset
    # it names the keys one of which must be there (the first words of its phrases): most
    # patterns of a verb are ruled out by a few set comparisons
    required: frozenset[str] = frozenset()
    required_any: tuple[frozenset[str], ...] = ()
    # the stems of its wildcard words («اعتقل*»): each must begin some key of the sentence
    required_stems: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PatternSieve:
    """A verb's patterns in one language (most items first), each filed under one word it needs:
    a key of ``required``, else a stem of ``required_stems``, else every key of its smallest
    ``required_any`` set. A block holds up to hundreds of patterns of which a sentence can fit one
    or two: a look-up per word of the sentence, instead of set comparisons per pattern, finds
    the few worth trying (``patterns_for``), in the block's order."""

    __reduce__ = record_reduce

    patterns: tuple[CompiledPattern, ...]
    by_key: dict[str, tuple[int, ...]]  # positions in ``patterns``
    by_stem: dict[str, tuple[int, ...]]
    key_set: frozenset[str]
    stem_set: frozenset[str]
    unfiled: tuple[int, ...]  # patterns that need no word: tried for every anchor

    @classmethod
    def of(cls, patterns: Sequence[CompiledPattern]) -> PatternSieve:
        uses: dict[str, int] = defaultdict(int)  # the rarest key of a pattern sieves best
        for pattern in patterns:
            for key in pattern.required:
                uses[key] += 1
        by_key: dict[str, list[int]] = defaultdict(list)
        by_stem: dict[str, list[int]] = defaultdict(list)
        unfiled: list[int] = []
        for i, pattern in enumerate(patterns):
            if pattern.required:
                by_key[min(pattern.required, key=lambda k: (uses[k], -len(k), k))].append(i)
            elif pattern.required_stems:
                by_stem[max(pattern.required_stems, key=lambda k: (len(k), k))].append(i)
            elif pattern.required_any:
                for key in min(pattern.required_any, key=len):
                    by_key[key].append(i)
            else:
                unfiled.append(i)
        return cls(tuple(patterns), {k: tuple(v) for k, v in by_key.items()},
                   {k: tuple(v) for k, v in by_stem.items()}, frozenset(by_key), frozenset(by_stem),
                   tuple(unfiled))

    def patterns_for(self, present: frozenset[str], prefixes: Callable[[], frozenset[str]],
                     ) -> list[CompiledPattern]:
        """The patterns whose filed word is in the sentence (``present``: its keys; ``prefixes``:
        the prefixes of its keys, asked for only where a pattern is filed under a stem)."""
        chosen = list(self.unfiled)
        by_key = self.by_key
        for key in self.key_set & present:
            chosen.extend(by_key[key])
        if self.stem_set:
            by_stem = self.by_stem
            for stem in self.stem_set & prefixes():
                chosen.extend(by_stem[stem])
        if not chosen:
            return []
        patterns = self.patterns
        return [patterns[i] for i in sorted(set(chosen))]


class StemSet:
    """The stems of one language's wildcard pattern words («اعتقل*»), and which of them each
    word begins with, kept per word: a sentence's stems are then the union of its words'
    (mostly empty) sets, where every prefix of every word would be a set ten times larger."""

    __slots__ = ("stems", "lengths", "_of_word")

    def __init__(self, stems: Collection[str]) -> None:
        self.stems = frozenset(stems)
        self.lengths = tuple(sorted({len(stem) for stem in self.stems}))
        self._of_word: dict[str, frozenset[str]] = {}

    def __reduce__(self) -> tuple:
        return StemSet, (self.stems,)  # not the per-word memo

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StemSet) and other.stems == self.stems

    __hash__ = None  # type: ignore[assignment]

    def in_words(self, keys: Iterable[str]) -> frozenset[str]:
        """The stems that begin some of ``keys``."""
        if not self.stems:
            return frozenset()
        found = list(map(self._of_word.get, keys))
        if None in found:
            found = [self._in_word(key) if f is None else f for key, f in zip(keys, found, strict=True)]
        return frozenset().union(*found)

    def _in_word(self, key: str) -> frozenset[str]:
        stems = self.stems
        return remember(self._of_word, key,
                        frozenset(key[:n] for n in self.lengths if n <= len(key) and key[:n] in stems))


@dataclass(frozen=True)
class CompiledCodebook:
    """Matchers of one codebook for each language; built once and cached per content version."""

    codebook: Codebook
    actors: MappingProxyType  # language -> PhraseIndex[int] (see actor_ref)
    verbs: MappingProxyType  # language -> PhraseIndex[int]
    patterns: MappingProxyType  # (verb index, language) -> PatternSieve
    synsets: MappingProxyType  # (name, language) -> PhraseIndex[str]
    discards: MappingProxyType  # language -> PhraseIndex[bool]; True = story-level
    vocabulary: MappingProxyType  # language -> frozenset of keys (guides clitic segmentation)
    stems: MappingProxyType  # language -> StemSet of its patterns' wildcard words
    country_names: MappingProxyType  # ISO3 -> English name (from the country actors)

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)

    def agent(self, code: str | None) -> AgentEntry | None:
        """The codebook's (first) agent of a role code ("MIL")."""
        return next((a for a in self.codebook.agents if a.code == code), None)

    def agent_acled_name(self, agent: AgentEntry | None, iso3: str) -> str | None:
        """ACLED's name of ``agent`` of the country ``iso3`` ("Military Forces of Libya"), where
        the codebook gives the agent one."""
        if agent is None or not agent.acled:
            return None
        return agent.acled.replace("{country}", self.country_name(iso3))

    def actor_index(self, language: str) -> PhraseIndex[int]:
        index = self.actors.get(language)
        return index if index is not None else EMPTY_INDEX

    def verb_index(self, language: str) -> PhraseIndex[VerbRef]:
        index = self.verbs.get(language)
        return index if index is not None else EMPTY_INDEX

    def __reduce__(self) -> tuple:
        # read-only mappings do not pickle; the cache stores plain dicts and wraps them again
        return (_rebuild, (self.codebook, *(dict(getattr(self, name)) for name in _MAPPINGS)))


_MAPPINGS = ("actors", "verbs", "patterns", "synsets", "discards", "vocabulary", "stems", "country_names")


def _rebuild(codebook: Codebook, *mappings: dict) -> CompiledCodebook:
    return CompiledCodebook(codebook, **{name: MappingProxyType(m) for name, m in zip(_MAPPINGS, mappings,
                                                                                   strict=True)})


def _compile_items(items: Sequence[str], language: str) -> tuple[str | tuple[PhraseItem, ...] | Group, ...]:
    out: list[str | tuple[PhraseItem, ...] | Group] = []
    group: list[str | tuple[PhraseItem, ...]] | None = None
    for item in items:
        if item == "{":
            group = []
            continue
        if item == "}":
            if group:
                out.append(Group(tuple(group)) if len(group) > 1 else group[0])
            group = None
            continue
        target = out if group is None else group
        if item in ("$", "+", "^") or item.startswith("&"):
            target.append(item)
        else:
            compiled = compile_phrase(item, language)
            if compiled:
                target.append(compiled)
    return tuple(out)


def _synset_firsts(codebook: Codebook) -> dict[tuple[str, str], frozenset[str]]:
    """For each synset and language, the keys its phrases may start with (leaving out synsets
    with a wildcard first word, which no set of keys describes)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    wild: set[tuple[str, str]] = set()
    for synset in codebook.synsets:
        for lang, phrase in synset.phrases:
            items = compile_phrase(phrase, lang)
            if not items:
                continue
            if items[0].wildcard:
                wild.add((synset.name, lang))
            out[(synset.name, lang)].add(items[0].key)
            if items[0].alt is not None:
                out[(synset.name, lang)].add(items[0].alt)
    return {key: frozenset(value) for key, value in out.items() if key not in wild}


def _synset_names(items: Sequence[str | tuple[PhraseItem, ...] | Group]) -> list[str]:
    names = []
    for item in items:
        for part in item.items if isinstance(item, Group) else (item,):
            if isinstance(part, str) and part.startswith("&"):
                names.append(part[1:])
    return names


def _required(items: Sequence[str | tuple[PhraseItem, ...] | Group]) -> frozenset[str]:
    words: set[str] = set()
    for item in items:
        for part in item.items if isinstance(item, Group) else (item,):
            if isinstance(part, tuple):
                words.update(w.key for w in part if not w.wildcard and w.alt is None)
    return frozenset(words)


def _required_stems(items: Sequence[str | tuple[PhraseItem, ...] | Group]) -> frozenset[str]:
    stems: set[str] = set()
    for item in items:
        for part in item.items if isinstance(item, Group) else (item,):
            if isinstance(part, tuple):
                stems.update(w.key for w in part if w.wildcard)
    return frozenset(stems)


def _literals(items: Sequence[str | tuple[PhraseItem, ...] | Group]) -> int:
    return sum(len(x.items) if isinstance(x, Group) else 0 if x in ("$", "+", "^") else 1 for x in items)


def compile_codebook(codebook: Codebook) -> CompiledCodebook:
    shared: dict = {}
    actor_entries: dict[str, list] = defaultdict(list)
    for i, actor in enumerate(codebook.actors):
        ref = actor_ref("actor", i)
        for lang, phrase in actor.phrases:
            actor_entries[lang].append((compile_phrase(phrase, lang, shared), ref))
        ref = actor_ref("demonym", i)
        for lang, phrase in actor.demonyms:
            actor_entries[lang].append((compile_phrase(phrase, lang, shared), ref))
    for i, agent in enumerate(codebook.agents):
        ref = actor_ref("agent", i)
        for lang, phrase in agent.phrases:
            actor_entries[lang].append((compile_phrase(phrase, lang, shared), ref))
    verb_entries: dict[str, list] = defaultdict(list)
    patterns: dict[tuple[int, str], list[CompiledPattern]] = defaultdict(list)
    firsts = _synset_firsts(codebook)
    for i, verb in enumerate(codebook.verbs):
        patients = frozenset(verb.patients)
        for lang, phrase in verb.anchors:
            ref = VerbRef(i, tuple(phrase.lower().split()), (lang, phrase) in patients)
            verb_entries[lang].append((compile_phrase(phrase, lang, shared), ref))
        for j, pattern in enumerate(verb.patterns):
            star = pattern.items.index("*")
            before = _compile_items(pattern.items[:star], pattern.language)
            after = _compile_items(pattern.items[star + 1:], pattern.language)
            literals = _literals(before + after)
            required_any = tuple(firsts[(name, pattern.language)] for name in _synset_names(before + after)
                                 if (name, pattern.language) in firsts)
            patterns[(i, pattern.language)].append(
                CompiledPattern(i, j, before, after, literals, _required(before + after), required_any,
                                _required_stems(before + after)))
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
        patterns=MappingProxyType({k: PatternSieve.of(v) for k, v in patterns.items()}),
        synsets=MappingProxyType({k: PhraseIndex(v) for k, v in synsets.items()}),
        discards=MappingProxyType({k: PhraseIndex(v) for k, v in discards.items()}),
        vocabulary=MappingProxyType({k: frozenset(v) for k, v in vocabulary.items()}),
        stems=MappingProxyType(_stem_sets(patterns)),
    )


def _stem_sets(patterns: dict[tuple[int, str], list[CompiledPattern]]) -> dict[str, StemSet]:
    stems: dict[str, set[str]] = defaultdict(set)
    for (_verb, language), bucket in patterns.items():
        for pattern in bucket:
            stems[language].update(pattern.required_stems)
    return {language: StemSet(found) for language, found in stems.items()}


@lru_cache(maxsize=8)
def compiled(codebook: Codebook) -> CompiledCodebook:
    """Compile once per codebook (codebooks hash by identity; load_codebook_cached reuses them)."""
    return compile_codebook(codebook)


# -- the compiled-codebook cache ----------------------------------------------------------------

# the code whose output the cache holds: any change to it makes older cache files stale
COMPILER_SOURCES = ("codebook", "frontends/keys.py", "frontends/lite")


def load_compiled(directory: Path | None = None, *, cache_dir: Path | None = None) -> CompiledCodebook:
    """The compiled codebook of a folder (default: the embedded codebook), from the cache when
    a file there was compiled from the same content by the same code, else loaded, compiled and
    written to the cache (``coder.cache``)."""
    folder = Path(directory) if directory is not None else default_codebook_path()
    if not folder.is_dir():
        raise CodebookError(f"codebook folder {folder} does not exist")
    folder = folder.resolve()
    return _load_compiled(folder, content_hash(folder), cache_directory(cache_dir))


@lru_cache(maxsize=8)
def _load_compiled(folder: Path, version: str, cache: Path | None) -> CompiledCodebook:
    key = cache_key(str(folder), version, source_stamp(COMPILER_SOURCES))

    def accept(found: object) -> bool:
        return isinstance(found, CompiledCodebook) and found.codebook.version == version

    def build() -> CompiledCodebook:
        return compile_codebook(load_codebook(folder))

    return load_or_build(cache, f"codebook-{key}.pickle", build, accept)
