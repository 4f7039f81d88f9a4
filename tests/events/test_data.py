from diplotrack.events.lexicon import context_cues, cues, lexicon, parse_key
from diplotrack.events.ontology import categories, contexts, modes, normalize_category
from diplotrack.events.places import dateline_place, geocode


def test_sixteen_categories_with_modes():
    cats = categories()
    assert len(cats) == 16
    assert {"visit", "third-party", "multilateral", "phone"} <= set(modes("CONSULT"))
    assert {"seize", "arrest", "deport", "restrict", "ban", "censor"} <= set(modes("COERCE"))
    assert {"diplomatic", "migration", "human_rights", "terrorism", "military"} <= set(contexts())


def test_old_names_map_to_2021_categories():
    assert normalize_category("DEMAND") == "REQUEST"
    assert normalize_category("disapprove") == "ACCUSE"
    assert normalize_category("INVESTIGATE") == "ACCUSE"
    assert normalize_category("FIGHT") == "ASSAULT"
    assert normalize_category("AGREE") == "AGREE"
    assert normalize_category("DANCE") is None


def test_every_category_has_verbal_triggers():
    lex = lexicon()
    covered = {s.category for senses in lex.verbs.values() for s in senses}
    assert set(categories()) <= covered


def test_key_syntax():
    lemma, conds = parse_key("cut +tie|relation @with ~diplomatic <try")
    assert lemma == "cut"
    assert conds["objs"] == {"tie", "relation"}
    assert conds["preps"] == {"with"}
    assert conds["mods"] == {"diplomatic"}
    assert conds["govs"] == {"try"}


def test_specific_sense_listed_first():
    senses = lexicon().senses("expel", "verb")
    assert senses[0].specificity >= senses[-1].specificity
    assert {s.category for s in senses} == {"SANCTION", "COERCE"}


def test_cue_lists_and_contexts_load():
    assert "hold" in cues()["light_verbs"]
    single, double = context_cues()
    assert single["deportation"] == "migration"
    assert double[("human", "rights")] == "human_rights"


def test_geocoding_prefers_capitals_and_knows_countries():
    brussels = geocode("Brussels")
    assert brussels.country == "BEL" and brussels.lat is not None
    assert geocode("Kabul").country == "AFG"
    assert geocode("the United States").country == "USA"
    assert geocode("Nowhereville Xyz") is None
    assert dateline_place("ISLAMABAD, Pakistan \u2014").name == "Islamabad"


def test_multiword_translations_are_not_city_names():
    assert geocode("White House") is None  # "Casa Blanca" is an alternate name of Casablanca
    assert geocode("Peking").name == "Beijing"


def test_event_ids_stay_unique_when_all_key_parts_coincide():
    from diplotrack.events.merge import event_id
    from diplotrack.models import Event, Evidence, Participant

    def make() -> Event:
        return Event(id="", article_id="a", event_type="CONSULT",
                     actor=[Participant(id="USA", name="United States", kind="state", text="US")],
                     evidence=[Evidence(sentence="s", start=5, end=9)])

    taken: set[str] = set()
    first = event_id(make(), taken)
    taken.add(first)
    second = event_id(make(), taken)
    assert first != second and first == event_id(make()) and len(second) == 20
