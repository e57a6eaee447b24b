"""Event dates resolved against the publication date, in Arabic and English.

The document date throughout is Wednesday 22 April 2020 (the seed article's assumed date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents.dates import find_event_date

DOC = dt.date(2020, 4, 22)  # a Wednesday
D = dt.date

AR_CASES = [
    # sentence, expected date, precision, expected span
    ("حقق الجيش الوطني الليبي أمس تقدماً استراتيجياً", D(2020, 4, 21), 1, "أمس"),
    ("اندلعت اشتباكات امس في طرابلس", D(2020, 4, 21), 1, "امس"),
    ("وقعت الاشتباكات البارحة قرب سرت", D(2020, 4, 21), 1, "البارحة"),
    ("قصفت الطائرات اليوم مواقع المليشيات", D(2020, 4, 22), 1, "اليوم"),
    ("سقطت قذائف أول أمس على الحي", D(2020, 4, 20), 1, "أول أمس"),
    ("سقطت قذائف اول امس على الحي", D(2020, 4, 20), 1, "اول امس"),
    ("وكانت أعمال الشغب قد اندلعت مساء أول من أمس", D(2020, 4, 20), 1, "مساء أول من أمس"),
    ("قتل جندي يوم الأحد في هجوم", D(2020, 4, 19), 1, "يوم الأحد"),
    ("قتل جندي الأحد في هجوم", D(2020, 4, 19), 1, "الأحد"),
    ("تظاهر المئات يوم الإثنين", D(2020, 4, 20), 1, "يوم الإثنين"),
    ("شنت الطائرات غارات يوم الثلاثاء", D(2020, 4, 21), 1, "يوم الثلاثاء"),
    ("وقع الانفجار الأربعاء", D(2020, 4, 22), 1, "الأربعاء"),
    ("اعتقلت الشرطة ناشطين الخميس", D(2020, 4, 16), 1, "الخميس"),
    ("خرجت مظاهرات بعد صلاة الجمعة", D(2020, 4, 17), 1, "الجمعة"),
    ("وكان متظاهرون قد خرجوا السبت إلى الشوارع", D(2020, 4, 18), 1, "السبت"),
    ("قتل مواطن الأحد الماضي", D(2020, 4, 19), 1, "الأحد الماضي"),
    ("وقع الهجوم الأربعاء الماضي", D(2020, 4, 15), 1, "الأربعاء الماضي"),
    ("اقتحم مسلحون المطار الأسبوع الماضي", D(2020, 4, 15), 2, "الأسبوع الماضي"),
    ("اندلعت المعارك الشهر الماضي", D(2020, 3, 15), 3, "الشهر الماضي"),
    ("سيطرت القوات على المدينة مطلع الأسبوع", D(2020, 4, 19), 2, "مطلع الأسبوع"),
    ("وصل التعزيزات مطلع الأسبوع الماضي", D(2020, 4, 12), 2, "مطلع الأسبوع الماضي"),
    ("اعتقلت القوات قياديا صباح اليوم", D(2020, 4, 22), 1, "صباح اليوم"),
    ("انفجرت سيارة مفخخة مساء أمس", D(2020, 4, 21), 1, "مساء أمس"),
    ("سمع دوي انفجارات ليلة أمس", D(2020, 4, 21), 1, "ليلة أمس"),
    ("شنت الطائرات غارات فجر اليوم", D(2020, 4, 22), 1, "فجر اليوم"),
    ("اختطف مسلحون صحفيا قبل يومين", D(2020, 4, 20), 1, "قبل يومين"),
    ("اختطف مسلحون صحفيا قبل ثلاثة أيام", D(2020, 4, 19), 1, "قبل ثلاثة أيام"),
    ("اختطف مسلحون صحفيا قبل 5 أيام", D(2020, 4, 17), 1, "قبل 5 أيام"),
    ("وقعت المجزرة في 15 مايو 2020", D(2020, 5, 15), 1, "15 مايو 2020"),
    ("وقعت المجزرة في 15 أيار 2020", D(2020, 5, 15), 1, "15 أيار 2020"),
    ("وقعت المجزرة في ١٥ أيار ٢٠٢٠", D(2020, 5, 15), 1, "١٥ أيار ٢٠٢٠"),
    ("وقعت المجزرة في 15 أيار/مايو 2020", D(2020, 5, 15), 1, "15 أيار/مايو 2020"),
    ("بدأت الاحتجاجات في 3 كانون الثاني 2020", D(2020, 1, 3), 1, "3 كانون الثاني 2020"),
    ("انعقد الاجتماع في 9 تشرين الأول", D(2019, 10, 9), 1, "9 تشرين الأول"),
    ("تظاهر الآلاف في 14 أبريل في أنقرة", D(2020, 4, 14), 1, "14 أبريل"),
    ("وقع الانقلاب في 25 أبريل", D(2019, 4, 25), 1, "25 أبريل"),
    ("أقيل القاضي في التاسع من مارس (آذار) الماضي", D(2020, 3, 9), 1, "التاسع من مارس (آذار)"),
    ("اندلعت الأحداث في شهر يناير الماضي", D(2020, 1, 15), 3, "في شهر يناير الماضي"),
    ("تبنت الحركة تفجير 20/4/2020 في مقديشو", D(2020, 4, 20), 1, "20/4/2020"),
    ("أغلقوا الطريق الليلة قبل الماضية", D(2020, 4, 20), 1, "الليلة قبل الماضية"),
    ("تجمع عشرات الفلسطينيين اليوم الأربعاء في رام الله", D(2020, 4, 22), 1, "اليوم الأربعاء"),
    ("وقع الحادث نهاية الشهر الماضي", D(2020, 3, 31), 3, "نهاية الشهر الماضي"),
    ("ارتفعت الأسعار مطلع الشهر الجاري", D(2020, 4, 1), 3, "مطلع الشهر الجاري"),
    ("قُتِلَ أَمْسِ ثلاثةُ جنود", D(2020, 4, 21), 1, "أَمْسِ"),
]

EN_CASES = [
    ("Gunmen killed three villagers yesterday.", D(2020, 4, 21), 1, "yesterday"),
    ("Today the army shelled the town.", D(2020, 4, 22), 1, "Today"),
    ("Protesters gathered on Monday outside parliament.", D(2020, 4, 20), 1, "on Monday"),
    ("Protesters gathered Monday outside parliament.", D(2020, 4, 20), 1, "Monday"),
    ("A bomb exploded on Wednesday in the market.", D(2020, 4, 22), 1, "on Wednesday"),
    ("A bomb exploded last Wednesday in the market.", D(2020, 4, 15), 1, "last Wednesday"),
    ("Rebels seized the town on Saturday night.", D(2020, 4, 18), 1, "on Saturday night"),
    ("Militants raided the base last week.", D(2020, 4, 16), 2, "last week"),
    ("Clashes erupted last month in the north.", D(2020, 3, 15), 3, "last month"),
    ("Clashes erupted earlier this month in the north.", D(2020, 4, 15), 3, "earlier this month"),
    ("The attack happened on 9 May 2020.", D(2020, 5, 9), 1, "9 May 2020"),
    ("The attack happened on May 9, 2020.", D(2020, 5, 9), 1, "May 9, 2020"),
    ("The attack happened on 9 April.", D(2020, 4, 9), 1, "9 April"),
    ("The attack happened on May 9.", D(2019, 5, 9), 1, "May 9"),
    ("The attack happened on 2020-04-09.", D(2020, 4, 9), 1, "2020-04-09"),
    ("Airstrikes hit the city overnight.", D(2020, 4, 22), 1, "overnight"),
    ("Police fired tear gas two days ago.", D(2020, 4, 20), 1, "two days ago"),
    ("Police fired tear gas a few days ago.", D(2020, 4, 19), 2, "a few days ago"),
    ("Police said on Tuesday that gunmen killed 3 people on Sunday.", D(2020, 4, 19), 1, "on Sunday"),
    ("Fighting resumed the day before yesterday.", D(2020, 4, 20), 1, "the day before yesterday"),
    ("Troops withdrew in March.", D(2020, 3, 15), 3, "in March"),
    ("Troops withdrew in early April.", D(2020, 4, 1), 3, "early April"),
    ("The siege began in May 2019.", D(2019, 5, 15), 3, "May 2019"),
    ("Villagers were attacked last weekend.", D(2020, 4, 18), 2, "last weekend"),
    ("Talks resume next Monday.", D(2020, 4, 27), 1, "next Monday"),
    ("The ninth of April was quiet.", D(2020, 4, 9), 1, "The ninth of April"),
]


@pytest.mark.parametrize(("sentence", "date", "precision", "span"), AR_CASES)
def test_dates_arabic_expression_resolves(sentence: str, date: dt.date, precision: int, span: str) -> None:
    found = find_event_date(sentence, "ar", DOC)
    assert found is not None
    assert (found.date, found.precision, found.text) == (date, precision, span)
    assert sentence[found.start:found.end] == found.text


@pytest.mark.parametrize(("sentence", "date", "precision", "span"), EN_CASES)
def test_dates_english_expression_resolves(sentence: str, date: dt.date, precision: int, span: str) -> None:
    found = find_event_date(sentence, "en", DOC)
    assert found is not None
    assert (found.date, found.precision, found.text) == (date, precision, span)
    assert sentence[found.start:found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("وتعتبر بوقرين منطقة إستراتيجية هامة بالنسبة لقوات المشير خليفة حفتر", "ar"),
        ("نقلت القوات 300 مقاتل خلال الأيام القليلة الماضية", "ar"),  # a period, not a date
        ("وصل عدد المرتزقة إلى أكثر من 7000 منذ بداية العام", "ar"),
        ("تستمر الاحتجاجات حتى اليوم", "ar"),  # «حتى اليوم»: to date
        ("احتفلت المنظمات باليوم العالمي لحرية الصحافة", "ar"),  # a named day
        ("لا فرق بين الاثنين", "ar"),  # «الاثنين»: "the two"
        ("أقيمت أمسية شعرية في المدينة", "ar"),  # «أمسية» is not «أمس»
        ("The envoy met both sides in Geneva to discuss a settlement.", "en"),
        ("The rebels may 9 times have changed sides.", "en"),  # lower-case "may" is no month
        ("Protests have continued since Monday.", "en"),  # the start of a period
        ("Residents march 5 km to the capital.", "en"),
    ],
)
def test_dates_no_date_expression_gives_none(sentence: str, language: str) -> None:
    assert find_event_date(sentence, language, DOC) is None


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("The attack happened on 9 May 2020.", "en", D(2020, 5, 9)),
        ("وقعت المجزرة في 15 أيار 2020", "ar", D(2020, 5, 15)),
        ("The attack happened yesterday.", "en", None),
        ("وقع الهجوم أمس", "ar", None),
        ("The attack happened on May 9.", "en", None),  # no year and no document date
        ("وقع الهجوم يوم الأحد", "ar", None),
    ],
)
def test_dates_without_doc_date_only_explicit_resolve(sentence: str, language: str,
                                                      expected: dt.date | None) -> None:
    found = find_event_date(sentence, language, None)
    assert (found.date if found else None) == expected
    if found is not None:
        assert found.explicit


def test_dates_relative_expression_is_not_explicit() -> None:
    found = find_event_date("قصفت الطائرات أمس مواقع", "ar", DOC)
    assert found is not None and not found.explicit


def test_dates_weekday_of_publication_is_the_publication_day() -> None:
    # News convention: a weekday named in a report is the latest such day, the doc date included.
    found = find_event_date("A bomb exploded on Wednesday.", "en", DOC)
    assert found is not None and found.date == DOC


def test_dates_reporting_date_yields_to_event_date() -> None:
    found = find_event_date("قال المتحدث أمس إن القوات سيطرت على المدينة يوم الأحد", "ar", DOC)
    assert found is not None and found.date == D(2020, 4, 19)


def test_dates_unknown_language_reads_only_numeric_dates() -> None:
    found = find_event_date("ayer 2020-04-09", "es", DOC)
    assert found is not None and (found.date, found.text) == (D(2020, 4, 9), "2020-04-09")
    assert find_event_date("ayer", "es", DOC) is None


def test_dates_week_still_running_is_not_after_publication() -> None:
    found = find_event_date("Militants raided the base this week.", "en", D(2020, 4, 21))  # Tuesday
    assert found is not None and found.date <= D(2020, 4, 21) and found.precision == 2


def test_dates_dateparser_fallback_reads_unusual_spans() -> None:
    # No rule reads "9-May-20" (ACLED's own 2020 export style); dateparser does, on the words
    # around the month name.
    found = find_event_date("Protesters gathered on 9-May-20 in the square.", "en", D(2020, 5, 20))
    assert found is not None and (found.date, found.precision, found.text) == (D(2020, 5, 9), 1, "9-May-20")
