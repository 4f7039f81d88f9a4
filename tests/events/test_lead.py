"""The lead event: what an article reports first, and an OTHER event for it when
the article holds no PLOVER event (an earthquake, a product launch)."""

import pytest

from diplotrack.events import lead

pytestmark = pytest.mark.slow

QUAKE = ("A magnitude 6.1 earthquake struck southern Iran on Sunday, killing at least ten "
         "people in villages near the port city of Bandar Abbas.\n"
         "Rescue teams searched the rubble through the night, state television reported.\n"
         "The quake was felt across the Gulf region.")
TALKS = ("Officials of the European Union met a Taliban delegation in Brussels on Monday to "
         "discuss the return of rejected asylum seekers.\n"
         "The talks were the first of their kind.")


def run(full_nlp, text, published=None):
    doc = full_nlp.make_doc(text)
    doc._.published, doc._.article_id, doc._.dateline = published, "t", None
    return full_nlp(doc)._.events


def test_article_without_plover_event_gets_one_other_lead_event(full_nlp):
    events = run(full_nlp, QUAKE, "2008-09-12")
    assert not [e for e in events if e.event_type != "OTHER"], [e.event_type for e in events]
    (ev,) = events
    assert ev.lead and ev.event_type == "OTHER" and ev.trigger == "strike"
    assert ev.date == "2008-09-07" and ev.date_text == "on Sunday"
    assert ev.location is not None and ev.location.country == "IRN"
    assert "disaster" in ev.context
    assert [x.sentence.strip() for x in ev.evidence] == QUAKE.split("\n")  # the lede, with offsets
    assert all(QUAKE[x.start:x.end] == x.sentence for x in ev.evidence)
    assert ev.lede is not None and ev.lede.startswith("A magnitude 6.1")
    assert ev.id and ev.to_dict()["lead"] is True and "lede" not in ev.to_dict()
    assert "Iran" in ev.lede_names and "earthquake" not in ev.lede_names  # proper names only
    assert "lede_names" not in ev.to_dict()


def test_plover_event_in_the_lede_is_the_lead_and_no_other_event_is_added(full_nlp):
    events = run(full_nlp, TALKS, "2025-06-03")
    assert events and all(e.event_type != "OTHER" for e in events)
    leads = [e for e in events if e.lead]
    assert len(leads) == 1 and leads[0].event_type == "CONSULT"
    assert leads[0].lede is not None and "Taliban delegation" in leads[0].lede


def test_private_persons_are_never_lead_participants(full_nlp):
    text = ("Actress Jane Quimby checked into a rehabilitation centre in Malibu on Friday, "
            "her spokesman said.\nShe is expected to stay for several weeks.")
    (ev,) = run(full_nlp, text, "2008-01-05")
    assert ev.event_type == "OTHER"
    assert all(p.kind != "person" for p in ev.participants()), ev.participants()


def test_a_bare_year_in_the_lede_is_not_the_date(full_nlp):
    text = ("The singer, who rose to fame in 1967, died at his home in Memphis, his family "
            "said.\nHe was 81.")
    (ev,) = run(full_nlp, text)
    assert ev.date is None


def test_a_day_the_article_cannot_anchor_leaves_the_happening_undated(full_nlp):
    text = ("Bettie Page, the pin-up model, died Thursday night at a Los Angeles hospital.\n\n"
            "She was 85.\n\nPage was born in Nashville, Tennessee on April 22, 1923.")
    (ev,) = run(full_nlp, text)
    assert ev.date is None  # not her birthday, nor the Thursday before it
    (dated,) = run(full_nlp, text, "2008-12-12")
    assert dated.date == "2008-12-11"


def test_a_date_told_in_a_sentence_is_no_dateline(full_nlp):
    from diplotrack.events.dates import lead_date

    told = full_nlp("Page was born in Nashville on April 22, 1923. She died on Thursday.")
    assert lead_date(told) is None
    assert str(lead_date(full_nlp("Posted: Nov 27, 2005\nA quake struck Iran on Sunday."))) == \
        "2005-11-27"
    assert str(lead_date(full_nlp("ATHENS, May 5, 2010 (Reuters) - Three people died."))) == \
        "2010-05-05"
    assert str(lead_date(full_nlp("Islamabad, April 19, 2025: The two ministers have met."))) == \
        "2025-04-19"


def test_a_house_number_is_not_a_year(full_nlp):
    (ev,) = [e for e in run(full_nlp, "Police arrested a 35-year-old man late Tuesday at 2088 "
                                      "Philip Street in New Bedford.") if e.event_type == "COERCE"]
    assert ev.date is None


def test_empty_and_wordless_documents_get_no_lead(full_nlp):
    assert run(full_nlp, "") == []
    assert run(full_nlp, "12 34 56 --") == []


def test_first_reported_prefers_plain_reports_in_text_order():
    from diplotrack.models import Event, Evidence

    def ev(start, aux=None):
        return Event(id=str(start), article_id="a", event_type="CONSULT", auxiliary=aux,
                     evidence=[Evidence("s", start, start + 1)])

    assert lead.first_reported([ev(50), ev(5, "historical"), ev(20)]).id == "20"
    assert lead.first_reported([ev(9, "future")]).id == "9"
    assert lead.first_reported([]) is None


def _event(category, n_actors, n_recipients, main=False):
    from diplotrack.models import Event, Participant

    side = [Participant(id=f"s{i}", name=f"S{i}", kind="state", text=f"S{i}") for i in range(3)]
    return Event(id="e", article_id="a", event_type=category, actor=side[:n_actors],
                 recipient=side[n_actors:n_actors + n_recipients], main=main)


@pytest.mark.parametrize(("category", "actors", "recipients", "main", "kept"), [
    ("AGREE", 1, 0, False, False),     # "India agreed": one side of a dyadic event
    ("SUPPORT", 0, 1, False, False),
    ("CONSULT", 1, 1, False, True),
    ("CONSULT", 2, 0, False, True),    # co-actors of a meeting
    ("AGREE", 1, 0, True, True),       # a main event is kept whole or not
    ("PROTEST", 1, 0, False, True),    # whole with one party
    ("RETREAT", 1, 0, False, True),
])
def test_a_mention_needs_both_sides_unless_its_category_has_one(category, actors, recipients,
                                                                main, kept):
    event = _event(category, actors, recipients, main)
    assert (event.main or lead.whole(event)) is kept


def test_one_party_mentions_are_dropped_from_an_article(full_nlp):
    text = (TALKS + "\nIndia agreed. The Taliban supported the plan, a spokesman said.")
    events = run(full_nlp, text, "2025-03-03")
    assert all(e.main or e.lead or lead.whole(e) for e in events)
    assert any(e.main and e.event_type == "CONSULT" for e in events)


def test_a_main_event_naming_one_side_is_completed_by_a_mention_naming_both():
    from diplotrack.events.merge import fold_into_main
    from diplotrack.models import Evidence, Participant

    def party(pid):
        return Participant(id=pid, name=pid, kind="state", text=pid)

    main = _event("CONSULT", 0, 0, main=True)
    main.lead, main.recipient = True, [party("taliban")]
    main.evidence = [Evidence(sentence="Dar interacted with the Taliban.", start=0, end=30)]
    mention = _event("CONSULT", 0, 0)
    mention.actor, mention.recipient = [party("ishaq-dar")], [party("taliban")]
    mention.evidence = [Evidence(sentence="Dar held talks with the Taliban.", start=40, end=72)]
    other = _event("CONSULT", 0, 0)
    other.actor, other.recipient = [party("RUS")], [party("CHN")]  # shares no party: apart
    other.evidence = [Evidence(sentence="Russia met China.", start=80, end=97)]
    out = fold_into_main([main, mention, other])
    assert [e.id for e in out] == ["e", "e"] and out[0] is main and out[1] is other
    assert {p.id for p in main.participants()} == {"ishaq-dar", "taliban"}


def test_a_main_event_told_again_with_officials_of_no_known_state_is_that_event():
    from diplotrack.events.merge import fold_into_main
    from diplotrack.models import Evidence, Participant

    def party(pid, kind="state", country=None):
        return Participant(id=pid, name=pid, kind=kind, text=pid, country=country)

    main = _event("SUPPORT", 0, 0, main=True)
    main.lead, main.actor, main.recipient = True, [party("ARE", country="ARE")], [party("taliban")]
    main.evidence = [Evidence(sentence="The UAE accepted the envoy's credentials.", start=0, end=40)]
    again = _event("SUPPORT", 0, 0, main=True)
    again.actor = [party("person:saif-alshamisi", "person")]
    again.recipient = [party("person:badruddin-haqqani", "person")]
    again.evidence = [Evidence(sentence="Alshamisi received the credentials from Haqqani.",
                               start=50, end=98)]
    other = _event("SUPPORT", 0, 0, main=True)  # a state of its own: another event
    other.actor, other.recipient = [party("person:wang-yi", "person", "CHN")], [party("RUS")]
    other.evidence = [Evidence(sentence="Wang Yi backed Russia.", start=100, end=122)]
    out = fold_into_main([main, again, other])
    assert out == [main, other]
    assert {p.id for p in main.participants()} == {"ARE", "taliban"}  # no unplaced officials
    assert len(main.evidence) == 2


def test_two_halves_of_one_event_in_one_sentence_are_one_event(full_nlp):
    events = run(full_nlp, "A U.S. drone strike killed Al Qaeda leader Ayman al Zawahiri in Kabul.",
                 "2022-08-01")
    [strike] = [e for e in events if e.event_type == "ASSAULT"]
    assert [p.id for p in strike.actor] == ["USA"]
    assert [p.id for p in strike.recipient] == ["ayman-al-zawahiri"]


@pytest.mark.parametrize(("genre", "date"), [("press_release", "2023-04-07"), ("news", None)])
def test_a_statement_acts_on_its_publication_day(full_nlp, genre, date):
    text = ("The United States calls on the Taliban to reverse the ban on women working for "
            "the United Nations.\nThe decision harms millions of Afghans.")
    doc = full_nlp.make_doc(text)
    doc._.published, doc._.article_id, doc._.dateline, doc._.genre = "2023-04-07", "t", None, genre
    mains = [e for e in full_nlp(doc)._.events if e.main]
    assert mains and all(e.date == date for e in mains)


BACKGROUND_FIRST = ("The Taliban regained power in Afghanistan in August 2021, but no UN member "
                    "states have recognized the interim administration.\n"
                    "The United Arab Emirates has accepted the credentials of the Taliban's envoy "
                    "to Abu Dhabi.")


@pytest.mark.parametrize("published, date", [(None, None), ("2024-08-22", "2024-08"),
                                             ("2024-09-03", None)])
def test_a_background_date_in_another_lede_sentence_does_not_date_the_main_event(
        full_nlp, published, date):
    """With no publication date nothing tells August 2021 from the event's date; with
    one, the date is too old to be the event's, and the news is dated by the month it
    was published in when the days before publication all lie in that month."""
    events = run(full_nlp, BACKGROUND_FIRST, published)
    main = [e for e in events if e.main and e.event_type != "OTHER"]
    assert main and all(e.date == date for e in main), [(e.event_type, e.date) for e in events]


def test_a_main_event_with_no_date_in_its_sentence_takes_a_recent_date_of_the_lede(full_nlp):
    text = ("Officials met in Brussels on Monday.\n"
            "The European Union has accepted the credentials of the Taliban's envoy to Brussels.")
    events = run(full_nlp, text, "2024-08-22")
    supports = [e for e in events if e.event_type == "SUPPORT"]
    assert supports and supports[0].date == "2024-08-19", [(e.event_type, e.date) for e in events]
