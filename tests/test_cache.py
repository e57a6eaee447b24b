import os
import pickle
import shutil
import time
from pathlib import Path

import pytest

from coder.cache import ABANDONED_AFTER_S, KEPT_PER_KIND, load_or_build
from coder.incidents import gazetteer
from coder.incidents.gazetteer import _read_tables, load_tables, places_dir


def counting_build(value, calls):
    def build():
        calls.append(1)
        return value

    return build


def test_cache_builds_once_then_reads(tmp_path: Path) -> None:
    calls: list[int] = []
    build = counting_build({"a": (1, 2)}, calls)
    first = load_or_build(tmp_path, "thing-k1.pickle", build, lambda found: isinstance(found, dict))
    again = load_or_build(tmp_path, "thing-k1.pickle", build, lambda found: isinstance(found, dict))
    assert first == again == {"a": (1, 2)}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["thing-k1.pickle"]  # nothing left aside


def test_cache_rejected_or_unreadable_file_is_built_again(tmp_path: Path) -> None:
    calls: list[int] = []
    (tmp_path / "thing-k1.pickle").write_bytes(pickle.dumps("foreign"))
    assert load_or_build(tmp_path, "thing-k1.pickle", counting_build([1], calls), lambda f: f == [1]) == [1]
    (tmp_path / "thing-k1.pickle").write_bytes(b"\x80truncated")
    assert load_or_build(tmp_path, "thing-k1.pickle", counting_build([1], calls), lambda f: f == [1]) == [1]
    assert len(calls) == 2
    with (tmp_path / "thing-k1.pickle").open("rb") as handle:
        assert pickle.load(handle) == [1]


def test_cache_off_builds_every_time() -> None:
    calls: list[int] = []
    for _ in range(2):
        assert load_or_build(None, "thing-k.pickle", counting_build(3, calls), lambda f: True) == 3
    assert len(calls) == 2


def test_cache_keeps_the_newest_files_of_a_kind(tmp_path: Path) -> None:
    for n in range(KEPT_PER_KIND + 3):
        old = tmp_path / f"thing-old{n}.pickle"
        old.write_bytes(pickle.dumps(n))
        os.utime(old, ns=(n * 10**9, n * 10**9))
    other = tmp_path / "other-x.pickle"
    other.write_bytes(pickle.dumps(0))
    os.utime(other, ns=(0, 0))
    load_or_build(tmp_path, "thing-new.pickle", lambda: "new", lambda f: True)
    kept = sorted(p.name for p in tmp_path.glob("thing-*.pickle"))
    assert "thing-new.pickle" in kept and len(kept) == KEPT_PER_KIND
    # the oldest went; the newest stayed; another kind is left alone
    assert "thing-old0.pickle" not in kept and f"thing-old{KEPT_PER_KIND + 2}.pickle" in kept
    assert other.exists()


def test_cache_removes_files_abandoned_while_written_aside(tmp_path: Path) -> None:
    abandoned, writing = tmp_path / ".thing-k1-abc.tmp", tmp_path / ".thing-k2-def.tmp"
    abandoned.write_bytes(b"half a pickle")
    writing.write_bytes(b"half a pickle")
    os.utime(abandoned, (time.time() - ABANDONED_AFTER_S - 60,) * 2)
    load_or_build(tmp_path, "thing-new.pickle", lambda: "new", lambda f: True)
    assert not abandoned.exists()
    assert writing.exists()  # young: another process may be writing it now


@pytest.fixture()
def places_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENT_CODER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "places"
    shutil.copytree(places_dir(), folder)
    yield folder
    load_tables.cache_clear()


def test_cache_gazetteer_from_the_cache_equals_the_tables_read(places_copy: Path) -> None:
    built = load_tables(places_copy)
    (stored,) = (places_copy.parent / "cache").glob("gazetteer-*.pickle")
    with stored.open("rb") as handle:
        cached = pickle.load(handle)
    fresh = _read_tables(places_copy.resolve())
    for tables in (built, cached):
        assert tables.english == fresh.english
        assert tables.arabic_keys == fresh.arabic_keys
        assert (tables.countries, tables.admin1, tables.own) == (fresh.countries, fresh.admin1, fresh.own)
        assert tables.city_rows == fresh.city_rows
    assert cached.arabic_keys is not None and cached.arabic_keys.reach


def test_cache_gazetteer_follows_its_files(places_copy: Path) -> None:
    load_tables(places_copy)
    load_tables.cache_clear()
    with (places_copy / "countries.tsv").open("a", encoding="utf-8") as handle:
        handle.write("ZZ\tZZZ\tZedland\t\t\tزدلاند\t\n")  # iso2 iso3 name aliases demonyms ar since
    changed = load_tables(places_copy)
    assert changed.countries[-1].name == "Zedland"
    assert len(list((places_copy.parent / "cache").glob("gazetteer-*.pickle"))) == 2
    assert gazetteer.fold("Zedland") in changed.english
    assert changed.arabic_keys is not None and ("زدلاند",) in changed.arabic_keys.by_keys
