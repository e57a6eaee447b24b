"""The date a sentence's event happened, resolved against the publication date.

Our own rules come first: a fixed set of Arabic and English expressions («أمس», «الأحد الماضي»,
«15 أيار 2020», "on Monday", "May 9, 2020", "last week"), matched on a normalised copy of the
sentence (``numbers.normalise``). dateparser is only a fallback for a month name that no rule
could read, on a few words around it: called on whole sentences it costs 5–120 ms, and it misses
Levantine months, «الأحد الماضي» and «يوم الاثنين» (see NOTES.md).

Precision follows ACLED's ``time_precision``: 1 day, 2 week, 3 month. When only the week or the
month is known the date is the mid-point ACLED uses (the first or last day for "early"/"late"), and a
period that is still running at publication is never dated after the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from coder.incidents.numbers import Normalised, normalise, read_number, read_ordinal, split_words
from coder.incidents.prefilter import PatternGate, WordScreen, required_strings


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression of a sentence and the date it resolves to.

    ``text``/``start``/``end`` are the span in the raw sentence; ``explicit`` is True for a calendar
    date written out (day and/or month named), False for one relative to the document date.
    """

    date: dt.date
    precision: int
    text: str
    start: int
    end: int
    explicit: bool


class _Resolved(NamedTuple):
    date: dt.date
    precision: int
    explicit: bool


class _Candidate(NamedTuple):
    resolved: _Resolved
    start: int  # offsets in the normalised text
    end: int
    reporting: bool  # attached to a reporting verb ("said on Tuesday"): the report's date, not the event's


# --------------------------------------------------------------------------------------------
# Tables (normalised spellings: أإآ→ا, ى→ي, ة→ه, lower case)

_AR_MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Maghreb (Algeria, Tunisia, Morocco)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "جويليا": 7, "يوليوز": 7,
    "اوت": 8, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
_EN_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Python weekday numbers (Monday 0).
_AR_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}
_EN_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# First day of the week: Sunday in the Arab press, Monday in English (ISO).
_WEEK_START: dict[str, int] = {"ar": 6, "en": 0}
_EN_SMALL_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2, "a couple of": 2,
}
_VAGUE_FEW = frozenset({"few", "a few", "several", "بضعه", "بضع", "عده"})

_REPORTING = frozenset({
    "said", "says", "told", "announced", "stated", "reported", "added", "confirmed", "claimed",
    "denied", "declared", "tweeted", "wrote", "warned", "noted", "explained",
    "قال", "قالت", "اعلن", "اعلنت", "ذكر", "ذكرت", "اكد", "اكدت", "افاد", "افادت", "صرح", "صرحت",
    "اوضح", "اوضحت", "اضاف", "اضافت", "نشر", "نشرت", "كشف", "كشفت", "اعتبر", "اعتبرت", "نفي", "نفت",
})
# A weekday or calendar date right after these starts or ends a period («منذ الأحد», "since May"):
# it is not the date of an event.
_PERIOD_EDGE = frozenset({"منذ", "حتي", "لغايه", "since", "until", "till", "by"})


def _alternation(names: list[str] | dict[str, int]) -> str:
    # Longest first, so «كانون الثاني» wins over a shorter name and "sept" over "sep".
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


_AR_M = _alternation(_AR_MONTHS)
# Full names, or abbreviations with an optional dot ("Sept. 9"); the dot is part of the month.
_EN_FULL = [m for m in _EN_MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_EN_M = (rf"(?:(?:{_alternation(_EN_FULL)})\b"
         rf"|(?:{_alternation([m for m in _EN_MONTHS if m not in _EN_FULL])})\b\.?)")
_AR_WD = _alternation(_AR_WEEKDAYS)
_EN_WD = _alternation(_EN_WEEKDAYS)
_L = r"(?<![^\W\d_])"  # not after a letter
_R = r"(?![^\W\d_])"  # not before a letter
_AR_TOD = r"(?:(?:صباح|مساء|ليله|ليل|فجر|ظهر|ظهيره|عصر|نهار|منتصف\s+ليله|منتصف\s+ليل)\s+)"
_AR_YEAR = r"(?:\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*(?P<year>\d{4}))"
_AR_PART = r"(?P<part>مطلع|بدايه|بدايات|اوائل|مستهل|منتصف|اواسط|اواخر|نهايه|اخر)"
_EN_PART = r"(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"

_PART_KIND: dict[str, str] = {
    "مطلع": "start", "بدايه": "start", "بدايات": "start", "اوائل": "start", "مستهل": "start",
    "منتصف": "mid", "اواسط": "mid", "اواخر": "end", "نهايه": "end", "اخر": "end",
    "early": "start", "the beginning of": "start", "the start of": "start", "mid": "mid",
    "the middle of": "mid", "late": "end", "the end of": "end",
}
_REL_KIND: dict[str, int] = {
    "الماضي": -1, "المنصرم": -1, "الفائت": -1, "السابق": -1, "المقبل": 1, "القادم": 1,
    "الجاري": 0, "الحالي": 0, "هذا": 0,
    "last": -1, "the previous": -1, "this": 0, "earlier this": 0, "later this": 0, "next": 1,
}


# --------------------------------------------------------------------------------------------
# Screening: one set look-up over the sentence's words decides whether any rule can match.

_SCREEN_WORD = re.compile(r"[^\W_]+")
_NUMERIC_DATE = re.compile(r"\d[/.-]\d{1,2}[/.-]\d")


def _with_prefixes(bases: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for base in bases:
        for prefix in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
            out.add(prefix + base)
        if base.startswith("ال"):
            for prefix in ("بال", "وبال", "فبال", "لل", "ولل", "كال"):
                out.add(prefix + base[2:])
    return frozenset(out)


_AR_TRIGGERS = _with_prefixes(
    [n for n in _AR_MONTHS if " " not in n]
    + ["كانون", "تشرين", "امس", "الامس", "البارحه", "اليوم", "الليله", "غدا", "الاسبوع", "اسبوع",
       "اسبوعين", "اسابيع", "الشهر", "شهر", "شهرين", "اشهر", "شهور", "يوم", "يومين", "ايام", "ساعات",
       "ساعه", "ساعتين"] + list(_AR_WEEKDAYS)
)
_EN_TRIGGERS = frozenset(
    [m for m in _EN_MONTHS if m not in ("may", "march", "mar")] + list(_EN_WEEKDAYS)
    + ["yesterday", "today", "tonight", "tomorrow", "overnight", "night", "week", "weekend", "month", "ago"]
)


_EN_CAPITAL_TRIGGERS = ("May", "MAY", "March", "MARCH", "Mar")


# a screen word never spans white space: the screen is decided word by word, each word once
DATE_WORDS = {
    "ar": WordScreen(lambda word: not _AR_TRIGGERS.isdisjoint(_SCREEN_WORD.findall(word))),
    "en": WordScreen(lambda word: not _EN_TRIGGERS.isdisjoint(_SCREEN_WORD.findall(word))),
}


def _may_hold_date(norm: Normalised, language: str, words: bool | None = None) -> bool:
    """``words``: ``DATE_WORDS[language].any_word(norm.text)``, when the caller screened it."""
    if language == "ar":
        hit = DATE_WORDS["ar"].any_word(norm.text) if words is None else words
    elif language == "en":
        # "may" and "march" are mostly a modal and a verb: only their capitalised forms count.
        raw = norm.raw
        hit = (DATE_WORDS["en"].any_word(norm.text) if words is None else words) or any(
            m in raw for m in _EN_CAPITAL_TRIGGERS
        )
    else:
        hit = False
    return hit or bool(_NUMERIC_DATE.search(norm.text))


# --------------------------------------------------------------------------------------------
# Date arithmetic


def _on_or_before(doc: dt.date, weekday: int) -> dt.date:
    return doc - dt.timedelta(days=(doc.weekday() - weekday) % 7)


def _strictly_before(doc: dt.date, weekday: int) -> dt.date:
    return doc - dt.timedelta(days=(doc.weekday() - weekday - 1) % 7 + 1)


def _strictly_after(doc: dt.date, weekday: int) -> dt.date:
    return doc + dt.timedelta(days=(weekday - doc.weekday() - 1) % 7 + 1)


def _week_start(day: dt.date, language: str) -> dt.date:
    first = _WEEK_START.get(language, 0)
    return day - dt.timedelta(days=(day.weekday() - first) % 7)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _last_day(first: dt.date) -> dt.date:
    return _add_months(first, 1) - dt.timedelta(days=1)


def _week(doc: dt.date, language: str, offset: int, part: str | None, earlier: bool) -> _Resolved:
    """A week relative to ``doc`` (``offset`` weeks away); ACLED dates it at its mid-point."""
    start = _week_start(doc, language) + dt.timedelta(weeks=offset)
    # "end of the week": its last working day (Friday in English, Thursday in the Arab week).
    day = start + dt.timedelta(days={"start": 0, "end": 4}.get(part or "", 3))
    if offset == 0:
        # A week still running: never after publication; "earlier this week" is before it.
        day = max(start, min(day, doc - dt.timedelta(days=1) if earlier else doc))
    return _Resolved(day, 2, False)


def _month(doc: dt.date, offset: int, part: str | None, earlier: bool) -> _Resolved:
    first = _add_months(doc.replace(day=1), offset)
    day = {"start": first, "end": _last_day(first)}.get(part or "", first.replace(day=15))
    if offset == 0:
        day = max(first, min(day, doc - dt.timedelta(days=1) if earlier else doc))
    return _Resolved(day, 3, False)


def _calendar(year: int | None, month: int, day: int | None, doc: dt.date | None, part: str | None = None
              ) -> _Resolved | None:
    """A written-out date; without a year, the latest one on or before the document date."""
    if year is None:
        if doc is None:
            return None
        year = doc.year
        probe = _safe_date(year, month, day or 1)
        if probe is None or probe > doc:
            year -= 1
    if day is not None:
        value = _safe_date(year, month, day)
        return _Resolved(value, 1, True) if value else None
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    first = dt.date(year, month, 1)
    value = {"start": first, "end": _last_day(first)}.get(part or "", first.replace(day=15))
    if doc is not None and first <= doc < value and part is None:
        value = doc  # the month is still running at publication
    return _Resolved(value, 3, True)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# Rules: (pattern on normalised text, resolver). A resolver returns None to drop the match.

_Resolver = Callable[[re.Match[str], dt.date | None, str], "_Resolved | None"]


_SPACES = re.compile(r"\s+")


def _group(m: re.Match[str], name: str) -> str | None:
    # the one group, not a dict of them all: resolvers ask for several of a match's groups
    value = m.group(name) if name in m.re.groupindex else None
    return _SPACES.sub(" ", value) if value else None


def _year(m: re.Match[str]) -> int | None:
    year = _group(m, "year")
    return int(year) if year else None


def _month_number(name: str, language: str) -> int:
    table = _AR_MONTHS if language == "ar" else _EN_MONTHS
    return table[name.rstrip(".")]


def _resolve_day_month(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    day_text = _group(m, "day")
    if day_text is not None:
        day = int(day_text)
    else:
        ordinal = read_ordinal(split_words(_group(m, "ord") or ""), 0)
        if ordinal is None:
            return None
        day = ordinal.value
    return _calendar(_year(m), _month_number(_group(m, "month") or "", language), day, doc)


def _resolve_month_year(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    part = _PART_KIND.get(_group(m, "part") or "")
    return _calendar(_year(m), _month_number(_group(m, "month") or "", language), None, doc, part)


def _resolve_month_only(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    pre = _group(m, "pre") or ""
    if pre == "since":
        return None
    month = _month_number(_group(m, "month") or "", language)
    rel = _REL_KIND.get(_group(m, "rel") or "", None)
    if rel is not None and doc is not None and rel != 0:
        same_year = (rel < 0 and month < doc.month) or (rel > 0 and month > doc.month)
        year = doc.year if same_year else doc.year + rel
        return _calendar(year, month, None, doc, _PART_KIND.get(pre))
    return _calendar(None, month, None, doc, _PART_KIND.get(pre))


def _resolve_numeric(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4:
        value = _safe_date(int(a), int(b), int(c))
    elif len(c) == 4:
        first, second = (int(b), int(a)) if language == "en" else (int(a), int(b))
        value = _safe_date(int(c), second, first) or _safe_date(int(c), first, second)
    else:
        return None
    return _Resolved(value, 1, True) if value else None


_AR_RELATIVE_DAYS: dict[str, int] = {
    "امس": -1, "الامس": -1, "بالامس": -1, "البارحه": -1, "اليوم": 0, "الليله": 0, "غدا": 1,
    "الليله الماضيه": -1, "الليله قبل الماضيه": -2, "اول امس": -2, "اول من امس": -2, "امس الاول": -2,
    "بعد غد": 2,
}
_EN_RELATIVE_DAYS: dict[str, int] = {
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "overnight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1, "day before yesterday": -2,
    "the day before yesterday": -2,
}


def _resolve_relative_day(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    if doc is None:
        return None
    key = _group(m, "rel") or ""
    table = _AR_RELATIVE_DAYS if language == "ar" else _EN_RELATIVE_DAYS
    day = doc + dt.timedelta(days=table[key])
    weekday = _group(m, "wd")
    if weekday is not None and _AR_WEEKDAYS.get(weekday) != day.weekday():
        # «أمس الأحد» when yesterday was no Sunday: trust the named weekday, the nearer one.
        day = _on_or_before(day, _AR_WEEKDAYS[weekday])
    return _Resolved(day, 1, False)


def _resolve_weekday(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    if doc is None:
        return None
    table = _AR_WEEKDAYS if language == "ar" else _EN_WEEKDAYS
    weekday = table[_group(m, "wd") or ""]
    mod = _group(m, "mod") or _group(m, "rel") or ""
    if mod in ("last", "past", "this past", "الماضي", "المنصرم", "الفائت"):
        return _Resolved(_strictly_before(doc, weekday), 1, False)
    if mod in ("next", "this coming", "coming", "المقبل", "القادم"):
        return _Resolved(_strictly_after(doc, weekday), 1, False)
    # News convention: a weekday in a report is the latest such day, the publication day included.
    return _Resolved(_on_or_before(doc, weekday), 1, False)


def _resolve_ago(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    if doc is None:
        return None
    unit = _group(m, "unit") or ""
    num_text = _group(m, "num")
    vague = False
    if num_text is None:
        count = 2 if unit in ("يومين", "اسبوعين", "شهرين", "ساعتين") else 1
        vague = unit in ("ايام", "اسابيع", "اشهر", "شهور", "ساعات")
    elif num_text in _VAGUE_FEW:
        count, vague = 3, True
    elif num_text in _EN_SMALL_NUMBERS:
        count = _EN_SMALL_NUMBERS[num_text]
    else:
        number = read_number(split_words(num_text), 0)
        if number is None:
            return None
        count = number.value
    if unit.startswith(("ساع", "hour")):
        return _Resolved(doc, 1, False)
    if unit.startswith(("يوم", "ايام", "day")):
        if vague:  # «قبل أيام», "a few days ago": ACLED's week precision
            return _Resolved(doc - dt.timedelta(days=3), 2, False)
        if count > 366:
            return None
        return _Resolved(doc - dt.timedelta(days=count), 1, False)
    if unit.startswith(("اسبوع", "اسابيع", "week")):
        if count > 60:
            return None
        return _Resolved(doc - dt.timedelta(weeks=count), 2, False)
    if count > 60:
        return None
    month_first = _add_months(doc.replace(day=1), -count)
    return _Resolved(month_first.replace(day=min(doc.day, 28)), 3, False)


def _resolve_week(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    if doc is None:
        return None
    rel = _group(m, "rel") or "هذا"
    offset = -2 if _group(m, "twice") else _REL_KIND.get(rel, 0)
    return _week(doc, language, offset, _PART_KIND.get(_group(m, "part") or ""), rel.startswith("earlier"))


def _resolve_weekend(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    if doc is None:
        return None
    # The weekend's first day: Friday in the Arab press, Saturday in English.
    first = 4 if language == "ar" else 5
    rel = _group(m, "rel") or ""
    if rel in ("last", "the past", "الماضي", "المنصرم", "الفائت"):
        return _Resolved(_strictly_before(doc, first), 2, False)
    return _Resolved(_on_or_before(doc, first), 2, False)


def _resolve_month_rel(m: re.Match[str], doc: dt.date | None, language: str) -> _Resolved | None:
    if doc is None:
        return None
    rel = _group(m, "rel") or "هذا"
    part = _PART_KIND.get(_group(m, "part") or "")
    return _month(doc, _REL_KIND.get(rel, 0), part, rel.startswith("earlier"))


_AR_NUM = r"(?:\d+|[^\W\d_]+)"
_AR_RULES: tuple[tuple[re.Pattern[str], _Resolver, str], ...] = (
    (re.compile(rf"(?<![0-9])(?P<day>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?[بل]?(?P<month>{_AR_M}){_R}"
                rf"(?:\s*(?:/|\()\s*(?:{_AR_M})\s*\)?)?{_AR_YEAR}?(?![0-9])"),
     _resolve_day_month, "explicit"),
    (re.compile(rf"{_L}[وف]?(?:يوم\s+)?(?P<ord>(?:الاول|الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن"
                rf"|التاسع|العاشر|العشرين|الثلاثين)(?:\s+(?:عشر|والعشرين|والثلاثين))?)\s+من\s+(?:شهر\s+)?"
                rf"(?P<month>{_AR_M}){_R}(?:\s*(?:/|\()\s*(?:{_AR_M})\s*\)?)?{_AR_YEAR}?(?![0-9])"),
     _resolve_day_month, "explicit"),
    (re.compile(rf"{_L}[وف]?(?:{_AR_PART}\s+)?(?:شهر\s+)?(?P<month>{_AR_M}){_R}(?:\s*(?:/|\()\s*(?:{_AR_M})\s*\)?)?"
                rf"\s*[،,]?\s*(?:من\s+)?(?:عام|العام|سنه|لعام)?\s*(?P<year>\d{{4}})(?![0-9])"),
     _resolve_month_year, "explicit"),
    (re.compile(rf"{_L}[وف]?(?:(?P<pre>في|خلال|مطلع|بدايه|بدايات|اوائل|مستهل|منتصف|اواسط|اواخر|نهايه|اخر)\s+"
                rf"(?:شهر\s+)?|شهر\s+)(?P<month>{_AR_M}){_R}(?:\s*(?:/|\()\s*(?:{_AR_M})\s*\)?)?"
                rf"(?:\s+(?P<rel>الماضي|المنصرم|الجاري|الحالي))?{_R}"), _resolve_month_only, "explicit"),
    (re.compile(rf"{_L}[وف]?{_AR_TOD}?(?:يوم\s+)?(?P<rel>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|الليله\s+قبل\s+الماضيه|الليله\s+الماضيه"
                rf"|(?:بال|ال)?امس|البارحه|اليوم|الليله|غدا|بعد\s+غد){_R}(?:\s+(?P<wd>{_AR_WD}){_R})?"),
     _resolve_relative_day, "relative_day"),
    (re.compile(rf"{_L}[وف]?(?:[بل](?=ال))?{_AR_TOD}?(?:يوم\s+)?(?P<wd>{_AR_WD}){_R}"
                rf"(?:\s+(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم){_R})?"), _resolve_weekday, "weekday"),
    (re.compile(rf"{_L}[وف]?(?:قبل|منذ)\s+(?:(?:نحو|حوالي|قرابه|زهاء)\s+)?(?:(?P<num>{_AR_NUM})\s+)?"
                rf"(?P<unit>يومين|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|ساعتين|ساعه|ساعات){_R}"),
     _resolve_ago, "ago"),
    (re.compile(rf"{_L}[وف]?(?:{_AR_PART}\s+)?(?:[بل]?ال|هذا\s+ال)اسبوع{_R}(?:\s+(?P<twice>قبل\s+)?"
                rf"(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي){_R})?"), _resolve_week, "week"),
    (re.compile(rf"{_L}[وف]?(?:عطله\s+)?نهايه\s+الاسبوع{_R}(?:\s+(?P<rel>الماضي|المنصرم|الفائت){_R})?"),
     _resolve_weekend, "weekend"),
    (re.compile(rf"{_L}[وف]?(?:{_AR_PART}\s+)?(?:[بل]?ال|هذا\s+ال)شهر{_R}(?:\s+"
                rf"(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي){_R})?"),
     _resolve_month_rel, "month"),
)

_EN_ORD = (r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
           r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_EN_YEAR = r"(?:,?\s+(?P<year>\d{4}))"
_EN_RULES: tuple[tuple[re.Pattern[str], _Resolver, str], ...] = (
    (re.compile(rf"\b(?:(?:{_EN_WD}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                rf"(?P<month>{_EN_M}){_EN_YEAR}?(?![0-9])"), _resolve_day_month, "explicit"),
    (re.compile(rf"\b(?:(?:{_EN_WD}),?\s+)?(?P<month>{_EN_M})\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
                rf"(?![0-9])(?!\s*(?:km|kilomet|mile|met|%|percent|people|killed|dead))\b{_EN_YEAR}?(?![0-9])"),
     _resolve_day_month, "explicit"),
    (re.compile(rf"\b(?:the\s+)?(?P<ord>{_EN_ORD})\s+of\s+(?P<month>{_EN_M}){_EN_YEAR}?(?![0-9])"),
     _resolve_day_month, "explicit"),
    (re.compile(rf"\b(?:{_EN_PART}[\s-]+)?(?P<month>{_EN_M}),?\s+(?P<year>\d{{4}})(?![0-9])"),
     _resolve_month_year, "explicit"),
    (re.compile(r"\b(?P<pre>in|during|since|early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
                r"|the\s+middle\s+of)[\s-]+(?P<month>january|february|march|april|may|june|july|august|september"
                r"|october|november|december)\b"), _resolve_month_only, "explicit"),
    (re.compile(r"\b(?P<rel>(?:the\s+)?day\s+before\s+yesterday|yesterday|last\s+night|today|tonight|overnight"
                r"|this\s+(?:morning|afternoon|evening)|tomorrow)\b"), _resolve_relative_day, "relative_day"),
    (re.compile(rf"\b(?:(?P<mod>on|last|this\s+past|past|this\s+coming|coming|this|next|early|late)\s+)?"
                rf"(?P<wd>{_EN_WD})\b(?:\s+(?:morning|afternoon|evening|night))?"),
     _resolve_weekday, "weekday"),
    (re.compile(r"\b(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few"
                r"|several|(?:a\s+)?couple\s+of)\s+(?P<unit>days?|weeks?|months?|hours?)\s+ago\b"),
     _resolve_ago, "ago"),
    (re.compile(rf"\b(?:{_EN_PART}[\s-]+)?(?P<rel>last|this|next|earlier\s+this|later\s+this|the\s+previous)\s+week\b"),
     _resolve_week, "week"),
    (re.compile(r"\b(?P<rel>last|this|over\s+the|at\s+the|on\s+the|the\s+past)\s+weekend\b"),
     _resolve_weekend, "weekend"),
    (re.compile(rf"\b(?:{_EN_PART}[\s-]+)?(?P<rel>last|this|next|earlier\s+this|later\s+this|the\s+previous)"
                rf"\s+month\b"), _resolve_month_rel, "month"),
)
_COMMON_RULES: tuple[tuple[re.Pattern[str], _Resolver, str], ...] = (
    (re.compile(r"(?<![0-9])(?<![0-9][/.-])(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})(?![0-9]|[/.-][0-9])"),
     _resolve_numeric, "explicit"),
)
_NUMERIC_RULE = _COMMON_RULES[0][0]
_RULES: dict[str, tuple[tuple[re.Pattern[str], _Resolver, str], ...]] = {
    "ar": _AR_RULES + _COMMON_RULES,
    "en": _EN_RULES + _COMMON_RULES,
}
RULE_GATES = {language: PatternGate([p for p, _, _ in rules]) for language, rules in _RULES.items()}
_RULE_NAMES = tuple(str(i) for i in range(max(len(rules) for rules in _RULES.values())))  # the gates' names

_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")  # what _word_before reads, kept as its definition
_WORD_AFTER = re.compile(r"\W*([^\W\d_]+)")


def _word_before(text: str, lo: int, hi: int) -> str:
    """``_WORD_BEFORE.search(text, lo, hi).group(1)``, or "" where it finds none: the letters that
    end the last word before ``hi`` (only non-word characters after them), none before ``lo``.
    Read back from ``hi``: the regex search tried every position of the window, and its ``$``
    failed at each but the last (~3 us a date match). A word character (``\\w``) is what
    ``str.isalnum`` calls alphanumeric, or '_'; a letter (``[^\\W\\d_]``) one that is also not a
    decimal digit."""
    end = hi
    while end > lo and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    start = end
    while start > lo and text[start - 1].isalnum() and not text[start - 1].isdecimal():
        start -= 1
    return text[start:end]


def _blocked(kind: str, m: re.Match[str], norm: Normalised, language: str) -> bool:
    """Matches that look like a date expression but are not one here."""
    before = _word_before(norm.text, max(0, m.start() - 30), m.start())
    if kind in ("explicit", "weekday") and before in _PERIOD_EDGE:
        return True
    if kind == "explicit" and language == "en" and "month" in m.re.groupindex:
        month_start = m.start("month")
        if not norm.raw[norm.raw_index(month_start)].isupper():
            return True  # "may", "march": months are capitalised in English news
    if kind == "weekday" and language == "ar" and m.group("wd") == "الاثنين" and "يوم" not in m.group():
        # «الاثنين» is also "the two": «بين الاثنين», «كلا الاثنين», «الاثنين معا».
        after_m = _WORD_AFTER.match(norm.text, m.end(), m.end() + 20)
        if before in ("بين", "كلا", "من") or (after_m and after_m.group(1) in ("معا", "منهما", "منهم")):
            return True
    if kind == "relative_day" and language == "ar" and m.group("rel") == "اليوم" and not m.group("wd"):
        # «حتى اليوم» (to date), «اليوم التالي» (the next day), «اليوم العالمي» (a named day).
        after_m = _WORD_AFTER.match(norm.text, m.end(), m.end() + 20)
        after = after_m.group(1) if after_m and after_m.start(1) - m.end() <= 2 else ""
        if before in ("حتي", "منذ", "ذلك", "نفس", "هذا", "مثل", "طوال", "خلال") or after in ("نفسه", "ذاته"):
            return True
        if after.startswith("ال") and after not in _AR_WEEKDAYS:
            return True
    if kind == "relative_day" and language == "en" and m.group("rel") == "today":
        return before in ("to", "until", "till")  # "to date"
    return False


def _reporting(start: int, norm: Normalised) -> bool:
    """Whether one of the three words before ``start`` is a reporting verb ("said on Tuesday")."""
    window = norm.text[max(0, start - 40):start]
    words = _SCREEN_WORD.findall(window)[-3:]
    return any(w in _REPORTING or (w[:1] in "وف" and w[1:] in _REPORTING) for w in words)


def _candidates(norm: Normalised, language: str, doc: dt.date | None, possible: frozenset[str] | None = None
                ) -> tuple[list[_Candidate], list[tuple[int, int]]]:
    """Resolved date expressions, and the spans of every rule match (resolved or not). ``possible``:
    ``RULE_GATES[language].possible(norm.text)``, when the caller screened it."""
    found: list[_Candidate] = []
    spans: list[tuple[int, int]] = []
    rules = _RULES.get(language, _COMMON_RULES)
    if possible is None and language in RULE_GATES:
        possible = RULE_GATES[language].possible(norm.text)
    numeric: bool | None = None
    for name, (pattern, resolve, kind) in zip(_RULE_NAMES, rules, strict=False):  # names: as many or more
        if possible is not None and name not in possible:
            continue  # none of the words this rule needs is in the sentence
        if pattern is _NUMERIC_RULE:
            # it requires no word, and its lookbehinds at every position cost 4x a screen that
            # every one of its matches passes ("12/05/2020" holds "2/05/2")
            if numeric is None:
                numeric = bool(_NUMERIC_DATE.search(norm.text))
            if not numeric:
                continue
        for m in pattern.finditer(norm.text):
            spans.append((m.start(), m.end()))
            if _blocked(kind, m, norm, language):
                continue
            try:
                resolved = resolve(m, doc, language)
            except (OverflowError, ValueError):
                continue  # a date before year 1 or after 9999: no date
            if resolved is not None:
                found.append(_Candidate(resolved, m.start(), m.end(), _reporting(m.start(), norm)))
    # Overlapping matches: keep the longest («صباح أمس الأحد» over «الأحد»), then the earlier rule.
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[_Candidate] = []
    for cand in found:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return kept, spans


def _choose(cands: list[_Candidate], doc: dt.date | None) -> _Candidate:
    """The event's date among several: a report's own date («قال أمس», "said on Tuesday") yields to
    any other date; a past date beats a future one (a plan); a day beats a week beats a month; then
    the first in the sentence, since news names the main event before the background («تظاهروا
    أمس احتجاجا على مقتل مواطن الاثنين الماضي»)."""
    pool = [c for c in cands if not c.reporting] or cands
    return min(pool, key=lambda c: (doc is not None and c.resolved.date > doc, c.resolved.precision, c.start))


def find_event_date(sentence: str, language: str, doc_date: dt.date | None,
                    norm: Normalised | None = None, words: bool | None = None,
                    rules: frozenset[str] | None = None) -> DateMention | None:
    """The date of the event reported by ``sentence``, resolved against ``doc_date``.

    Returns None when the sentence has no date expression (the caller then uses the document
    date). Without ``doc_date`` only written-out calendar dates resolve. ``norm``:
    ``normalise(sentence)``, when the caller has it; ``words`` and ``rules``: the screens of its
    text by ``DATE_WORDS`` and ``RULE_GATES``, when the caller screened it (``screen.py``).
    """
    norm = norm or normalise(sentence)
    if not _may_hold_date(norm, language, words):
        return None
    cands, spans = _candidates(norm, language, doc_date, rules)
    if not cands:
        fallback = _dateparser_fallback(norm, language, doc_date, spans)
        if fallback is None:
            return None
        cands = [fallback]
    best = _choose(cands, doc_date)
    start, end = norm.raw_span(best.start, best.end)
    return DateMention(best.resolved.date, best.resolved.precision, sentence[start:end], start, end,
                       best.resolved.explicit)


# --------------------------------------------------------------------------------------------
# dateparser fallback: a month name left unread by the rules, tried on a few words around it.

_MONTH_TOKEN = re.compile(rf"{_L}[وفبل]?(?P<month>{_AR_M}|{_EN_M}){_R}")


def _dateparser_fallback(norm: Normalised, language: str, doc: dt.date | None,
                         spans: list[tuple[int, int]]) -> _Candidate | None:
    if language not in ("ar", "en"):
        return None
    for m in _MONTH_TOKEN.finditer(norm.text):
        if language == "en" and not norm.raw[norm.raw_index(m.start("month"))].isupper():
            continue
        if any(a <= m.start() < b for a, b in spans):
            continue  # a rule read it already and set it aside («منذ يناير»: a period, not a date)
        if _word_before(norm.text, max(0, m.start() - 30), m.start()) in _PERIOD_EDGE:
            continue
        words = split_words(norm.text)
        k = next((i for i, w in enumerate(words) if w.start <= m.start("month") < w.end), None)
        if k is None:
            continue
        for lo, hi in ((k - 2, k + 2), (k - 1, k + 1), (k - 2, k), (k, k + 2), (k - 1, k), (k, k + 1)):
            lo, hi = max(lo, 0), min(hi, len(words) - 1)
            start, end = words[lo].start, words[hi].end
            resolved = _dateparser_resolve(norm.text[start:end], language, doc)
            if resolved is not None:
                return _Candidate(resolved, start, end, False)
        break  # one month name is enough work for a fallback
    return None


def _dateparser_resolve(text: str, language: str, doc: dt.date | None) -> _Resolved | None:
    year_m = re.search(r"(?<![0-9])(\d{4})(?![0-9])", text)
    if doc is None and year_m is None:
        return None  # a relative reading needs the publication date
    if doc is not None:
        base = dt.datetime.combine(doc, dt.time())
    else:
        base = dt.datetime(int(year_m.group(1)) if year_m else 1, 12, 31)
    try:
        from dateparser.date import DateDataParser  # lazy: importing dateparser costs ~0.1 s
        parser = DateDataParser(languages=[language],
                                settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        data = parser.get_date_data(text)
    except Exception:  # noqa: BLE001 - a fallback parser's failure means "no date", never a crash
        return None
    if data is None or data.date_obj is None:
        return None
    value = data.date_obj.date()
    if data.period in ("day", "time"):
        return _Resolved(value, 1, True)
    if data.period == "week":
        return _Resolved(value, 2, True)
    if data.period == "month":
        return _calendar(value.year, value.month, None, doc)
    return None


# --------------------------------------------------------------------------------------------
# Aggregates

_AGGREGATE: dict[str, re.Pattern[str]] = {
    "ar": re.compile(
        rf"{_L}[وف]?(?:"
        rf"منذ\s+(?:بدايه|مطلع|بدء|اول|انطلاق|اندلاع|بدايات|مستهل|انطلاقه)\s+[^\W\d_]+"
        rf"|منذ\s+(?:عام\s+|سنه\s+|العام\s+)?\d{{4}}"
        rf"|منذ\s+(?:شهر\s+)?(?:{_AR_M}){_R}"
        rf"|منذ\s+(?:ال)?(?:تدخل|اندلاع|بدء|بدايه)"
        rf"|(?:خلال|علي\s+مدار|علي\s+مدي|طوال|في|عبر)\s+(?:ال)?(?:فتره|ايام|اسابيع|اشهر|شهور|ساعات|سنوات|اعوام"
        rf"|سنين|الاشهر|الشهور)(?:\s+[^\s]+)?\s+(?:الماضيه|الاخيره|المنصرمه|الفائته|السابقه)"
        rf"|(?:خلال|منذ|طوال)\s+(?:العام|السنه|الشهر|الاسبوع)\s+(?:الجاري|الحالي|الماضي|المنصرم)"
        rf"|حتي\s+(?:الان|اللحظه|هذه\s+اللحظه|تاريخه|الساعه)"
        rf"|في\s+المجمل|باجمالي|اجمالي|الحصيله\s+(?:الاجماليه|الكليه|التراكميه)"
        rf"){_R}"
    ),
    "en": re.compile(
        rf"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b"
        rf"|since\s+(?:early\s+|late\s+|mid-?)?(?:{_EN_M}|\d{{4}}|the\s+war|the\s+conflict|the\s+uprising"
        rf"|the\s+revolution|the\s+invasion|last\s+(?:year|month|week)|{_EN_WD})\b"
        rf"|so\s+far(?:\s+this\s+(?:year|month|week))?|thus\s+far|to\s+date|in\s+total"
        rf"|(?:in|over|during|for|within|throughout)\s+the\s+(?:past|last|previous)\s+(?:[\w-]+\s+)?"
        rf"(?:days|weeks|months|years|hours|week|month|year|decade)"
        rf"|(?:cumulative|overall)\s+(?:death\s+)?toll)\b"
    ),
}


# words one of which every aggregate phrase holds: a few substring tests rule most sentences out
AGGREGATE_WORDS = {language: required_strings(p.pattern, p.flags) for language, p in _AGGREGATE.items()}


def aggregate_span(sentence: str, language: str, norm: Normalised | None = None, words: bool | None = None
                   ) -> tuple[int, int] | None:
    """Raw span of the phrase that makes ``sentence`` a total over a period, if any. ``words``:
    whether its normalised text holds one of ``AGGREGATE_WORDS[language]``, when the caller
    screened it."""
    pattern = _AGGREGATE.get(language)
    if pattern is None:
        return None
    norm = norm or normalise(sentence)
    if words is None:
        strings = AGGREGATE_WORDS[language]
        words = strings is None or _holds_any(norm.text, strings)
    if not words:
        return None
    m = pattern.search(norm.text)
    return norm.raw_span(m.start(), m.end()) if m else None


def _holds_any(text: str, strings: frozenset[str]) -> bool:
    for s in strings:  # a loop, not any() over a generator: a third cheaper, and most texts hold none
        if s in text:
            return True
    return False


def is_aggregate_period(sentence: str, language: str, norm: Normalised | None = None,
                        words: bool | None = None) -> bool:
    """True when the sentence reports a total over a period («منذ بداية العام», "so far this year")
    rather than one dated incident. ``words``: as for ``aggregate_span``."""
    return aggregate_span(sentence, language, norm, words) is not None
