"""Word tokenisation with character offsets, one precompiled regular expression per language.

A token is a tuple ``(form, start, end, kind)`` with ``kind`` one of "word", "num", "punct":
tuples rather than records because millions of them are made and dropped within a sentence.
English follows UD tokenisation: possessive 's and n't are split off ("don't" → do + n't),
hyphenated words stay whole, numbers keep their inner separators (1,000 and 3.5).
Arabic words are split into clitics afterwards, by ``segment_tokens``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from coder.frontends.lite.arabic import segment_with_upos

RawToken = tuple[str, int, int, str]

# A word character: \w plus the combining marks that sit inside words (Arabic tashkeel,
# Latin accents in decomposed text) and the zero-width (non-)joiners of Persian/Arabic typing.
_W = r"[\w\u0300-\u036F\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u200C\u200D]"
# Characters that are neither whitespace nor visible: never a token of their own.
INVISIBLE = "\u200b\u200e\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\u061c"
_PUNCT = rf"[^\s{INVISIBLE}]"
_DIGIT_JOIN = r"(?<=\d)[.,\u066B\u066C](?=\d)"  # 1,000 3.5 ٣٫٥
_HYPHEN = r"[-\u2010\u2011]"
_URL = r"(?:https?://|www\.)[^\s<>\"“”«»]*[^\s<>\"“”«».,;:!?)\]'’]"
_NUMBER = rf"\d+(?:{_DIGIT_JOIN}\d+)*(?!{_W}|{_HYPHEN}{_W})"

TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Cpl", "St", "No",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gov",
    "Sen", "Rep", "Rev", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Adm", "Brig", "Cmdr", "Mt", "Ft",
    "Dept", "Pres", "Gens", "Govt", "vs", "approx", "cf", "al",
)
_ABBREVIATION = (
    r"(?=[A-Za-z]{1,6}\.)"  # cheap guard: most words fail here at once
    r"(?:(?:[A-Za-z]\.){2,}|(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.(?!\w))"
)
_CLITICS = r"(?:[sSdDmM]|re|RE|ve|VE|ll|LL)(?!\w)"
_WORD_JOIN = rf"(?:{_HYPHEN}|{_DIGIT_JOIN})"
# Letter-initial words first: they are most tokens. Digit-initial words (1990s, 20-year-old)
# come after numbers, which refuse to be followed by letters.
_ALTERNATIVES = rf"""
    (?P<url>{_URL})
    |(?P<word>[^\W\d]{_W}*(?:{_WORD_JOIN}{_W}+)*)
    |(?P<num>{_NUMBER})
    |(?P<dword>{_W}+(?:{_WORD_JOIN}{_W}+)*)
    |(?P<punct>{_PUNCT})
"""
_GENERIC = re.compile(_ALTERNATIVES, re.VERBOSE)
_ENGLISH = re.compile(rf"(?P<abbr>{_ABBREVIATION})|{_ALTERNATIVES}", re.VERBOSE)
# Text with an apostrophe needs UD's clitics split off ("don't" → do + n't, "Haftar's" →
# Haftar + 's) while names keep theirs (Sana'a, O'Brien): a slower pattern, used only then.
_ENGLISH_APOSTROPHE = re.compile(
    rf"""
    (?P<abbr>{_ABBREVIATION})
    |(?P<url>{_URL})
    |(?P<nthost>[^\W_]+(?=[nN][’'][tT](?!\w)))
    |(?P<nt>[nN][’'][tT](?!\w))
    |(?P<clitic>(?<=\w)[’']{_CLITICS})
    |(?P<num>{_NUMBER})
    |(?P<word>{_W}+(?:(?:{_WORD_JOIN}|[’'](?=[^\W\d_])(?![tT](?!\w)|{_CLITICS})){_W}+)*)
    |(?P<punct>{_PUNCT})
    """,
    re.VERBOSE,
)

KIND = {"url": "word", "abbr": "word", "nthost": "word", "nt": "word", "clitic": "word",
        "num": "num", "word": "word", "dword": "word", "punct": "punct"}


def pattern_for(text: str, language: str) -> re.Pattern[str]:
    """The compiled token pattern for ``text``; match.lastgroup names a key of ``KIND``."""
    if language != "en":
        return _GENERIC
    if "'" in text or "’" in text:
        return _ENGLISH_APOSTROPHE
    return _ENGLISH


def tokenize(text: str, language: str) -> list[RawToken]:
    """Split ``text`` into (form, start, end, kind) tuples; offsets index into ``text``."""
    kind = KIND
    return [
        (m.group(), m.start(), m.end(), kind[m.lastgroup or "punct"])
        for m in pattern_for(text, language).finditer(text)
    ]


def segment_tokens(
    tokens: Iterable[RawToken], vocabulary: frozenset[str]
) -> list[tuple[str, int, int, str, str]]:
    """Arabic: split each word token into clitics; (form, start, end, kind, upos) per segment.

    Segments of one surface word share its span, as ``Token.start``/``end`` document.
    """
    out: list[tuple[str, int, int, str, str]] = []
    for form, start, end, kind in tokens:
        if kind != "word":
            out.append((form, start, end, kind, "PUNCT" if kind == "punct" else "NUM"))
            continue
        for segment, upos in segment_with_upos(form, vocabulary):
            out.append((segment, start, end, kind, upos))
    return out
