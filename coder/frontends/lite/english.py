"""A context-free English lemmatizer: irregular tables, then suffix rules with spelling repair.

Without part-of-speech tags the same word always gets the same lemma, which is what codebook
matching needs: the codebook's phrases and the text's words go through this one function
(``coder.frontends.keys.match_key``), so they agree even where the lemma is debatable.
Proper nouns get no special treatment: "States" → "state", on both sides.
"""

from __future__ import annotations

from coder.frontends.lite.english_lexicon import (
    DOUBLE_BASES,
    DOUBLE_L_BASES,
    E_STEMS,
    IRREGULAR,
    NO_E_STEMS,
    UNINFLECTED,
)

_VOWELS = frozenset("aeiou")
_VOWELS_Y = frozenset("aeiouy")


def _vowel_at(stem: str, i: int) -> bool:
    """Whether stem[i] sounds as a vowel: the u of "gu"/"qu" does not (guided, acquired)."""
    if i < 0 or stem[i] not in _VOWELS:
        return False
    return not (stem[i] == "u" and i > 0 and stem[i - 1] in "qg")


def _single_vowel_before_last(stem: str) -> bool:
    """True for stems like "fir", "vot", "rul": one vowel before the final consonant."""
    n = len(stem)
    return _vowel_at(stem, n - 2) and not _vowel_at(stem, n - 3)


def _restore_stem(stem: str) -> str:
    """Repair the spelling of a stem whose -ed or -ing was removed (stopp → stop, forc → force)."""
    if stem in NO_E_STEMS:
        return stem
    if stem in E_STEMS:
        return stem + "e"
    last, prev = stem[-1], stem[-2]
    if last == prev and last not in _VOWELS and len(stem) >= 3:
        if last in "lsfz":
            return stem[:-1] if last == "l" and stem[:-1] in DOUBLE_L_BASES else stem
        return stem if stem in DOUBLE_BASES else stem[:-1]
    if last in "cvu":
        return stem + "e"  # no English verb ends in c, v or (after a consonant) u
    if last == "z":
        return stem if prev == "t" else stem + "e"
    if last == "s":
        return stem if prev == "s" else stem + "e"
    if last == "g":
        return stem if prev == "n" else stem + "e"
    if last == "l":
        if prev in "rwl":
            return stem
        if prev not in _VOWELS:
            return stem + "e"  # handl, settl, toppl
        return stem + "e" if prev in "iuo" and _single_vowel_before_last(stem) else stem
    if last == "r":
        if prev not in _VOWELS:
            return stem + "e"  # massacr, centr
        return stem + "e" if prev in "iua" and _single_vowel_before_last(stem) else stem
    if last == "t":
        return _restore_t(stem, prev)
    if last == "d":
        return stem + "e" if _single_vowel_before_last(stem) else stem
    if last in "bkm" or (last == "n" and prev in "aiu") or last == "p":
        return stem + "e" if _single_vowel_before_last(stem) else stem
    return stem


def _restore_t(stem: str, prev: str) -> str:
    """Stems in -t: negotiat → negotiate and execut → execute, but treat, visit, target stay."""
    if prev == "a":
        return stem if stem[-3:-2] in ("e", "o") else stem + "e"
    if prev in "uo":
        return stem + "e" if _single_vowel_before_last(stem) else stem
    return stem


def _singular(word: str) -> str:
    if word.endswith(("ss", "us", "is")) or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-1] if len(word) <= 4 else word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith("ings") and len(word) > 5:
        return lemmatize(word[:-1])  # bombings → bombing → bomb, like bombed
    return word[:-1]


def _past(word: str) -> str:
    if word.endswith("ied"):
        return word[:-1] if len(word) <= 4 else word[:-3] + "y"
    stem = word[:-2]
    if word.endswith("eed") or len(stem) < 2 or _VOWELS_Y.isdisjoint(stem):
        return word  # need, speed, bed, shred
    return _restore_stem(stem)


def _gerund(word: str) -> str:
    if word.endswith("ying") and len(word) <= 5:
        return word[:-4] + "ie"  # dying, lying, tying
    stem = word[:-3]
    if len(stem) < 2 or _VOWELS_Y.isdisjoint(stem):
        return word  # king, thing, bring, string
    return _restore_stem(stem)


def lemmatize(word: str) -> str:
    """The lemma of a lower-case English word, without part of speech.

    Irregular forms come from a table (fought → fight, men → man, was → be); regular ones lose
    -s, -es, -ies, -ed and -ing with the spelling repaired (stopped → stop, forces → force,
    casualties → casualty, used → use). Words that only look inflected (news, crisis, Hamas) and
    tokens with digits or inner punctuation are returned unchanged; in a hyphenated word only
    the last part is lemmatised ("turkish-backed" → "turkish-back").
    """
    irregular = IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if word in UNINFLECTED or len(word) < 3:
        return word
    if not word.isalpha():
        head, dash, last = word.rpartition("-")
        if dash and last.isalpha() and head:
            return head + dash + lemmatize(last)
        return word
    if word.endswith("s"):
        return _singular(word)
    if word.endswith("ed"):
        return _past(word)
    if word.endswith("ing"):
        return _gerund(word)
    if word.endswith("men") and len(word) >= 5:
        return word[:-3] + "man"  # gunmen, spokesmen; Yemen and omen are listed as uninflected
    return word
