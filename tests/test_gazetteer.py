"""Tests of the regional gazetteer, on the real gazetteer built once into a tmp cache.

The default is the world gazetteer now (tests/test_geoparse.py); these tests
pin the regional one a user gets by listing countries in gazetteer_countries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.core.config import Config, default_config
from sitrep.core.records import PlacePrecision
from sitrep.quality.evaluation.common import shared_root
from sitrep.read.en.extract import Extractor
from sitrep.resolve import gazetteer as gz
from sitrep.resolve.gazetteer import Gazetteer, build_gazetteer, cache_file, normalize_name

DEIR_EZ_ZOR = 170794
DEIR_EZ_ZOR_GOV = 170792
AL_QAIM = 92138
ABU_KAMAL = 174448
ANBAR = 99592

# Sentences written for these tests in the manner of the seed article.
SEED_LIKE = [
    "Deir al-Zour in Syria and al-Qaim in Iraq are now back in the control of Iraqi "
    "and Syrian governments.",
    "Syrian Brig. Gen. Ali Mayhoub described the victory as the last phase of the "
    "army's campaign to defeat ISIS.",
    "Prime Minister Haider al-Abadi congratulated the troops of the Counter-Terrorism "
    "Service and the Popular Mobilization Forces (Hashd al-Sha'abi) in the country's "
    "western Anbar Province.",
    'ISIS called the area on both sides of the border its "Euphrates Province", '
    "resented by many Arabs, with help from Russian and Iranian allies.",
    "The next battle is for the border town of Bukamal, on the highway from Baghdad "
    "to Damascus, according to The Washington Post, Press TV, the BBC and The New "
    "York Times on Friday, November 3.",
]

ORDINARY_NEWS = (
    "Now that the Bank has raised rates again, Man United fans say the Sale will be "
    "Bad for business. The Mine workers went home early on Monday. May was warm, "
    "and in June the President met Chancellor Merkel at the White House. Police said "
    "the Fire started at Hope Street. Charge Nurse Sam Taylor told The Times that "
    "Rest is Good for Health. Ben and Anna drove a van to the Market in August. "
    "IDNA and REST are acronyms. On Sunday the Hero of the Day was a Cat."
)


# The regional settings that were the default before the world gazetteer.
REGION = ("SY", "IQ", "TR", "JO", "LB", "IL", "PS", "IR", "SA", "KW", "YE", "EG", "LY", "AF")


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return default_config().with_(
        cache_dir=str(tmp_path_factory.mktemp("cache")),
        gazetteer_countries=REGION,
        gazetteer_min_population=5000,
    )


@pytest.fixture(scope="session")
def g(config: Config) -> Gazetteer:
    return Gazetteer.load(config)


def ids(places: list) -> list[int]:
    return [p.id for p in places]


# -- normalization ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deir al-Zour", "Deir al Zour"),
        ("Deir ez-Zor", "Deir el-Zor"),
        ("al-Qaim", "Al Qa'im"),
        ("al-Qaim", "Qaim"),
        ("Al Qā’im", "qaim"),
        ("Abu Kamal", "Albu Kamal"),
        ("Albu Kamal", "Al Bukamal"),
        ("Al-Bukamal", "Bukamal"),
        ("Abukamal", "Bukamal"),
        ("دیرالزور", "دير الزور"),
        ("دير\u0640الزور", "دیر\u200cالزور"),
        ("كركوك", "کرکوک"),
        ("Raqqah", "Raqqa"),
    ],
)
def test_normalize_equal(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_normalize_keeps_different_names_apart() -> None:
    assert normalize_name("Mosul") != normalize_name("Kirkuk")
    assert normalize_name("Assyria") != normalize_name("Syria")
    assert normalize_name("Al") == ""
    # an article ends no name: "Cold Ash" (a village in England) is not "Cold"
    assert normalize_name("Cold Ash") != normalize_name("Cold")
    assert normalize_name("Ras al Ain") == normalize_name("Ras Ain")


# -- build and cache ------------------------------------------------------------


def test_build_is_cached(g: Gazetteer, config: Config) -> None:
    # how long building and loading take are figures of `sitrep bench timings`
    path = cache_file(config)
    assert path.is_file() and path.name.startswith("gazetteer-")
    assert g.path == path
    assert 1000 < len(g) < 50_000


def test_second_load_reads_the_file(g: Gazetteer, config: Config, monkeypatch) -> None:
    def no_build(_config: Config) -> Path:
        raise AssertionError("rebuilt although the cache exists")

    monkeypatch.setattr(gz, "build_gazetteer", no_build)
    monkeypatch.setattr(gz, "_build_payload", no_build)
    again = Gazetteer.load(config)
    assert len(again) == len(g)
    assert again.by_id(DEIR_EZ_ZOR) == g.by_id(DEIR_EZ_ZOR)


def test_cache_key_follows_settings(config: Config) -> None:
    other = config.with_(gazetteer_min_population=20_000)
    assert cache_file(other) != cache_file(config)
    assert cache_file(config.with_(workers=4)) == cache_file(config)


def test_unreadable_cache_is_rebuilt(tmp_path: Path, monkeypatch) -> None:
    cfg = default_config().with_(
        cache_dir=str(tmp_path), gazetteer_countries=["LB"], gazetteer_focus_countries=[]
    )
    path = cache_file(cfg)
    path.write_bytes(b"not gzip")
    g = Gazetteer.load(cfg)
    assert g.country("LBN").name == "Lebanon"
    assert gz._read(path)["settings"]["countries"] == ["LB"]
    assert not list(tmp_path.glob("*.tmp"))


def test_build_returns_the_cache_path(config: Config, tmp_path: Path) -> None:
    cfg = config.with_(cache_dir=str(tmp_path), gazetteer_countries=["KW"])
    path = build_gazetteer(cfg)
    assert path == cache_file(cfg) and path.is_file()


def test_a_build_removes_all_but_the_newest_older_gazetteers(
    config: Config, tmp_path: Path
) -> None:
    """Each upgrade (own data, packages, settings) keys a new 40 MB file; the older
    ones go but the KEPT_GAZETTEERS newest, so the cache does not grow for ever."""
    from conftest import aged_files

    old = aged_files(tmp_path, [f"gazetteer-old{n}.marshal" for n in range(4)])
    path = build_gazetteer(config.with_(cache_dir=str(tmp_path), gazetteer_countries=["KW"]))
    kept = sorted(tmp_path.glob("gazetteer-*.marshal"))
    assert kept == sorted([path, *old[-(gz.KEPT_GAZETTEERS - 1) :]])


def test_unknown_country_code_is_a_data_error(tmp_path: Path) -> None:
    from sitrep.core.errors import DataError

    cfg = default_config().with_(cache_dir=str(tmp_path), gazetteer_countries=["SY", "XX"])
    with pytest.raises(DataError, match="XX"):
        build_gazetteer(cfg)


# -- lookup ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Deir ez-Zor",
        "Deir al-Zour",
        "Dayr az Zawr",
        "Deir Ezzor",
        "Deir el-Zor",
        "DEIR EZ-ZOR",
        "دیرالزور",
        "دير الزور",
        "دیر الزور",
    ],
)
def test_deir_ez_zor_variants(g: Gazetteer, name: str) -> None:
    best = g.lookup(name)[0]
    assert best.id == DEIR_EZ_ZOR
    assert best.kind is PlacePrecision.CITY and best.country == "SYR"
    assert best.lat == pytest.approx(35.34, abs=0.02)
    assert best.lon == pytest.approx(40.14, abs=0.02)


def test_province_word_selects_the_governorate(g: Gazetteer) -> None:
    for name in ("Deir ez-Zor Province", "province of Deir al-Zour", "Deir ez-Zor governorate"):
        assert g.lookup(name)[0].id == DEIR_EZ_ZOR_GOV, name
    # The bare name is the city, the governorate second.
    assert ids(g.lookup("Deir ez-Zor"))[:2] == [DEIR_EZ_ZOR, DEIR_EZ_ZOR_GOV]
    assert g.lookup("Euphrates Province") == []


@pytest.mark.parametrize("name", ["al-Qaim", "Al Qa'im", "Al-Qa’im", "Qaim", "القائم"])
def test_al_qaim(g: Gazetteer, name: str) -> None:
    best = g.lookup(name)[0]
    assert best.id == AL_QAIM and best.country == "IRQ"
    assert best.admin1 == "Anbar"


@pytest.mark.parametrize(
    "name", ["Bukamal", "Abu Kamal", "Albu Kamal", "Al Bukamal", "al-Bukamal", "Abukamal"]
)
def test_abu_kamal(g: Gazetteer, name: str) -> None:
    best = g.lookup(name)[0]
    assert best.id == ABU_KAMAL and best.country == "SYR"


@pytest.mark.parametrize(
    "name", ["Anbar", "Anbar Province", "Al-Anbar", "الانبار", "استان الانبار"]
)
def test_anbar(g: Gazetteer, name: str) -> None:
    best = g.lookup(name)[0]
    assert best.id == ANBAR and best.kind is PlacePrecision.ADMIN1
    # A centroid inside western Iraq (Anbar's rough box).
    assert 31.0 < best.lat < 35.5 and 38.8 < best.lon < 44.5
    assert best.population > 100_000


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Raqqa", "SYR", 35.95, 39.01),
        ("Mosul", "IRQ", 36.34, 43.12),
        ("Kirkuk", "IRQ", 35.47, 44.39),
        ("Rawa", "IRQ", 34.48, 41.92),
    ],
)
def test_towns(g: Gazetteer, name: str, country: str, lat: float, lon: float) -> None:
    best = g.lookup(name)[0]
    assert best.kind is PlacePrecision.CITY and best.country == country
    assert (best.lat, best.lon) == (pytest.approx(lat, abs=0.05), pytest.approx(lon, abs=0.05))


def test_country_context_disambiguates(g: Gazetteer) -> None:
    assert g.lookup("Tripoli", countries=["LBN"])[0].country == "LBN"
    assert g.lookup("Tripoli", countries=["LBY"])[0].country == "LBY"
    assert g.lookup("Tripoli", countries=["LB"])[0].country == "LBN"  # ISO2 accepted
    assert {p.country for p in g.lookup("Tripoli")} >= {"LBN", "LBY"}
    found = g.find("Clashes in Tripoli.", countries=["LBN"])
    assert [m.place.country for m in found] == ["LBN"]
    found = g.find("Clashes in Tripoli.", countries=["LBY"])
    assert [m.place.country for m in found] == ["LBY"]


def test_unknown_name(g: Gazetteer) -> None:
    assert g.lookup("Atlantis Springs") == []
    assert g.lookup("") == []


# -- countries, containment, patterns -----------------------------------------------


def test_countries_and_adjectives(g: Gazetteer) -> None:
    syria = g.country("SYR")
    assert syria.kind is PlacePrecision.COUNTRY and syria.id == 163843
    assert 32 < syria.lat < 37 and 35.5 < syria.lon < 42.5
    assert g.lookup("سوریه")[0] == syria
    assert g.lookup("Iraq")[0] == g.country("IRQ")
    from sitrep.core.errors import LookupFailed

    with pytest.raises(LookupFailed, match="gazetteer_countries"):
        g.country("FRA")
    assert g.country_of_adjective("Syrian") == "SYR"
    assert g.country_of_adjective("Iraqi") == "IRQ"
    assert g.country_of_adjective("Turkish") == "TUR"
    assert g.country_of_adjective("Iranian") == "IRN"
    assert g.country_of_adjective("ایرانی") == "IRN"
    assert g.country_of_adjective("Martian") is None


def test_contains(g: Gazetteer) -> None:
    iraq, syria = g.country("IRQ"), g.country("SYR")
    anbar = g.by_id(ANBAR)
    qaim = g.by_id(AL_QAIM)
    deir = g.by_id(DEIR_EZ_ZOR)
    deir_gov = g.by_id(DEIR_EZ_ZOR_GOV)
    assert anbar and qaim and deir and deir_gov
    assert g.contains(iraq, anbar) and g.contains(iraq, qaim) and g.contains(anbar, qaim)
    assert g.contains(deir_gov, deir) and g.contains(syria, deir_gov)
    assert g.contains(qaim, qaim) and g.contains(iraq, iraq)
    assert not g.contains(syria, qaim)
    assert not g.contains(anbar, deir)
    assert not g.contains(qaim, anbar)
    assert not g.contains(deir, deir_gov)


def test_a_region_lies_in_the_province_the_data_places_it_in(extractor: Extractor) -> None:
    g = extractor.gazetteer  # the application's gazetteer, with sitrep's own regions
    (ghouta,) = [p for p in g.lookup("Eastern Ghouta") if p.kind is PlacePrecision.REGION]
    rif_dimashq = g.by_id(170652)
    assert rif_dimashq is not None and g.contains(rif_dimashq, ghouta)
    assert not g.contains(ghouta, rif_dimashq)
    assert not g.contains(g.by_id(DEIR_EZ_ZOR_GOV), ghouta)


def test_patterns(g: Gazetteer) -> None:
    forms = {name for name, place in g.patterns() if place.id == DEIR_EZ_ZOR}
    assert {"Deir ez-Zor", "Deir al-Zour", "دير الزور"} <= forms
    assert "DEZ" not in forms  # airport codes are not names
    assert g.by_id(1) is None


# -- find -------------------------------------------------------------------------


def test_find_seed_sentences(g: Gazetteer) -> None:
    found = [m for s in SEED_LIKE for m in g.find(s)]
    got = [(m.matched_text, m.place.id) for m in found]
    assert got == [
        ("Deir al-Zour", DEIR_EZ_ZOR),
        ("Syria", 163843),
        ("al-Qaim", AL_QAIM),
        ("Iraq", 99237),
        ("Anbar Province", ANBAR),
        ("Bukamal", ABU_KAMAL),
        ("Baghdad", g.lookup("Baghdad")[0].id),
        ("Damascus", g.lookup("Damascus")[0].id),
    ]
    assert g.by_id(got[6][1]).country == "IRQ"  # type: ignore[union-attr]
    assert g.by_id(got[7][1]).country == "SYR"  # type: ignore[union-attr]
    first = g.find(SEED_LIKE[0])[0]
    assert first.span is not None
    assert SEED_LIKE[0][first.span.start : first.span.end] == "Deir al-Zour"
    assert 0 < first.confidence <= 1


def test_find_provinces(g: Gazetteer) -> None:
    text = "Fighting spread to the province of Deir ez-Zor and to Deir ez-Zor governorate."
    found = g.find(text)
    assert [m.matched_text for m in found] == ["province of Deir ez-Zor", "Deir ez-Zor governorate"]
    assert all(m.place.id == DEIR_EZ_ZOR_GOV for m in found)
    assert [m.place.id for m in g.find("Troops entered Deir ez-Zor.")] == [DEIR_EZ_ZOR]


def test_find_variants_and_scripts(g: Gazetteer) -> None:
    text = "Albu Kamal, Abu Kamal and Al Qa'im lie near Rawa; Dayr az Zawr is upstream."
    assert [m.place.id for m in g.find(text)] == [
        ABU_KAMAL,
        ABU_KAMAL,
        AL_QAIM,
        g.lookup("Rawa")[0].id,
        DEIR_EZ_ZOR,
    ]
    fa = "نیروهای ارتش سوریه کنترل شهر دیرالزور را پس گرفتند و القائم در استان الانبار آزاد شد."
    found = g.find(fa)
    assert [(m.matched_text, m.place.id) for m in found] == [
        ("سوریه", 163843),
        ("دیرالزور", DEIR_EZ_ZOR),
        ("القائم", AL_QAIM),
        ("استان الانبار", ANBAR),
    ]
    assert g.find("سایت تابناک از انتشار نظرات حاوی توهین معذور است.") == []


def test_find_precision_on_ordinary_english(g: Gazetteer) -> None:
    assert g.find(ORDINARY_NEWS) == []
    # A capitalized "Van" mid-sentence is taken for the Turkish city: a known trade-off.
    assert [m.place.country for m in g.find("Shelling hit Van overnight.")] == ["TUR"]
    # Lower-case words never match; "As-Salt" does though "salt" alone would not.
    assert g.find("we visited mosul and raqqa") == []
    assert [m.matched_text for m in g.find("They reached As-Salt in Jordan.")] == [
        "As-Salt",
        "Jordan",
    ]
    # An English "at" or "as" is not taken for an Arabic article.
    assert [m.matched_text for m in g.find("They met at Mosul, as Kirkuk fell.")] == [
        "Mosul",
        "Kirkuk",
    ]


def test_find_skips_tails_of_unknown_names(g: Gazetteer) -> None:
    text = (
        "Ahrar al-Sham, Hayat Tahrir al-Sham and Asharq Al-Awsat reported that "
        "Bashar al-Assad met Abu Bakr al-Baghdadi's rivals."
    )
    assert g.find(text) == []
    # After a function word or a demonym an "al-" name is still a place.
    assert [m.place.id for m in g.find("In al-Qaim, Iraqi al-Qaim residents returned.")] == [
        AL_QAIM,
        AL_QAIM,
    ]


@pytest.mark.shared
def test_find_on_the_seed_article(g: Gazetteer) -> None:
    seed = shared_root() / "seeds" / "000_cd10de37335e1fc1.txt"
    found = g.find(seed.read_text(encoding="utf-8"))
    names = {g.by_id(m.place.id).name for m in found}  # type: ignore[union-attr]
    assert {m.place.id for m in found} == {
        DEIR_EZ_ZOR,
        AL_QAIM,
        ANBAR,
        ABU_KAMAL,
        163843,
        99237,
        g.lookup("Baghdad")[0].id,
        g.lookup("Damascus")[0].id,
    }, names


def test_the_capital_of_a_country(app_config: Config) -> None:
    capital = Gazetteer.load(app_config).capital_of("YEM")
    assert capital is not None and capital.name == "Sanaa"


def test_a_force_named_by_its_demonym_fights_next_door(app_config: Config) -> None:
    # no dateline, no country named: the Ukrainian town borders the demonym's Russia
    g = Gazetteer.load(app_config)
    found = g.find("Russian soldiers liberated Kurakhove.")
    assert [(m.place.name, m.place.country) for m in found] == [("Kurakhove", "UKR")]
    # not when the article names places of the demonym's own country: a word in local
    # news is no small town across the border ("Hope", British Columbia)
    found = g.find("American officials in Austin, Texas, said there was Hope.")
    assert "CAN" not in [m.place.country for m in found]


@pytest.mark.parametrize("name", ["Shirqat", "al-Shirqat", "Sharqat"])
def test_shirqat_as_wires_spell_it(app_config: Config, name: str) -> None:
    # GeoNames spells the Tigris town Ash Sharqat; the wires wrote Shirqat in 2016
    best = Gazetteer.load(app_config).lookup(name)[0]
    assert best.id == 91057 and best.country == "IRQ"


def test_a_lower_case_city_after_a_name_is_the_town(app_config: Config) -> None:
    # "Shusha City" is also an Azerbaijani admin area; "Shusha city" is the town
    found = Gazetteer.load(app_config).find(
        "Armenia has recognized the loss of control over Shusha city."
    )
    assert [(m.place.name, m.place.kind) for m in found if m.place.country == "AZE"] == [
        ("Shusha", PlacePrecision.CITY)
    ]


def test_a_french_school_ou_names_the_same_arab_town(app_config: Config) -> None:
    # Libyan outlets write Tarhouna for GeoNames' Tarhuna
    g = Gazetteer.load(app_config)
    assert [p.id for p in g.lookup("Tarhouna")][:1] == [p.id for p in g.lookup("Tarhuna")][:1]


def test_names_of_one_place_leave_the_others_packed(g: Gazetteer, config: Config) -> None:
    """``names_of`` reads one place's names alone (unpacking every place's cost the
    English reader 0.4 CPU-s per process for two places' names in a few articles):
    the same names, in the same order, as the whole list gives."""
    fresh = Gazetteer.load(config)
    deir = fresh.by_id(DEIR_EZ_ZOR)
    assert deir is not None
    names = fresh.names_of(deir)
    assert fresh._surface_list is None
    assert {"Deir ez-Zor", "Deir al-Zour", "دير الزور"} <= set(names)
    assert names == fresh._surfaces[fresh._by_id[DEIR_EZ_ZOR]]
    assert [fresh._surfaces_of(i) for i in (0, 1, len(fresh._surfaces) - 1)] == [
        fresh._surfaces[i] for i in (0, 1, len(fresh._surfaces) - 1)
    ]
