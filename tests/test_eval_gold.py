"""coder.eval.gold: every reader on tiny made-up fixtures, format detection, and its error messages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coder.errors import InputError
from coder.eval.gold import (
    AcledGold,
    ActorSpec,
    ClassGold,
    SeedGold,
    Triple,
    TripleGold,
    country_code,
    detect_format,
    limit_cases,
    parse_acled_date,
    parse_actor_spec,
    parse_flag,
    read_gold,
)

CONLLU = "1\tAtlantis\tAtlantis\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_\n" \
         "3\tLemuria\tLemuria\tPROPN\t_\t_\t2\tobj\t_\t_\n4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n"


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def petrarch_file(tmp_path: Path) -> Path:
    base = {"suite": "tiny_validate", "language": "en", "date": "19950101", "evaluate": True,
            "parse": CONLLU, "parse_format": "conllu", "noevents": False, "error": None}
    return write_jsonl(tmp_path / "tiny.jsonl", [
        {**base, "id": "T-1", "category": "DEMO", "text": "Atlantis met Lemuria.",
         "events": [{"source": "ATL", "target": "LEM", "code": "040"}], "config": {"require_dyad": "TRUE"}},
        {**base, "id": "T-2", "category": "DEMO", "text": "Atlantis met Lemuria.", "noevents": True,
         "events": [], "config": {"require_dyad": "false"}},
        {**base, "id": "T-3", "category": "ERROR", "text": "Atlantis met Lemuria.", "evaluate": False,
         "events": [], "config": {}, "error": "storydiscard"},
        {**base, "id": "T-4", "category": "ERROR", "text": "Atlantis met Lemuria.",
         "events": [], "config": {}, "error": "sentencediscard"},
    ])


def test_eval_gold_reads_petrarch_validation_records(petrarch_file):
    suite = read_gold(petrarch_file)
    assert (suite.format, suite.name, len(suite.cases)) == ("petrarch", "tiny_validate", 4)
    first, second, third, fourth = suite.cases
    assert first.expected == TripleGold(first.expected.events)
    assert first.expected.triples == (Triple("ATL", "LEM", "040"),)
    assert first.date == dt.date(1995, 1, 1) and first.parse == CONLLU and first.language == "en"
    assert (first.require_dyad, second.require_dyad, third.require_dyad) == (True, False, None)
    assert second.expected.triples == ()
    assert not third.evaluate and third.note == "storydiscard"
    # an expected PETRARCH error is not scored even where the record says evaluate
    assert not fourth.evaluate and fourth.note == "sentencediscard"
    assert first.key == "1:T-1"


def test_eval_gold_reads_arabic_gsr_records(tmp_path):
    path = write_jsonl(tmp_path / "ar.jsonl", [
        {"id": "g1", "language": "ar", "category": "PROTEST", "date": "20080101", "evaluate": True,
         "text": "تظاهر محتجون مصريون.", "parse": CONLLU, "noevents": False, "error": None, "config": {},
         "events": [{"source": "EGY None", "target": "None None", "code": "", "eid": "0",
                     "plover": "PROTEST"}]},
        {"id": "g2", "language": "ar", "category": "ASSAULT", "date": "20080101", "evaluate": True,
         "text": "قصف الجيش.", "parse": CONLLU, "noevents": False, "error": None, "config": {},
         "events": [{"source": "None MIL", "target": "LBN GOV", "code": "", "eid": "0",
                     "plover": "ASSAULT"}]},
    ])
    suite = read_gold(path)
    assert suite.format == "gsr"
    assert suite.cases[0].expected == ClassGold("PROTEST", ActorSpec("EGY", None), None)
    assert suite.cases[1].expected == ClassGold("ASSAULT", ActorSpec(None, "MIL"), ActorSpec("LBN", "GOV"))


def test_eval_gold_reads_plover_examples_with_2021_types_and_old_codes(tmp_path):
    path = write_jsonl(tmp_path / "plover.jsonl", [
        {"id": "P-1", "date": "2000-01-01", "source": [{"actorText": "Japan", "code": "JAP"}], "target": "",
         "event": "FIGHT", "plover_2021": "ASSAULT", "text": "Japan fought.", "textInfo": {"markup": "x"},
         "language": "en"},
        {"id": "P-2", "date": "2000-01-01", "source": [{"actorText": "UN", "code": "IGO"}],
         "event": "DEMAND", "plover_2021": "REQUEST", "text": "The UN demanded.", "textInfo": {}},
    ])
    suite = read_gold(path)
    assert suite.format == "plover"
    assert suite.cases[0].expected == ClassGold("ASSAULT", ActorSpec("JPN", None), None)
    assert suite.cases[1].expected == ClassGold("REQUEST", None, None)  # IGO is no country
    assert suite.cases[0].category == "ASSAULT"


def test_eval_gold_reads_acled_csv(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,"
        "notes,fatalities\n"
        "XYZ1,9-May-20,Battles,Armed clash,A,1,B,2,Libya,Misrata,\"On 9 May 2020, forces clashed.\",3\n"
        "XYZ2,2020-05-08,Protests,Peaceful protest,P,6,,0,Iraq,Baghdad,Protesters rallied.,0\n",
        encoding="utf-8")
    suite = read_gold(path)
    assert suite.format == "acled"
    first = suite.cases[0]
    assert first.expected == AcledGold("Battles", "Armed clash", 3, 1, 2, "Misrata", "Libya",
                                       dt.date(2020, 5, 9))
    assert (first.id, first.position, first.date, first.language) == ("XYZ1", 2, dt.date(2020, 5, 9), "en")
    assert first.text == "On 9 May 2020, forces clashed."
    assert suite.cases[1].date == dt.date(2020, 5, 8)


def test_eval_gold_reads_seed_expectations_and_their_article(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "article.txt").write_text("سيطر الجيش على البلدة.", encoding="utf-8")
    gold = {"doc": {"id": "seed-x", "file": "texts/article.txt", "lang": "ar", "date": "2020-04-22"},
            "required": [{"id": "R1", "sentence_contains": "سيطر", "source_country": "LBY",
                          "cameo_root_in": ["19"], "acled": {"event_type": "Battles", "fatalities": 0}}],
            "optional": [{"id": "O1", "sentence_contains": "الجيش"}],
            "forbidden": [{"id": "F1", "sentence_contains": "البلدة", "rule": "no event: geography"}]}
    path = tmp_path / "x.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    suite = read_gold(path)
    assert (suite.format, suite.name) == ("seed", "x")
    case = suite.cases[0]
    assert case.text == "سيطر الجيش على البلدة." and case.language == "ar"
    assert isinstance(case.expected, SeedGold)
    required, optional, forbidden = case.expected.items
    assert (required.kind, required.source_country, required.cameo_root_in, required.event_type,
            required.fatalities) == ("required", "LBY", ("19",), "Battles", 0)
    assert optional.kind == "optional" and forbidden.rule == "no event: geography"


def test_eval_gold_reads_our_own_format(tmp_path):
    path = write_jsonl(tmp_path / "own.jsonl", [
        {"format": "coder-gold/1", "suite": "mine", "language": "en", "date": "2020-05-01",
         "require_dyad": False},
        {"id": "c1", "category": "svo", "text": "X attacked Y yesterday.",
         "events": [{"source": "XXXMIL", "target": None, "code": "190", "event_date": "2020-04-30",
                     "fatalities": 2}]},
        {"id": "c2", "text": "Nothing.", "noevents": True, "lang": "ar", "date": "2020-01-02",
         "require_dyad": True},
        {"id": "c3", "text": "A then B.", "ordered": True, "conllu": CONLLU,
         "events": [{"source": "A", "target": "B", "code": "192"},
                    {"source": "A", "target": None, "code": "010"}]},
    ])
    suite = read_gold(path)
    assert (suite.format, suite.name) == ("coder", "mine")
    c1, c2, c3 = suite.cases
    assert c1.language == "en" and c1.date == dt.date(2020, 5, 1) and c1.require_dyad is False
    event = c1.expected.events[0]
    assert event.triple == Triple("XXXMIL", None, "190")
    assert event.attributes == (("event_date", "2020-04-30"), ("fatalities", "2"))
    assert (c2.language, c2.date, c2.require_dyad) == ("ar", dt.date(2020, 1, 2), True)
    assert c2.expected.triples == ()
    assert c3.expected.ordered and c3.parse == CONLLU and c1.position == 2


@pytest.mark.parametrize(("records", "message"), [
    ([{"id": "c1", "text": "x"}], "own.jsonl:1: the first line must be"),
    ([{"format": "coder-gold/1"}, {"id": "c1", "text": "x", "colour": "red"}],
     "own.jsonl:2: unknown field(s) colour"),
    ([{"format": "coder-gold/1"}, {"id": "c1", "text": "x"}, {"id": "c1", "text": "y"}],
     "own.jsonl:3: case id 'c1' is used twice"),
    ([{"format": "coder-gold/1"}, {"id": "c1", "text": "x", "noevents": True, "events": [{"code": "010"}]}],
     "own.jsonl:2: noevents and events contradict each other"),
    ([{"format": "coder-gold/1"}, {"id": "c1", "text": "x", "events": [{"source": "A"}]}],
     "own.jsonl:2 events[0]: an event needs at least a code"),
    ([{"format": "coder-gold/1"}, {"id": "c1", "text": "x", "events": [{"code": "010", "deaths": 3}]}],
     "own.jsonl:2 events[0]: unknown event field(s) deaths"),
    ([{"format": "coder-gold/1"}, {"text": "x"}], "own.jsonl:2: a case needs an id and a text"),
])
def test_eval_gold_own_format_errors_name_the_line(tmp_path, records, message):
    path = write_jsonl(tmp_path / "own.jsonl", records)
    with pytest.raises(InputError) as info:
        read_gold(path, "coder")
    assert str(info.value).startswith(message)


def test_eval_gold_unusable_files(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        read_gold(tmp_path / "missing.jsonl")
    odd = write_jsonl(tmp_path / "odd.jsonl", [{"hello": "world"}])
    with pytest.raises(InputError, match="cannot tell the gold format"):
        read_gold(odd)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"format": "coder-gold/1"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.jsonl:2: malformed JSON"):
        read_gold(broken)
    csv_file = tmp_path / "other.csv"
    csv_file.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="ACLED export"):
        detect_format(csv_file)


def test_eval_gold_limit_keeps_the_first_cases(petrarch_file):
    suite = limit_cases(read_gold(petrarch_file), 2)
    assert [c.id for c in suite.cases] == ["T-1", "T-2"]


@pytest.mark.parametrize(("text", "day"), [
    ("9-May-20", dt.date(2020, 5, 9)), ("27-Apr-20", dt.date(2020, 4, 27)),
    ("09 May 2020", dt.date(2020, 5, 9)),
    ("2020-05-09", dt.date(2020, 5, 9)), ("", None), ("someday", None),
])
def test_eval_gold_acled_dates(text, day):
    assert parse_acled_date(text) == day


@pytest.mark.parametrize(("value", "flag"), [
    ("TRUE", True), ("True", True), ("false", False), (False, False), (None, None), ("maybe", None),
])
def test_eval_gold_config_flags(value, flag):
    assert parse_flag(value) is flag


@pytest.mark.parametrize(("text", "spec"), [
    ("ISR None", ActorSpec("ISR", None)), ("None CVL", ActorSpec(None, "CVL")), ("None None", None),
    ("LBN GOV", ActorSpec("LBN", "GOV")), ("", None), ("USA", ActorSpec("USA", None)),
])
def test_eval_gold_actor_specs(text, spec):
    assert parse_actor_spec(text) == spec


@pytest.mark.parametrize(("code", "country"), [
    ("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("ISR", "ISR"), ("IGO", None), ("NGO", None), ("", None),
])
def test_eval_gold_country_codes_map_old_cameo_codes(code, country):
    assert country_code(code) == country
