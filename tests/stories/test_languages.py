"""Reports in two languages join one story by what does not depend on language."""

from __future__ import annotations

from diplotrack.models import Participant

from .helpers import article, event, ingest, one

IRAN = Participant("IRN", "Iran", "state", "ایران", country="IRN")


def _english(store, published: str, date: str) -> str:
    art = article(published)
    ev = event(art, "CONSULT", ["taliban"], sentence="Iran's foreign minister met Taliban leaders in Kabul.",
               date=date, mode="visit")
    ev.recipient = [IRAN]
    return one(store, art, ev)


def _arabic(store):
    art = article(None, text="التقى وزير الخارجية الإيراني مع قادة طالبان في كابل.", language="ar")
    ev = event(art, "CONSULT", ["taliban"], sentence=art.text, mode="meet")
    ev.recipient = [IRAN]
    ingest(store, art, [ev])
    return ev


def test_an_undated_report_in_another_language_joins_the_one_story_of_its_parties(store):
    sid = _english(store, "2025-01-26", "2025-01-26")
    assert _arabic(store).story_id == sid


def test_it_joins_neither_of_two_occasions_it_cannot_tell_apart(store):
    first = _english(store, "2025-01-26", "2025-01-26")
    second = _english(store, "2025-06-10", "2025-06-10")
    assert first != second
    assert _arabic(store).story_id not in {first, second}


def test_undated_mentions_in_reports_months_apart_are_two_happenings(store):
    art = article("2024-10-01")
    ev = event(art, "AID", ["usa"], ["taliban"], sentence="The US thanked the Taliban for aid.", main=False)
    ingest(store, art, [ev])
    art2 = article("2025-03-01")
    ev2 = event(art2, "AID", ["usa"], ["taliban"], sentence="The US thanked the Taliban for aid.",
                main=False)
    ingest(store, art2, [ev2])
    assert ev.story_id != ev2.story_id
