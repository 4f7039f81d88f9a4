"""General news (shootings, arrests, riots, trials) behind the real actor component:
public bodies and groups named by common nouns, private persons coded as civilians."""

import pytest

from diplotrack.events import generic
from diplotrack.events.dates import lead_date
from diplotrack.events.ontology import categories, modes

pytestmark = pytest.mark.slow


def run(full_nlp, text, published=None):
    doc = full_nlp.make_doc(text)
    doc._.published, doc._.article_id, doc._.dateline = published, "t", None
    return full_nlp(doc)._.events


def one(events, category):
    found = [e for e in events if e.event_type == category]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def test_police_arrest_is_coerce_by_the_countrys_police(full_nlp):
    ev = one(run(full_nlp, "Police in Athens arrested a 25-year-old man on Tuesday.", "2010-05-07"),
             "COERCE")
    assert ev.mode == "arrest"
    assert [(p.id, p.kind) for p in ev.actor] == [("grc:police", "government_body")]
    assert [(p.id, p.kind) for p in ev.recipient] == [("civilians:grc", "civilians")]
    assert ev.date == "2010-05-04" and ev.location.name == "Athens"


def test_gunman_is_an_unidentified_perpetrator(full_nlp):
    ev = one(run(full_nlp, "A gunman shot three students at a school in Ohio on Monday.", "2012-02-28"),
             "ASSAULT")
    assert ev.mode == "firearms"
    assert [(p.id, p.kind, p.text) for p in ev.actor] == [("unidentified:usa", "unidentified", "gunman")]
    assert [p.id for p in ev.recipient] == ["civilians:usa"]
    assert ev.date == "2012-02-27"


def test_named_private_person_is_no_person_participant(full_nlp):
    events = run(full_nlp, "John Smith, 35, was arrested in Boston yesterday.", "2009-01-07")
    ev = one(events, "COERCE")
    assert all(p.kind != "person" for e in events for p in e.participants())
    assert [(p.id, p.text) for p in ev.recipient] == [("civilians:usa", "John Smith")]
    assert ev.date == "2009-01-06" and ev.location.name == "Boston"


def test_a_common_noun_is_no_title(full_nlp):
    """'A jury convicted X': the jury does not make X a public official."""
    ev = one(run(full_nlp, "A jury convicted Scott Peterson of murder in Redwood City, California."),
             "SANCTION")
    assert ev.mode == "convict"
    assert [p.id for p in ev.actor] == ["usa:judiciary"]
    assert [(p.id, p.text, p.affiliation) for p in ev.recipient] == [("civilians:usa", "Scott Peterson", None)]


def test_participle_modifying_its_patient(full_nlp):
    """'a woman charged with killing ...': the charge is about the noun it modifies."""
    events = run(full_nlp, "A 60-year-old woman charged with killing two young women in Staunton, "
                           "Virginia, was released without bail, authorities said Friday.", "2008-06-28")
    ev = one(events, "ACCUSE")
    assert ev.mode == "allege" and [p.id for p in ev.recipient] == ["civilians:usa"]


def test_riot_and_clashes_with_police(full_nlp):
    ev = one(run(full_nlp, "Rioters clashed with police in Athens overnight.", "2008-12-10"), "ASSAULT")
    assert [p.id for p in ev.actor] == ["civilians:grc"]
    assert [p.id for p in ev.recipient] == ["grc:police"]


@pytest.mark.parametrize("text,lead", [
    ("A powerful earthquake killed ten people in Virginia on Sunday.", True),
    ("A powerful earthquake killed ten people in southern Iran on Sunday.", True),  # no one acted
    ("Klitschko beat Thompson in the sixth round in Berne.", True),  # sport between private persons
    ("She captured the imagination of a generation.", False),  # names no one: not a happening
])
def test_no_general_news_event(full_nlp, text, lead):
    """No PLOVER event; a happening that names someone or somewhere is the
    article's OTHER lead event, without private persons as participants."""
    events = run(full_nlp, text, "2012-07-08")
    assert [e.event_type for e in events] == (["OTHER"] if lead else [])
    assert all(p.kind != "person" for e in events for p in e.participants())


def test_region_names_give_the_country(full_nlp):
    ev = one(run(full_nlp, "Staunton police in Virginia arrested a woman on Friday.", "2008-06-28"),
             "COERCE")
    assert {p.country for p in ev.participants()} == {"USA"}


def test_a_big_city_and_a_compass_region_are_no_region_of_another_country(full_nlp):
    ev = one(run(full_nlp, "Oregon State Police arrested a man on Friday after a bomb killed two "
                           "officers at a West Coast Bank branch south of Portland.", "2008-12-13"),
             "COERCE")
    assert {p.country for p in ev.participants()} - {None} == {"USA"}  # not Jamaica (Portland parish)
    assert generic.region_country("Portland") is None and generic.region_country("West Coast") is None
    assert generic.region_country("Virginia") == "USA" and generic.region_country("Helmand") == "AFG"


def test_undated_article_resolves_against_its_dateline_date(full_nlp):
    text = ("Bank firebombed in Athens\nMay 5, 2010\n"
            "A gunman shot two bank workers in Athens on Tuesday.")
    ev = next(e for e in run(full_nlp, text) if e.trigger == "shoot")
    assert ev.event_type == "ASSAULT" and ev.date == "2010-05-04"
    doc = full_nlp("Three dead in Athens\nMay 5, 2010\nPolice said.")
    assert lead_date(doc).isoformat() == "2010-05-05"
    assert lead_date(full_nlp("Police said on Tuesday that 2010 was calm.")) is None


def test_general_news_data_stays_within_plover():
    cats, kinds = generic.general()
    assert cats <= set(categories())
    assert kinds == {"government_body", "unidentified", "civilians"}
    for cat, allowed in generic.private_modes().items():
        assert cat in cats and allowed <= set(modes(cat))
    for word, entry in generic.table().items():
        assert word == word.lower()
        assert entry["kind"] in kinds, word
        assert entry["kind"] != "government_body" or entry.get("body"), word


def test_a_council_adopting_a_resolution_agrees_to_it(full_nlp):
    events = run(full_nlp, "The UN Security Council adopted a resolution on Afghanistan on Monday.",
                 "2021-08-31")
    assert [(e.event_type, e.actor[0].id) for e in events if e.main] == [("AGREE", "unsc")]
    assert all(e.event_type != "AGREE" for e in run(full_nlp, "The school adopted a new uniform."))


def test_every_party_of_a_long_list_takes_part(full_nlp):
    events = run(full_nlp, "Foreign ministers of Russia, China, Iran and Pakistan met in Samarkand "
                           "with the Taliban's Muttaqi.", "2025-04-13")
    consult = one(events, "CONSULT")
    assert [p.id for p in consult.actor] == ["RUS", "CHN", "IRN", "PAK"]


def test_a_counterpart_is_the_other_side_not_its_possessor(full_nlp):
    events = run(full_nlp, "President Biden met this morning with his counterparts in the G7, as well as heads "
                           "of the United Nations, NATO, and the European Union.", "2021-08-24")
    consult = one(events, "CONSULT")
    assert [p.id for p in consult.actor] == ["joe-biden"]
    assert [p.id for p in consult.recipient] == ["g7", "un", "nato", "eu"]


def test_the_purpose_of_a_trip_names_its_counterpart(full_nlp):
    events = run(full_nlp, "Pakistan's special representative Mohammad Sadiq arrived in Kabul "
                           "for talks with the Taliban.", "2025-04-19")
    consult = one(events, "CONSULT")
    assert [p.id for p in consult.recipient] == ["taliban"]  # Kabul and the Taliban: one party


def test_releasing_information_is_no_release_of_people(full_nlp):
    assert not [e for e in run(full_nlp, "Photographs released by Taliban media Tuesday showed "
                                         "Mohammed back in Nangarhar.") if e.event_type == "CONCEDE"]
    assert not [e for e in run(full_nlp, "The Taliban released a statement on Tuesday.")
                if e.event_type == "CONCEDE"]
    freed = one(run(full_nlp, "The Taliban released two American prisoners on Tuesday."), "CONCEDE")
    assert freed.mode == "release"



def test_criticism_over_an_act_is_a_verdict_on_its_author(full_nlp):
    verdict = one(run(full_nlp, "The United States voiced strong criticism over the Taliban's ban "
                                "on women attending university."), "ACCUSE")
    assert [p.id for p in verdict.actor] == ["USA"] and [p.id for p in verdict.recipient] == ["taliban"]


def test_a_government_coerces_its_own_people(full_nlp):
    """"The Taliban banned women": Afghan women, whatever country the document is set in
    (only coercion is read so: HOME_CATEGORIES)."""
    banned = run(full_nlp, "The Taliban banned women from universities on Tuesday.", "2022-12-21")
    assert "civilians:afg" in {p.id for e in banned if e.event_type == "COERCE" for p in e.recipient}


@pytest.mark.parametrize("outlet, wire, country", [
    ("Mint", [], "IND"),  # an Indian paper's "Foreign Secretary X" is India's
    ("Mint", ["Reuters"], None),  # wire copy writes for everyone
    (None, [], None),  # no outlet known: no country read into the title
])
def test_an_unqualified_government_title_is_the_outlets_countrys(full_nlp, outlet, wire, country):
    from diplotrack.models import Article
    from diplotrack.nlp.pipeline import process

    art = Article(id="x", source="x", outlet=outlet, wire=wire, published="2025-01-09",
                  text="Foreign Secretary Vikram Misri met the Taliban's acting foreign minister, "
                       "Amir Khan Muttaqi, in Dubai on Wednesday.")
    [ev, *_] = [e for e in next(iter(process(full_nlp, [art])))._.events if e.event_type == "CONSULT"]
    misri = next(p for p in ev.participants() if p.name == "Vikram Misri")
    assert misri.country == country
