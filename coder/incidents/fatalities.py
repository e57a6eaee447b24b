"""Reported deaths in a sentence, counted the way ACLED counts them.

ACLED's rules (../shared/reference/acled_codebook_notes.md §6, and ACLED's fatalities FAQ):
- reported deaths only, never injuries; a figure for "killed or wounded" / «بين قتيل وجريح» is
  casualties, and "only casualties" is coded 0, so such a figure gives no mention here;
- conflicting or vague figures: the lowest ("between 10 and 15" → 10, "at least 12" → 12);
  "up to 20" / «ما يصل إلى 20» gives no lowest figure at all, so it is read as an unspecified plural;
- unspecified plurals ("several", "a few", "many", plural "fatalities", «قتلى», «عدة») are 3 —
  ACLED's figure for a limited attack (10 is for a significant one, a judgement left to the caller,
  who sees ``vague=True``); "tens"/«عشرات» 10, "dozens" 12, "scores" 20 (by the same "and so
  on"), "hundreds"/«مئات» 100, "thousands"/«آلاف» 1000;
- a suicide bomber is counted with the victims.
``find_fatalities`` returns None when no death is reported; the caller writes 0.

The search is word-based: death cue words (killed, «مقتل», «قتلى» ...) take the number next to
them — after verbs and verbal nouns ("killed 3", «مقتل 3»), before participles and plural nouns
("3 were killed", «3 قتلى») — never across an injury word, sentence punctuation or a preposition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, TypeVar

from coder.incidents.dates import aggregate_span
from coder.incidents.numbers import (
    Normalised,
    Word,
    may_start_number,
    normalise,
    read_number,
    split_words,
    stems,
)
from coder.incidents.prefilter import WordScreen, ascii_casefold_is_exact
from coder.memo import WORD_MEMO_LIMIT


@dataclass(frozen=True, slots=True)
class FatalityMention:
    """A death count found in a sentence.

    ``text``/``start``/``end``: the raw span from the cue word to the number. ``aggregate``: a
    retrospective total over a period (not one incident's toll). ``vague``: the count comes from
    ACLED's convention for an unspecified quantity, not from a stated figure.
    """

    count: int
    text: str
    start: int
    end: int
    aggregate: bool
    vague: bool


@dataclass(frozen=True, slots=True)
class _Cue:
    """How a death word takes its count.

    ``left``/``right``: where its number may stand. ``implied``: the count it carries without a
    number (0: none, work it out from the words around it), ``implied_vague`` whether that count is
    ACLED's plural convention. ``kind``: "verb" and "noun" guess the victims' number from the
    neighbouring words; "bodies" marks a body count.
    """

    left: bool
    right: bool
    implied: int = 0
    implied_vague: bool = False
    kind: str = "noun"


class _Quantity(NamedTuple):
    value: int
    first: int
    last: int
    vague: bool


class _Found(NamedTuple):
    count: int
    first: int  # word indices
    last: int
    vague: bool
    bodies: bool


# --------------------------------------------------------------------------------------------
# Lexicons (normalised spellings)

_V, _N = "verb", "noun"
_EN_CUES: dict[str, _Cue] = {
    "killed": _Cue(True, True, kind=_V), "killing": _Cue(False, True, kind=_V),
    "kills": _Cue(False, True, kind=_V), "kill": _Cue(False, True, kind=_V),
    "massacred": _Cue(True, True, kind=_V), "executed": _Cue(True, True, kind=_V),
    "murdered": _Cue(True, True, kind=_V), "assassinated": _Cue(True, True, kind=_V),
    "beheaded": _Cue(True, True, kind=_V), "lynched": _Cue(True, True, kind=_V),
    "slaughtered": _Cue(True, True, kind=_V), "slain": _Cue(True, False, kind=_V),
    "dead": _Cue(True, False, kind=_V), "died": _Cue(True, False, kind=_V), "dies": _Cue(True, False, 1),
    "deaths": _Cue(True, True, 3, True), "fatalities": _Cue(True, True, 3, True),
    "bodies": _Cue(True, True, 3, True, "bodies"), "corpses": _Cue(True, True, 3, True, "bodies"),
    "body": _Cue(False, True, kind="bodies"), "toll": _Cue(False, True),
    "fatality": _Cue(True, True, 1), "fatally": _Cue(True, True, kind=_V),
    "death": _Cue(True, True, kind=_V),
}
_AR_CUES: dict[str, _Cue] = {
    "مقتل": _Cue(False, True, kind=_N), "مصرع": _Cue(False, True, kind=_N),
    "استشهاد": _Cue(False, True, kind=_N), "وفاه": _Cue(False, True, kind=_N),
    "اغتيال": _Cue(False, True, kind=_N), "اعدام": _Cue(False, True, kind=_N),
    "قتل": _Cue(False, True, kind=_V), "قتلت": _Cue(False, True, kind=_V),
    "يقتل": _Cue(False, True, kind=_V), "تقتل": _Cue(False, True, kind=_V),
    "قتلا": _Cue(True, False, 2), "قتلتا": _Cue(True, False, 2),
    "استشهد": _Cue(False, True, 1), "مات": _Cue(True, True, 1), "توفي": _Cue(True, True, 1),
    "قتلوا": _Cue(True, False, 3, True), "استشهدوا": _Cue(True, False, 3, True),
    "ماتوا": _Cue(True, False, 3, True), "توفوا": _Cue(True, False, 3, True),
    "لقوا": _Cue(True, False, 3, True),
    "قتلي": _Cue(True, True, 3, True), "وفيات": _Cue(True, True, 3, True),
    "قتيل": _Cue(True, False, 1), "قتيلا": _Cue(True, False, 1),
    "قتيلين": _Cue(False, False, 2), "قتيلان": _Cue(False, False, 2),
    "شهيد": _Cue(True, False, 1), "شهيدا": _Cue(True, False, 1), "شهداء": _Cue(True, False, 3, True),
    "شهيدين": _Cue(False, False, 2), "شهيدان": _Cue(False, False, 2),
    "جثث": _Cue(True, True, 3, True, "bodies"), "جثامين": _Cue(True, True, 3, True, "bodies"),
    "جثه": _Cue(True, True, 1, False, "bodies"), "جثمان": _Cue(True, True, 1, False, "bodies"),
    "جثتين": _Cue(False, False, 2, False, "bodies"), "جثتان": _Cue(False, False, 2, False, "bodies"),
    "حتفه": _Cue(True, False, 1), "حتفها": _Cue(True, False, 1), "حتفهما": _Cue(True, False, 2),
    "حتفهم": _Cue(True, False, 3, True), "حتفهن": _Cue(True, False, 3, True),
    "بحياه": _Cue(False, True, kind=_N), "ضحيته": _Cue(False, True), "ضحيتها": _Cue(False, True),
    # «مقتله», «مصرعهم»: a verbal noun with the victim as a pronoun suffix.
    **{
        stem + suffix: _Cue(False, False, count, vague)
        for stem in ("مقتل", "مصرع", "استشهاد", "وفات", "اغتيال", "اعدام")
        for suffix, count, vague in (("ه", 1, False), ("ها", 1, False), ("هما", 2, False), ("هم", 3, True),
                                     ("هن", 3, True))
    },
}

_EN_INJURY = frozenset({"wounded", "wounding", "injured", "injuring", "injuries", "injury", "hurt",
                        "casualties", "wounds", "injures"})
_AR_INJURY = frozenset({"جرحي", "جريح", "جريحا", "جريحين", "جريحان", "جرح", "جرحوا", "اصابه", "اصابات",
                        "اصيب", "اصيبوا", "مصاب", "مصابا", "مصابين", "مصابون", "جروح", "بجروح", "اصابتهم",
                        "اصابته"})
# Verbs start a clause of their own: «قتل جنديان وأصيب ثالث» is two reports, not one casualty figure.
_AR_DEATH_VERBS = frozenset({"قتل", "قتلت", "قتلوا", "قتلا", "قتلتا", "يقتل", "تقتل", "استشهد", "استشهدوا",
                             "مات", "ماتوا", "توفي", "توفوا"})
_AR_INJURY_VERBS = frozenset({"اصيب", "اصيبوا", "اصيبا", "جرح", "جرحوا", "جرحا"})
_NEGATORS = frozenset({"no", "not", "without", "nobody", "none", "never", "neither", "nor", "didn't",
                       "wasn't", "weren't", "no-one",
                       "لم", "لا", "دون", "بدون", "عدم", "لن", "ليس", "ليست", "نفي", "نفت"})
# A cue right after these is a threat, an attempt or a plan, not a death.
_IRREALIS = frozenset({"to", "would", "could", "will", "may", "might", "threatened", "threatening", "tried",
                       "trying", "attempt", "attempted", "plot", "plotting", "plan", "planned", "vowed",
                       "محاوله", "لمحاوله", "تهديد", "هدد", "هددت", "يهدد", "تهدد", "خطه", "مخطط", "بهدف",
                       "احباط", "افشال", "nearly", "almost"})
_HARD_BOUNDARY = frozenset(".;:!?()[]؛«»\"")
# Words that end a noun phrase: a number beyond them belongs to another phrase.
_STOP = frozenset({
    "in", "on", "at", "by", "from", "after", "before", "when", "while", "that", "which", "who", "said",
    "says", "during", "with", "for", "since", "near", "as", "but", "told", "according", "where", "into",
    "في", "علي", "الي", "عن", "بعد", "قبل", "خلال", "اثر", "جراء", "عندما", "حين", "الذي", "التي",
    "الذين", "قال", "قالت", "اعلن", "اعلنت", "لكن", "حيث", "منذ", "مع", "ضد",
})
_RIGHT_FILLERS = frozenset({
    "the", "another", "additional", "further", "all", "of", "rose", "risen", "climbed", "reached", "has",
    "had", "have", "to", "stands", "stood", "is", "was", "jumped", "increased", "hit", "now", "climbs",
    "rises", "reaches",
    "فيه", "فيها", "خلاله", "خلالها", "به", "بها", "ارتفع", "ارتفعت", "بلغ", "بلغت", "وصل", "وصلت", "الي",
    "لقي", "لقيت",
})
_UNITS = frozenset({
    "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
    "m",
    "percent", "%", "years", "year", "months", "month", "days", "day", "hours", "hour", "minutes", "dollars",
    "$", "tons", "tonnes", "kg", "million", "billion", "times", "am", "pm",
    "كم", "كيلومتر", "كيلومترا", "كيلومترات", "كلم", "متر", "مترا", "امتار", "ميل", "عام", "عاما", "سنه",
    "سنوات", "اعوام", "شهر", "اشهر", "شهور", "يوم", "ايام", "ساعه", "ساعات", "دقيقه", "دقائق", "دولار",
    "دولارا", "مليون", "مليار", "بالمئه", "بالمائه", "طن", "كغ", "ميلادي", "هجري", "مره", "مرات",
})
_YEAR_CONTEXT = frozenset({"in", "since", "of", "year", "عام", "العام", "سنه", "منذ", "لعام", "بعام"})
_MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر",
    "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
})

# Vague quantities (ACLED convention, see the module docstring), as word sequences.
_VAGUE: dict[tuple[str, ...], int] = {
    ("several",): 3, ("a", "few"): 3, ("few",): 3, ("many",): 3, ("multiple",): 3, ("numerous",): 3,
    ("a", "number", "of"): 3, ("a", "handful", "of"): 3, ("some",): 3, ("dozens",): 12, ("scores",): 20,
    ("tens",): 10, ("hundreds",): 100, ("thousands",): 1000, ("tens", "of", "thousands"): 10_000,
    ("hundreds", "of", "thousands"): 100_000,
    ("عده",): 3, ("بضعه",): 3, ("بضع",): 3, ("عدد", "من"): 3, ("عددا", "من"): 3, ("العديد", "من"): 3,
    ("الكثير", "من"): 3, ("بعض",): 3, ("عشرات",): 10, ("العشرات",): 10, ("مئات",): 100, ("المئات",): 100,
    ("الاف",): 1000, ("الالاف",): 1000, ("عشرات", "الالاف"): 10_000, ("مئات", "الالاف"): 100_000,
}
# Words before a figure that keep it as the lowest figure ("at least 12" → 12, «أكثر من 12» → 12).
_AT_LEAST: tuple[tuple[str, ...], ...] = (
    ("at", "least"), ("more", "than"), ("over",), ("upwards", "of"), ("about",), ("around",),
    ("approximately",), ("nearly",), ("almost",), ("some",), ("roughly",), ("an", "estimated"),
    ("estimated",),
    ("no", "fewer", "than"), ("no", "less", "than"), ("ما", "لا", "يقل", "عن"), ("لا", "يقل", "عن"),
    ("اكثر", "من"), ("ما", "يزيد", "عن"),
    ("ما", "يزيد", "علي"), ("يزيد", "عن"), ("نحو",), ("حوالي",), ("قرابه",), ("زهاء",), ("ما", "يقارب"),
    ("يقارب",), ("ما", "يناهز"), ("يناهز",),
)
# Words before a figure that make it an upper bound only: no lowest figure is reported.
_AT_MOST: tuple[tuple[str, ...], ...] = (
    ("up", "to"), ("as", "many", "as"), ("at", "most"), ("fewer", "than"), ("less", "than"),
    ("ما", "يصل", "الي"), ("يصل", "الي"), ("اقل", "من"),
)
_PLURAL_VAGUE = 3
_T = TypeVar("_T")


def _by_head(
    entries: Iterable[tuple[tuple[str, ...], _T]],
) -> dict[str, tuple[tuple[tuple[str, ...], _T], ...]]:
    """Word sequences grouped by their first word, longest first: one dict look-up per word."""
    grouped: dict[str, list[tuple[tuple[str, ...], _T]]] = {}
    for seq, value in sorted(entries, key=lambda entry: -len(entry[0])):
        grouped.setdefault(seq[0], []).append((seq, value))
    return {head: tuple(items) for head, items in grouped.items()}


# Modifier sequences by first word; the value says whether the figure is an upper bound only.
_MODIFIERS = _by_head([(seq, True) for seq in _AT_MOST] + [(seq, False) for seq in _AT_LEAST])
_VAGUE_BY_HEAD = _by_head(_VAGUE.items())
_CLAIMED_LIVES = frozenset({"اودي", "اودت", "يودي", "تودي", "حصد", "حصدت", "يحصد", "تحصد"})

_EN_PLURAL_NOUNS = frozenset({"people", "men", "women", "children", "police", "personnel", "troops", "staff",
                              "youth", "militia", "others", "civilians", "soldiers"})
_EN_SKIPPED = frozenset({"the", "his", "their", "its", "her", "of", "been", "reportedly", "also", "later",
                         "being"})
_EN_SINGULAR_MARK = frozenset({"a", "an", "one", "him", "her", "himself", "herself", "he", "she"})
_EN_PLURAL_MARK = frozenset({"them", "themselves", "they"})

# Arabic victim nouns: singulars whose plural is broken (so the -ين form is a dual), singulars with a
# sound plural (the -ين form is dual or plural: ambiguous), and broken plurals.
_AR_SINGULAR_BROKEN = (
    "شخص", "جندي", "طفل", "طفله", "امراه", "سيده", "رجل", "شاب", "شابه", "فتي", "فتاه", "ضابط", "عنصر",
    "قائد", "طالب", "طبيب", "حارس", "امير", "زعيم", "اسير", "سجين", "شيخ", "وزير", "رئيس", "نائب", "صبي",
    "مرتزق", "رضيع", "عجوز", "راع", "راعي",
)
_AR_SINGULAR_SOUND = (
    "مدني", "مقاتل", "مسلح", "مواطن", "صحفي", "صحافي", "مهاجر", "عسكري", "مجند", "مسعف", "ناشط", "متظاهر",
    "ارهابي", "انتحاري", "مزارع", "موظف", "معتقل", "مستوطن", "فلسطيني", "سوري", "ليبي", "عراقي", "يمني",
    "مصري", "تركي", "مسؤول", "لاجئ", "نازح", "مدرس", "معلم", "مسن", "داعشي", "حوثي", "جهادي", "متشدد",
    "متمرد", "سائق", "عامل", "قيادي", "شرطي", "محافظ", "صياد", "مدير",
)
_AR_BROKEN_PLURALS = frozenset({
    "اشخاص", "جنود", "اطفال", "نساء", "رجال", "شبان", "فتيان", "ضباط", "عناصر", "قاده", "طلاب", "اطباء",
    "حراس", "امراء", "زعماء", "اسري", "سجناء", "شيوخ", "افراد", "مرتزقه", "اهالي", "سكان", "ناس", "عمال",
    "صبيه", "مسلحون", "مدنيون",
})


def _ar_victims() -> dict[str, tuple[int, bool]]:
    table: dict[str, tuple[int, bool]] = {}
    for word in _AR_SINGULAR_BROKEN + _AR_SINGULAR_SOUND:
        table[word] = (1, False)
        if not word.endswith("ه"):
            table[word + "ا"] = (1, False)  # accusative: «قتل 15 شخصا», «إن شخصا قتل»
        base = word[:-1] + "ت" if word.endswith("ه") else word
        table[base + "ان"] = (2, False)
        table[base + "ين"] = (2, word in _AR_SINGULAR_SOUND)  # «مدنيين»: two, or more
        if word in _AR_SINGULAR_SOUND:
            table[word + "ون"] = (_PLURAL_VAGUE, True)
    for word in _AR_BROKEN_PLURALS:
        table[word] = (_PLURAL_VAGUE, True)
    return table


_AR_VICTIMS: dict[str, tuple[int, bool]] = _ar_victims()

# Bombers who died: said outright (one, two or more), or implied by a suicide attack.
_BOMBER_DIED = re.compile(
    r"(?P<one>blew\s+(?:himself|herself)\s+up|detonated\s+(?:his|her)\s+(?:explosive\s+|suicide\s+)?"
    r"(?:vest|belt|device)|فجر\s+نفسه|فجرت\s+نفسها)"
    r"|(?P<more>blew\s+themselves\s+up|detonated\s+their|فجرا\s+نفسيهما|فجرتا\s+نفسيهما|فجروا\s+انفسهم)"
)
_SUICIDE_ATTACK = re.compile(
    r"suicide\s+(?:bomb|bombing|bombings|attack|attacks|blast|car\s+bomb|bomber|bombers|attacker)"
    r"|(?:تفجير|هجوم|عمليه|اعتداء)\s+انتحاري|انتحاري\s+(?:يفجر|فجر)|(?:ال)?انتحاري(?:ان|ين)?\s+(?:فجر"
    r"|قد\s+فجر)"
)
_SUICIDE_INCLUDED = re.compile(
    r"including\s+(?:the\s+)?(?:suicide\s+)?(?:bomber|attacker)|(?:bomber|attacker)\s+(?:was\s+)?among"
    r"|بينهم\s+(?:ال)?انتحاري|بمن\s+فيهم\s+(?:ال)?انتحاري|منفذ\s+الهجوم"
)
# Moving or burying bodies: they died earlier, the count is a retrospective total.
_BODIES_MOVED = re.compile(
    r"(?<![^\W\d_])[وف]?(?:نقل|نقلت|اعاده|تسليم|استلام|دفن|بدفن|دفنهم|ترحيل)(?![^\W\d_])"
    r"|repatriat|transferred|handed\s+over|returned\s+the\s+bodies|buried"
)


def _with_prefixes(words: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        out.add(word)
        if "\u0600" <= word[:1] <= "\u06ff":
            for prefix in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ال", "وال", "بال", "فال", "لل", "ولل",
                           "وبال"):
                out.add(prefix + word)
    return frozenset(out)


_SCREEN_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_TRIGGERS = _with_prefixes(
    list(_EN_CUES) + list(_AR_CUES) + ["lives", "life", "suicide", "انتحاري", "انتحاريه", "الانتحاري"]
)


# --------------------------------------------------------------------------------------------
# Sentence analysis


@dataclass(frozen=True, slots=True)
class _Sentence:
    norm: Normalised
    words: tuple[Word, ...]
    quantities: dict[int, _Quantity]  # by first word
    ends: dict[int, _Quantity]  # by last word


def _starts_with(words: tuple[Word, ...], i: int, seq: tuple[str, ...]) -> bool:
    return i + len(seq) <= len(words) and all(words[i + k].text == seq[k] for k in range(len(seq)))


def _read_quantity(words: tuple[Word, ...], i: int) -> _Quantity | None:
    """A figure starting at word ``i``, with its modifiers, as ACLED's lowest figure."""
    head = words[i].text
    upper_only = False
    j = i
    for seq, upper in _MODIFIERS.get(head, ()):
        if _starts_with(words, i, seq) and (upper or read_number(words, i + len(seq)) is not None):
            upper_only, j = upper, i + len(seq)
            break
    between = words[j].text in ("between", "بين") if j < len(words) else False
    if between:
        j += 1
    elif _starts_with(words, j, ("ما", "بين")):
        between, j = True, j + 2
    number = read_number(words, j)
    if number is None:
        if j != i:
            return None
        for seq, value in _VAGUE_BY_HEAD.get(head, ()):
            if _starts_with(words, i, seq):
                # "some 20": a modifier, read above; "some" before a noun is vague.
                return _Quantity(value, i, i + len(seq) - 1, True)
        return None
    value, last = number.value, number.last
    # A range or alternative: the lowest figure ("10 to 15", «بين 10 و15», "10 or 12").
    k = last + 1
    if k < len(words):
        joiner = words[k].text
        nxt = None
        if joiner in ("to", "or", "-", "–", "الي", "او") or (between and joiner in ("and", "و")):
            nxt = read_number(words, k + 1)
        if nxt is not None and nxt.value > value:
            last = nxt.last
    if upper_only:
        return _Quantity(min(value, _PLURAL_VAGUE), i, last, True)
    return _Quantity(value, i, last, False)


# words a quantity may start with, besides a number's: a modifier, "between", a vague quantity
_QUANTITY_HEADS = frozenset({*_MODIFIERS, "between", "بين", "ما", *_VAGUE_BY_HEAD})


@lru_cache(maxsize=WORD_MEMO_LIMIT)  # asked of every word of a sentence with a death word
def _may_start_quantity(word: str) -> bool:
    return word in _QUANTITY_HEADS or may_start_number(word)


def _analyse(norm: Normalised) -> _Sentence:
    words = split_words(norm.text)
    quantities: dict[int, _Quantity] = {}
    i = 0  # the first word not inside a quantity read so far
    # only the words a quantity may start at are read (a few of a sentence's words)
    for k in [k for k, word in enumerate(words) if _may_start_quantity(word.text)]:
        if k < i:
            continue
        q = _read_quantity(words, k)
        if q is not None and not _not_a_count(words, q):
            quantities[q.first] = q
            i = q.last + 1
        else:
            i = k + 1
    return _Sentence(norm, words, quantities, {q.last: q for q in quantities.values()})


def _not_a_count(words: tuple[Word, ...], q: _Quantity) -> bool:
    """Distances, years, dates, money, percentages: numbers that count no people."""
    after = words[q.last + 1].text if q.last + 1 < len(words) else ""
    before = words[q.first - 1].text if q.first > 0 else ""
    if after in _UNITS or after in _MONTHS or before in _MONTHS or after.startswith(("كيلو", "بالم")):
        return True
    if after == "في" and q.last + 2 < len(words) and words[q.last + 2].text in ("المئه", "المائه"):
        return True
    text = words[q.first].text
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100 and (
            before in _YEAR_CONTEXT or not after or after in _HARD_BOUNDARY or after == ","):
        return True
    return before in ("$", "us$", "£", "€")


def _cue_at(word: str) -> _Cue | None:
    if word[:1].isascii():
        return _EN_CUES.get(word)
    for stem in stems(word):
        cue = _AR_CUES.get(stem)
        if cue is not None:
            return cue
    return None


def _is_injury(word: str) -> bool:
    if word[:1].isascii():
        return word in _EN_INJURY
    return any(stem in _AR_INJURY for stem in stems(word))


def _is_conj(word: str) -> bool:
    return word in ("and", "or", "و", "او", "/", "&")


def _hard(word: str) -> bool:
    return word in _HARD_BOUNDARY


def _combined_with_injury(s: _Sentence, i: int) -> tuple[str, int, int] | None:
    """"killed or wounded", «مقتل وإصابة», «بين قتيل وجريح», «جرحى وقتلى»: a casualty figure.

    Returns the joining word's kind ("and" or "or") and the word range the pair covers."""
    w = s.words
    word = w[i].text
    nxt = w[i + 1].text if i + 1 < len(w) else ""
    if nxt and not nxt[:1].isascii() and nxt.startswith("و") and _is_injury(nxt):
        return "and", i, i + 1
    if (_is_conj(nxt) or nxt == ",") and i + 2 < len(w) and _is_injury(w[i + 2].text):
        listed = [x.text for x in w[i + 1:i + 5]]
        return ("or" if any(x in ("or", "او", "/") for x in listed) else "and"), i, i + 2
    prev = w[i - 1].text if i > 0 else ""
    if not word[:1].isascii() and word.startswith("و") and prev and _is_injury(prev):
        return "and", i - 1, i
    if _is_conj(prev) and i >= 2 and _is_injury(w[i - 2].text):
        return ("or" if prev in ("or", "او", "/") else "and"), i - 2, i
    return None


def _separate_figures(s: _Sentence, i: int, cue: _Cue, combined: tuple[str, int, int], arabic: bool) -> bool:
    """«7 قتلوا وأصيب 20», "3 killed and 10 wounded": each word has its own figure, no casualty total."""
    _, first, last = combined
    injury_at = last if first == i else first
    if arabic and (_stem_in(s.words[i].text, _AR_DEATH_VERBS)
                   or _stem_in(s.words[injury_at].text, _AR_INJURY_VERBS)):
        # «قتل جنديان وأصيب ثالث»: two clauses; only nouns make a casualty pair («مقتل وإصابة 10»)
        return True
    if injury_at < i:
        own = cue.right and _search_right(s, i) is not None
        injury_figure = s.ends.get(injury_at - 1) is not None
    else:
        own = cue.left and _search_left(s, i, arabic) is not None
        injury_figure = s.quantities.get(injury_at + 1) is not None or (
            injury_at + 2 < len(s.words) and s.quantities.get(injury_at + 2) is not None
            and s.words[injury_at + 1].text not in ("and", "or", "و", "او"))
    return own and injury_figure


def _stem_in(word: str, table: frozenset[str]) -> bool:
    return any(stem in table for stem in stems(word))


def _combined_count(s: _Sentence, first: int, last: int) -> _Found:
    """Deaths inside a killed-and-wounded figure: some died, how many is not said, so ACLED's
    unspecified plural (3), never more than the figure allows (one of them at least was wounded)."""
    q = _search_left(s, first, not s.words[first].text[:1].isascii()) or _search_right(s, last)
    if q is None:
        return _Found(_PLURAL_VAGUE, first, last, True, False)
    count = _PLURAL_VAGUE if q.vague else max(1, min(_PLURAL_VAGUE, q.value - 1))
    return _Found(count, min(first, q.first), max(last, q.last), True, False)


def _negated(s: _Sentence, i: int) -> bool:
    w = s.words
    if i + 1 < len(w) and w[i + 1].text in ("no", "nobody", "none", "no-one", "unknown", "unclear"):
        return True
    after = [x.text for x in w[i + 1:i + 4]]
    if after[:2] in (["were", "not"], ["was", "not"], ["could", "not"], ["are", "not"])\
            or after[:1] == ["غير"]:
        return True  # "Fatalities were not reported", «قتلى غير معروف»
    for k in range(i - 1, max(-1, i - 6), -1):
        word = w[k].text
        if _hard(word) or word in ("that", "which", "who", "but", "الذي", "التي", "لكن", "بينما"):
            return False
        if word in _NEGATORS or word.endswith("n't"):
            return True
    return False


def _irrealis(s: _Sentence, i: int) -> bool:
    return i > 0 and any(stem in _IRREALIS for stem in stems(s.words[i - 1].text))


def _injury_role(s: _Sentence, q: _Quantity) -> bool:
    """"10 wounded", «10 جرحى», "10 people were injured": the figure counts injuries."""
    for k in range(q.last + 1, min(len(s.words), q.last + 5)):
        word = s.words[k].text
        if (word.startswith("و") and not word[:1].isascii()) or k in s.quantities:
            return False  # «3 قتلى وإصابة 10»: the injury word starts another phrase
        if _is_injury(word):
            return True
        if _hard(word) or _is_conj(word) or word == "," or word in _STOP or _cue_at(word) is not None:
            return False
    return False


def _search_right(s: _Sentence, i: int) -> _Quantity | None:
    if s.words[i].text == "toll":
        # "the toll since January rose to 150": the figure follows "to"/"at"/"of", a few words on.
        for k in range(i + 1, min(len(s.words) - 1, i + 8)):
            if _hard(s.words[k].text):
                break
            if s.words[k].text in ("to", "at", "of", "reached") and (k + 1) in s.quantities:
                return s.quantities[k + 1]
    for k in range(i + 1, min(len(s.words), i + 6)):
        q = s.quantities.get(k)
        if q is not None:
            return None if _injury_role(s, q) else q
        word = s.words[k].text
        if word not in _RIGHT_FILLERS and not any(stem in _RIGHT_FILLERS for stem in stems(word)[1:]):
            return None
    return None


def _search_left(s: _Sentence, i: int, arabic: bool) -> _Quantity | None:
    for k in range(i - 1, max(-1, i - (5 if arabic else 7)), -1):
        q = s.ends.get(k)
        if q is not None:
            return q
        word = s.words[k].text
        if word in ("علي", "في") and k + 1 < i and s.words[k + 1].text == "الاقل":
            continue  # «8 أشخاص على الأقل قتلوا»
        if _hard(word) or word in _STOP or _is_injury(word) or (k < i - 1 and _cue_at(word) is not None):
            return None
    return None


def _continue_sum(s: _Sentence, q: _Quantity, step: int) -> tuple[int, int, int]:
    """Figures joined by "and"/«و» in one phrase ("3 soldiers and 2 civilians") add up.

    Returns (extra count, new first word, new last word)."""
    extra, first, last = 0, q.first, q.last
    while True:
        edge = last if step > 0 else first
        found = None
        if step < 0 and _waw_number(s, first):
            found = _joined_quantity(s, first, step)  # «11 مدنيا وأربعة من رجال الشرطة قتلوا»
        for k in range(edge + step, edge + step * 5, step):
            if found is not None:
                break
            if step > 0 and k in s.quantities and _waw_number(s, k):
                found = None if _injury_role(s, s.quantities[k]) else s.quantities[k]
                break
            if not 0 <= k < len(s.words):
                break
            word = s.words[k].text
            if _is_conj(word) or word == ",":
                found = _joined_quantity(s, k, step)
                break
            if _hard(word) or word in _STOP or _is_injury(word) or _cue_at(word) is not None \
                    or k in s.quantities or k in s.ends:
                break
        if found is None or found.vague:
            return extra, first, last
        extra += found.value
        first, last = min(first, found.first), max(last, found.last)


def _waw_number(s: _Sentence, k: int) -> bool:
    word = s.words[k].text
    return len(word) > 1 and word.startswith("و") and not word[:1].isascii()


def _joined_quantity(s: _Sentence, k: int, step: int) -> _Quantity | None:
    """The figure just past the conjunction at ``k``: next to it going right ("and 2 civilians"),
    up to three words away going left ("three soldiers and ...")."""
    reach = 1 if step > 0 else 4
    for j in range(k + step, k + step * (reach + 1), step):
        if not 0 <= j < len(s.words):
            return None
        cand = s.quantities.get(j) if step > 0 else s.ends.get(j)
        if cand is not None:
            return None if _injury_role(s, cand) else cand
        word = s.words[j].text
        if _hard(word) or word in _STOP or _is_injury(word) or _is_conj(word) or _cue_at(word):
            return None
    return None


def _en_number_of(s: _Sentence, start: int, step: int) -> tuple[int, bool] | None:
    """Singular or plural victims in the words next to an English cue, without a figure."""
    raw = s.norm.raw
    noun_seen = False
    for k in range(start, start + step * 4, step):
        if not 0 <= k < len(s.words):
            return None
        word = s.words[k].text
        if _hard(word) or (word in _STOP and k != start):
            return None
        if word in ("was", "is", "has") or word in _EN_SINGULAR_MARK:
            return 1, False
        if word in ("were", "are", "have") or word in _EN_PLURAL_MARK or word in _EN_PLURAL_NOUNS:
            return _PLURAL_VAGUE, True
        if step < 0 and noun_seen and word in ("the", "his", "her", "its", "this", "that"):
            return 1, False  # "The victim died", "the other died"
        if word in _EN_SKIPPED:
            continue
        if word.endswith("'s") or word.endswith("’s"):
            continue
        if word.endswith("s") and not word.endswith(("ss", "us", "is")) and word.isalpha():
            return _PLURAL_VAGUE, True
        if step > 0 and raw[s.norm.raw_index(s.words[k].start)].isupper():
            return 1, False  # a name: "killed Qassem Soleimani"
        if step > 0 and k > start and s.words[k - 1].text in ("the", "his", "their", "its", "her"):
            # "killed the commander of ...": read on to the head noun.
            nxt = s.words[k + 1].text if k + 1 < len(s.words) else ""
            if nxt.endswith("s") and not nxt.endswith("ss") and nxt.isalpha() and nxt not in _STOP:
                return _PLURAL_VAGUE, True
            return 1, False
        if step < 0:
            noun_seen = noun_seen or word.isalpha()
            continue
        return None
    return None


def _ar_victims_after(s: _Sentence, i: int, verbal_noun: bool) -> tuple[int, bool] | None:
    """The victims' number from the noun after an Arabic cue («مقتل جندي» 1, «مقتل جنديين» 2)."""
    if i + 1 >= len(s.words):
        return (1, True) if verbal_noun else None
    word = s.words[i + 1].text
    victims = _lookup_victim(word)
    if victims is not None:
        return victims
    if not verbal_noun:
        return None
    if _hard(word) or word == "," or word in _STOP or word.isdigit():
        return 1, True  # «مقتل في صفوف ...»: someone died, how many is not said
    bare = stems(word)[-1]
    if bare.endswith("ين"):
        return 2, True
    if bare.endswith(("ون", "ات")):
        return _PLURAL_VAGUE, True
    return 1, False  # «مقتل القيادي فلان», «اغتيال محافظ»: one named victim


def _implied(s: _Sentence, i: int, cue: _Cue, word: str) -> tuple[int, bool] | None:
    """The count a cue carries when no figure stands next to it."""
    arabic = not word[:1].isascii()
    if arabic:
        definite = any(word.startswith(p) for p in ("ال", "وال", "بال", "فال", "لل"))
        if stems(word)[-1] in ("شهيد", "شهداء") and definite:
            return None  # «الشهيد فلان», «ساحة الشهداء»: an honorific, a place
        if stems(word)[-1] in ("قتلي", "وفيات") and i > 0 and stems(s.words[i - 1].text)[-1] in (
                "عدد", "حصيله", "اعداد", "ارقام"):
            return None  # «عدد القتلى» without a figure says nothing of how many
        if stems(word)[-1] == "شهداء" and i > 0 and stems(s.words[i - 1].text)[-1] in (
                "ساحه", "ميدان", "مستشفي", "مقبره", "كتيبه", "لواء", "جمعه", "اسر", "عائلات", "ذوي", "ابناء"):
            return None
        if cue.implied:
            return cue.implied, cue.implied_vague
        after = _ar_victims_after(s, i, cue.kind == _N)
        if after is None and cue.kind == _V and i > 0:
            return _lookup_victim(s.words[i - 1].text)  # «إن امرأة قتلت», «شخصا قتل»
        return after
    if cue.implied:
        if word == "deaths" and i + 1 < len(s.words) and s.words[i + 1].text == "toll":
            return None
        return cue.implied, cue.implied_vague
    if word == "death":
        if i + 1 < len(s.words) and s.words[i + 1].text == "of":
            return _en_number_of(s, i + 2, 1)
        return None
    if word == "toll":
        return None
    if word == "body":
        return _en_number_of(s, i + 2, 1)
    if word == "dead" and i > 0 and s.words[i - 1].text in ("shot", "beaten", "stabbed", "hacked") \
            and i + 1 < len(s.words) and s.words[i + 1].text in ("a", "an", "one", "the", "his", "their"):
        return _en_number_of(s, i + 1, 1)  # "gunmen shot dead a soldier"
    found = None
    if cue.right:
        nxt = s.words[i + 1].text if i + 1 < len(s.words) else ""
        if nxt == "of":  # "the killing of a protester"
            found = _en_number_of(s, i + 2, 1)
        elif nxt and nxt not in _STOP and not _hard(nxt) and nxt != ",":
            found = _en_number_of(s, i + 1, 1)
    if found is None and cue.left:
        if word == "dead" and i > 0 and s.words[i - 1].text == "the":
            return _PLURAL_VAGUE, True  # "the dead"
        found = _en_number_of(s, i - 1, -1)
    return found


def _lives(s: _Sentence, i: int) -> _Found | None:
    """"lost their lives", "claimed the lives of 5", "lost his life"."""
    w = [x.text for x in s.words]
    word = w[i]
    if i >= 2 and w[i - 2] == "lost" and w[i - 1] in ("their", "his", "her"):
        q = _search_left(s, i - 2, False)
        if q is not None:
            return _Found(q.value, q.first, i, q.vague, False)
        if word == "lives" or w[i - 1] == "their":
            return _Found(_PLURAL_VAGUE, i - 2, i, True, False)
        return _Found(1, i - 2, i, False, False)
    claimed = i >= 2 and w[i - 2] in ("claimed", "claiming", "took", "taking")
    if word == "lives" and claimed and w[i - 1] == "the":
        if i + 1 < len(w) and w[i + 1] == "of":
            q = s.quantities.get(i + 2)
            if q is not None:
                return _Found(q.value, i - 2, q.last, q.vague, False)
            found = _en_number_of(s, i + 2, 1)
            if found is not None:
                return _Found(found[0], i - 2, i + 2, found[1], False)
    return None


def _mention_at(s: _Sentence, i: int) -> _Found | None:
    word = s.words[i].text
    if word in ("lives", "life"):
        return None if _negated(s, i) else _lives(s, i)
    cue = _cue_at(word)
    if cue is None or _negated(s, i):
        return None
    if word == "death" and i > 0 and s.words[i - 1].text == "to":
        # "beaten to death", "shot to death": a killing, told like "dead"
        cue, word = _EN_CUES["dead"], "dead"
    elif word == "body" and not (i + 1 < len(s.words) and s.words[i + 1].text == "of"):
        return None  # "the government body", "Body of Investigations"
    elif _irrealis(s, i):
        return None
    arabic = not word[:1].isascii()
    if "بحياه" in stems(word) and not any(_stem_in(w.text, _CLAIMED_LIVES) for w in s.words[max(0, i - 2):i]):
        return None  # «أودى بحياة 5» is a toll; «يهتفون بحياة فلان» is a cheer
    combined = _combined_with_injury(s, i)
    if combined is not None and not _separate_figures(s, i, cue, combined, arabic):
        join, first, last = combined
        return None if join == "or" else _combined_count(s, first, last)
    if word == "death" and i + 1 < len(s.words) and s.words[i + 1].text in (
            "sentence", "sentences", "penalty", "threat", "threats", "squad", "squads", "row", "toll",
            "camp"):
        return None
    bodies = cue.kind == "bodies"
    q: _Quantity | None = None
    # Arabic cues and "killed 3" take the figure after them first; "3 were killed" before.
    right_first = (cue.right and (arabic or (i + 1) in s.quantities)) or not cue.left
    for direction in ((1, -1) if right_first else (-1, 1)):
        if direction > 0 and cue.right:
            q = _search_right(s, i)
        elif direction < 0 and cue.left:
            q = _search_left(s, i, arabic)
        if q is not None:
            extra, first, last = _continue_sum(s, q, direction)
            return _Found(q.value + extra, min(first, i), max(last, i), q.vague, bodies)
    implied = _implied(s, i, cue, word)
    if implied is None:
        return None
    last = i
    if arabic and not cue.implied and i + 1 < len(s.words) and _lookup_victim(s.words[i + 1].text):
        last = i + 1  # «مقتل جندي»: the span takes in the victim noun
    return _Found(implied[0], i, last, implied[1], bodies)


def _lookup_victim(word: str) -> tuple[int, bool] | None:
    for stem in stems(word):
        if stem in _AR_VICTIMS:
            return _AR_VICTIMS[stem]
    return None


# a screen word never spans white space: the screen is decided word by word, each word once
DEATH_WORDS = WordScreen(lambda word: not _TRIGGERS.isdisjoint(_SCREEN_WORD.findall(word)))


# Memoised by the word: each sentence with a death word has a few dozen words, and reading each
# one's stems for a cue cost more than the rest of the search.
@lru_cache(maxsize=WORD_MEMO_LIMIT)
def _may_start_mention(text: str) -> bool:
    """Whether a mention may start at a word: a death cue, or "lives"/"life"."""
    return text in ("lives", "life") or _cue_at(text) is not None


def _cue_indexes(words: tuple[Word, ...]) -> list[int]:
    """The indexes of the words a mention may start at, in order (``_mention_at`` is None elsewhere)."""
    return [i for i, word in enumerate(words) if _may_start_mention(word.text)]


def _may_report_deaths(norm: Normalised) -> bool:
    return DEATH_WORDS.any_word(norm.text)


def find_fatalities(sentence: str, language: str, norm: Normalised | None = None,
                    words: bool | None = None) -> FatalityMention | None:
    """The deaths ``sentence`` reports, by ACLED's rules; None when it reports none (``norm``:
    ``normalise(sentence)``, when the caller has it; ``words``: ``DEATH_WORDS.any_word(norm.text)``,
    when the caller screened it)."""
    norm = norm or normalise(sentence)
    if not (_may_report_deaths(norm) if words is None else words):
        return None
    s = _analyse(norm)
    found: list[_Found] = []
    covered = -1
    for i in _cue_indexes(s.words):
        if i <= covered:
            continue  # a cue inside an earlier mention («مقتل 3 قتلى») is the same mention
        mention = _mention_at(s, i)
        if mention is not None:
            found.append(mention)
            covered = mention.last
    bomber = _BOMBER_DIED.search(norm.text)
    suicide = bomber or _SUICIDE_ATTACK.search(norm.text)
    if not found and not bomber:
        return None
    if found:
        # A stated figure supersedes a vague one ("dozens ...; the ministry said 25 died"); among
        # several, the first, which in news style is the lead figure of the sentence.
        best = next((f for f in found if not f.vague), found[0])
        count, vague = best.count, best.vague
        start, end = s.words[best.first].start, s.words[best.last].end
    else:
        assert bomber is not None  # no figure and no bomber returned above
        best = None
        count, vague = 0, False
        start, end = bomber.span()
    if suicide and not _SUICIDE_INCLUDED.search(norm.text):
        # ACLED counts suicide bombers with the victims (two at least when several blew up).
        count += 2 if bomber is not None and bomber.group("more") else 1
    raw_start, raw_end = norm.raw_span(start, end)
    aggregate = _aggregate(sentence, language, norm, s, found, best)
    return FatalityMention(count, sentence[raw_start:raw_end], raw_start, raw_end, aggregate, vague)


def _aggregate(sentence: str, language: str, norm: Normalised, s: _Sentence, found: list[_Found],
               best: _Found | None) -> bool:
    if best is None:
        return False
    if best.bodies and _BODIES_MOVED.search(norm.text):
        return True
    span = aggregate_span(sentence, language, norm)
    if span is None:
        return False
    if len(found) == 1:
        return True
    # Several figures: only the one nearest the period phrase is the total ("3 were killed on
    # Monday, bringing the toll since January to 150").
    def distance(f: _Found) -> int:
        raw_a, raw_b = norm.raw_span(s.words[f.first].start, s.words[f.last].end)
        return max(span[0] - raw_b, raw_a - span[1], 0)

    return min(found, key=distance) is best


_ADDITIONAL = re.compile(
    r"\b(?:also|another|additional|further)\b|(?<![^\W\d_])(?:ايضا|اخرين|اخري|اخر)(?![^\W\d_])"
)


def total_fatalities(mentions: Iterable[FatalityMention | None]) -> int:
    """Fatalities of one incident from the mentions of its sentences.

    Retrospective totals are left out: they are not this incident's deaths. Sentences about one
    incident mostly restate its toll (headline, lead, quote), so figures are not summed: a later
    figure that differs usually updates it ("the toll rose to 5") or names a subset ("two of them
    children"), so the largest stated figure is taken. A figure said to be on top of the others
    ("2 militants were also killed", «ومقتل 3 آخرين») is added. ACLED's lowest-figure rule applies
    to conflicting reports inside a sentence (ranges, "at least"), and among vague figures, which a
    stated figure supersedes.
    """
    kept = [m for m in mentions if m is not None and not m.aggregate]
    added = [bool(_ADDITIONAL.search(normalise(m.text).text)) for m in kept]
    base = [m for m, plus in zip(kept, added, strict=True) if not plus]
    rest = [m for m, plus in zip(kept, added, strict=True) if plus]
    if not base and rest:
        base, rest = rest[:1], rest[1:]
    exact = [m.count for m in base if not m.vague]
    if exact:
        first = max(exact)
    else:
        vague = [m.count for m in base if m.vague]
        first = min(vague) if vague else 0
    return first + sum(m.count for m in rest)


# --------------------------------------------------------------------------------------------
# A coder's own statement of the count (ACLED's notes): it is the record's figure.

_NUMBER_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 "thirteen|fourteen|fifteen|twenty")
_CODED = re.compile(r"\b(?:fatalit(?:y|ies|es)|deaths)\s+(?:were\s+|was\s+|are\s+|is\s+)?coded\s+as\s+(\d+)",
                    re.I)
_SPLIT = re.compile(
    rf"\b(?:split|spread|divided|distributed)(?:\s+up)?\s+(?:evenly\s+)?(?:between|among|across|over)\s+"
    rf"(?:the\s+)?(\d+|{_NUMBER_WORDS})\s+(?:events|locations|days|incidents|places)"
    r"(?:\s+\((\d+)\))?(?:[^.\]]*?\bwith\s+(\d+)\s+coded\s+to\s+each)?", re.I)
_STATED_SPLIT = re.compile(r"\b(\d+)\s+fatalit(?:y|ies)\s+(?:split|spread|divided)", re.I)


def coded_fatalities(text: str, counted: int | None = None) -> int | None:
    """The figure a coder's note states for the record ("Fatalities coded as 0 (VoJ reported 3)",
    "Unclear fatalities coded as 10 and spread between 3 locations", "20 fatalities split up
    between 3 events"), as this record's share: a total split between several events is divided
    evenly and rounded (ACLED gives the remainder to the first ones, and which one a record is
    the note does not say). "Fatalities split between 2 events" without a figure splits
    ``counted``, the deaths found in the text. None when the text states no such figure."""
    if ascii_casefold_is_exact(text):
        lowered = text.lower()
        if "coded" not in lowered and "fatalit" not in lowered:
            return None  # what every such statement says (most texts are no coder's note)
    stated = _CODED.search(text) or _STATED_SPLIT.search(text)
    if stated is None:
        split = _SPLIT.search(text) if counted else None
        if split is None or not re.search(r"\bfatalit", text[max(0, split.start() - 40):split.start()], re.I):
            return None
        total = counted or 0
    else:
        total = int(stated.group(1))
        split = _SPLIT.search(text, stated.start())
    if split is None:
        return total
    if split.group(2) or split.group(3):
        return int(split.group(2) or split.group(3))
    parts = split.group(1)
    count = int(parts) if parts.isdigit() else _NUMBER_WORDS.split("|").index(parts.lower())
    return int(total / count + 0.5) if count > 0 else total
