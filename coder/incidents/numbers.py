"""Light text normalisation and number reading shared by the date and fatality finders.

Both finders match their patterns on a *normalised* copy of the raw sentence (Arabic diacritics and
tatweel removed, أإآ→ا, ى→ي, ة→ه, Arabic-Indic digits → ASCII, ASCII lower-cased) and report spans in
the *raw* sentence, so the normaliser keeps a map back to raw offsets. Only deletions change offsets;
every other replacement is one character for one, which keeps the map small (the positions of the
deleted characters) and the common case (nothing deleted) free.

This is a stand-in for the front-end's normaliser; it is kept private to the incident layer so that
swap touches one module.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from coder.memo import WORD_MEMO_LIMIT

# Characters dropped before matching: Arabic harakat, superscript alef, Quranic marks, tatweel, and
# invisible direction/joiner marks that web text scatters inside words.
_DELETED = re.compile("[\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\ufeff]")

# One-for-one replacements, applied with str.replace: in CPython that is several times faster than
# str.translate with a dict table on non-ASCII text, and this runs on every sentence with a cue word.
_LETTER_PAIRS: tuple[tuple[str, str], ...] = (
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"),
    ("٬", ","), ("٫", "."),  # Arabic thousands and decimal separators
)
_EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_DIGIT_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (chr(base + i), str(i)) for base in (0x0660, 0x06F0) for i in range(10)
)


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised sentence and the way back to the raw one.

    ``shifts[k]`` is the normalised index at which the k-th deleted raw character would have stood;
    a normalised index ``i`` maps to raw index ``i + bisect_right(shifts, i)``.
    """

    raw: str
    text: str
    shifts: tuple[int, ...]

    def raw_index(self, i: int) -> int:
        return i + bisect.bisect_right(self.shifts, i) if self.shifts else i

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the normalised ``[start, end)``, trailing diacritics included."""
        if end <= start:
            pos = self.raw_index(start) if start < len(self.text) else len(self.raw)
            return pos, pos
        raw_start = self.raw_index(start)
        raw_end = self.raw_index(end - 1) + 1
        # A kasra or shadda on the span's last letter belongs to the word, not to what follows.
        while raw_end < len(self.raw) and _DELETED.match(self.raw, raw_end):
            raw_end += 1
        return raw_start, raw_end


def normalise(raw: str) -> Normalised:
    """Normalise ``raw`` for matching (see the module docstring); spans map back with ``raw_span``.

    Not memoised: the readers of one sentence share its result through the incident layer's
    ``SentenceFacts`` (a cache keyed by the text would also answer for the same sentence in
    other documents, which flatters benchmarks built from a few repeated sentences)."""
    text = raw
    shifts: tuple[int, ...] = ()
    if _DELETED.search(text):
        positions = [m.start() for m in _DELETED.finditer(text)]
        shifts = tuple(pos - k for k, pos in enumerate(positions))
        text = _DELETED.sub("", text)
    for old, new in _LETTER_PAIRS:
        if old in text:
            text = text.replace(old, new)
    if _EASTERN_DIGITS.search(text):
        for old, new in _DIGIT_PAIRS:
            text = text.replace(old, new)
    lowered = text.lower()
    if len(lowered) != len(text):
        # A few letters lower-case to two characters (İ → i̇); keep those as they are so that
        # offsets stay one for one.
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return Normalised(raw, lowered, shifts)


# --------------------------------------------------------------------------------------------
# Words


class Word(NamedTuple):
    """A word, digit run or punctuation mark of the normalised text, with its offsets there."""

    text: str
    start: int
    end: int


_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[^\w\s]")


# Word(...) without the named tuple's Python-level __new__: a sentence with a death word makes dozens
_new_word = functools.partial(tuple.__new__, Word)


def split_words(text: str) -> tuple[Word, ...]:
    """The words of ``text``, as ``_WORD.finditer(text)`` finds them, read chunk by chunk: no match
    of ``_WORD`` holds white space or looks behind it (its one lookahead, for a digit, sees none
    past a chunk), so a white-space-separated chunk's matches are those of the chunk alone, found
    once and kept (the regex's letter class costs ~0.5 us a word)."""
    words: list[Word] = []
    pos = 0
    for chunk in text.split():
        pos = text.index(chunk, pos)  # the chunk's own place: only white space lies before it
        for piece, start, end in _chunk_words(chunk):
            words.append(_new_word((piece, pos + start, pos + end)))
        pos += len(chunk)
    return tuple(words)


@lru_cache(maxsize=WORD_MEMO_LIMIT)
def _chunk_words(chunk: str) -> tuple[tuple[str, int, int], ...]:
    return tuple([(m.group(), m.start(), m.end()) for m in _WORD.finditer(chunk)])


# Arabic proclitics, longest first: conjunction (و ف), preposition (ب ل ك), article (ال).
_AR_PREFIXES: tuple[str, ...] = (
    "وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "لل", "ول", "وب", "فب", "فل", "وك",
    "ال", "و", "ف", "ب", "ل", "ك",
)


@lru_cache(maxsize=1 << 14)  # asked of every word of a sentence with a death word, several times
def stems(word: str) -> tuple[str, ...]:
    """The word and its forms without Arabic proclitics, most literal first.

    Trying the whole word first keeps roots that start with a prefix letter (وفاة, بعد) intact.
    """
    if not word or not ("\u0600" <= word[0] <= "\u06ff"):
        return (word,)
    out = [word]
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix):]
            if rest not in out:
                out.append(rest)
    return tuple(out)


def lookup(table: dict[str, int], word: str) -> int | None:
    """``table``'s value for the first of ``stems(word)`` found in it."""
    for stem in stems(word):
        value = table.get(stem)
        if value is not None:
            return value
    return None


# --------------------------------------------------------------------------------------------
# Numbers

_EN_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_EN_SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Arabic cardinals in normalised spelling. Units and tens carry both case endings (ون/ين).
_AR_UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200, "مئتي": 200,
    "مائتي": 200,
    "الف": 1000, "الفان": 2000, "الفين": 2000,
    # ثلاثمئة … تسعمائة, written as one word
    **{
        name + hundred: unit * 100
        for unit, name in enumerate(("ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"), start=3)
        for hundred in ("مئه", "مائه")
    },
}
# Only as the first word of a teen (أحد عشر, إحدى عشرة, اثنا عشر): alone they mean "one of".
_AR_TEEN_HEADS: dict[str, int] = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2}
_AR_THOUSANDS = frozenset({"الاف", "آلاف"})

# Ordinals, for dates («الخامس عشر من مايو») and English "ninth of May".
_AR_ORDINALS: dict[str, int] = {
    "الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "العشرين": 20, "الثلاثين": 30,
}
_EN_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}


# words a number may start with (besides digits, «و» + a unit and "twenty-five"): "a hundred"
_NUMBER_HEADS = frozenset({*_EN_UNITS, "a", *_AR_TEEN_HEADS, *_AR_UNITS})


class Number(NamedTuple):
    """An exact number read from words ``first..last`` (inclusive indices)."""

    value: int
    first: int
    last: int


def _digits_value(text: str) -> int | None:
    digits = text.replace(",", "")
    # Nine digits are plenty for a count; longer runs are phone numbers, ids or noise.
    if digits.isascii() and digits.isdigit() and len(digits) <= 9:
        return int(digits)
    return None


def may_start_number(word: str) -> bool:
    """Whether ``read_number`` could read a number starting at a word ``word`` (False: it reads none
    there; True: it may). A set look-up or two, where reading costs several calls: most words of
    a sentence are no number. Keep in step with ``read_number``."""
    if word in _NUMBER_HEADS:
        return True
    first = word[:1]
    if first.isdigit() or first == ",":  # "1,200"
        return True
    if first == "و":
        return word[1:] in _AR_UNITS  # «وأربعة»
    return "-" in word  # twenty-five


def _en_word_value(word: str) -> int | None:
    if word in _EN_UNITS:
        return _EN_UNITS[word]
    if "-" in word:  # twenty-five
        head, _, tail = word.partition("-")
        if _EN_UNITS.get(head, 0) >= 20 and 0 < _EN_UNITS.get(tail, 0) < 10:
            return _EN_UNITS[head] + _EN_UNITS[tail]
    return None


def read_number(words: tuple[Word, ...], i: int) -> Number | None:
    """Read the exact number that starts at word ``i``: digits, English or Arabic words."""
    if i >= len(words):
        return None
    text = words[i].text
    value = _digits_value(text)
    if value is not None:
        # "3 million", «3 آلاف»: a digit count times a scale word.
        if i + 1 < len(words):
            scale = _EN_SCALES.get(words[i + 1].text)
            if scale is None and words[i + 1].text in _AR_THOUSANDS:
                scale = 1000
            if scale is not None and scale > 100:
                return Number(value * scale, i, i + 1)
        return Number(value, i, i)
    if text[0].isascii():
        return _read_english(words, i)
    return _read_arabic(words, i)


def _read_english(words: tuple[Word, ...], i: int) -> Number | None:
    total = current = 0
    last = -1
    j = i
    while j < len(words):
        w = words[j].text
        unit = _en_word_value(w)
        below_hundred = current % 100
        if unit is not None and (below_hundred == 0 or (below_hundred >= 20 and below_hundred % 10 == 0
                                                        and unit < 10)):
            current += unit
        elif w in ("hundred", "dozen") and (last >= 0 or _article_before(words, j, i)):
            current = (below_hundred or 1) * (100 if w == "hundred" else 12) + (current - below_hundred)
        elif w in ("thousand", "million") and (last >= 0 or _article_before(words, j, i)):
            total, current = total + max(current, 1) * _EN_SCALES[w], 0
        elif w == "a" and last < 0 and _next_is(words, j, ("hundred", "thousand", "dozen")):
            j += 1
            continue
        elif w == "and" and last >= 0 and (total or current >= 100) and j + 1 < len(words) \
                and _en_word_value(words[j + 1].text) is not None:
            j += 1
            continue
        else:
            break
        last = j
        j += 1
    if last < 0:
        return None
    return Number(total + current, i, last)


def _next_is(words: tuple[Word, ...], j: int, options: tuple[str, ...]) -> bool:
    return j + 1 < len(words) and words[j + 1].text in options


def _article_before(words: tuple[Word, ...], j: int, i: int) -> bool:
    return j - 1 >= i and words[j - 1].text == "a"


def _read_arabic(words: tuple[Word, ...], i: int) -> Number | None:
    first = words[i].text
    if first.startswith("و") and len(first) > 2 and first[1:] in _AR_UNITS:
        first = first[1:]  # «وأربعة»: a figure joined by «و» to what precedes it
    head = _AR_TEEN_HEADS.get(first)
    if head is not None and i + 1 < len(words) and words[i + 1].text in ("عشر", "عشره"):
        value, last = 10 + head, i + 1
    else:
        unit = _ar_unit(first)
        if unit is None:
            return None
        value, last = unit, i
        if value < 10 and i + 1 < len(words):
            nxt = words[i + 1].text
            if nxt in ("عشر", "عشره"):  # خمسة عشر
                value, last = value + 10, i + 1
            elif nxt in ("مئه", "مائه") and value >= 3:  # ثلاث مئة
                value, last = value * 100, i + 1
    # Thousands multiplier (ثلاثة آلاف) and additions joined by و (مئة وخمسون, خمسة وعشرون).
    j = last + 1
    if j < len(words) and words[j].text in _AR_THOUSANDS and 3 <= value <= 10:
        value, last, j = value * 1000, j, j + 1
    while j < len(words) and words[j].text.startswith("و") and len(words[j].text) > 1:
        part = _ar_unit(words[j].text[1:])
        if part is None or part >= value:
            # «خمسة وعشرون»: a unit before its tens is written first, so a larger part is allowed
            # only when the running value is a lone unit.
            if part is None or not (value < 10 <= part < 100):
                break
        value, last, j = value + part, j, j + 1
    return Number(value, i, last)


def _ar_unit(word: str) -> int | None:
    return _AR_UNITS.get(word)


def read_ordinal(words: tuple[Word, ...], i: int) -> Number | None:
    """A day-of-month ordinal: «الخامس عشر», «الحادي والعشرين», "ninth", "9th"."""
    if i >= len(words):
        return None
    w = words[i].text
    if w in _EN_ORDINALS:
        return Number(_EN_ORDINALS[w], i, i)
    if w.isdigit() and len(w) <= 2 and i + 1 < len(words) and words[i + 1].text in ("st", "nd", "rd", "th"):
        return Number(int(w), i, i + 1)  # "21st" splits into "21" and "st"
    base = _AR_ORDINALS.get(w)
    if base is None:
        return None
    value, last = base, i
    if i + 1 < len(words):
        nxt = words[i + 1].text
        if nxt in ("عشر", "عشره") and base < 10:
            value, last = base + 10, i + 1
        elif nxt in ("والعشرين", "والعشرون") and base < 10:
            value, last = base + 20, i + 1
        elif nxt in ("والثلاثين", "والثلاثون") and base <= 1:
            value, last = base + 30, i + 1
    return Number(value, i, last)

