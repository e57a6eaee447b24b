"""A coder's own statement of a record's deaths (ACLED's notes), and totals split between events."""

from __future__ import annotations

import pytest

from coder.incidents.fatalities import coded_fatalities, find_fatalities, total_fatalities


@pytest.mark.parametrize(
    ("text", "counted", "expected"),
    [
        ("Arbaki fighters shot 3 civilians. Fatalities coded as 0 (VoJ reported 3).", 3, 0),
        ("Unknown number of fatalities coded as 10.", None, 10),
        ("Unclear fatalities coded as 10 and spread between 3 locations.", None, 3),
        ("20 fatalities split up between 3 events.", None, 7),
        ("[1 fatality split among 12 events]", None, 0),
        ("Fatalities coded as 10 and split between the two events with 5 coded to each.", None, 5),
        ("Total fatalities coded as 6, split across 2 events (3).", None, 3),
        ("78 fighters were killed. Fatalities split between 2 events.", 78, 39),
        ("Two soldiers were killed; no figure was coded.", 2, None),
        ("The virus spread between 3 locations.", 4, None),
    ],
)
def test_fatalities_coded_statement_and_split(text, counted, expected):
    assert coded_fatalities(text, counted) == expected


@pytest.mark.parametrize(
    ("sentences", "total"),
    [
        # a later figure updates the toll; an additional one adds to it; a period total is left out
        (["Gunmen killed 3 villagers.", "The toll rose to 5."], 5),
        (["Gunmen killed 3 villagers.", "Two attackers were also killed."], 5),
        (["Gunmen killed 3 villagers.", "Since January, 40 people have been killed in the area."], 3),
        (["قتل 3 جنود في الهجوم.", "وارتفعت الحصيلة إلى 5 قتلى."], 5),
        (["قتل 3 جنود في الهجوم.", "ومنذ بداية العام قتل 75 جنديا."], 3),
    ],
)
def test_fatalities_coded_incident_total_over_its_sentences(sentences, total):
    language = "ar" if sentences[0][0] > "z" else "en"
    assert total_fatalities(find_fatalities(s, language) for s in sentences) == total
