from __future__ import annotations

import pycountry
import pytest

from diplotrack.actors.registry import DATA_DIR, load_registry, lookup, norm


def test_registry_is_cached_and_versioned():
    reg = load_registry()
    assert reg is load_registry()
    assert reg.version.startswith("actors-") and len(reg.version) > 10


def test_every_iso_country_is_a_state():
    reg = load_registry()
    for c in pycountry.countries:
        actor = reg.actors[c.alpha_3]
        assert actor.kind == "state" and actor.country == c.alpha_3


def test_data_dir_is_small():
    size = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file())
    assert size < 1_000_000


@pytest.mark.parametrize("text", ["U.S.", "The U.S.", "Russia's", "al-Qaeda", "Al Qaida"])
def test_norm_folds_dots_hyphens_possessives_and_the(text):
    assert norm(text) in {"us", "russia", "al qaeda", "al qaida"}


@pytest.mark.parametrize(("text", "pid", "country"), [
    ("U.S.", "USA", "USA"),
    ("US", "USA", "USA"),
    ("America", "USA", "USA"),
    ("Britain", "GBR", "GBR"),
    ("UK", "GBR", "GBR"),
    ("Russian Federation", "RUS", "RUS"),
    ("Brussels", "eu", None),
    ("State Department", "usa:state-department", "USA"),
    ("Kremlin", "rus:kremlin", "RUS"),
    ("Pentagon", "usa:pentagon", "USA"),
    ("ISIS-K", "iskp", "AFG"),
    ("Islamic State Khorasan Province", "iskp", "AFG"),
    ("Pakistani Taliban", "ttp", "PAK"),
    ("TTP", "ttp", "PAK"),
    ("Al-Qaida", "al-qaeda", None),
    ("Haqqani Network", "haqqani-network", "AFG"),
    ("1988 Committee", "un-1988-committee", None),
    ("UNAMA", "unama", None),
    ("Moroccan diplomats", "MAR", "MAR"),
    ("Government of Pakistan", "PAK", "PAK"),
    ("Ethopia", "ETH", "ETH"),
])
def test_lookup(text, pid, country):
    p = lookup(text)
    assert p is not None and p.id == pid and p.country == country
    assert p.text == text


def test_taliban_pakistan_is_not_the_taliban():
    assert lookup("Pakistani Taliban").id != lookup("Taliban").id


def test_igo_bodies_carry_their_organisation():
    assert lookup("UN Security Council").affiliation == "United Nations"
    assert lookup("European Commission").affiliation == "European Union"


def test_demonym_foreign_ministry_is_a_body_of_the_state():
    p = lookup("Belgian Foreign Ministry")
    assert (p.kind, p.country, p.affiliation) == ("government_body", "BEL", "Belgium")


@pytest.mark.parametrize("text", ["Afghanistan", "Kabul", "Afghan government"])
def test_afghanistan_resolves_by_date(text):
    assert lookup(text, "2020-05-01").id == "AFG"
    assert lookup(text, "2021-08-15").id == "taliban"
    assert lookup(text, "2025-03-01").id == "taliban"
    assert lookup(text).id == "taliban"  # no date: now


def test_afghan_foreign_ministry_after_the_takeover_is_the_taliban_one():
    after = lookup("Afghan Foreign Ministry", "2024-01-01")
    before = lookup("Afghan Foreign Ministry", "2019-01-01")
    assert after.affiliation == "Taliban" and after.country == "AFG"
    assert before.affiliation == "Afghanistan"


def test_former_republic_missions_are_separate():
    p = lookup("Afghan embassies", "2024-01-01")
    assert p.id == "afghan_missions" and p.affiliation == "Islamic Republic of Afghanistan"
    assert lookup("Afghan embassies", "2019-01-01").id == "AFG"


def test_person_acts_for_the_state_of_the_date():
    assert lookup("Donald Trump", "2019-06-01").level == "head_of_state"
    assert lookup("Donald Trump", "2023-06-01").level is None
    assert lookup("Donald Trump", "2025-06-01").level == "head_of_state"
    assert lookup("Joe Biden", "2022-01-01").affiliation == "United States"


@pytest.mark.parametrize(("text", "pid"), [
    ("Amir Khan Motaqi", "amir-khan-muttaqi"),
    ("Motaqi", "amir-khan-muttaqi"),
    ("Muttaqi", "amir-khan-muttaqi"),
    ("Haibatullah Akhundzada", "hibatullah-akhundzada"),
    ("Hibatullah Akhunzada", "hibatullah-akhundzada"),
    ("Serajuddin Haqqani", "sirajuddin-haqqani"),
    ("Boehler", "adam-boehler"),
    ("Zabihullah Mujahid", "zabihullah-mujahid"),
])
def test_transliteration_variants_and_surnames(text, pid):
    p = lookup(text)
    assert p is not None and p.id == pid and p.kind == "person"


def test_taliban_officials_act_for_the_taliban():
    p = lookup("Foreign Minister Amir Khan Muttaqi", "2024-01-01")
    assert (p.affiliation, p.country, p.level) == ("Taliban", "AFG", "minister")


def test_un_list_entries_keep_their_reference_number():
    reg = load_registry()
    refs = {a.meta.get("un_ref") for a in reg.actors.values()}
    assert "TAi.026" in refs and "TAi.144" in refs


@pytest.mark.parametrize("text", ["Michael Smith", "Jennifer Lopez", "Mattis", "Commission", "us"])
def test_unrelated_names_do_not_match(text):
    assert lookup(text) is None
