"""The committed taxonomy tables against the reference tables in ../shared (skipped without them)."""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from coder.codebook.taxonomy import load_taxonomy

TAXONOMY = Path(__file__).resolve().parents[1] / "codebooks" / "taxonomy"
TABLES = ("cameo.tsv", "acled.tsv", "acled_actor_types.tsv", "actor_roles.tsv")


@pytest.fixture(scope="module")
def reference() -> Path:
    folder = Path(__file__).resolve().parents[2] / "shared" / "reference"
    if not (folder / "cameo_event_codes.tsv").is_file():
        pytest.skip("../shared/reference is absent")
    return folder


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("taxonomy_generate", TAXONOMY / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_codes(reference: Path) -> list[dict[str, str]]:
    with (reference / "cameo_event_codes.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_taxonomy_regenerates_identical_tables(reference: Path, tmp_path: Path) -> None:
    assert _generator().main([str(reference), "--out", str(tmp_path)]) == 0
    for name in TABLES:
        assert (tmp_path / name).read_text(encoding="utf-8") == (TAXONOMY / name).read_text(encoding="utf-8")


def test_taxonomy_cameo_matches_reference(reference: Path) -> None:
    taxonomy = load_taxonomy()
    rows = _reference_codes(reference)
    assert len(rows) == len(taxonomy.cameo) == 311
    for row in rows:
        info = taxonomy.cameo_info(row["cameo_code"])
        assert info is not None, row["cameo_code"]
        assert info.goldstein == float(row["goldstein_gdelt"]), info.code
        assert info.quad_class == int(row["quad_class_gdelt"]), info.code
        assert info.root == row["root_code"]


@pytest.mark.parametrize("code", ["195", "190"])
def test_taxonomy_goldstein_of_fighting_matches_reference(reference: Path, code: str) -> None:
    row = next(r for r in _reference_codes(reference) if r["cameo_code"] == code)
    assert load_taxonomy().cameo[code].goldstein == float(row["goldstein_gdelt"])


def test_taxonomy_plover_matches_listed_codes(reference: Path) -> None:
    taxonomy = load_taxonomy()
    listed: dict[str, str] = {}
    for line in (reference / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line.strip())
        if match:
            listed.setdefault(match[1], match[2])
    checked = 0
    for code, plover in listed.items():
        if code in taxonomy.cameo:
            assert taxonomy.cameo[code].plover == plover, code
            checked += 1
    assert checked > 250


def test_taxonomy_acled_matches_reference_categories(reference: Path) -> None:
    taxonomy = load_taxonomy()
    with (reference / "acled_event_categories.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["event_type"], r["sub_event_type"]) for r in rows} == {
        (s.event_type, s.sub_event_type) for s in taxonomy.acled.values()}
    for row in rows:
        info = taxonomy.acled[row["sub_event_type"]]
        # the reference's demonstrations flag marks exactly the disorder types naming demonstrations
        assert ("Demonstrations" in info.disorder_type) == (row["demonstrations"] == "1.0")


def test_taxonomy_roles_match_reference(reference: Path) -> None:
    with (reference / "cameo_actor_type_codes.tsv").open(encoding="utf-8", newline="") as handle:
        codes = {row["code"] for row in csv.DictReader(handle, delimiter="\t")}
    assert set(load_taxonomy().roles) == codes
