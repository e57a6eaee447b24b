"""Codebook format additions the engine reads: reverse codes, pairwise patterns, groups, '^',
agents placed before the code, loose actor codes of imported codebooks, and the compiled cache."""

from __future__ import annotations

import datetime as dt
import os
import pickle
from pathlib import Path

import pytest

from coder.cache import cache_directory
from coder.codebook.compile import compile_codebook, load_compiled
from coder.codebook.entries import ActorEntry, DatedCode
from coder.codebook.load import load_codebook
from coder.errors import CodebookError

TOML = 'name = "options"\nrequire_dyad = false\nlanguages = ["en"]\n'
ACTORS = "actor Arnor\n  code     ARN\n  en       Arnor\n"


def write(folder: Path, verbs: str = "", actors: str = ACTORS, agents: str = "", toml: str = TOML) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "codebook.toml").write_text(toml, encoding="utf-8")
    (folder / "actors.txt").write_text(actors, encoding="utf-8")
    (folder / "agents.txt").write_text(agents, encoding="utf-8")
    (folder / "verbs.txt").write_text(verbs, encoding="utf-8")
    return folder


def test_engine_options_reverse_pairwise_and_groups_are_read(tmp_path: Path) -> None:
    verbs = ("verb ARRIVE 042\n  reverse  043\n  en       arrive\n"
             "  pattern  036 en  * {peace talks} ; reverse 036 ; pairwise\n"
             "  pattern  --- en  * ^ home ; reverse 043\n")
    book = load_codebook(write(tmp_path / "b", verbs))
    (verb,) = book.verbs
    assert (verb.code, verb.reverse) == ("042", "043")
    talks, home = verb.patterns
    assert (talks.code, talks.reverse, talks.pairwise, talks.items) == (
        "036", "036", True, ("*", "{", "peace", "talks", "}"))
    assert (home.code, home.reverse, home.items) == ("---", "043", ("*", "^", "home"))


@pytest.mark.parametrize(("pattern", "problem"), [
    ("040 en  * {talks", "'{' without its '}'"),
    ("040 en  * talks}", "'}' without its '{'"),
    ("040 en  * {talks}", "a group '{...}' needs two or more words"),
    ("040 en  * {{peace talks}}", "groups '{...}' cannot be nested"),
    ("040 en  * {peace +}", "a group '{...}' holds words only, not '+'"),
    ("--- en  * talks", "a pattern coded '---' needs '; reverse CODE' (or '; negate')"),
    ("040 en  * talks ; reverse", "unknown pattern option 'reverse'"),
])
def test_engine_options_bad_patterns_name_their_line(tmp_path: Path, pattern: str, problem: str) -> None:
    folder = write(tmp_path / "b", f"verb MEET 040\n  en       meet\n  pattern  {pattern}\n")
    with pytest.raises(CodebookError) as caught:
        load_codebook(folder)
    assert f"verbs.txt:3: {problem}" in caught.value.problems


def test_engine_options_agent_position(tmp_path: Path) -> None:
    agents = "agent NGO aid group\n  position before\n  en aid group\nagent MIL army\n  en army\n"
    book = load_codebook(write(tmp_path / "b", agents=agents))
    assert [(a.code, a.before) for a in book.agents] == [("NGO", True), ("MIL", False)]
    bad = write(tmp_path / "c", agents="agent NGO aid group\n  position first\n  en aid group\n")
    with pytest.raises(CodebookError) as caught:
        load_codebook(bad)
    assert "agents.txt:2: position must be 'after' or 'before', not 'first'" in caught.value.problems


@pytest.mark.parametrize(("code", "kept"), [("FRO/BIL/SAM", True), ("+++", True), ("YEMNO", True),
                                             ("A B", False), ("C;D", False)])
def test_engine_options_loose_actor_codes_only_outside_strict(tmp_path: Path, code: str, kept: bool) -> None:
    actors = f"actor Odd\n  code     {code}\n  en       odd\n"
    loose = load_codebook(write(tmp_path / "loose", actors=actors, toml=TOML + "strict = false\n"))
    assert [a.codes[0].code for a in loose.actors] == ([code.split()[0]] if kept else [])
    with pytest.raises(CodebookError):
        load_codebook(write(tmp_path / "strict", actors=actors))


def test_engine_options_null_actor_code_in_a_strict_codebook(tmp_path: Path) -> None:
    # '---': a phrase recognised but coded as nobody ("the international community")
    actors = "actor International community\n  code     ---\n  en       international community\n"
    book = load_codebook(write(tmp_path / "strict", actors=actors))
    assert [a.codes[0].code for a in book.actors] == ["---"]
    assert book.warnings == ()


def test_engine_options_unknown_cameo_code_kept_outside_strict(tmp_path: Path) -> None:
    # PETRARCH's validation dictionaries use WEIS codes (212) their gold expects
    verbs = "verb ARREST 212\n  en arrest\n"
    book = load_codebook(write(tmp_path / "b", verbs, toml=TOML + "strict = false\n"))
    assert [v.code for v in book.verbs] == ["212"]
    assert book.warnings == ("verbs.txt:1: unknown CAMEO event code '212'",)


def test_engine_options_narrowest_date_range_wins() -> None:
    actor = ActorEntry("Sam", (DatedCode("HOBMIL", dt.date(2008, 1, 20), dt.date(2012, 11, 8)),
                               DatedCode("ORCHOB", dt.date(2010, 1, 9), dt.date(2010, 1, 12)),
                               DatedCode("HOB")), "HOB", None, None, (("en", "sam"),), (), "a.txt:1")
    assert actor.code_on(dt.date(2010, 1, 10)) == "ORCHOB"
    assert actor.code_on(dt.date(2011, 1, 10)) == "HOBMIL"
    assert actor.code_on(dt.date(2020, 1, 1)) == "HOB"
    assert actor.code_on(None) == "HOB"


# -- the compiled-codebook cache ----------------------------------------------------------------

def test_engine_cache_writes_then_reads_the_same_codebook(tmp_path: Path) -> None:
    folder = write(tmp_path / "book", "verb MEET 040\n  en meet\n")
    cache = tmp_path / "cache"
    first = load_compiled(folder, cache_dir=cache)
    (stored,) = cache.glob("codebook-*.pickle")
    with stored.open("rb") as handle:
        again = pickle.load(handle)
    assert again.codebook.version == first.codebook.version
    assert again.codebook.actors == first.codebook.actors
    assert dict(again.patterns) == dict(first.patterns)
    found = again.actor_index("en").scan(["arnor"])
    assert found[0].payload == first.actor_index("en").scan(["arnor"])[0].payload


def test_engine_cache_follows_the_content(tmp_path: Path) -> None:
    folder = write(tmp_path / "book", "verb MEET 040\n  en meet\n")
    cache = tmp_path / "cache"
    load_compiled(folder, cache_dir=cache)
    (folder / "verbs.txt").write_text("verb MEET 040\n  en meet | encounter\n", encoding="utf-8")
    changed = load_compiled(folder, cache_dir=cache)
    assert [p for _, p in changed.codebook.verbs[0].anchors] == ["meet", "encounter"]
    assert len(list(cache.glob("codebook-*.pickle"))) == 2


def test_engine_cache_unreadable_file_is_compiled_again(tmp_path: Path) -> None:
    folder = write(tmp_path / "book", "verb MEET 040\n  en meet\n")
    cache = tmp_path / "cache"
    load_compiled(folder, cache_dir=cache)
    (stored,) = cache.glob("codebook-*.pickle")
    stored.write_bytes(b"not a pickle")
    from coder.codebook import compile as module

    module._load_compiled.cache_clear()  # forget the copy this process holds
    assert load_compiled(folder, cache_dir=cache).codebook.verbs[0].name == "MEET"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_engine_cache_unwritable_directory_is_passed_over(tmp_path: Path) -> None:
    folder = write(tmp_path / "book", "verb MEET 040\n  en meet\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert load_compiled(folder, cache_dir=locked / "cache").codebook.name == "options"
    finally:
        locked.chmod(0o700)


def test_engine_cache_file_in_a_plain_file_path_is_passed_over(tmp_path: Path) -> None:
    folder = write(tmp_path / "book", "verb MEET 040\n  en meet\n")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    assert load_compiled(folder, cache_dir=blocker / "cache").codebook.name == "options"


def test_engine_cache_directory_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EVENT_CODER_CACHE", str(tmp_path / "c"))
    assert cache_directory() == tmp_path / "c"
    monkeypatch.setenv("EVENT_CODER_CACHE", "off")
    assert cache_directory() is None
    monkeypatch.delenv("EVENT_CODER_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_directory() == tmp_path / "xdg" / "event-coder"
    assert cache_directory(tmp_path / "explicit") == tmp_path / "explicit"


def test_engine_cache_missing_folder_is_a_codebook_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookError):
        load_compiled(tmp_path / "nowhere", cache_dir=tmp_path / "cache")


def test_engine_compile_keeps_plain_words_as_keys(tmp_path: Path) -> None:
    actors = ACTORS + "actor Arnor Army\n  code ARNMIL\n  en Arnor army | army of Arnor\n"
    compiled = compile_codebook(load_codebook(write(tmp_path / "b", actors=actors)))
    index = compiled.actor_index("en")
    first_words = [items[0] for bucket in index._exact.values() for items, _ in bucket]
    assert first_words.count("arnor") == 2
