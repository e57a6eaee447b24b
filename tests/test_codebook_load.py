"""The codebook format: parsing, validation with file:line, hashing, compilation."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from coder.codebook.compile import compile_codebook
from coder.codebook.load import content_hash, default_codebook_path, load_codebook
from coder.codebook.syntax import parse_blocks, strip_comment
from coder.errors import CodebookError
from tests.conftest import DATA


def test_syntax_blocks_fields_and_comments():
    text = "actor Arnor   # a kingdom\n  code ARN\n  en  Arnor | North Kingdom\n\nagent MIL army\n  en army\n"
    blocks, problems = parse_blocks(text, "x.txt")
    assert problems == []
    assert [(b.kind, b.args, b.line) for b in blocks] == [("actor", "Arnor", 1), ("agent", "MIL army", 5)]
    assert [(f.name, f.value, f.line) for f in blocks[0].fields] == [
        ("code", "ARN", 2), ("en", "Arnor | North Kingdom", 3)]


def test_syntax_indented_line_outside_block_is_a_problem():
    _, problems = parse_blocks("  code ARN\n", "x.txt")
    assert problems == ["x.txt:1: indented line outside any block"]


@pytest.mark.parametrize("line, expected", [
    ("en  C# | F#  # languages", "en  C# | F#"),
    ("# all comment", ""),
    ("no comment", "no comment"),
])
def test_syntax_strip_comment_keeps_hash_inside_words(line, expected):
    assert strip_comment(line) == expected


def test_load_mini_codebook_reads_every_kind():
    book = load_codebook(DATA / "mini_codebook")
    assert book.name == "mini"
    assert len(book.actors) == 3 and len(book.agents) == 2 and len(book.verbs) == 4
    assert book.require_dyad is False
    aragorn = next(a for a in book.actors if a.name == "Aragorn")
    assert aragorn.code_on(dt.date(2005, 6, 1)) == "GONGOV"
    assert aragorn.code_on(dt.date(1999, 6, 1)) == "ARNREB"


def _broken_copy(tmp_path: Path, filename: str, text: str) -> Path:
    target = tmp_path / "book"
    shutil.copytree(DATA / "mini_codebook", target)
    (target / filename).write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("filename, text, expected", [
    ("verbs.txt", "verb FIGHT 999\n  en fight\n", "verbs.txt:1: unknown CAMEO event code '999'"),
    ("verbs.txt", "verb FIGHT 190\n  en fight\n  pattern 193 en with +\n",
     "verbs.txt:3: a pattern needs '*' (the anchor's place)"),
    ("actors.txt", "actor X\n  code XXX  2010-01-01..2009-01-01\n  en X\n",
     "actors.txt:2: inverted date range 2010-01-01..2009-01-01 (start after end)"),
    ("actors.txt", "actor X\n  code XXX\n  colour red\n  en X\n", "actors.txt:3: unknown field 'colour' in actor block"),
    ("agents.txt", "agent MILITARY army\n  en army\n", "agents.txt:1: agent code must be letters in groups of three"),
    ("actors.txt", "actor X\n  code XXX\n  inter 9\n  en X\n", "actors.txt:3: inter must be an ACLED actor type 1-8"),
    ("codebook.toml", 'name = "x"\nlanguages = ["en"]\ncue_events = "no"\n',
     "codebook.toml:1: cue_events must be true or false"),
    ("verbs.txt", "verb KILL 190\n  en kill\n  patient killing\n",
     "verbs.txt:3: patient needs a language and phrases: 'patient  ar  مقتل | اغتيال'"),
])
def test_load_invalid_codebook_names_file_and_line(tmp_path, filename, text, expected):
    with pytest.raises(CodebookError) as info:
        load_codebook(_broken_copy(tmp_path, filename, text))
    assert any(p.startswith(expected) for p in info.value.problems), info.value.problems


def test_load_lists_every_problem_at_once(tmp_path):
    text = "verb A 999\n  en a\nverb B 998\n  en b\n"
    with pytest.raises(CodebookError) as info:
        load_codebook(_broken_copy(tmp_path, "verbs.txt", text))
    assert len(info.value.problems) == 2
    assert "2 problems" in str(info.value)


def test_load_non_strict_turns_unknown_codes_into_warnings(tmp_path):
    book = load_codebook(_broken_copy(tmp_path, "verbs.txt", "verb A 999\n  en a\n"), strict=False)
    assert book.warnings == ("verbs.txt:1: unknown CAMEO event code '999'",)


def test_content_hash_changes_with_content(tmp_path):
    target = _broken_copy(tmp_path, "discards.txt", "discard\n  en football\n")
    before = content_hash(target)
    (target / "discards.txt").write_text("discard\n  en cricket\n", encoding="utf-8")
    assert content_hash(target) != before


def test_default_codebook_is_valid_and_compiles():
    book = load_codebook(default_codebook_path())
    compiled = compile_codebook(book)
    assert len(compiled.actor_index("ar")) > 100
    assert len(compiled.verb_index("en")) > 50
    assert compiled.country_name("LBY") == "Libya"
