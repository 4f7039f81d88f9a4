from __future__ import annotations

import pytest

from diplotrack.actors.component import resolve_mention
from diplotrack.actors.matcher import variants
from diplotrack.nlp.extensions import ActorMention

from .conftest import by_text


def test_capitals_are_metonyms_with_a_place(make):
    doc = make(["Kabul", "and", "Islamabad", "agreed", "."], published="2025-05-20")
    kabul, isb = doc._.actors
    assert (kabul.via, kabul.is_capital, kabul.participant.id) == ("metonym", True, "taliban")
    assert kabul.place.name == "Kabul" and kabul.place.country == "AFG" and kabul.place.lat
    assert (isb.participant.id, isb.place.country) == ("PAK", "PAK")
    assert isb.start_char == len("Kabul and ")


def test_seat_of_an_organisation(make):
    m = make(["Brussels", "said", "no"])._.actors[0]
    assert m.participant.id == "eu" and m.is_capital and m.place.country == "BEL"


def test_country_names_are_places_too(make):
    m = make(["Pakistan", "said"])._.actors[0]
    assert m.via == "registry" and not m.is_capital and m.place.country == "PAK"


@pytest.mark.parametrize("words", [
    ["the", "U.S.", "said"], ["the", "US", "said"], ["the", "U.S", "said"], ["the", "USA", "said"],
])
def test_dot_variants(make, words):
    assert [m.participant.id for m in make(words)._.actors] == ["USA"]


def test_pronoun_us_and_the_bird_are_not_states(make):
    assert make(["give", "us", "turkey", "and", "chad"])._.actors == []


@pytest.mark.parametrize("words", [
    ["al", "-", "Qaeda", "struck"], ["al", "Qaeda", "struck"], ["Al", "-", "Qaida", "struck"],
    ["AL", "QAEDA", "struck"],
])
def test_hyphen_and_case_variants(make, words):
    (m,) = make(words)._.actors
    assert m.participant.id == "al-qaeda" and m.end == len(words) - 1


def test_possessive_is_outside_the_mention(make):
    (m,) = make(["Russia", "'s", "recognition"])._.actors
    assert m.participant.id == "RUS" and (m.start, m.end) == (0, 1)


def test_variants_generate_dot_and_hyphen_forms():
    assert {"U.S.", "US", "U.S"} <= variants("U.S.")
    assert "al Qaeda" in variants("al-Qaeda") and "al-Qaeda" in variants("al Qaeda")


@pytest.mark.parametrize(("words", "pid", "kind", "level"), [
    (["Moroccan", "diplomats", "met"], "MAR", "state", "official"),
    (["Russian", "negotiators", "left"], "RUS", "state", "official"),
    (["the", "Uzbek", "government", "said"], "UZB", "state", None),
    (["the", "Belgian", "Foreign", "Ministry", "issued"], "bel:foreign-ministry", "government_body", None),
    (["Pakistan", "'s", "ambassador", "said"], "PAK", "state", "ambassador"),
    (["the", "Government", "of", "Pakistan", "said"], "PAK", "state", None),
])
def test_demonym_and_state_patterns(make, words, pid, kind, level):
    (m,) = make(words)._.actors
    p = m.participant
    assert (p.id, p.kind, p.level) == (pid, kind, level)
    assert p.text == " ".join(words[m.start:m.end])
    assert m.end - m.start >= 2


def test_bare_demonym_is_flagged(make):
    (m,) = make(["a", "Pakistani", "analyst"])._.actors
    assert m.participant.id == "PAK" and m.extra.get("demonym") is True


def test_coordinated_demonyms_share_the_cue(make):
    a, b = make(["French", "and", "Egyptian", "warships", "sailed"])._.actors
    assert a.participant.id == "FRA" and not a.extra.get("demonym")
    assert b.participant.id == "EGY" and b.extra.get("sector") == "military"


def test_afghan_foreign_ministry_depends_on_the_date(make):
    words = ["the", "Afghan", "Foreign", "Ministry", "said"]
    after = make(words, published="2025-09-21")._.actors[0].participant
    before = make(words, published="2019-09-21")._.actors[0].participant
    assert (after.affiliation, after.country) == ("Taliban", "AFG")
    assert (before.affiliation, before.country) == ("Afghanistan", "AFG")


def test_resolve_mention_re_resolves_at_the_event_date(make):
    (m,) = make(["Afghanistan", "signed"], published="2025-01-01")._.actors
    assert m.participant.id == "taliban"
    assert resolve_mention(m, "2019-02-01").id == "AFG"
    assert resolve_mention(m, "2019-02-01").text == "Afghanistan"


def test_unknown_org_becomes_a_participant_with_a_slug(make):
    doc = make(["Save", "Kids", "Watch", "criticised", "Pakistan"], ents=[(0, 3, "ORG"), (4, 5, "GPE")])
    org, pak = doc._.actors
    assert org.via == "ner" and org.participant.id == "org:save-kids-watch"
    assert org.participant.kind == "ngo" and org.participant.name == "Save Kids Watch"
    assert pak.participant.id == "PAK"


def test_unknown_org_takes_the_country_it_names(make):
    (m,) = make(["the", "Nigerian", "Union", "of", "Teachers", "struck"], ents=[(1, 5, "ORG")])._.actors
    assert m.via == "ner" and m.participant.country == "NGA"


def test_private_person_is_marked_not_public(make):
    (m,) = make(["Jane", "Doerr", "said"], ents=[(0, 2, "PERSON")])._.actors
    assert m.participant.kind == "person" and m.extra["public"] is False


def test_title_makes_an_unknown_person_public_with_affiliation(make):
    doc = make(["Serbian", "President", "Vojislav", "Kostunica", "said"], ents=[(2, 4, "PERSON")])
    mentions = by_text(doc)
    p = mentions["President Vojislav Kostunica"].participant
    assert (p.level, p.country, p.affiliation) == ("head_of_state", "SRB", "Serbia")
    assert mentions["President Vojislav Kostunica"].extra["public"] is True


def test_registry_person_level_and_affiliation(make):
    doc = make(["Foreign", "Minister", "Amir", "Khan", "Muttaqi", "left"], published="2025-10-01")
    (m,) = doc._.actors
    p = m.participant
    assert (p.id, p.affiliation, p.country, p.level) == ("amir-khan-muttaqi", "Taliban", "AFG", "minister")
    assert m.start == 0 and p.text == "Foreign Minister Amir Khan Muttaqi"


def test_fuzzy_transliteration_of_a_person_entity(make):
    (m,) = make(["Haibatullah", "Akhunzadah", "ordered"], ents=[(0, 2, "PERSON")])._.actors
    assert m.via == "alias" and m.participant.id == "hibatullah-akhundzada"


def test_unrelated_person_entity_is_not_fuzzy_matched(make):
    (m,) = make(["Michael", "Kugelmann", "said"], ents=[(0, 2, "PERSON")])._.actors
    assert m.via == "ner" and m.participant.id.startswith("person:")


def test_surname_resolves_to_a_person_named_before(make):
    words = ["Lutfullah", "Lutfi", "left", ".", "Lutfi", "said"]
    first, second = make(words, ents=[(0, 2, "PERSON"), (4, 5, "PERSON")])._.actors
    assert second.participant.id == first.participant.id == "person:lutfullah-lutfi"


def test_registry_surname_alone(make):
    (m,) = make(["Boehler", "visited"], published="2025-03-01")._.actors
    assert m.participant.id == "adam-boehler" and m.participant.affiliation == "United States"


def test_longest_match_wins_and_mentions_do_not_overlap(make):
    doc = make(["the", "UN", "Security", "Council", "1988", "Committee", "and", "Taliban", "Foreign",
                "Ministry", "officials"])
    spans = [(m.start, m.end) for m in doc._.actors]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    ids = [m.participant.id for m in doc._.actors]
    assert ids[0] == "un-1988-committee" and "taliban:foreign-ministry" in ids


def test_ner_entity_covering_a_registry_name_keeps_the_registry_name(make):
    (m,) = make(["the", "U.N.", "Security", "Council", "met"], ents=[(0, 4, "ORG")])._.actors
    assert m.participant.id == "unsc" and m.via == "registry"


def test_context_alias_needs_an_anchor(make):
    assert make(["the", "de", "facto", "authorities", "said"])._.actors == []
    doc = make(["in", "Afghanistan", ",", "the", "de", "facto", "authorities", "said"])
    assert [m.participant.id for m in doc._.actors] == ["taliban", "taliban"]


def test_mentions_are_actor_mentions_with_char_offsets(parse):
    doc = parse("White House counterterrorism director Sebastian Gorka praised Pakistan.", "2025-08-01")
    assert all(isinstance(m, ActorMention) for m in doc._.actors)
    for m in doc._.actors:
        assert doc.text[m.start_char:m.end_char] == m.participant.text
    gorka = next(m for m in doc._.actors if m.participant.kind == "person")
    assert gorka.participant.id == "sebastian-gorka" and gorka.participant.level == "official"


def test_unknown_city_is_a_place_with_coordinates(make):
    (m,) = make(["in", "Peshawar", "today"], ents=[(1, 2, "GPE")])._.actors
    assert m.participant.kind == "place" and m.place.country == "PAK" and m.place.lat is not None


def test_factory_registers_with_add_pipe():
    import spacy

    import diplotrack.actors.component  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("diplotrack_actors")
    doc = nlp("A group of Moroccan diplomats met President Obama in 2010.")
    found = {m.participant.id: m for m in doc._.actors}
    assert found["MAR"].participant.text == "Moroccan diplomats"
    assert found["barack-obama"].participant.level == "head_of_state"


def test_generic_body_name_after_a_state_is_that_state_s_body(make):
    (m,) = make(["Pakistan", "'s", "Foreign", "Office", "said"])._.actors
    assert (m.participant.id, m.participant.country) == ("pak:foreign-ministry", "PAK")
    (uk,) = make(["the", "Foreign", "Office", "said"])._.actors
    assert uk.participant.country == "GBR"


@pytest.mark.parametrize(("text", "org", "affiliation"), [
    ("NATO Secretary General Jens Stoltenberg met Taliban officials.", "NATO", "NATO"),
    ("The OIC's Secretary-General Hissein Brahim Taha visited Kabul.", "OIC",
     "Organisation of Islamic Cooperation"),
])
def test_a_bare_title_after_an_organisation_is_that_organisation_s(parse, text, org, affiliation):
    mentions = by_text(parse(text))
    assert org in mentions and not any(m.participant.id == "un-secretariat" for m in mentions.values())
    (person,) = [m.participant for m in mentions.values() if m.participant.kind == "person"]
    assert (person.affiliation, person.level) == (affiliation, "official")


def test_a_bare_title_on_its_own_keeps_its_registry_actor(parse):
    mentions = by_text(parse("The Secretary-General said the Taliban must reverse the ban."))
    assert mentions["Secretary-General"].participant.id == "un-secretariat"


@pytest.mark.parametrize("text", [
    "US troops left Bagram Airfield in July.",
    "Biden met leaders of the diaspora communities in Washington.",
])
def test_a_place_or_a_common_noun_taken_for_a_person_is_no_person(parse, text):
    assert not [m for m in parse(text)._.actors if m.participant.id.startswith("person:")]


def test_names_with_particles_are_persons(parse):
    (person,) = [m.participant for m in parse("Hamid bin Zayed al Nahyan met Muttaqi in Abu Dhabi.")._.actors
                 if m.participant.id.startswith("person:")]
    assert person.name == "Hamid bin Zayed al Nahyan"
