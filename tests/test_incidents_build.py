"""The incident layer end to end: one record per incident, its merged date, place, deaths and actors."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents.build import CUE_RULE, derived_mention
from coder.incidents.cues import find_cues
from coder.model import ActorMention, Document
from coder.pipeline import Coder, code_documents
from tests.conftest import make_sentence

DAY = dt.date(2020, 5, 9)


@pytest.fixture(scope="module")
def coder():
    return Coder()


def code(coder, text: str, language: str = "en", day: dt.date = DAY):
    return list(code_documents([Document(id="t", text=text, date=day, language=language)], coder).rows)


def primary(rows):
    return next(r for r in rows if r.is_primary)


def test_incidents_build_protest_without_known_actors_is_derived_from_cue_words(coder):
    rows = code(
        coder,
        "On 9 May 2020, medical interns protested in Haifa city, demanding shorter shifts. [size=no report]",
    )
    row = primary(rows)
    assert (row.event_type, row.sub_event_type, row.disorder_type) == (
        "Protests",
        "Peaceful protest",
        "Demonstrations",
    )
    assert (row.actor1, row.inter1, row.actor2, row.inter2, row.interaction) == (
        "Protesters (Israel)",
        6,
        None,
        0,
        60,
    )
    assert (row.country, row.admin1, row.location, row.geo_precision) == ("Israel", "Haifa", "Haifa", 1)
    assert (row.event_date, row.time_precision, row.fatalities) == (DAY, 1, 0)
    assert row.notes.startswith("On 2020-05-09, in Haifa, Israel, Protesters (Israel): Peaceful protest.")


def test_incidents_build_intervention_in_a_later_sentence_belongs_to_the_protest(coder):
    rows = code(
        coder,
        "On 8 May 2020, residents protested in Kragujevac, Serbia, against the government. "
        "Police dispersed the crowd with tear gas.",
    )
    row = primary(rows)
    assert row.sub_event_type == "Protest with intervention"
    assert (row.inter1, row.inter2) == (6, 1)
    assert len({r.incident_id for r in rows if r.incident_id}) == 1


def test_incidents_build_deaths_in_a_later_sentence_belong_to_the_incident(coder):
    rows = code(
        coder,
        "On 9 May 2020, in Celaya, Guanajuato, armed men attacked a police patrol. Three officers died.",
    )
    row = primary(rows)
    assert (row.event_type, row.fatalities, row.admin1) == ("Battles", 3, "Guanajuato")


def test_incidents_build_a_coders_fatality_statement_decides(coder):
    rows = code(
        coder,
        "On 9 May 2020, clashes erupted between army troops and rebels near Marib city (Marib), "
        "killing more than 20 rebels. 20 fatalities split up between 3 events.",
    )
    assert primary(rows).fatalities == 7


def test_incidents_build_unknown_killers_of_a_civilian(coder):
    rows = code(
        coder,
        "Around 3 May 2020 (as reported), in Los Reyes Acozac, Mexico, a man was killed and found "
        "wrapped in plastic. 1 fatality.",
    )
    row = primary(rows)
    assert (row.event_type, row.sub_event_type) == ("Violence against civilians", "Attack")
    assert (row.actor1, row.inter1, row.actor2, row.inter2) == (
        "Unidentified Armed Group (Mexico)",
        3,
        "Civilians (Mexico)",
        7,
    )
    assert (row.civilian_targeting, row.fatalities, row.event_date) == (
        "Civilians targeted",
        1,
        dt.date(2020, 5, 3),
    )


def test_incidents_build_derived_mention_takes_the_first_cue_and_the_actors_around_it():
    sentence = make_sentence("On 9 May , gunmen abducted two engineers near Kismaayo .".split())
    gunmen = ActorMention("---UAF", "gunmen", None, None, 3, 4, 5, "test")
    engineers = ActorMention("---CVL", "engineers", None, None, 7, 7, 8, "test")
    mention = derived_mention(sentence, find_cues(sentence.text, "en"), 0, [gunmen, engineers])
    assert (mention.code, mention.source, mention.target) == ("181", gunmen, engineers)
    assert mention.rule_id == CUE_RULE + "abduct" and mention.anchor_start == 5


def test_incidents_build_a_period_is_no_dated_incident(coder):
    rows = code(coder, "Since the start of the year, militants have killed 75 soldiers in attacks in Borno.")
    assert all(r.incident_id is None and r.event_type is None for r in rows)


def test_incidents_build_statements_are_never_primary(coder):
    rows = code(coder, "The army spokesman said on Saturday that the situation was calm.")
    assert all(not r.is_primary and r.event_type is None for r in rows)


def test_incidents_build_one_primary_per_incident(coder):
    rows = code(
        coder,
        "On 9 May 2020, army troops clashed with militants in Idlib city (Idleb). "
        "The clashes killed 4 militants. On 8 May 2020, protesters gathered in Beirut.",
    )
    by_incident: dict[str, list] = {}
    for row in rows:
        if row.incident_id:
            by_incident.setdefault(row.incident_id, []).append(row)
    assert all(sum(r.is_primary for r in group) == 1 for group in by_incident.values())
    assert {primary(g).event_type for g in by_incident.values()} >= {"Battles"}


def test_incidents_build_no_event_document_has_no_rows(coder):
    assert code(coder, "The weather was mild in Haifa on Saturday.") == []


def test_incidents_build_rows_are_deterministic(coder):
    text = "On 9 May 2020, unknown gunmen abducted two engineers near Kismaayo (Lower Juba)."
    assert code(coder, text) == code(coder, text)


def test_incidents_build_cue_events_are_the_codebooks_choice(coder, tmp_path):
    """A sentence no verb pattern codes still gets an event from its ACLED cue words, unless the
    codebook says ``cue_events = false`` (what PETRARCH imports write)."""
    import shutil

    text = "Heavy clashes erupted near Sirte on 8 May 2020."
    assert any(r.rule_id.startswith(CUE_RULE) for r in code(coder, text))
    folder = tmp_path / "no_cues"
    shutil.copytree(coder.compiled.codebook.path, folder)
    settings = folder / "codebook.toml"
    settings.write_text(settings.read_text(encoding="utf-8") + "cue_events = false\n", encoding="utf-8")
    rows = code(Coder(codebook_path=folder), text)
    assert not any(r.rule_id.startswith(CUE_RULE) for r in rows)


def test_incidents_build_primary_is_the_mention_with_both_actors(coder):
    rows = code(
        coder,
        "Syrian government forces shelled villages in southern Idlib on Monday, killing three civilians, "
        "a monitoring group said. The Syrian army did not comment on the shelling.",
        day=dt.date(2020, 5, 5),
    )
    row = primary(rows)
    assert (row.source_actor, row.target_text) == ("SYRMIL", "civilians")
    assert (row.actor1, row.actor2, row.sub_event_type, row.fatalities) == (
        "Military Forces of Syria",
        "Civilians (Syria)",
        "Shelling/artillery/missile attack",
        3,
    )
    # the army that did not comment did not shell: no row of the second sentence names it
    assert all(r.source_actor is None for r in rows if r.sentence_index == 1)


def test_incidents_build_arabic_primary_names_both_sides_of_the_clash(coder):
    rows = code(
        coder,
        "شنت جماعة الحوثي أمس هجوماً واسعاً على مواقع الجيش اليمني غرب مدينة مأرب، واشتبكت مع قوات الجيش "
        "لساعات قبل أن تنسحب.\nوقال مصدر عسكري إن الاشتباكات أسفرت عن مقتل ثلاثة جنود وإصابة سبعة آخرين.",
        language="ar",
        day=dt.date(2020, 5, 3),
    )
    row = primary(rows)
    assert row.source_actor is not None and row.target_actor is not None
    assert (row.actor1, row.actor2, row.sub_event_type, row.fatalities) == (
        "Military Forces of Yemen (2016-) Supreme Political Council",
        "Military Forces of Yemen (2012-)",
        "Armed clash",
        3,
    )


def test_incidents_build_derived_mention_of_a_topic_takes_no_doer_from_before_the_verb(coder):
    from coder.engine.verbs import find_verbs
    from coder.frontends.lite import LiteFrontend

    (sentence,) = LiteFrontend().parse("The Syrian army did not comment on the shelling of the rebels.", "en")
    army = ActorMention("SYRMIL", "Syrian army", "SYR", None, 1, 1, 3, "test")
    rebels = ActorMention("SYRREB", "rebels", "SYR", None, 2, 11, 12, "test")
    cues = find_cues(sentence.text, "en")
    assert derived_mention(sentence, cues, 0, [army, rebels]).source == army  # word order alone
    hits = find_verbs(sentence, coder.compiled)
    talked_about = derived_mention(sentence, cues, 0, [army, rebels], hits=hits)
    assert talked_about.source is None and talked_about.target == rebels
    # with nobody in it at all, the event is only referred to: no mention
    assert derived_mention(sentence, cues, 0, [army], hits=hits) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("وأدانت الحكومة اليمنية الهجوم، ودعت المجتمع الدولي إلى الضغط على الحوثيين لوقف التصعيد.", "ar"),
        ("The government condemned the attack on the village.", "en"),
    ],
)
def test_incidents_build_a_condemned_attack_is_no_incident(coder, text, language):
    rows = code(coder, text, language=language)
    assert rows and all(r.event_type is None and r.incident_id is None for r in rows)


def test_incidents_build_a_deployment_recoded_from_another_block_is_still_an_incident(coder):
    rows = code(coder, "Turkish troops deployed reinforcements to observation posts near the town of Saraqib.")
    assert primary(rows).sub_event_type == "Change to group/activity"


def test_incidents_build_an_event_only_talked_about_derives_no_row(coder):
    """A cue word that is the topic of a negated or speech verb, with nobody doing it, is an event
    referred to, not reported: no row of its own."""
    rows = code(coder, "Government forces shelled Saraqib on Monday. The army did not comment on the shelling.")
    assert not [r for r in rows if r.sentence_index == 1 and r.rule_id.startswith(CUE_RULE)]
    assert [r for r in rows if r.sentence_index == 0 and r.event_type == "Explosions/Remote violence"]


def test_incidents_build_an_event_only_talked_about_colours_no_incident(coder):
    """'did not comment on the shelling' after a deployment: its cue word is about an earlier
    incident, not the deployment's, which stays a change to group activity."""
    rows = code(coder, "Government forces shelled villages near Idlib on Monday, killing three civilians.\n"
                       "Turkish troops deployed reinforcements to observation posts near Saraqib the same day.\n"
                       "The Syrian army did not comment on the shelling.")
    deployment = [r for r in rows if r.sentence_index == 1 and r.is_primary]
    assert deployment and deployment[0].sub_event_type == "Change to group/activity", rows
