"""The committed taxonomy tables and their loader (no ../shared needed)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coder.codebook.taxonomy import (
    AcledSubEvent,
    CameoCode,
    Taxonomy,
    _load,
    default_taxonomy_path,
    load_taxonomy,
)
from coder.errors import CodebookError

TAXONOMY = Path(__file__).resolve().parents[1] / "codebooks" / "taxonomy"
ROOTS = [f"{r:02d}" for r in range(1, 21)]
GDELT_QUAD = {root: 1 if int(root) <= 5 else 2 if int(root) <= 9 else 3 if int(root) <= 14 else 4
              for root in ROOTS}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def test_taxonomy_loads_default_folder(taxonomy: Taxonomy) -> None:
    assert (default_taxonomy_path() / "cameo.tsv").is_file()
    assert taxonomy.path is not None and (taxonomy.path / "acled.tsv").is_file()
    assert isinstance(taxonomy.cameo_info("190"), CameoCode)
    assert load_taxonomy() is taxonomy
    assert load_taxonomy(TAXONOMY) is load_taxonomy(TAXONOMY / ".." / "taxonomy")


def test_taxonomy_cameo_has_311_codes_and_20_roots(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.cameo) == 311
    assert sorted(c for c in taxonomy.cameo if len(c) == 2) == ROOTS


@pytest.mark.parametrize("root", ROOTS)
def test_taxonomy_quad_class_follows_gdelt_convention(taxonomy: Taxonomy, root: str) -> None:
    codes = [info for code, info in taxonomy.cameo.items() if code[:2] == root]
    assert len(codes) > 1
    for info in codes:
        assert info.root == root
        assert info.quad_class == GDELT_QUAD[root], info.code


@pytest.mark.parametrize(("code", "goldstein"), [
    ("195", -10.0), ("190", -10.0), ("19", -10.0), ("010", 0.0), ("0874", 10.0), ("145", -7.5),
    ("016", -2.0), ("173", -5.0),
])
def test_taxonomy_goldstein_values(taxonomy: Taxonomy, code: str, goldstein: float) -> None:
    info = taxonomy.cameo_info(code)
    assert info is not None and info.goldstein == goldstein


@pytest.mark.parametrize(("code", "plover"), [
    ("190", "ASSAULT"), ("195", "ASSAULT"), ("145", "PROTEST"), ("141", "PROTEST"), ("0874", "RETREAT"),
    ("08", "CONCEDE"), ("084", "RETREAT"), ("163", "COERCE"), ("191", "COERCE"), ("1712", "ASSAULT"),
    ("173", "COERCE"), ("112", "ACCUSE"), ("090", "ACCUSE"), ("100", "REQUEST"), ("040", "CONSULT"),
    ("057", "SUPPORT"), ("036", "AGREE"), ("20", "ASSAULT"), ("15", "MOBILIZE"),
])
def test_taxonomy_plover_types(taxonomy: Taxonomy, code: str, plover: str) -> None:
    assert taxonomy.plover(code) == plover


@pytest.mark.parametrize("code", ["01", "010", "019", "02", "020", "0211", "0256", "028"])
def test_taxonomy_plover_absent_for_statements_and_appeals(taxonomy: Taxonomy, code: str) -> None:
    # the CAMEO->PLOVER 2021 table lists no code of roots 01 and 02: PLOVER does not code them
    assert taxonomy.is_cameo(code)
    assert taxonomy.plover(code) is None


def test_taxonomy_plover_present_from_root_03_on(taxonomy: Taxonomy) -> None:
    missing = [code for code, info in taxonomy.cameo.items() if code[:2] >= "03" and not info.plover]
    assert missing == []


@pytest.mark.parametrize("code", ["195", "0874", "19", " 190 ", "2042", "0211"])
def test_taxonomy_cameo_info_known(taxonomy: Taxonomy, code: str) -> None:
    info = taxonomy.cameo_info(code)
    assert info is not None and info.code == code.strip()
    assert taxonomy.is_cameo(code)


@pytest.mark.parametrize("code", ["999", "", "1", "874", "0195", "21", "19 5", "LBYMIL", "1957"])
def test_taxonomy_cameo_info_unknown(taxonomy: Taxonomy, code: str) -> None:
    assert taxonomy.cameo_info(code) is None
    assert not taxonomy.is_cameo(code)


def test_taxonomy_acled_has_25_sub_events_in_6_types(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.acled) == 25
    assert {s.event_type for s in taxonomy.acled.values()} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments"}
    assert sorted(s.precedence for s in taxonomy.acled.values()) == list(range(1, 26))


@pytest.mark.parametrize(("sub_event", "disorder"), [
    ("Armed clash", "Political violence"),
    ("Air/drone strike", "Political violence"),
    ("Attack", "Political violence"),
    ("Mob violence", "Political violence"),
    ("Peaceful protest", "Demonstrations"),
    ("Protest with intervention", "Demonstrations"),
    ("Violent demonstration", "Demonstrations"),
    ("Excessive force against protesters", "Political violence; Demonstrations"),
    ("Agreement", "Strategic developments"),
    ("Other", "Strategic developments"),
])
def test_taxonomy_acled_disorder_types(taxonomy: Taxonomy, sub_event: str, disorder: str) -> None:
    info = taxonomy.acled_info(sub_event)
    assert isinstance(info, AcledSubEvent) and info.disorder_type == disorder


def test_taxonomy_acled_every_sub_event_has_a_disorder_type(taxonomy: Taxonomy) -> None:
    assert {s.disorder_type for s in taxonomy.acled.values()} == {
        "Political violence", "Demonstrations", "Political violence; Demonstrations",
        "Strategic developments"}


def test_taxonomy_acled_precedence_battles_first(taxonomy: Taxonomy) -> None:
    assert taxonomy.acled["Government regains territory"].precedence == 1
    assert taxonomy.acled["Armed clash"].precedence < taxonomy.acled["Peaceful protest"].precedence
    assert taxonomy.acled["Other"].precedence == 25


def test_taxonomy_acled_older_spelling_accepted(taxonomy: Taxonomy) -> None:
    info = taxonomy.acled_info("Excessive force against protestors")
    assert info is not None and info.sub_event_type == "Excessive force against protesters"
    assert taxonomy.acled_info("Riot") is None


def test_taxonomy_actor_types_and_roles(taxonomy: Taxonomy) -> None:
    assert sorted(taxonomy.actor_types) == list(range(1, 9))
    assert taxonomy.actor_type_name(1) == "State forces"
    assert taxonomy.actor_type_name(8) == "External/Other forces"
    assert taxonomy.actor_type_name(0) is None
    for role in ("GOV", "MIL", "COP", "REB", "OPP", "CVL", "IGO", "SPY", "PTY"):
        assert role in taxonomy.roles
    assert taxonomy.roles["MIL"] == "Military"


def test_taxonomy_mappings_are_read_only(taxonomy: Taxonomy) -> None:
    with pytest.raises(TypeError):
        taxonomy.cameo["999"] = taxonomy.cameo["190"]  # type: ignore[index]


@pytest.mark.parametrize("name", ["cameo.tsv", "acled.tsv", "acled_actor_types.tsv", "actor_roles.tsv"])
def test_taxonomy_tables_are_generated_and_sorted(name: str) -> None:
    lines = (TAXONOMY / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# generated by generate.py from ") and "; facts: " in lines[0]
    rows = [line.split("\t") for line in lines[2:]]
    width = len(lines[1].split("\t"))
    assert all(len(row) == width for row in rows)
    first = [row[0] for row in rows]
    assert first == sorted(first, key=int if name.startswith("acled") else str)
    assert len(set(first)) == len(first)


def test_taxonomy_parsing_is_fast() -> None:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        _load.__wrapped__(TAXONOMY.resolve())
        best = min(best, time.perf_counter() - start)
    assert best < 0.020


def test_taxonomy_malformed_tables_are_reported_with_lines(tmp_path: Path) -> None:
    for name in ("acled.tsv", "acled_actor_types.tsv", "actor_roles.tsv"):
        (tmp_path / name).write_text((TAXONOMY / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cameo.tsv").write_text(
        "# comment\ncode\tname\troot\tquad_class\tgoldstein\tplover\tplover_mode\tplover_context\n"
        "190\tFight\t19\t4\t-10.0\tASSAULT\t\t\n"
        "190\tFight again\t19\t4\t-10.0\tASSAULT\t\t\n"
        "19x\tBad\t19\t4\t-1.0\t\t\t\n"
        "191\tBad quad\t19\tfour\t-1.0\t\t\t\n"
        "192\tshort\n", encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_taxonomy(tmp_path)
    assert info.value.problems == (
        "cameo.tsv:4: CAMEO code 190 is listed twice",
        "cameo.tsv:5: '19x' is no zero-padded CAMEO code of root '19'",
        "cameo.tsv:6: quad_class and goldstein must be numbers, not 'four', '-1.0'",
        "cameo.tsv:7: expected 8 tab-separated columns, found 2",
    )


def test_taxonomy_missing_table_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CodebookError) as info:
        load_taxonomy(tmp_path)
    assert any(p.startswith("cameo.tsv:1: cannot read the table") for p in info.value.problems)
    assert "generate.py" in str(info.value)
