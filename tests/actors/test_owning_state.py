"""An organisation the registry does not know belongs to the state its name gives."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "country"), [
    ("The Supreme Court of Kazakhstan has removed the Taliban from its list of banned groups.",
     "KAZ"),
    ("The Russian Supreme Court suspended the ban on the Taliban on Thursday.", "RUS"),
])
def test_a_court_named_with_its_state_carries_that_country(full_nlp, text, country):
    doc = full_nlp(text)
    actors = [p for e in doc._.events for p in e.actor if p.id.startswith("org:")]
    assert actors and all(p.country == country for p in actors)


@pytest.mark.parametrize(("text", "actor"), [
    ("Uzbekistan met the Interim Government of Afghanistan in Tashkent on 26 July 2022.",
     "taliban"),
    ("France met the Transitional Government of Mali in Bamako.", "MLI"),
])
def test_a_government_not_yet_constitutional_is_its_state(full_nlp, text, actor):
    doc = full_nlp(text)
    assert actor in {m.participant.id for m in doc._.actors}
    assert not [m for m in doc._.actors if m.participant.id.startswith("org:")]


def test_a_title_after_an_organisation_and_its_acronym_keeps_the_affiliation(full_nlp):
    doc = full_nlp("Islamic State (IS) leader Abu Bakr al-Baghdadi was killed in a U.S. raid.")
    [leader] = [m.participant for m in doc._.actors if m.participant.kind == "person"]
    assert leader.affiliation == "Islamic State"


@pytest.mark.parametrize("text", [
    "State Department Spokesperson Price expressed deep concern over the Taliban's decree.",
    "Pentagon Press Secretary Kirby said the Taliban must act.",
])
def test_an_office_title_and_surname_read_as_one_entity_speak_for_the_office(full_nlp, text):
    doc = full_nlp(text)
    assert "USA" in {p.country for e in doc._.events for p in e.actor}
    assert not [m for m in doc._.actors if m.participant.id.startswith("org:")]
