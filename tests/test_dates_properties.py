"""Property tests: the date finder never fails, and what it returns is consistent."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents.dates import DateMention, find_event_date, is_aggregate_period

# Pieces of real date expressions, mixed with arbitrary text, to reach past the screen into the rules.
FRAGMENTS = [
    "أمس", "اليوم", "أول أمس", "يوم الأحد", "الاثنين الماضي", "الأسبوع الماضي", "الشهر الماضي",
    "مطلع الأسبوع",
    "قبل", "يومين", "أيام", "15", "٣", "أيار", "مايو", "كانون الثاني", "2020", "منذ", "حتى", "من", "/", "-",
    "yesterday", "on", "Monday", "last", "week", "month", "May", "9", "2020-05-09", "ago", "two", "days",
    "since", "the", "ninth", "of", "early", "in", "March", "31/12/9999", "0001-01-01", "99999999999",
]
SENTENCES = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=12).map(" ".join),
)
DOC_DATES = st.one_of(st.none(), st.dates(), st.just(dt.date.min), st.just(dt.date.max))


@settings(max_examples=300, deadline=None)
@given(sentence=SENTENCES, language=st.sampled_from(["ar", "en", "es", ""]), doc_date=DOC_DATES)
def test_dates_find_event_date_never_fails(sentence: str, language: str, doc_date: dt.date | None) -> None:
    found = find_event_date(sentence, language, doc_date)
    if found is not None:
        assert isinstance(found, DateMention)
        assert found.precision in (1, 2, 3)
        assert 0 <= found.start <= found.end <= len(sentence)
        assert sentence[found.start:found.end] == found.text
        if doc_date is None:
            assert found.explicit


@settings(max_examples=200, deadline=None)
@given(sentence=SENTENCES, language=st.sampled_from(["ar", "en", "es"]))
def test_dates_is_aggregate_period_never_fails(sentence: str, language: str) -> None:
    assert isinstance(is_aggregate_period(sentence, language), bool)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1٣_ \n\t.-²ⅷ٫،éİقال", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_word_before_reads_what_the_regex_search_finds(text, lo, hi):
    """``_word_before`` (read back from the end) is the regex search it replaced, digits, '_',
    superscripts and Arabic letters included."""
    from coder.incidents.dates import _WORD_BEFORE, _word_before

    hi = min(hi, len(text))
    lo = min(lo, hi)
    found = _WORD_BEFORE.search(text, lo, hi)
    assert _word_before(text, lo, hi) == (found.group(1) if found else "")
