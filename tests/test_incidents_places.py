"""Places: our gazetteer tables, the document's country, ACLED's "in X (Y, Z)" convention, precision."""

from __future__ import annotations

import pytest

from coder.frontends.lite import LiteFrontend
from coder.incidents.gazetteer import fold, load_tables
from coder.incidents.places import REGION, document_country, resolve_places, sentence_hits


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def places(text: str, language: str = "en", actors: tuple[str, ...] = ()):
    tables = load_tables()
    sentences = LiteFrontend(vocabulary=tables.vocabulary(language)).parse(text, language)
    resolved = resolve_places(sentences, actors, tables)
    return resolved.iso2, [m.place for s in sentences for m in resolved.find(s)]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Deir-ez-Zor", "deir ez zor"),
        ("Ma'rib", "marib"),
        ("São Gonçalo", "sao goncalo"),
        ("  Sana’a ", "sanaa"),
    ],
)
def test_incidents_places_fold_spellings(name, key):
    assert fold(name) == key


@pytest.mark.parametrize(
    ("name", "kind", "iso2", "acled"),
    [
        ("misrata", "admin1", "LY", "Misrata"),
        ("aljfara", "admin1", "LY", "Aljfara"),
        ("sirte", "admin1", "LY", "Sirt"),
        ("idlib", "admin1", "SY", "Idleb"),
        ("rural damascus", "admin1", "SY", "Rural Damascus"),
        ("hodeidah", "admin1", "YE", "Al Hudaydah"),
        ("kiev", "admin1", "UA", "Kyiv"),
    ],
)
def test_incidents_places_admin1_as_acled_spells_it(tables, name, kind, iso2, acled):
    entries = [e for e in tables.english[name] if e.kind == kind and e.iso2 == iso2]
    assert entries and tables.admin1[entries[0].index].name == acled


def test_incidents_places_cities_carry_admin1_codes_and_coordinates(tables):
    city = next(tables.city(e) for e in tables.english["multan"] if e.kind == "city")
    assert (city.iso2, tables.admin1_of(city.admin1).name) == ("PK", "Punjab")
    assert 29 < city.latitude < 31 and 71 < city.longitude < 72


def test_incidents_places_load_is_compact(tables):
    assert len(tables.city_rows) > 50_000 and len(tables.admin1) > 3000 and len(tables.countries) > 240


@pytest.mark.parametrize(
    ("text", "iso2", "location", "admin1"),
    [
        (
            "On 7 May 2020, journalists protested in Multan city (Multan, Punjab), against the arrest.",
            "PK",
            "Multan",
            "Punjab",
        ),
        (
            "On 9 May 2020, migrant workers held a protest in Bengaluru city (Bengaluru, KN) over wages.",
            "IN",
            "Bengaluru",
            "Karnataka",
        ),
        (
            "On 7 May 2020, demonstrators pelted stones at Pulwama city (J&K) over the death of a militant.",
            "IN",
            "Pulwama",
            "Jammu and Kashmir",
        ),
        (
            "On 9 May 2020, in Sucre, Chuquisaca, health workers staged a demonstration.",
            "BO",
            "Sucre",
            "Chuquisaca",
        ),
        (
            "On 9 May 2020, in Juiz de Fora, Minas Gerais, people did a motorcade.",
            "BR",
            "Juiz de Fora",
            "Minas Gerais",
        ),
        (
            "On 5 May 2020, in San Mateo Atenco, Mexico, a man was nearly lynched.",
            "MX",
            "San Mateo Atenco",
            "Mexico",
        ),
    ],
)
def test_incidents_places_hierarchy_after_a_place_gives_its_admin1(text, iso2, location, admin1):
    country, found = places(text)
    assert country == iso2
    assert (found[0].location, found[0].admin1) == (location, admin1)


def test_incidents_places_unknown_village_is_placed_by_its_hierarchy():
    _, found = places("On 9 May 2020, clashes erupted on the Sirwah (Marib) frontline.")
    assert (found[0].location, found[0].admin1, found[0].country, found[0].precision) == (
        "Sirwah",
        "Marib",
        "Yemen",
        2,
    )


def test_incidents_places_unknown_village_with_admin2_and_admin1():
    _, found = places("On 9 May 2020, migrant workers held a protest in Menakuru village (Nellore, AP).")
    assert (found[0].location, found[0].admin2, found[0].admin1) == ("Menakuru", "Nellore", "Andhra Pradesh")


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Fighting was reported near Idlib on Monday.", 2),
        ("Fighting was reported in Idlib city on Monday.", 1),
        ("Fighting was reported in Idlib province on Monday.", REGION),
    ],
)
def test_incidents_places_geo_precision(text, precision):
    _, found = places(text)
    assert found[0].precision == precision


def test_incidents_places_country_vote_prefers_places_over_demonyms():
    # "Saudi forces" names an actor; Sadah is where it happened.
    country, found = places(
        "On 8 May 2020, Saudi forces fired artillery at houses in Baqim district (Sadah)."
    )
    assert country == "YE" and found[-1].admin1 == "Sadah"


@pytest.mark.parametrize(("actor", "iso2"), [("PAK", "PK"), ("IND", "IN")])
def test_incidents_places_actor_countries_break_ties(actor, iso2):
    country, found = places("Clashes were reported in Punjab.", actors=(actor,))
    assert country == iso2 and found[0].admin1 == "Punjab" and found[0].precision == REGION


def test_incidents_places_common_words_are_not_towns(tables):
    hits = sentence_hits(
        LiteFrontend().parse("Police said the Union of Workers met on May 9.", "en")[0], tables
    )
    assert [h.text for h in hits] == []


def test_incidents_places_town_inside_a_longer_name_is_no_place(tables):
    hits = sentence_hits(
        LiteFrontend().parse("Workers of the San Pedro Claver hospital protested.", "en")[0], tables
    )
    assert [h.text for h in hits] == []


@pytest.mark.parametrize(
    ("text", "location", "admin1"),
    [
        ("سيطر الجيش على بوابة بوقرين الغربية", "Abu Qurayn", "Misrata"),
        ("غارات جوية على منطقة القداحية جنوب بوقرين", "Al Qaddahiyah", "Sirt"),
        ("اشتباكات عنيفة في طرابلس", "Tripoli", "Tripoli"),
    ],
)
def test_incidents_places_arabic_names_and_our_own_small_places(text, location, admin1):
    country, found = places(text, "ar")
    assert country == "LY"
    assert (found[0].location, found[0].admin1) == (location, admin1)


def test_incidents_places_document_country_none_without_names(tables):
    assert document_country([], [], tables) is None



@pytest.mark.parametrize(
    "text",
    [
        "Clashes near Abu Qurayn and Ras Lanuf left Sidi Bou Said quiet.",
        "They moved from New York City to San Pedro Sula, then to Deir ez-Zor and Al Watiya.",
        "Shelling hit Ma'arrat al-Nu'man, Kafr Nabl and Jisr al-Shughur in Idlib, Syria's north.",
        "The Libyan National Army's Al Jufra air base and Port Sudan's harbour.",
    ],
)
def test_incidents_places_prefix_pruning_finds_what_trying_every_span_finds(tables, text, monkeypatch):
    """Stopping where no longer name can start changes nothing: the same hits as trying every
    run of up to ``tables.longest`` joined words."""
    from coder.incidents import places

    pruned = places.english_hits(text, tables)

    def every_span(text, words, i, tables):
        limit = min(tables.longest, len(words) - i)
        reach = 1
        while reach < limit and places._JOIN.match(text[words[i + reach - 1][1]:words[i + reach][0]]):
            reach += 1
        return reach

    monkeypatch.setattr(places, "_reach", every_span)
    assert places.english_hits(text, tables) == pruned
    assert any(" " in hit.text for hit in pruned)
