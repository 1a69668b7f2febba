"""Tests for the actor dictionary (sitrep/resolve/actors.py, sitrep/data/actors.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.core.config import default_config
from sitrep.core.errors import DataError
from sitrep.resolve.actors import ACTOR_KINDS, ActorDictionary, _load_cached

SYRIA = "Military Forces of Syria"
IRAQ = "Military Forces of Iraq"


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.from_files([])


def names(actors: ActorDictionary, text: str, country: str | None = None) -> list[str]:
    return [m.actor.name for m in actors.find(text, country=country)]


# One row per alias group of the brief: (words, country context, expected actor id).
ALIASES = [
    ("ISIS", None, "isis"),
    ("ISIL", None, "isis"),
    ("IS", None, "isis"),
    ("Islamic State", None, "isis"),
    ("the Islamic State", None, "isis"),
    ("Islamic State group", None, "isis"),
    ("IS group", None, "isis"),
    ("Daesh", None, "isis"),
    ("Daash", None, "isis"),
    ("ISIS terrorists", None, "isis"),
    ("ISIS militants", None, "isis"),
    ("ISIS fighters", None, "isis"),
    ("داعش", None, "isis"),
    ("Syrian army", None, "syria-military"),
    ("Syrian government forces", None, "syria-military"),
    ("Syrian troops", None, "syria-military"),
    ("regime forces", None, "syria-military"),
    ("pro-Assad forces", None, "syria-military"),
    ("forces loyal to President Bashar al-Assad", None, "syria-military"),
    ("forces loyal to al-Assad", None, "syria-military"),
    ("Syrian Arab Army", None, "syria-military"),
    ("SAA", None, "syria-military"),
    ("Syrian government", None, "syria-military"),
    ("Government of Syria", None, "syria-military"),
    ("ارتش سوریه", None, "syria-military"),
    ("الجيش السوري", None, "syria-military"),
    ("Iraqi army", None, "iraq-military"),
    ("Iraqi forces", None, "iraq-military"),
    ("Iraqi troops", None, "iraq-military"),
    ("Iraqi security forces", None, "iraq-military"),
    ("ISF", None, "iraq-military"),
    ("ارتش عراق", None, "iraq-military"),
    ("نیروهای عراقی", None, "iraq-military"),
    ("Counter-Terrorism Service", None, "iraq-cts"),
    ("CTS", None, "iraq-cts"),
    ("Golden Division", None, "iraq-cts"),
    ("Federal Police", None, "iraq-police"),
    ("Popular Mobilization Forces", None, "pmf"),
    ("Popular Mobilisation Units", None, "pmf"),
    ("PMF", None, "pmf"),
    ("PMU", None, "pmf"),
    ("Hashd al-Shaabi", None, "pmf"),
    ("Hashd al-Sha'abi", None, "pmf"),
    ("Hashd al-Sha’abi", None, "pmf"),
    ("al-Hashd al-Shaabi", None, "pmf"),
    ("حشد الشعبی", None, "pmf"),
    ("الحشد الشعبي", None, "pmf"),
    ("Sunni tribal fighters", None, "iraq-tribal"),
    ("tribal fighters", "IRQ", "iraq-tribal"),
    ("tribesmen", "IRQ", "iraq-tribal"),
    ("tribal forces", "IRQ", "iraq-tribal"),
    ("SDF", None, "sdf"),
    ("Syrian Democratic Forces", None, "sdf"),
    ("نیروهای دموکراتیک سوریه", None, "sdf"),
    ("قوات سوريا الديمقراطية", None, "sdf"),
    ("YPG", None, "ypg"),
    ("Peshmerga", None, "peshmerga"),
    ("Kurdish forces", "IRQ", "peshmerga"),
    ("Kurdish forces", "SYR", "ypg"),
    ("Turkish army", None, "turkey-military"),
    ("Turkish forces", None, "turkey-military"),
    ("Turkish-backed groups", None, "sna"),
    ("Syrian National Army", None, "sna"),
    ("Free Syrian Army", None, "fsa"),
    ("FSA", None, "fsa"),
    ("HTS", None, "hts"),
    ("Hayat Tahrir al-Sham", None, "hts"),
    ("Tahrir al-Sham", None, "hts"),
    ("Nusra Front", None, "hts"),
    ("Jabhat al-Nusra", None, "hts"),
    ("Jabhat Fateh al-Sham", None, "hts"),
    ("Russian forces", None, "russia-military"),
    ("Russian warplanes", None, "russia-military"),
    ("Russian jets", None, "russia-military"),
    ("Iranian forces", None, "iran-military"),
    ("IRGC", None, "iran-military"),
    ("Revolutionary Guards", None, "iran-military"),
    ("سپاه پاسداران", None, "iran-military"),
    ("Hezbollah", None, "hezbollah"),
    ("حزب‌الله", None, "hezbollah"),
    ("US-led coalition", None, "coalition"),
    ("international coalition", None, "coalition"),
    ("coalition warplanes", None, "coalition"),
    ("coalition aircraft", None, "coalition"),
    ("US forces", None, "usa-military"),
    ("U.S. troops", None, "usa-military"),
    ("American soldiers", None, "usa-military"),
    ("Israeli forces", None, "israel-military"),
    ("Ahrar al-Sham", None, "ahrar-al-sham"),
    ("Jaish al-Islam", None, "jaish-al-islam"),
    ("civilians", None, "civilians"),
    ("protesters", None, "protesters"),
    ("demonstrators", None, "protesters"),
]


@pytest.mark.parametrize(("words", "country", "expected"), ALIASES)
def test_alias_groups_resolve(
    actors: ActorDictionary, words: str, country: str | None, expected: str
) -> None:
    actor = actors.resolve(words, country=country)
    assert actor is not None, words
    assert actor.id == expected


def test_resolve_ignores_case_and_the(actors: ActorDictionary) -> None:
    assert actors.resolve("the syrian democratic forces") == actors.by_id("sdf")
    assert actors.resolve("DAESH") == actors.by_id("isis")
    assert actors.resolve("Military Forces of Syria") == actors.by_id("syria-military")
    assert actors.resolve("the Free Syrian Army") == actors.by_id("fsa")
    assert actors.resolve("no such group") is None
    assert actors.resolve("") is None


def test_short_acronyms_need_capitals(actors: ActorDictionary) -> None:
    assert actors.resolve("is") is None
    assert actors.resolve("Is") is None
    assert actors.resolve("us forces") is None
    assert names(actors, "Is this true?") == []
    assert names(actors, "IS this true?") == []
    assert names(actors, "IS THIS TRUE?") == []
    assert names(actors, "They told us forces were near.") == []
    assert names(actors, "IS fighters shelled the town.") == ["ISIS"]
    assert names(actors, "Villagers said IS had left.") == ["Civilians", "ISIS"]
    assert names(actors, "US FORCES ENTER TOWN") == ["Military Forces of the United States"]


def test_forces_loyal_to_assad(actors: ActorDictionary) -> None:
    text = (
        "It is the largest city to be recaptured by forces loyal to Syrian "
        "President Bashar al-Assad."
    )
    (match,) = actors.find(text)
    assert match.actor.name == SYRIA
    assert match.span.text == "forces loyal to Syrian President Bashar al-Assad"
    assert match.generic is False


def test_generic_words_need_the_context_country(actors: ActorDictionary) -> None:
    text = "Government forces entered the village at dawn."
    assert names(actors, text, "SYR") == [SYRIA]
    assert names(actors, text, "IRQ") == [IRAQ]
    assert names(actors, text) == []
    # Every country has state forces now: generic words name France's in a French context
    # (this assertion pinned the old Syria/Iraq-only catalogue); an unknown code names none.
    assert names(actors, text, "FRA") == ["Military Forces of France"]
    assert names(actors, text, "XXX") == []
    (match,) = actors.find(text, country="IRQ")
    assert match.generic is True
    assert actors.resolve("government forces") is None
    assert actors.resolve("the army", country="SYR") == actors.by_id("syria-military")
    assert actors.resolve("army", country="IRQ") == actors.by_id("iraq-military")


def test_generic_word_modifying_a_noun_is_not_an_actor(actors: ActorDictionary) -> None:
    assert names(actors, "the military advances dealt a blow", "SYR") == []
    assert names(actors, "the military said it had won", "SYR") == [SYRIA]
    assert names(actors, "the army's campaign", "SYR") == [SYRIA]


def test_four_actors_in_the_al_qaim_sentence(actors: ActorDictionary) -> None:
    text = (
        "The advance comes hours after the units from the Iraqi army, Counter-Terrorism "
        "Service, Sunni tribal fighters and Popular Mobilization Forces (Hashd al-Sha’abi) "
        "entered the strategic town."
    )
    found = actors.find(text, country="IRQ")
    assert [m.actor.id for m in found] == ["iraq-military", "iraq-cts", "iraq-tribal", "pmf", "pmf"]
    assert len({m.actor.id for m in found}) == 4
    assert [m.span.text for m in found][:2] == ["Iraqi army", "Counter-Terrorism Service"]
    assert found[-1].span.text == "Hashd al-Sha’abi"


def test_spans_point_into_the_text_with_offset(actors: ActorDictionary) -> None:
    text = "Later, ISIS's fighters fled as Iraqi forces' tanks advanced."
    found = actors.find(text, offset=100)
    assert [m.actor.name for m in found] == ["ISIS", IRAQ]
    for m in found:
        assert text[m.span.start - 100 : m.span.end - 100] == m.span.text
    assert found[1].span.text == "Iraqi forces"


def test_adjective_and_force_noun_combinations(actors: ActorDictionary) -> None:
    assert names(actors, "Iraqi soldiers raised the flag.") == [IRAQ]
    assert names(actors, "Turkish jets hit the village.") == ["Military Forces of Turkey"]
    assert names(actors, "Russian warplanes and Israeli drones") == [
        "Military Forces of Russia",
        "Military Forces of Israel",
    ]
    assert names(actors, "Iraqi police manned the checkpoint.") == ["Police Forces of Iraq"]
    assert names(actors, "Syrian, Russian and Iranian jets struck Bukamal.") == [
        SYRIA,
        "Military Forces of Russia",
        "Military Forces of Iran",
    ]
    assert names(actors, "back in the control of Iraqi and Syrian governments") == [IRAQ, SYRIA]
    # An adjective alone names nobody.
    assert names(actors, "Syrian President Bashar al-Assad spoke.") == []
    # Longest match: a named group beats adjective + noun.
    assert names(actors, "the Free Syrian Army and the Syrian Democratic Forces") == [
        "Free Syrian Army",
        "Syrian Democratic Forces",
    ]


def test_persian_and_arabic_text(actors: ActorDictionary) -> None:
    fa = "نیروهای عراقی شهر قائم را از داعش پس گرفتند"
    assert names(actors, fa) == [IRAQ, "ISIS"]
    assert names(actors, "ارتش سوریه و حشد الشعبی") == [SYRIA, "Popular Mobilization Forces"]
    ar = "سيطرت القوات العراقية على القائم بعد طرد داعش"
    assert names(actors, ar) == [IRAQ, "ISIS"]
    # Arabic letter variants and a glued conjunction.
    assert names(actors, "الجيش العربي السوري وداعش") == [SYRIA, "ISIS"]
    assert actors.resolve("حشد الشعبي") == actors.by_id("pmf")


def test_controller_and_kinds(actors: ActorDictionary) -> None:
    syria = actors.by_id("syria-military")
    assert syria is not None and syria.kind == "state forces" and syria.country == "SYR"
    assert actors.controller_of(syria) == "Government of Syria"
    isis = actors.by_id("isis")
    assert isis is not None and actors.controller_of(isis) == "ISIS"
    pesh = actors.by_id("peshmerga")
    assert pesh is not None and actors.controller_of(pesh) == "Kurdistan Regional Government"
    civ = actors.by_id("civilians")
    assert civ is not None and actors.controller_of(civ) == "Civilians"
    assert actors.is_generic(civ) and not actors.is_generic(isis)
    assert ("fa", "داعش") in isis.aliases
    assert actors.by_id("nobody") is None


def test_bundled_data_is_consistent(actors: ActorDictionary) -> None:
    assert len(actors) >= 25
    for actor in actors:
        assert actor.kind in ACTOR_KINDS
        # Every alias leads back to its own actor: no alias is shared by two actors.
        for _lang, alias in actor.aliases:
            assert actors.resolve(alias) == actor, (actor.id, alias)


def write(path: Path, doc: object) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_user_file_adds_and_replaces(tmp_path: Path) -> None:
    user = write(
        tmp_path / "extra.json",
        {
            "version": 1,
            "actors": [
                {
                    "id": "egypt-military",
                    "name": "Military Forces of Egypt",
                    "kind": "state forces",
                    "country": "EGY",
                    "controller": "Government of Egypt",
                    "aliases": {"en": ["Egyptian army"], "ar": ["الجيش المصري"]},
                    "generic_aliases": {"en": ["government forces"]},
                    "adjectives": {"en": ["Egyptian"]},
                },
                {
                    "id": "isis",
                    "name": "Islamic State (ISIS)",
                    "kind": "rebel group",
                    "country": None,
                    "controller": "Islamic State",
                    "aliases": {"en": ["ISIS", "Wilayat Sinai"]},
                },
            ],
        },
    )
    # its own cache folder: the copy of this dictionary stays out of the user's cache
    config = default_config().with_(actor_files=[user], cache_dir=str(tmp_path / "cache"))
    actors = ActorDictionary.load(config)
    assert ActorDictionary.load(config) is actors
    egypt = actors.resolve("Egyptian army")
    assert egypt is not None and egypt.id == "egypt-military"
    assert names(actors, "Egyptian troops moved in.") == ["Military Forces of Egypt"]
    assert names(actors, "government forces moved in", "EGY") == ["Military Forces of Egypt"]
    isis = actors.by_id("isis")
    assert isis is not None and isis.name == "Islamic State (ISIS)"
    assert actors.controller_of(isis) == "Islamic State"
    assert actors.resolve("Wilayat Sinai") == isis
    # The replaced entry's old aliases are gone, the other bundled actors stay.
    assert actors.resolve("Daesh") is None
    assert actors.resolve("Syrian army") == actors.by_id("syria-military")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "not valid JSON"),
        ('{"version": 2, "actors": []}', "version must be 1"),
        ('{"actors": {}}', "must be a JSON object"),
        (
            '{"version": 1, "actors": [{"id": "x", "name": "X", "kind": "army"}]}',
            "actor #0 ('x'): kind 'army'",
        ),
        (
            '{"version": 1, "actors": [{"id": "x", "name": "X", "kind": "rebel group", '
            '"aliases": ["X"]}]}',
            "'aliases' must map languages",
        ),
        (
            '{"version": 1, "actors": [{"id": "x", "name": "X", "kind": "rebel group", '
            '"alias": {"en": ["X"]}}]}',
            "unknown key(s) alias",
        ),
        (
            '{"version": 1, "actors": [{"id": "x", "name": "X", "kind": "rebel group", '
            '"generic_aliases": {"en": ["rebels"]}}]}',
            "generic_aliases need a country",
        ),
        (
            '{"version": 1, "actors": [{"id": "x", "name": "X", "kind": "rebel group"}, '
            '{"id": "x", "name": "Y", "kind": "rebel group"}]}',
            "actor #1 ('x') repeats an id",
        ),
    ],
)
def test_malformed_user_file_raises_data_error(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad_actors.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        ActorDictionary.from_files([path])
    assert str(path) in str(info.value)
    assert needle in str(info.value)


def test_missing_user_file_raises_data_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(DataError, match="nope.json"):
        ActorDictionary.from_files([missing])


def test_find_on_a_long_text(actors: ActorDictionary) -> None:
    # how long it takes is a figure of `sitrep bench timings`, not an assertion here
    sentence = (
        "Iraqi forces, backed by the Popular Mobilization Forces and coalition warplanes, "
        "retook al-Qaim from ISIS militants on Friday, the army said. "
    )
    text = sentence * 200  # about 4,000 words
    found = actors.find(text, country="IRQ")
    assert len(found) == 5 * 200


# -- the world catalogue: state forces of every country, non-state groups --------

STATES = [
    ("Ukrainian forces", None, "ukraine-military"),
    ("Ukrainian troops", None, "ukraine-military"),
    ("Ukrainian military", None, "ukraine-military"),
    ("Armed Forces of Ukraine", None, "ukraine-military"),
    ("Government of Ukraine", None, "ukraine-military"),
    ("ЗСУ", None, "ukraine-military"),
    ("the Sudanese army", None, "sudan-military"),
    ("Sudanese Armed Forces", None, "sudan-military"),
    ("SAF", "SDN", "sudan-military"),
    ("الجيش السوداني", None, "sudan-military"),
    ("Russian troops", None, "russia-military"),
    ("Azerbaijani army", None, "azerbaijan-military"),
    ("Azeri forces", None, "azerbaijan-military"),
    ("Armenian troops", None, "armenia-military"),
    ("Malian soldiers", None, "mali-military"),
    ("FAMa", None, "mali-military"),
    ("FARDC", None, "drc-military"),
    ("Congolese army", None, "drc-military"),
    ("ENDF", None, "ethiopia-military"),
    ("Ethiopian troops", None, "ethiopia-military"),
    ("Tatmadaw", None, "myanmar-military"),
    ("Myanmar junta", None, "myanmar-military"),
    ("Afghan National Army", None, "afghanistan-military"),
    ("ANDSF", None, "afghanistan-military"),
    ("Armed Forces of the Philippines", None, "philippines-military"),
    ("Philippine National Police", None, "philippines-police"),
    ("pro-Hadi forces", None, "yemen-military"),
    ("Saudi-led coalition", None, "saudi-arabia-military"),
    ("Nigerian police", None, "nigeria-police"),
    ("South Sudanese army", None, "south-sudan-military"),
    ("Police Forces of Sudan", None, "sudan-police"),
    ("the army", "UKR", "ukraine-military"),
    ("government forces", "MLI", "mali-military"),
    ("police", "KEN", "kenya-police"),
]

GROUPS = [
    ("Taliban", None, "taliban"),
    ("طالبان", None, "taliban"),
    ("Талибан", None, "taliban"),
    ("ISIS-K", None, "isis-k"),
    ("Islamic State Khorasan Province", None, "isis-k"),
    ("داعش خراسان", None, "isis-k"),
    ("al-Shabaab", None, "al-shabaab"),
    ("حركة الشباب", None, "al-shabaab"),
    ("JNIM", None, "jnim"),
    ("ISWAP", None, "iswap"),
    ("Boko Haram", None, "boko-haram-jas"),
    ("بوكو حرام", None, "boko-haram-jas"),
    ("Islamic State in the Greater Sahara", None, "isgs"),
    ("RSF", "SDN", "rsf"),
    ("قوات الدعم السريع", None, "rsf"),
    ("SPLA-IO", None, "spla-io"),
    ("M23 rebels", None, "m23"),
    ("Allied Democratic Forces", None, "adf"),
    ("CODECO", None, "codeco"),
    ("Houthis", None, "houthis"),
    ("Ansar Allah", None, "houthis"),
    ("أنصار الله", None, "houthis"),
    ("انصارالله", None, "houthis"),
    ("Southern Transitional Council", None, "stc"),
    ("Hamas", None, "hamas"),
    ("Palestinian Islamic Jihad", None, "pij"),
    ("PKK", None, "pkk"),
    ("Wagner Group", None, "wagner"),
    ("ЧВК Вагнер", None, "wagner"),
    ("Africa Corps", None, "africa-corps"),
    ("DPR", "UKR", "dpr"),
    ("ДНР", None, "dpr"),
    ("LNR", "UKR", "lpr"),
    ("TPLF", None, "tplf"),
    ("Tigrayan forces", None, "tplf"),
    ("Fano militia", None, "fano"),
    ("Oromo Liberation Army", None, "ola"),
    ("Arakan Army", None, "arakan-army"),
    ("People's Defence Force", None, "pdf"),
    ("KIA", "MMR", "kia"),
    ("TNLA", None, "tnla"),
    ("New People's Army", None, "npa"),
    ("Abu Sayyaf", None, "abu-sayyaf"),
    ("Maute group", None, "maute"),
    ("ELN", None, "eln"),
    ("FARC dissidents", None, "emc"),
    ("Segunda Marquetalia", None, "segunda-marquetalia"),
    ("Clan del Golfo", None, "clan-del-golfo"),
    ("CJNG", None, "cjng"),
    ("Sinaloa Cartel", None, "sinaloa-cartel"),
    ("Viv Ansanm", None, "viv-ansanm"),
    ("gangs", "HTI", "viv-ansanm"),
    ("Ambazonian separatists", None, "ambazonia"),
    ("Ansar al-Sunna", None, "ansar-al-sunna-moz"),
    ("Libyan National Army", None, "lna"),
    ("Haftar's forces", None, "lna"),
    ("Government of National Accord", None, "libya-military"),
    ("Kataib Hezbollah", None, "kataib-hezbollah"),
    ("كتائب حزب الله", None, "kataib-hezbollah"),
    ("Azov Regiment", None, "azov"),
    ("Kadyrovtsy", None, "kadyrovtsy"),
    ("Nagorno-Karabakh Defence Army", None, "nk-defence-army"),
    ("TTP", None, "ttp"),
    ("Baloch Liberation Army", None, "bla"),
    ("Lashkar-e-Taiba", None, "let"),
    ("Jaish-e-Mohammed", None, "jem-pakistan"),
    ("JEM", None, "jem"),
    ("ULFA", None, "ulfa-i"),
    ("Kuki militants", None, "kuki-militants"),
    ("Arambai Tenggol", None, "meitei-militants"),
    ("al-Qaeda", None, "al-qaeda"),
    ("AQAP", None, "aqap"),
    ("AQIM", None, "aqim"),
    ("Ansaru", None, "ansaru"),
    ("bandits", "NGA", "bandits-nigeria"),
    ("Janjaweed", None, "janjaweed"),
    ("SLA-AW", None, "sla-aw"),
]


@pytest.mark.parametrize(("words", "country", "expected"), STATES + GROUPS)
def test_world_catalogue_resolves(
    actors: ActorDictionary, words: str, country: str | None, expected: str
) -> None:
    actor = actors.resolve(words, country=country)
    assert actor is not None, words
    assert actor.id == expected


def test_world_catalogue_size_and_controllers(actors: ActorDictionary) -> None:
    states = [a for a in actors if a.id.endswith("-military") and a.kind == "state forces"]
    assert len(states) >= 190
    groups = [a for a in actors if a.kind != "state forces" and not actors.is_generic(a)]
    assert len(groups) >= 150
    ukraine = actors.by_id("ukraine-military")
    assert ukraine is not None and ukraine.name == "Military Forces of Ukraine"
    assert actors.controller_of(ukraine) == "Government of Ukraine"
    sudan_police = actors.by_id("sudan-police")
    assert sudan_police is not None and sudan_police.name == "Police Forces of Sudan"
    assert actors.controller_of(sudan_police) == "Government of Sudan"
    for actor_id, controller in (
        ("rsf", "RSF"),
        ("taliban", "Taliban"),
        ("wagner", "Government of Russia"),
        ("dpr", "Government of Russia"),
        ("azov", "Government of Ukraine"),
        ("kataib-hezbollah", "Government of Iraq"),
        ("pdf", "National Unity Government (Myanmar)"),
    ):
        actor = actors.by_id(actor_id)
        assert actor is not None and actors.controller_of(actor) == controller, actor_id


def test_a_country_name_alone_is_not_an_actor(actors: ActorDictionary) -> None:
    assert names(actors, "Ukraine and Sudan were discussed in Kyiv.") == []
    assert actors.resolve("Ukraine") is None
    assert actors.resolve("Sudanese") is None
    assert names(actors, "Fighting on the Sea of Azov coast.", "UKR") == []
    assert names(actors, "The Rada voted on Tuesday.", "UKR") == []


def test_state_forces_in_running_text(actors: ActorDictionary) -> None:
    text = "Russian troops shelled Ukrainian forces near Bakhmut, the Azerbaijani army said."
    assert names(actors, text) == [
        "Military Forces of Russia",
        "Military Forces of Ukraine",
        "Military Forces of Azerbaijan",
    ]
    # "South Sudanese" is not read as "Sudanese"; "the army" is the context country's
    assert names(actors, "South Sudanese soldiers crossed; the army withdrew.", "SDN") == [
        "Military Forces of South Sudan",
        "Military Forces of Sudan",
    ]


def test_groups_in_running_text_in_several_scripts(actors: ActorDictionary) -> None:
    assert names(actors, "Houthi rebels fired missiles at Marib.") == [
        "Houthi Movement (Ansar Allah)"
    ]
    assert names(actors, "سيطرت قوات الدعم السريع على الفاشر.") == ["Rapid Support Forces"]
    assert names(actors, "طالبان کنترل قندوز را به دست گرفت.") == ["Taliban"]
    assert names(actors, "Бойцы ЧВК Вагнер вошли в Соледар.") == ["Wagner Group"]
    assert names(actors, "Wagner fighters and DPR forces took Soledar.") == [
        "Wagner Group",
        "DPR: Donetsk People's Republic",
    ]


def test_afp_agency_or_army_by_context(actors: ActorDictionary) -> None:
    phl = "Military Forces of the Philippines"
    assert names(actors, "AFP troops clashed with the NPA in Samar.", "PHL")[0] == phl
    assert names(actors, "The AFP said two soldiers died.", "PHL")[0] == phl
    # the news agency: a dateline, a credit, "told AFP", "an AFP reporter"
    assert names(actors, "MANILA (AFP) - Rain fell.", "PHL") == []
    assert names(actors, "A villager told AFP the road was shut.", "PHL") == []
    assert names(actors, "An AFP reporter saw the bridge.", "PHL") == []
    # outside the Philippines AFP is only ever the agency
    assert names(actors, "AFP reported the attack.", "SYR") == []
    assert names(actors, "AFP soldiers advanced.") == []


def test_world_matching_on_a_long_text(actors: ActorDictionary) -> None:
    # how long it takes is a figure of `sitrep bench timings`, not an assertion here
    sentence = (
        "Ukrainian forces, backed by Azov Regiment units, repelled Russian troops and Wagner "
        "fighters near Bakhmut, the army said, as the Rapid Support Forces shelled El Fasher. "
    )
    text = sentence * 200
    found = actors.find(text, country="UKR")
    assert len(found) == 6 * 200


def test_search_words_for_filters(actors: ActorDictionary) -> None:
    assert [a.id for a in actors.search("Daesh")] == ["isis"]
    assert [a.id for a in actors.search("Wagner")] == ["wagner"]
    assert {a.id for a in actors.search("Ukrainian")} == {"ukraine-military", "ukraine-police"}
    assert actors.search("Narnian") == []
    # reading text stays strict: an adjective alone names no actor
    assert actors.resolve("Wagner") is None
    assert names(actors, "Wagner said he would ask the board.") == []


def test_generic_words_with_more_countries(actors: ActorDictionary) -> None:
    # bare "Wagner" is the group only where it fought, never a surname elsewhere
    assert names(actors, "Wagner took the town, Malian officials said.", "MLI") == ["Wagner Group"]
    assert names(actors, "Вагнер вошёл в Бахмут.", "UKR") == ["Wagner Group"]
    assert names(actors, "Wagner said he would ask the board.", "USA") == []
    assert actors.resolve("Wagner", country="UKR") == actors.by_id("wagner")


def test_generic_countries_must_be_iso3(tmp_path: Path) -> None:
    bad = {
        "version": 1,
        "actors": [
            {
                "id": "x",
                "name": "X",
                "kind": "rebel group",
                "country": "MLI",
                "generic_aliases": {"en": ["the group"]},
                "generic_countries": ["Mali"],
            }
        ],
    }
    with pytest.raises(DataError, match="generic_countries"):
        ActorDictionary.from_files([write(tmp_path / "bad.json", bad)])


def test_a_generic_word_that_begins_a_name_is_the_name(actors: ActorDictionary) -> None:
    found = actors.find("The coalition, which calls itself the Army of Conquest", country="SYR")
    assert [(m.actor.name, m.generic) for m in found] == [("Jaish al-Fath", False)]
    found = actors.find("the army took the town", country="SYR")
    assert [(m.actor.name, m.generic) for m in found] == [("Military Forces of Syria", True)]


def test_dictionary_is_read_from_its_copy_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def brigade(alias: str) -> dict[str, object]:
        actor = {"id": "brigade-x", "name": "Brigade X", "kind": "rebel group"}
        return {"version": 1, "actors": [{**actor, "aliases": {"en": [alias]}}]}

    user = write(tmp_path / "mine.json", brigade("Alpha Brigade"))
    cache = tmp_path / "cache"
    config = default_config().with_(cache_dir=str(cache), actor_files=[user])
    built = ActorDictionary.load(config)
    copies = sorted(p.name for p in (cache / "actors").glob("*.pickle"))
    assert len(copies) == 1

    # a new process (the per-process cache emptied) reads the copy, building nothing
    _load_cached.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(ActorDictionary, "__init__", lambda *a: pytest.fail("built again"))
        copied = ActorDictionary.load(config)
    assert copied is not built and vars(copied) == vars(built)
    assert [m.actor.id for m in copied.find("Alpha Brigade fighters")] == ["brigade-x"]

    # the user's file changed: built again, with the change, in a copy of its own (the
    # old one is kept as one of the KEPT_KEYED most recent, for a checkout still on it)
    write(tmp_path / "mine.json", brigade("Beta Brigade"))
    _load_cached.cache_clear()
    changed = ActorDictionary.load(config)
    assert [m.actor.id for m in changed.find("Beta Brigade fighters")] == ["brigade-x"]
    assert changed.find("Alpha Brigade fighters") == []
    again = sorted(p.name for p in (cache / "actors").glob("*.pickle"))
    assert len(again) == 2 and set(copies) < set(again)
