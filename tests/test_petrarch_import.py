"""coder.codebook.petrarch: importing PETRARCH dictionaries (tiny made-up fixtures)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coder.codebook.petrarch import ImportReport, import_petrarch
from coder.errors import CodebookError

FIXTURES = Path(__file__).resolve().parent / "data" / "petrarch"


def run(out: Path, **kwargs: object) -> ImportReport:
    return import_petrarch(FIXTURES / "verbs.txt", [FIXTURES / "actors.txt"], FIXTURES / "agents.txt",
                           FIXTURES / "discards.txt", out, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    out = tmp_path_factory.mktemp("codebook")
    return out, run(out)


def lines_of(out: Path, name: str) -> list[str]:
    """The file's lines without comments and trailing blanks (comments carry source lines)."""
    result = []
    for line in (out / name).read_text(encoding="utf-8").splitlines():
        line = line.split(" #")[0].rstrip() if not line.startswith("#") else ""
        if line:
            indent = "  " if line.startswith("  ") else ""
            result.append(indent + " ".join(line.split()))
    return result


def block(out: Path, name: str, header: str) -> list[str]:
    """The lines of the block whose header is ``header``."""
    lines = lines_of(out, name)
    start = lines.index(header)
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return lines[start:end]


def test_petrarch_writes_every_codebook_file(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    assert sorted(p.name for p in out.iterdir()) == [
        "actors.txt", "agents.txt", "codebook.toml", "discards.txt", "synsets.txt", "verbs.txt"]
    settings = tomllib.loads((out / "codebook.toml").read_text(encoding="utf-8"))
    assert settings == {
        "name": out.name,
        "description": "Imported from PETRARCH dictionaries: verbs.txt, actors.txt, agents.txt, discards.txt",
        "require_dyad": True, "languages": ["en"], "strict": False, "cue_events": False}


def test_petrarch_counts_what_it_read_and_rejected(imported: tuple[Path, ImportReport]) -> None:
    _, report = imported
    assert report.counts == {"synsets": 6, "verb_blocks": 4, "verbs": 9, "patterns": 12,
                             "transformations": 1, "actors": 12, "actor_codes": 16, "agents": 10,
                             "discards": 5}
    assert report.rejected == {"synsets": 1, "verbs": 1, "patterns": 4, "transformations": 1,
                               "actors": 2, "actor_codes": 2, "agents": 3, "discards": 1}
    assert all(w.split(":")[0] in {"verbs.txt", "actors.txt", "agents.txt", "discards.txt"}
               and w.split(":")[1].isdigit() for w in report.warnings)


@pytest.mark.parametrize(("header", "expected"), [
    ("verb FEED 070", [
        "  en feed | feeds | feeding | fed | stir up | stirs up | stirred up | stirring up | wire tap",
        "  en wire tapped",
        "  pattern 0233 en $ * {food aid} to +",
        "  pattern 160 en * &ARMS_ ; reverse 160",
        "  pattern 075A en * talks ; pairwise",
        "  pattern 1951 en ^ * at ^ +",
        "  pattern 070 en * bread ; negate",
        "  pattern --- en * water ; reverse 173"]),
    ("verb FEED:073 073", [
        "  en nourish",
        "  pattern 0233 en $ * {food aid} to +",
        "  pattern 160 en * &ARMS_ ; reverse 160",
        "  pattern 075A en * talks ; pairwise",
        "  pattern 1951 en ^ * at ^ +",
        "  pattern 073 en * bread ; negate",
        "  pattern --- en * water ; reverse 173"]),
    ("verb SHUN ---", ["  en shun", "  pattern 120 en * summit"]),
    ("verb SHUN:111 111", ["  en avoid", "  pattern 111 en * talks ; negate", "  pattern 120 en * summit"]),
    ("verb SHUN:120 120", ["  en eschew", "  pattern 120 en * talks ; negate", "  pattern 120 en * summit"]),
    ("verb GREET 042", ["  reverse 043", "  en greet | greets | greeted | greeting"]),
])
def test_petrarch_verb_blocks(imported: tuple[Path, ImportReport], header: str, expected: list[str]) -> None:
    out, _ = imported
    assert block(out, "verbs.txt", header) == [header, *expected]


@pytest.mark.parametrize(("header", "expected"), [
    ("synset WEAPONRY", ["  en rocket | heavy mortar | barrel bomb | shells | drone"]),
    ("synset ARMS_", ["  en rocket | heavy mortar | barrel bomb | shells | drone | rifle"]),
    ("synset LOOP", ["  en knife"]),
    ("synset BROKEN", ["  en reversed"]),
])
def test_petrarch_synsets(imported: tuple[Path, ImportReport], header: str, expected: list[str]) -> None:
    out, _ = imported
    assert block(out, "synsets.txt", header) == [header, *expected]
    assert "synset EMPTYSET" not in lines_of(out, "synsets.txt")


@pytest.mark.parametrize(("header", "expected"), [
    ("actor Zorbia", ["  code ZRB", "  en zorbia | zorbian | the zorbian republic"]),
    ("actor General Krant", ["  code ZRBMIL", "  en general krant"]),
    ("actor Marshal Volk", ["  code ZRBREB 2011-02-01..2014-05-15", "  code ZRBMIL 2014-05-16..",
                            "  en marshal volk | field marshal volk"]),
    ("actor Old King Osk", ["  code ZRBGOV ..1999-12-31", "  code ZRBELI 1950-01-01..1999-12-31",
                            "  en old king osk"]),
    # a range ending the day the next code starts is cut back one day (as UniversalPetrarch does)
    ("actor Dual Hat Person", ["  code ZRBGOV 2002-01-01..2004-12-31",
                               "  code ZRBOPP 2005-01-01..2009-01-01", "  en dual hat person"]),
    ("actor Odd Code", ["  code ZRB", "  en odd code"]),  # PETRARCH reads codes upper-cased
    ("actor Null Guy", ["  code ---", "  en null guy"]),
    ("actor Backwards Bob", ["  code ZRBCVL", "  en backwards bob"]),
    ("actor Bad Date Betty", ["  code ZRBCVL", "  en bad date betty"]),
    ("actor Shire Folk", ["  code FRO/BIL/SAM", "  en shire folk"]),  # kept as the gold expects it
])
def test_petrarch_actors(imported: tuple[Path, ImportReport], header: str, expected: list[str]) -> None:
    out, _ = imported
    assert block(out, "actors.txt", header) == [header, *expected]


def test_petrarch_actors_without_code_or_phrase_are_left_out(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    headers = [line for line in lines_of(out, "actors.txt") if line.startswith("actor ")]
    assert "actor Nameless Council" not in headers
    assert not any("Pipe" in h for h in headers)
    assert len(headers) == 10


@pytest.mark.parametrize(("header", "expected"), [
    ("agent MIL soldier", ["  en soldier | troops"]),
    ("agent COP police officer", ["  en police officer | police officers"]),
    ("agent LEG congressman", ["  en congressman | congresswoman"]),
    ("agent GOVMIL minister of war", ["  en minister of war | ministry of war"]),
    ("agent NGO aid worker", ["  position before", "  en aid worker"]),  # [NGO~]: NGO + actor
    ("agent BUS banker", ["  en banker"]),
])
def test_petrarch_agents(imported: tuple[Path, ImportReport], header: str, expected: list[str]) -> None:
    out, _ = imported
    assert block(out, "agents.txt", header) == [header, *expected]


def test_petrarch_discards(imported: tuple[Path, ImportReport]) -> None:
    out, _ = imported
    assert lines_of(out, "discards.txt") == [
        "discard", "  en football match | chess open", "  story en horoscope | film festival"]


@pytest.mark.parametrize("warning", [
    "verbs.txt:24: synset &WEAPONRY defined again (first at verbs.txt:8); members merged",
    "verbs.txt:28: synset member 'BAD|WORD' holds '|'; skipped",
    "verbs.txt:29: line 'MISSING_PLUS' inside synset &BROKEN lacks the leading '+'; skipped",
    "verbs.txt:18: synset &LOOP contains itself through &LOOP; that member skipped",
    "verbs.txt:22: synset &EMPTYSET has no members; skipped",
    "verbs.txt:41: unknown CAMEO event code '075A' (kept)",
    "verbs.txt:45: synset &NOSUCHSET is undefined; pattern skipped",
    "verbs.txt:46: event code [+++] is not a code; skipped",
    "verbs.txt:47: pattern without a [CODE] at its end; skipped",
    "verbs.txt:48: pattern needs exactly one '*' (the verb), has 2; skipped",
    "verbs.txt:49: looks like a pattern without its leading '-'; skipped",
    "verbs.txt:57: verb block SHUN opened again with code 120 (first at verbs.txt:51 with ---); its "
    "verbs keep this code",
    "verbs.txt:61: TABARI ';' comment removed: ';tony 1/2/91'",
    "verbs.txt:62: verb transformation (event of a reported event) is not representable; skipped",
    "actors.txt:16: actor 'Nameless Council' has no usable code; skipped",
    "actors.txt:26: actor code 'FRO/BIL/SAM' is not in the CAMEO actor-code shape (letters or digits "
    "in groups of three) (kept)",
    "actors.txt:20: inverted date range 2010-01-01..2009-01-01 for code ZRBGOV; code skipped",
    "actors.txt:23: bad date in [ZRBGOV 20101301-20111231]: month must be in 1..12; code skipped",
    "actors.txt:25: actor phrase 'PIPE|NAME' holds '|'; phrase skipped",
    "agents.txt:11: agent code [BUS] has no '~'; read as ~BUS",
    "agents.txt:12: agent without a [~CODE]; skipped",
    "agents.txt:13: agent plural '{' is not closed with '}'; skipped",
    "agents.txt:14: substitution marker !UNKNOWN! is not defined; line skipped",
    "discards.txt:6: discard phrase 'BAD|PHRASE' holds '|'; skipped",
])
def test_petrarch_warns_with_file_and_line(imported: tuple[Path, ImportReport], warning: str) -> None:
    _, report = imported
    assert warning in report.warnings


def test_petrarch_is_cameo_code_decides_unknown_codes(tmp_path: Path) -> None:
    report = run(tmp_path, is_cameo_code=lambda code: code not in {"0233", "075A"})
    unknown = [w for w in report.warnings if "unknown CAMEO event code" in w]
    assert unknown == ["verbs.txt:39: unknown CAMEO event code '0233' (kept)",
                       "verbs.txt:41: unknown CAMEO event code '075A' (kept)"]
    assert "  pattern  0233 en  $ * {food aid} to +" in (tmp_path / "verbs.txt").read_text(encoding="utf-8")


def test_petrarch_strict_raises_with_every_warning_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "strict"
    with pytest.raises(CodebookError) as caught:
        run(out, strict=True)
    assert caught.value.problems == run(tmp_path / "lenient").warnings
    assert str(caught.value).startswith(
        f"import of PETRARCH dictionaries found {len(caught.value.problems)} problems (strict)")
    assert not out.exists()


def test_petrarch_strict_passes_a_clean_dictionary(tmp_path: Path) -> None:
    verbs = tmp_path / "v.txt"
    verbs.write_text("&FOOD\n+BREAD\n\n--- FEED [070] ---\nFEED {FED}\n- * &FOOD [0233]\n", encoding="utf-8")
    actors = tmp_path / "a.txt"
    actors.write_text("ZORBIA_ [ZRB]\n+ZORBIAN\n", encoding="utf-8")
    report = import_petrarch(verbs, [actors], None, None, tmp_path / "out", strict=True)
    assert report.warnings == ()
    assert report.rejected == {}
    assert (tmp_path / "out" / "agents.txt").is_file()


def test_petrarch_arabic_words_are_written_as_they_are(tmp_path: Path) -> None:
    verbs = tmp_path / "ar.txt"
    verbs.write_text("&سلاح\n+صاروخ_\n+قذيفة_هاون\n\n--- قصف [190] ---\nقصف\nشن+غارة\n- * &سلاح [195]\n",
                     encoding="utf-8")
    actors = tmp_path / "actors.txt"
    actors.write_text("الجيش_الليبي_ [LBYMIL]\n+قوات_حفتر\n", encoding="utf-8")
    import_petrarch(verbs, [actors], None, None, tmp_path / "out", language="ar")
    assert block(tmp_path / "out", "verbs.txt", "verb قصف 190") == [
        "verb قصف 190", "  ar قصف | شن غارة", "  pattern 195 ar * &سلاح"]
    assert block(tmp_path / "out", "synsets.txt", "synset سلاح") == ["synset سلاح", "  ar صاروخ | قذيفة هاون"]
    assert block(tmp_path / "out", "actors.txt", "actor الجيش الليبي") == [
        "actor الجيش الليبي", "  code LBYMIL", "  ar الجيش الليبي | قوات حفتر"]


@pytest.mark.parametrize(("date", "expected"), [
    ("291231", "2029-12-31"),
    ("300101", "2030-01-01"),
    ("310101", "1931-01-01"),
    ("991231", "1999-12-31"),
    ("19991231", "1999-12-31"),
])
def test_petrarch_two_digit_years_pivot_at_30(tmp_path: Path, date: str, expected: str) -> None:
    actors = tmp_path / "a.txt"
    actors.write_text(f"ZORBIA [ZRB >{date}]\n", encoding="utf-8")
    import_petrarch(None, [actors], None, None, tmp_path / "out")
    assert f"  code ZRB {expected}.." in lines_of(tmp_path / "out", "actors.txt")


def test_petrarch_output_loads_as_a_native_codebook(tmp_path: Path) -> None:
    load = pytest.importorskip("coder.codebook.load")
    run(tmp_path)
    (tmp_path / "agents.txt").write_text("", encoding="utf-8")  # multi-role agent codes: see report
    codebook = load.load_codebook(tmp_path, is_cameo=lambda code: code.isdigit(), strict=False)
    assert {v.name for v in codebook.verbs} == {"FEED", "FEED:073", "SHUN", "SHUN:111", "SHUN:120", "GREET"}
    assert {s.name for s in codebook.synsets} == {"WEAPONRY", "ARMS_", "LOOP", "BROKEN"}
    assert codebook.require_dyad is True


@pytest.mark.parametrize(("petrarch", "native"), [
    ("- * &ARMS_ [160:160]", "pattern 160 en * &ARMS_ ; reverse 160"),  # paired code
    ("- * WATER [:173]", "pattern --- en * water ; reverse 173"),  # the reverse event only
    ("- % * TALKS [075A]", "pattern 075A en * talks ; pairwise"),  # '%': compound source
    ("- $ * {FOOD AID} (TO +) [0233]", "pattern 0233 en $ * {food aid} to +"),  # groups; slot kept loose
])
def test_petrarch_semantics_become_native_options(imported: tuple[Path, ImportReport], petrarch: str,
                                                  native: str) -> None:
    out, _ = imported
    assert "  " + native in lines_of(out, "verbs.txt"), petrarch


def test_petrarch_language_must_be_a_two_letter_code(tmp_path: Path) -> None:
    with pytest.raises(CodebookError) as caught:
        run(tmp_path, language="english")
    assert str(caught.value) == "language must be a two-letter code such as 'en' or 'ar', not 'english'"
