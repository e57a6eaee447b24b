"""Sentences that report a total over a period rather than one dated incident."""

from __future__ import annotations

import pytest

from coder.incidents.dates import aggregate_span, is_aggregate_period


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("قتل أكثر من 300 شخص منذ بداية العام", "ar"),
        ("وصل عدد المرتزقة إلى 7000 منذ مطلع العام", "ar"),
        ("نقلت القوات جثث 75 من المرتزقة خلال الفترة الماضية", "ar"),
        ("قتل 40 مدنيا خلال الأيام الماضية", "ar"),
        ("نقلت تركيا 300 مقاتل خلال الأيام القليلة الماضية", "ar"),
        ("سقط آلاف القتلى منذ بداية الحرب", "ar"),
        ("بلغ عدد الضحايا حتى الآن 120 شخصا", "ar"),
        ("قُتِلَ 20 شخصاً خلال الساعات الـ24 الماضية", "ar"),
        ("More than 200 people have been killed since January.", "en"),
        ("The toll since the start of the year stands at 90.", "en"),
        ("So far this year 45 journalists have been killed.", "en"),
        ("Twelve civilians died in the past week.", "en"),
        ("Airstrikes killed 30 over the past month.", "en"),
        ("To date, 80 bodies have been recovered.", "en"),
        ("In total, 15 soldiers died.", "en"),
        ("The war has killed 400,000 people since 2011.", "en"),
    ],
)
def test_dates_aggregate_period_detected(sentence: str, language: str) -> None:
    assert is_aggregate_period(sentence, language)
    span = aggregate_span(sentence, language)
    assert span is not None and 0 <= span[0] < span[1] <= len(sentence)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("حقق الجيش الوطني الليبي أمس تقدماً استراتيجياً", "ar"),
        ("مقتل 3 جنود في هجوم على نقطة تفتيش", "ar"),
        ("قتل جندي الأسبوع الماضي", "ar"),
        ("Gunmen killed three villagers yesterday.", "en"),
        ("A total of five soldiers were killed in the ambush.", "en"),
        ("Militants raided the base last week.", "en"),
        ("The attack happened on 9 May 2020.", "fr"),  # no rules for the language: never aggregate
    ],
)
def test_dates_single_incident_not_aggregate(sentence: str, language: str) -> None:
    assert not is_aggregate_period(sentence, language)
