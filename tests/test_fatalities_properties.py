"""Property tests: the fatality finder never fails, and what it returns is consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coder.incidents.fatalities import FatalityMention, find_fatalities, total_fatalities

# Pieces of real death reports, mixed with arbitrary text, to reach past the screen into the rules.
FRAGMENTS = [
    "killed", "dead", "died", "deaths", "wounded", "and", "or", "at least", "up to", "between", "dozens",
    "a", "the", "was", "were", "no", "to death", "lost their lives", "bodies of", "suicide bomber",
    "blew himself up",
    "12", "1,200", "99999999999999", "twenty-five", "hundred", "several", ",", ".", "(",
    "مقتل", "قتلى", "قتيل", "قتيلين", "جثث", "وإصابة", "جرحى", "بين", "و", "ما لا يقل عن", "عشرات", "حتفهم",
    "لقي", "ثلاثة", "عشر", "وعشرين", "مئة", "آلاف", "١٥", "منذ بداية العام", "الشهداء", "بحياة", "انتحاري",
    "فجر نفسه",
]
SENTENCES = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=14).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(sentence=SENTENCES, language=st.sampled_from(["ar", "en", "es", ""]))
def test_fatalities_find_never_fails(sentence: str, language: str) -> None:
    found = find_fatalities(sentence, language)
    if found is not None:
        assert isinstance(found, FatalityMention)
        assert found.count >= 0
        assert 0 <= found.start <= found.end <= len(sentence)
        assert sentence[found.start:found.end] == found.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.builds(
    FatalityMention, st.integers(0, 10_000), st.text(max_size=30), st.integers(0, 5), st.integers(0, 5),
    st.booleans(), st.booleans()))))
def test_fatalities_total_is_never_negative(mentions: list[FatalityMention | None]) -> None:
    assert total_fatalities(mentions) >= 0
