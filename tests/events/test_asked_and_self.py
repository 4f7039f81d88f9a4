"""Questions are asked, not reported; nobody is the target of their own act."""

import pytest

from diplotrack.nlp.pipeline import make_doc
from tests.store.helpers import make_article

pytestmark = pytest.mark.slow


def _events(nlp, text):
    article = make_article(text, published="2025-09-21")
    return nlp(make_doc(nlp, article))._.events


def test_a_question_about_an_event_is_hypothetical(full_nlp):
    asked = _events(full_nlp, "Will Russia recognise the Taliban government?")
    told = _events(full_nlp, "Russia recognised the Taliban government in July.")
    assert told and all(e.auxiliary != "hypothetical" for e in told)
    assert asked and all(e.auxiliary == "hypothetical" for e in asked)


def test_an_actor_is_never_its_own_recipient(full_nlp):
    events = _events(full_nlp, "The British are calling for sanctions against Britain.")
    assert events
    for ev in events:
        assert not {p.id for p in ev.actor} & {p.id for p in ev.recipient}


def test_a_question_about_a_reported_event_is_evidence_of_it(full_nlp):
    events = _events(full_nlp, "The European Union hosted talks with the Taliban in Brussels. "
                               "So the EU is talking to the Taliban now?")
    consult = [e for e in events if e.event_type == "CONSULT"]
    assert len(consult) == 1 and len(consult[0].evidence) == 2
    assert consult[0].auxiliary is None
