"""ACLED types from cue words, the codebook's type and the actors' types, in ACLED's precedence;
actor names and interaction codes."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents import cues as c
from coder.incidents.acled import (
    Side,
    acled_type,
    assign_actors,
    classify,
    code_cues,
    interaction_code,
    make_type,
)
from coder.incidents.cues import find_cues, note_tag
from coder.incidents.gazetteer import load_tables
from coder.model import ActorMention

EN_TYPES = [
    # sentence, sub-event type decided on its cues alone (no engine mention)
    ("Medical interns protested in Haifa, demanding shorter shifts.", "Peaceful protest"),
    ("Workers staged a sit-in outside the ministry.", "Peaceful protest"),
    ("Teachers blocked the national road to demand their salaries.", "Peaceful protest"),
    ("Police dispersed the protesters with tear gas.", "Protest with intervention"),
    (
        "Students demonstrated in the capital; 12 of them were arrested by the police.",
        "Protest with intervention",
    ),
    ("Journalists protested against the arrest of their editor.", "Peaceful protest"),
    ("Demonstrators pelted stones at the security forces.", "Violent demonstration"),
    ("Residents blocked the road with burning tyres to protest against power cuts.", "Violent demonstration"),
    ("A mob lynched a man accused of theft.", "Mob violence"),
    ("Two groups of party supporters clashed with each other in the market.", "Mob violence"),
    (
        "Rebel forces fired 82mm mortars at the governmental positions near the village.",
        "Shelling/artillery/missile attack",
    ),
    ("Rebel forces fired mortars and small arms at the governmental positions.", "Armed clash"),
    ("The OSCE observed 75 explosions in both directions of the frontline.", "Armed clash"),
    ("Army troops clashed with militants in the district.", "Armed clash"),
    ("Warplanes struck rebel positions in the south.", "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
    ("A roadside bomb hit a police vehicle.", "Remote explosive/landmine/IED"),
    ("Gunmen threw a hand grenade at a shop.", "Grenade"),
    ("Unknown gunmen shot and killed a farmer in his field.", "Attack"),
    ("A woman was shot to death by an armed man.", "Attack"),
    ("Gunmen abducted two engineers on the highway.", "Abduction/forced disappearance"),
    ("Soldiers raped a woman in the village.", "Sexual violence"),
    ("Police arrested the leader of the opposition party.", "Arrests"),
    ("Unidentified men looted shops and set fire to houses in the town.", "Looting/property destruction"),
    ("Security forces defused an IED planted on the road.", "Disrupted weapons use"),
    ("Army troops recaptured the town from the rebels.", "Government regains territory"),
    ("The two parties signed a ceasefire agreement.", "Agreement"),
    ("The army deployed reinforcements to the border.", "Change to group/activity"),
]


@pytest.mark.parametrize(("text", "sub"), EN_TYPES)
def test_incidents_acled_english_cues_decide_the_type(text, sub):
    kinds = find_cues(text, "en").kinds
    assert classify(None, kinds, None, None, 0).sub_event_type == sub


AR_TYPES = [
    ("تظاهر مئات المواطنين أمام مبنى المحافظة", "Peaceful protest"),
    ("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع", "Protest with intervention"),
    ("شنت مقاتلات غارات جوية على مواقع المسلحين", "Air/drone strike"),
    ("قصفت المدفعية مواقع الفصائل بقذائف الهاون", "Shelling/artillery/missile attack"),
    ("اندلعت اشتباكات عنيفة بين الجيش والمسلحين", "Armed clash"),
    ("انفجرت عبوة ناسفة بدورية للشرطة", "Remote explosive/landmine/IED"),
    ("اختطف مسلحون مجهولون طفلا في المدينة", "Abduction/forced disappearance"),
    ("سيطرت القوات على بلدة في الريف الجنوبي", "Non-state actor overtakes territory"),
]


@pytest.mark.parametrize(("text", "sub"), AR_TYPES)
def test_incidents_acled_arabic_cues_decide_the_type(text, sub):
    kinds = find_cues(text, "ar").kinds
    assert classify(None, kinds, None, None, 0).sub_event_type == sub


@pytest.mark.parametrize(
    ("text", "language", "absent"),
    [
        ("Haftar's forces raised their readiness to repel any attack by the militias.", "en", c.ATTACK),
        ("ورفعت القوات درجة الاستعداد للتصدي لأي هجوم من المليشيات", "ar", c.ATTACK),
        ("دمرت طائرات تركية مسيرة في الغارة", "ar", c.PROTEST),  # drones, not a march
        ("Protesters demanded the release of activists who were detained last week.", "en", c.INTERVENE),
    ],
)
def test_incidents_acled_cues_that_are_no_event(text, language, absent):
    assert absent not in find_cues(text, language)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (
            "Movement of forces: On 9 May 2020, regime forces brought in reinforcements.",
            "Change to group/activity",
        ),
        ("Property destruction: On 3 May 2020, a house was set on fire.", "Looting/property destruction"),
        ("Defusal: On 2 May 2020, police defused an IED.", "Disrupted weapons use"),
        ("On 9 May 2020, protesters gathered: they chanted slogans.", None),
    ],
)
def test_incidents_acled_note_tag(text, tag):
    assert note_tag(text) == tag


def _actor(inter: int | None, country: str | None = None, code: str = "---MIL") -> ActorMention:
    return ActorMention(code, "x", country, None, inter, 0, 1, "test")


def test_incidents_acled_codebook_type_from_cameo_and_territory():
    assert acled_type("195", None, None, None).sub_event_type == "Air/drone strike"
    assert acled_type("192", None, _actor(1), None).sub_event_type == "Government regains territory"
    assert acled_type("192", None, _actor(2), None).sub_event_type == "Non-state actor overtakes territory"
    assert acled_type("010", None, None, None) is None  # statements are no ACLED event
    assert acled_type("180", None, _actor(3), _actor(1)).event_type == "Battles"  # attack on armed forces


def test_incidents_acled_precedence_battle_over_its_shelling():
    kinds = code_cues("194", None) | {c.CLASH}
    assert (
        classify(make_type("Shelling/artillery/missile attack"), kinds, _actor(1), _actor(2), 0).event_type
        == "Battles"
    )


def test_incidents_acled_protest_with_lethal_force_is_excessive_force():
    kinds = find_cues("Protesters marched on the palace; police opened live fire, killing 3.", "en").kinds
    assert classify(None, kinds, None, None, 3).sub_event_type == "Excessive force against protesters"


def test_incidents_acled_civilian_victims_make_violence_against_civilians():
    kinds = frozenset({c.KILL, c.CIVILIAN_VICTIM})
    assert classify(make_type("Armed clash"), kinds, _actor(3), None, 1).sub_event_type == "Attack"


def test_incidents_acled_arrests_by_non_state_groups_are_abductions():
    assert (
        classify(None, frozenset({c.ARREST}), _actor(2), None, 0).sub_event_type
        == "Abduction/forced disappearance"
    )


def test_incidents_acled_note_tag_decides():
    assert (
        classify(
            make_type("Armed clash"), frozenset({c.CLASH}), None, None, 0, tag="Change to group/activity"
        ).sub_event_type
        == "Change to group/activity"
    )


@pytest.mark.parametrize(
    ("inter1", "inter2", "code"), [(1, 7, 17), (7, 1, 17), (3, 3, 33), (6, 0, 60), (None, 0, None)]
)
def test_incidents_acled_interaction_code(inter1, inter2, code):
    assert interaction_code(inter1, inter2) == code


DAY = dt.date(2020, 5, 9)


@pytest.fixture(scope="module")
def mexico():
    return load_tables().country("MX")


@pytest.mark.parametrize(
    ("sub", "sides", "kinds", "expected"),
    [
        ("Peaceful protest", [], set(), ("Protesters (Mexico)", 6, None, 0)),
        (
            "Protest with intervention",
            [],
            {c.INTERVENE},
            ("Protesters (Mexico)", 6, "Police Forces of Mexico (2018-)", 1),
        ),
        ("Violent demonstration", [], {c.RIOT}, ("Rioters (Mexico)", 5, None, 0)),
        ("Mob violence", [], {c.MOB, c.CIVILIAN_VICTIM}, ("Rioters (Mexico)", 5, "Civilians (Mexico)", 7)),
        ("Attack", [], {c.KILL}, ("Unidentified Armed Group (Mexico)", 3, "Civilians (Mexico)", 7)),
        (
            "Armed clash",
            [Side("Police Forces of Mexico (2018-)", 1, "MEX")],
            {c.CLASH},
            ("Police Forces of Mexico (2018-)", 1, "Unidentified Armed Group (Mexico)", 3),
        ),
        ("Arrests", [], {c.ARREST}, ("Police Forces of Mexico (2018-)", 1, "Civilians (Mexico)", 7)),
    ],
)
def test_incidents_acled_actors_named_as_acled_names_them(mexico, sub, sides, kinds, expected):
    actors = assign_actors(make_type(sub), sides, frozenset(kinds), mexico, DAY)
    assert (actors.actor1, actors.inter1, actors.actor2, actors.inter2) == expected


def test_incidents_acled_violence_against_civilians_targets_civilians(mexico):
    actors = assign_actors(make_type("Attack"), [], frozenset({c.KILL}), mexico, DAY)
    assert actors.civilian_targeting == "Civilians targeted" and actors.interaction == 37


def test_incidents_acled_two_arms_of_one_state_do_not_fight_each_other(mexico):
    sides = [
        Side("Government of Mexico (2018-)", 1, "MEX"),
        Side("Military Forces of Mexico (2018-)", 1, "MEX"),
        Side("Sinaloa Cartel", 3, "MEX"),
    ]
    actors = assign_actors(make_type("Armed clash"), sides, frozenset({c.CLASH}), mexico, DAY)
    assert (actors.actor1, actors.actor2) == ("Government of Mexico (2018-)", "Sinaloa Cartel")


def test_incidents_acled_clan_fighters_are_identity_militias():
    somalia = load_tables().country("SO")
    sides = [Side("Rebel Group (Somalia)", 2, None, True)]
    kinds = find_cues("Militiamen from two clans exchanged fire over grazing land.", "en").kinds
    actors = assign_actors(make_type("Armed clash"), sides, kinds, somalia, DAY)
    assert (actors.inter1, actors.inter2) == (4, 4)


SHELLING = "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("kinds", "actor2"),
    [
        # "shelled villages, killing three civilians": the primary's own victims
        ({c.SHELLING, c.KILL, c.ARMED_VICTIM}, "Civilians (Mexico)"),
        # "shelled civilian areas, with no reports of injuries": ACLED names no second actor
        ({c.SHELLING, c.ARMED_VICTIM}, None),
    ],
)
def test_incidents_acled_remote_violence_takes_its_own_target_not_an_arm_of_its_state(mexico, kinds, actor2):
    sides = [
        Side("Military Forces of Mexico", 1, "MEX"),  # "Mexican government forces shelled ..."
        Side("Civilians (Mexico)", 7, "MEX"),
        Side("Military Forces of Mexico (2018-)", 1, "MEX"),  # "The Mexican army did not comment"
    ]
    actors = assign_actors(make_type(SHELLING), sides, frozenset(kinds), mexico, DAY)
    assert (actors.actor1, actors.actor2) == ("Military Forces of Mexico", actor2)


@pytest.mark.parametrize(
    ("home", "actor2"),
    [
        ("MEX", "Unidentified Armed Group (Mexico)"),  # two names of Mexico's own forces
        (None, "Military Forces of Mexico (2018-)"),  # "military forces" only assumed Mexico's
    ],
)
def test_incidents_acled_a_state_name_without_regime_year_is_that_states_when_known(mexico, home, actor2):
    sides = [Side("Military Forces of Mexico", 1, home), Side("Military Forces of Mexico (2018-)", 1, "MEX")]
    actors = assign_actors(make_type("Armed clash"), sides, frozenset({c.CLASH}), mexico, DAY)
    assert (actors.actor1, actors.actor2) == ("Military Forces of Mexico", actor2)
