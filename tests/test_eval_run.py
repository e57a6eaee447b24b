"""coder.eval.run: coding gold cases end to end with the embedded codebook (tiny suites of our own)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coder.errors import InputError
from coder.eval.gold import read_gold
from coder.eval.run import coder_for, evaluate
from coder.pipeline import Coder

CONLLU = ("1\tTurkish\tTurkish\tADJ\t_\t_\t2\tamod\t_\t_\n2\ttroops\ttroop\tNOUN\t_\t_\t3\tnsubj\t_\t_\n"
          "3\tattacked\tattack\tVERB\t_\t_\t0\troot\t_\t_\n4\tHezbollah\tHezbollah\tPROPN\t_\t_\t3\tobj\t_\t_\n"
          "5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n")
HEADER = {"format": "coder-gold/1", "suite": "tiny", "language": "en", "date": "2020-05-01"}


def write(path: Path, cases: list[dict]) -> Path:
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in [HEADER, *cases])
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_eval_run_honours_a_cases_require_dyad(tmp_path):
    path = write(tmp_path / "dyad.jsonl", [
        {"id": "one-actor", "text": "Houthi forces shelled Marib yesterday.",
         "events": [{"source": "YEMREB", "target": None, "code": "194", "event_date": "2020-04-30"}]},
        {"id": "dyad-only", "text": "Houthi forces shelled Marib yesterday.", "require_dyad": True,
         "noevents": True},
    ])
    coder = Coder(require_dyad=False)
    suite = read_gold(path)
    variants: dict[bool, Coder] = {}
    assert coder_for(suite.cases[0], coder, variants) is coder
    strict = coder_for(suite.cases[1], coder, variants)
    assert strict.require_dyad is True and coder_for(suite.cases[1], coder, variants) is strict
    result = evaluate(path, coder)
    assert [c.ok for c in result.cases] == [True, True]
    assert result.figure("exact_set_rate") == 1.0
    assert result.n_sentences == 2 and result.figure("sentences_per_second") > 0


def test_eval_run_scores_wrong_cases_and_skips_unevaluated(tmp_path):
    path = write(tmp_path / "mixed.jsonl", [
        {"id": "right", "text": "Turkish troops attacked Hezbollah.",
         "events": [{"source": "TURMIL", "target": "LBNREB", "code": "190"}]},
        {"id": "wrong", "text": "Turkish troops attacked Hezbollah.",
         "events": [{"source": "TURMIL", "target": "LBNREB", "code": "195"}]},
        {"id": "skipped", "text": "Turkish troops attacked Hezbollah.", "evaluate": False, "noevents": True},
    ])
    result = evaluate(path, Coder())
    assert (result.n_cases, result.n_skipped) == (2, 1)
    assert [c.id for c in result.wrong] == ["wrong"]
    assert result.wrong[0].produced[0].rule_id  # the rule that fired travels with the case
    assert result.figure("exact_set_rate") == 0.5 and result.figure("root_exact_set_rate") == 1.0
    with pytest.raises(KeyError, match="no figure 'type_accuracy'"):
        result.figure("type_accuracy")


def test_eval_run_limit(tmp_path):
    path = write(tmp_path / "many.jsonl", [{"id": f"c{i}", "text": "Nothing at all.", "noevents": True}
                                           for i in range(5)])
    assert evaluate(path, Coder(), limit=2).n_cases == 2


def test_eval_run_conllu_uses_the_cases_parse(tmp_path):
    path = write(tmp_path / "parsed.jsonl", [
        {"id": "p", "text": "Turkish troops attacked Hezbollah.", "conllu": CONLLU,
         "events": [{"source": "TURMIL", "target": "LBNREB", "code": "190"}]},
    ])
    result = evaluate(path, Coder(parser="conllu"))
    assert result.parser == "conllu" and result.cases[0].ok


def test_eval_run_conllu_refuses_cases_without_a_parse(tmp_path):
    path = write(tmp_path / "bare.jsonl", [{"id": "bare", "text": "Nothing.", "noevents": True}])
    with pytest.raises(InputError) as info:
        evaluate(path, Coder(parser="conllu"))
    assert str(info.value) == ("--parser conllu needs a parse in every gold case; 1 case(s) of bare.jsonl "
                               "have none (first: bare); use --parser lite")
