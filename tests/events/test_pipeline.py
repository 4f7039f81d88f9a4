"""The extractor behind the real actor component (`build_nlp`)."""

import pytest

pytestmark = pytest.mark.slow


def run(full_nlp, text, published=None):
    doc = full_nlp.make_doc(text)
    doc._.published, doc._.article_id, doc._.dateline = published, "t", None
    return full_nlp(doc)._.events


def test_pipeline_fills_events(full_nlp):
    events = run(full_nlp, "Russia recognized the Taliban government in July.", "2025-09-21")
    ev = next(e for e in events if e.event_type == "SUPPORT")
    assert {p.name for p in ev.actor} == {"Russia"}
    assert ev.recipient and ev.date == "2025-07"


def test_seed_article_events(full_nlp, shared):
    lines = (shared / "seeds" / "002_e8012ca3f52a0d11.txt").read_text().strip().split("\n")
    events = run(full_nlp, "\n".join(lines[8:-1]), "2025-09-21")
    found = {(e.event_type, e.date) for e in events}
    assert ("CONSULT", "2025-03") in found  # Boehler visited Kabul in March
    assert ("CONSULT", "2025-09") in found  # a second trip last week
    assert ("CONSULT", "2025-05") in found  # met in Beijing in May
    assert ("SANCTION", "2024") in found  # cut ties that summer
    assert ("REQUEST", "2025-09-18") in found  # on Thursday
    beijing = next(e for e in events if e.event_type == "CONSULT" and e.date == "2025-05")
    assert beijing.location.country == "CHN"


def test_participants_resolved_at_the_event_date(full_nlp):
    old = run(full_nlp, "Pakistan recognized Afghanistan in 2019.", "2025-09-21")
    new = run(full_nlp, "Pakistan recognized Afghanistan in July.", "2025-09-21")
    assert {p.id for p in old[0].recipient} == {"AFG"}
    assert old[0].auxiliary == "historical"
    assert {p.id for p in new[0].recipient} == {"taliban"}


def test_nested_possessive_pronouns_terminate(full_nlp):
    text = ("The President said his team and their partners would review their own plans, "
            "and their allies said their forces would join them in their talks with Russia.")
    run(full_nlp, text)  # used to recurse without end through "their"


@pytest.mark.parametrize("opening, historical", [
    ("Earlier, ", False), ("Two days earlier, ", False), ("On Monday, ", False)])
def test_earlier_on_a_verb_is_within_the_news(full_nlp, opening, historical):
    """'Earlier, X killed Y' is earlier in the news, not history: the event keeps both sides."""
    events = run(full_nlp, opening + "a U.S. drone strike killed Al Qaeda leader Ayman al Zawahiri.",
                 "2022-08-03")
    strike = [e for e in events if e.event_type == "ASSAULT"]
    assert strike and {p.id for p in strike[0].actor} == {"USA"}, [(e.event_type, e.actor) for e in events]
    assert [p.id for p in strike[0].recipient] == ["ayman-al-zawahiri"]
    assert (strike[0].auxiliary == "historical") is historical


@pytest.mark.parametrize("text, category", [
    ("Previous talks between Pakistan and the Taliban failed.", "CONSULT"),
    ("Pakistan once attacked India.", "ASSAULT")])
def test_once_on_a_verb_and_previous_on_a_noun_are_history(full_nlp, text, category):
    found = [e for e in run(full_nlp, text, "2022-08-03") if e.event_type == category]
    assert found and found[0].auxiliary == "historical"


def _statement(full_nlp, text, issuer):
    doc = full_nlp.make_doc(text)
    doc._.published, doc._.article_id, doc._.dateline = "2021-08-24", "t", None
    doc._.genre, doc._.issuer = "press_release", issuer
    return full_nlp(doc)._.events


def test_a_statements_we_is_its_issuer(full_nlp):
    text = "I met this morning with my counterparts in the G7 and the heads of NATO."
    met = next(e for e in _statement(full_nlp, text, "USA") if e.event_type == "CONSULT")
    assert {p.id for p in met.actor} == {"USA"}
    assert "nato" in {p.id for p in met.recipient}
    # in a news report nobody's "I" is known: no actor is made up for it
    assert not any(p.id == "USA" for e in _statement(full_nlp, text, None) for p in e.actor)


def test_a_reporters_question_in_a_transcript_is_not_the_issuer_speaking(full_nlp):
    text = ("MS. PSAKI:  I met this morning with my counterparts in the G7.\n   \n"
            "Q  Thank you. I met the Russian ambassador yesterday, and he was\n"
            "angry. Russia met the Taliban in Moscow on Monday. What is your response?\n   \n"
            "MS. PSAKI:  We spoke with NATO today.")
    events = _statement(full_nlp, text, "USA")
    said = [e for e in events if any(p.id == "USA" for p in e.actor)]
    assert said and not [e for e in said if "Russian ambassador" in e.evidence[0].sentence]
    assert any("NATO" in e.evidence[0].sentence for e in said)  # the answer is the issuer's
    doc = full_nlp.make_doc(text)
    doc._.published, doc._.article_id, doc._.dateline = "2021-08-24", "t", None
    doc._.genre, doc._.issuer = "transcript", "USA"
    events = full_nlp(doc)._.events
    assert events and not [e for e in events if "Russia" in e.evidence[0].sentence]
