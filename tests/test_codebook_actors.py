"""The default codebook's named actors: codes, ACLED names and types, date ranges, phrase hygiene."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from coder.codebook.compile import compile_codebook
from coder.codebook.load import default_codebook_path, load_codebook
from coder.engine.actors import find_actors
from coder.frontends.keys import phrase_keys
from coder.frontends.lite.arabic import normalize_arabic
from tests.conftest import make_sentence


@pytest.fixture(scope="module")
def book():
    return load_codebook(default_codebook_path())


@pytest.fixture(scope="module")
def compiled(book):
    return compile_codebook(book)


def one_actor(compiled, phrase, language, day):
    sentence = make_sentence(phrase.split(), language=language)
    actors = find_actors(sentence, compiled, day)
    assert len(actors) == 1, [(a.text, a.code) for a in actors]
    assert (actors[0].start, actors[0].end) == (0, len(sentence.tokens)), "the phrase is one actor"
    return actors[0]


D2020 = dt.date(2020, 4, 22)
D2024 = dt.date(2024, 6, 1)


@pytest.mark.parametrize("language, phrase, day, code, acled, inter", [
    ("en", "Khalifa Haftar", D2020, "LBYMIL", "Military Forces of Libya (2014-) Haftar Faction", 1),
    ("ar", "الجيش الوطني الليبي", D2020, "LBYMIL", "Military Forces of Libya (2014-) Haftar Faction", 1),
    ("ar", "عبد الحميد الدبيبة", D2024, "LBYGOV",
     "Government of Libya (2021-) Government of National Unity", 1),
    ("ar", "رجب طيب أردوغان", D2020, "TURGOV", "Government of Turkey (2016-)", 1),
    ("en", "Turkish President Recep Tayyip Erdogan", D2020, "TURGOV", "Government of Turkey (2016-)", 1),
    ("en", "Hayat Tahrir al-Sham", D2020, "SYRREB", "HTS: Hayat Tahrir al Sham", 2),
    ("ar", "قوات سوريا الديمقراطية", D2020, "SYRREB", "QSD: Syrian Democratic Forces", 2),
    ("ar", "الفصائل الموالية ل تركيا", D2020, "SYRREB", "JWS: Syrian National Army", 2),
    ("ar", "الحوثيين", D2020, "YEMREB", "Military Forces of Yemen (2016-) Supreme Political Council", 1),
    ("ar", "جماعة أنصار الله", D2020, "YEMREB",
     "Military Forces of Yemen (2016-) Supreme Political Council", 1),
    ("en", "Southern Transitional Council", D2020, "YEMSEP", "STC: Southern Transitional Council", 3),
    ("en", "Popular Mobilization Forces", D2020, "IRQMIL",
     "Military Forces of Iraq (2018-) Popular Mobilization Forces", 1),
    ("ar", "كتائب حزب الله", D2020, "IRQUAF", "Kataib Hezbollah", 3),
    ("ar", "قوات الدعم السريع", D2024, "SDNREB", "Rapid Support Forces", 2),
    ("en", "Abdel Fattah el-Sisi", D2020, "EGYGOV", "Government of Egypt (2014-)", 1),
    ("ar", "حزب الله", D2020, "LBNREB", "Hezbollah", 3),
    ("ar", "كتائب القسام", D2024, "PSEREB", "Hamas Movement", 3),
    ("en", "Israel Defense Forces", D2020, "ISRMIL", "Military Forces of Israel (2009-)", 1),
    ("en", "Islamic Revolutionary Guard Corps", D2020, "IRNMIL",
     "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", 1),
    ("ar", "التحالف العربي", D2020, "SAUMIL", "Operation Restoring Hope", 8),
    ("en", "al-Shabaab", D2020, "SOMREB", "Al Shabaab", 2),
    ("ar", "بوكو حرام", D2020, "NGAREB", "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad", 2),
    ("en", "ISWAP", D2020, "IMGMUSISI", "Islamic State (West Africa)", 2),
    ("ar", "جماعة نصرة الإسلام و المسلمين", D2020, "IMGMUSALQ",
     "JNIM: Group for Support of Islam and Muslims", 2),
    ("en", "Pakistani Taliban", D2020, "PAKREB", "TTP: Tehreek-i-Taliban Pakistan", 2),
    ("en", "M23", D2024, "CODREB", "M23: March 23 Movement", 2),
])
def test_codebook_actors_phrase_resolves_to_code_acled_and_inter(compiled, language, phrase, day, code, acled,
                                                                  inter):
    actor = one_actor(compiled, phrase, language, day)
    assert (actor.code, actor.acled_name, actor.inter) == (code, acled, inter)


@pytest.mark.parametrize("language, phrase, country", [
    ("en", "ISWAP", "NGA"),
    ("en", "JNIM", "MLI"),
    ("ar", "داعش", "IRQ"),
    ("en", "AQAP", "YEM"),
])
def test_codebook_actors_transnational_groups_carry_their_country(compiled, language, phrase, country):
    assert one_actor(compiled, phrase, language, D2020).country == country


@pytest.mark.parametrize("language, phrase, before, code_before, after, code_after", [
    ("en", "Netanyahu", dt.date(2022, 1, 1), "ISROPP", dt.date(2024, 1, 1), "ISRGOV"),
    ("ar", "نتنياهو", dt.date(2021, 6, 14), "ISROPP", dt.date(2022, 12, 29), "ISRGOV"),
    ("ar", "أبو محمد الجولاني", dt.date(2024, 12, 7), "SYRREB", dt.date(2024, 12, 8), "SYRGOV"),
    ("en", "Bashar al-Assad", dt.date(2024, 12, 8), "SYRGOV", dt.date(2025, 1, 1), "SYRELI"),
    ("ar", "حميدتي", dt.date(2023, 4, 14), "SDNMIL", dt.date(2023, 4, 15), "SDNREB"),
    ("en", "Rashad al-Alimi", dt.date(2022, 4, 6), "YEMELI", dt.date(2022, 4, 7), "YEMGOV"),
    ("en", "Taliban", dt.date(2021, 8, 14), "AFGREB", dt.date(2021, 8, 15), "AFGGOV"),
    ("ar", "إبراهيم رئيسي", dt.date(2020, 1, 1), "IRNJUD", dt.date(2022, 1, 1), "IRNGOV"),
])
def test_codebook_actors_code_follows_document_date(compiled, language, phrase, before, code_before, after,
                                                   code_after):
    assert one_actor(compiled, phrase, language, before).code == code_before
    assert one_actor(compiled, phrase, language, after).code == code_after


def test_codebook_actors_no_phrase_key_names_two_codes(book):
    # The loader compares phrases as written; two spellings with the same key («أردوغان»,
    # «اردوغان») given to actors with different codes would silently resolve to the first.
    seen: dict[tuple[str, tuple[str, ...]], set] = defaultdict(set)
    where: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for actor in book.actors:
        for language, phrase in actor.phrases:
            key = (language, phrase_keys(phrase, language))
            seen[key].add(actor.codes)
            where[key].append(f"{actor.name} ({actor.where})")
    clashes = {key: where[key] for key, codes in seen.items() if len(codes) > 1}
    assert not clashes


# The files of the regional actors (actors_countries.txt and actors_igo.txt hold names of states
# and organisations, where «بالاو» or «كاليدونيا» are names, not clitic + article).
REGIONAL_FILES = tuple(f"actors_{name}.txt" for name in (
    "lby", "syr", "yem", "irq", "sdn", "egy", "lbn", "isr_pse", "tur", "irn", "gulf", "armed_groups"))


def test_codebook_actors_arabic_phrases_have_no_attached_proclitic_before_the_article(book):
    # «للجيش», «والجهاد», «بالإنجليزية» are segmented in text (ل + الجيش ...); a phrase that
    # spells them as one word never matches a parser's tokens and keeps the lite front-end from
    # splitting that word anywhere else.
    attached = []
    for actor in book.actors:
        if actor.where.split(":")[0] not in REGIONAL_FILES:
            continue
        for language, phrase in actor.phrases:
            if language != "ar":
                continue
            for word in phrase.split():
                norm = normalize_arabic(word)
                if (norm[:1] in set("وفبك") and norm[1:3] == "ال" and len(norm) >= 5) or \
                        (norm.startswith("لل") and len(norm) >= 4):
                    attached.append((actor.name, word))
    assert not attached
