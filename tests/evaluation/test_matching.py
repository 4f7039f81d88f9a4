"""The scoring rules of shared/gold/README.md, on hand-built events."""

from __future__ import annotations

from diplotrack.evaluation.gold import GoldEvent, norm
from diplotrack.evaluation.matching import assign, date_ok, span
from diplotrack.evaluation.scoring import prf
from diplotrack.models import Event, Participant

GROUPS = {
    "taliban": {norm(x) for x in ("Taliban", "Kabul", "de facto authorities", "AFG")},
    "eu": {norm(x) for x in ("European Union", "EU", "Brussels", "the European Commission")},
    "usa": {norm(x) for x in ("United States", "U.S.", "Washington")},
}


def p(pid: str, name: str, text: str | None = None, **kw: str) -> Participant:
    return Participant(id=pid, name=name, kind="state", text=text or name, **kw)


def ev(eid: str, etype: str, actors: list[Participant], date: str | None = None) -> Event:
    return Event(id=eid, article_id="a", event_type=etype, actor=actors, date=date)


def gold(gid: str, types: list[str], parts: list[str], required: bool = True, date: str | None = None) -> GoldEvent:
    return GoldEvent(id=gid, required=required, types=types, participants=parts,
                     date={"value": date, "determinable": True} if date else None)


def test_normalisation_drops_case_dots_spaces_and_leading_the():
    assert norm("The  U.S.") == "us" and norm("the European Commission") == "european commission"


def test_participant_matches_on_any_field():
    events = [ev("1", "CONSULT", [p("eu", "European Union"), p("x", "Mullah", text="the de facto authorities")])]
    assert assign(events, [gold("g", ["CONSULT"], ["eu", "taliban"])], GROUPS) == {0: 0}
    # wrong type or a missing group: no match
    assert assign(events, [gold("g", ["AGREE"], ["eu", "taliban"])], GROUPS) == {}
    assert assign(events, [gold("g", ["CONSULT"], ["usa"])], GROUPS) == {}


def test_a_second_record_of_one_event_stays_unmatched():
    events = [ev("1", "CONSULT", [p("eu", "EU"), p("taliban", "Taliban")]),
              ev("2", "CONSULT", [p("eu", "EU"), p("taliban", "Taliban")])]
    matched = assign(events, [gold("g", ["CONSULT"], ["eu", "taliban"])], GROUPS)
    assert len(matched) == 1 and len(events) - len(matched) == 1  # the other is a false alarm


def test_required_events_are_matched_before_optional_ones():
    events = [ev("1", "CONSULT", [p("eu", "EU"), p("taliban", "Taliban")])]
    golds = [gold("opt", ["CONSULT"], ["taliban"], required=False), gold("req", ["CONSULT"], ["eu"])]
    assert assign(events, golds, GROUPS) == {1: 0}


def test_date_agreeing_candidate_wins_even_if_an_optional_gold_wanted_it():
    events = [ev("undated", "REJECT", [p("taliban", "Taliban"), p("eu", "EU")]),
              ev("dated", "SANCTION", [p("taliban", "Taliban"), p("eu", "EU")], date="2024")]
    golds = [gold("req", ["SANCTION", "REJECT"], ["taliban", "eu"], date="2024"),
             gold("opt", ["SANCTION"], ["taliban"], required=False)]
    assert assign(events, golds, GROUPS)[0] == 1


def test_dates_are_right_inside_the_gold_span_only():
    assert date_ok("2025-07-03", "2025-07") and date_ok("2025-07", "2025-07")
    assert not date_ok("2025", "2025-07") and not date_ok("2025-08-01", "2025-07") and not date_ok(None, "2025")
    assert span("2025-W38") == ("2025-09-15", "2025-09-21")
    assert date_ok("2025-W38", "2025-09")


def test_prf_edge_cases():
    assert prf(0, 0, 0)["f1"] == 1.0
    assert prf(1, 1, 0)["precision"] == 0.5 and prf(1, 0, 1)["recall"] == 0.5
