"""Lead events outside PLOVER (event_type OTHER) form stories by their ledes'
wording: reports of one earthquake share a story, another earthquake does not."""

from __future__ import annotations

import itertools

import pytest

from diplotrack.models import Event, Evidence, Location
from diplotrack.stories import config, keys, numbers, score
from diplotrack.stories.profile import Profile

from .helpers import article, event, ingest

QUAKE_1 = ("A magnitude 6.1 earthquake struck Qeshm island in southern Iran on Sunday, "
           "destroying villages and killing at least ten people.")
QUAKE_1B = ("At least ten people died when a 6.1-magnitude quake hit Iran's Qeshm island, "
            "flattening villages, officials said.")
QUAKE_2 = ("A magnitude 7.6 earthquake shook western Sumatra in Indonesia, collapsing "
           "hotels in the city of Padang.")
LAUNCH = ("Apple unveiled a thinner MacBook Pro with a Retina display at its developers "
          "conference in San Francisco.")


_reports = itertools.count()


def lead_event(art, sentence: str, date: str | None = None, place=None, category="OTHER") -> Event:
    ev = event(art, category, [], sentence=sentence, date=date, place=place)
    ev.lead, ev.lede = True, sentence
    return ev


def attach_one(store, sentence, published=None, title=None, **kw) -> str:
    """One article whose text is its lede (each article's text is unique, as ingest
    stores a text once)."""
    art = article(published, text=f"{sentence}\n\nReport {next(_reports)}.")
    art.title = title
    ev = lead_event(art, sentence, **kw)
    ingest(store, art, [ev])
    assert ev.story_id
    return ev.story_id


def test_reports_of_one_earthquake_share_a_story_and_another_quake_does_not(store):
    first = attach_one(store, QUAKE_1, "2008-09-08", date="2008-09-07", place=("Qeshm", "IRN"))
    second = attach_one(store, QUAKE_1B, "2008-09-09", place=("Qeshm", "IRN"))
    other = attach_one(store, QUAKE_2, "2009-10-01", date="2009-09-30", place=("Padang", "IDN"))
    launch = attach_one(store, LAUNCH, "2008-09-09")
    assert first == second
    assert len({first, other, launch}) == 3


def test_same_wording_months_apart_is_two_stories(store):
    a = attach_one(store, QUAKE_1, "2008-09-08", date="2008-09-07")
    b = attach_one(store, QUAKE_1, "2009-03-02", date="2009-03-01")
    assert a != b


def test_a_report_days_later_still_joins(store):
    a = attach_one(store, QUAKE_1, "2008-09-08", date="2008-09-07")
    b = attach_one(store, QUAKE_1B, "2008-09-12", date="2008-09-11")
    assert a == b


def test_title_and_figures_count(store):
    p = Profile.of_event(lead_event(article(), QUAKE_1), title="Deadly quake on Qeshm")
    assert "#6.1" in p.lede and "deadly" in p.lede
    assert p.words == p.lede  # an OTHER event is known by its lede alone


def test_other_report_joins_a_story_led_by_a_plover_event(store):
    lede = ("EU officials met a Taliban delegation in Brussels to discuss deportations of "
            "rejected Afghan asylum seekers.")
    art = article("2025-06-03", text=lede)
    talks = lead_event(art, lede, date="2025-06-02", category="CONSULT")
    talks.actor = event(art, "CONSULT", ["eu"]).actor
    ingest(store, art, [talks])
    follow = attach_one(store, "A Taliban delegation held talks in Brussels with EU officials "
                               "on deportations of rejected Afghan asylum seekers.", "2025-06-04")
    assert follow == talks.story_id


def test_non_lead_plover_events_are_never_joined_by_other_events(store):
    art = article("2025-06-03")
    ev = event(art, "CONSULT", ["eu"], ["taliban"], date="2025-06-02",
               sentence="EU officials met a Taliban delegation in Brussels on deportations.")
    ingest(store, art, [ev])
    other = attach_one(store, "EU officials met a Taliban delegation in Brussels on deportations.",
                       "2025-06-03")
    assert other != ev.story_id


def test_lead_stories_are_filed_under_their_heaviest_words():
    ev = Event(id="x", article_id="a", event_type="OTHER", lead=True, lede=QUAKE_1,
               evidence=[Evidence(QUAKE_1, 0, len(QUAKE_1))], location=Location("Qeshm", "IRN"))
    p = Profile.of_event(ev)
    filed = keys.story_keys(p)
    assert any(k.startswith("w|qeshm|other|") for k in filed)
    assert not any(k.startswith("w|#") for k in filed)  # figures are not anchors
    _, capped = keys.lookup_keys(p, config.load())
    assert any(k.startswith("w|qeshm|other|any") for k in capped)


def test_undated_ledes_published_months_apart_are_two_stories(store):
    a = attach_one(store, QUAKE_1, "2008-09-08")
    b = attach_one(store, QUAKE_1B, "2008-09-20")
    c = attach_one(store, QUAKE_1, "2009-01-15")
    assert a == b != c


# ---- what tells two happenings of one actor apart --------------------------------------

AFTERMATH = ("Aid agencies appealed for tents and clean water after the earthquake on Qeshm "
             "island left families sleeping in the open.")  # scores about 0.33 with QUAKE_1


def test_an_undated_report_needs_closer_wording_to_join_a_dated_story(store):
    dated = attach_one(store, QUAKE_1, "2008-09-08")
    assert attach_one(store, AFTERMATH) != dated  # 0.33 is below the undated bar (0.50)


def test_a_dated_report_with_that_wording_joins(store):
    dated = attach_one(store, QUAKE_1, "2008-09-08")
    assert attach_one(store, AFTERMATH, "2008-09-10") == dated  # above the dated bar (0.28)


def test_the_undated_bar_applies_when_one_side_only_has_a_publication_date():
    cfg = config.load()
    def profile(published):
        return Profile.of_event(lead_event(article(published), QUAKE_1), published)
    assert score.general_score(profile("2008-09-08"), profile(None), cfg).bar == \
        cfg["general"]["undated_threshold"]
    assert score.general_score(profile(None), profile(None), cfg).bar == cfg["general"]["threshold"]
    assert score.general_score(profile("2008-09-08"), profile("2008-09-09"), cfg).bar == \
        cfg["general"]["threshold"]


FIGHT_1 = ("Wladimir Klitschko stopped Hasim Rahman in the seventh round to retain his "
           "heavyweight titles in Mannheim.")
FIGHT_1B = ("Wladimir Klitschko retained his heavyweight titles, stopping Hasim Rahman in "
            "the seventh round.")
FIGHT_2 = ("Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his "
           "heavyweight titles in Bern.")


def fight(sentence: str, names: list[str] | None = None) -> Profile:
    ev = lead_event(article(), sentence)
    ev.lede_names = tuple(names or ())
    return Profile.of_event(ev)


def test_names_and_figures_set_two_fights_of_one_boxer_apart():
    cfg = config.load()
    def gap(names: bool) -> float:
        one = fight(FIGHT_1, ["Wladimir", "Klitschko", "Hasim", "Rahman", "Mannheim"] if names else [])
        same = fight(FIGHT_1B, ["Wladimir", "Klitschko", "Hasim", "Rahman"] if names else [])
        other = fight(FIGHT_2, ["Wladimir", "Klitschko", "Tony", "Thompson", "Bern"] if names else [])
        if not names:
            one.figures = other.figures = same.figures = {}
        return score.general_score(one, same, cfg).score - score.general_score(one, other, cfg).score
    assert gap(names=True) > gap(names=False) + 0.15  # the seventh round against the sixth


def test_proper_names_weigh_more_in_a_lede():
    plain = lead_event(article(), FIGHT_2)
    named = lead_event(article(), FIGHT_2)
    named.lede_names = ("Thompson",)
    weight = config.load()["general"]["name_weight"]
    assert Profile.of_event(named).lede["thompson"] == pytest.approx(
        Profile.of_event(plain).lede["thompson"] * weight, rel=0.01)


def test_figures_are_read_with_the_thing_they_count():
    found = numbers.figures("A magnitude 4.4 quake struck in 2013; Klitschko won in the seventh "
                         "round, his 16th fight, and one of the 12th Doctor's fans cheered")
    assert found["round"] == ["7"] and found["fight"] == ["16"] and found["doctor"] == ["12"]
    assert found["quake"] == ["4.4"]  # the word after a figure first, then the one before
    assert not any("2013" in v for v in found.values())  # a year is a date, not a figure
    assert numbers.figures_conflict({"round": ["7"]}, {"round": ["6"], "title": ["3"]})
    assert not numbers.figures_conflict({"round": ["7"]}, {"round": ["6", "7"]})
    assert not numbers.figures_conflict({"round": ["7"]}, {"people": ["10"]})


# two emergency patches of one browser: alike ledes, different details in the texts
PATCH_1 = ("Microsoft released an emergency patch for a flaw in Internet Explorer that hackers "
           "used to steal passwords.",
           "The flaw in the data binding feature let attackers take over two million computers, "
           "mostly in China, said Symantec researcher Ben Greenbaum.")
PATCH_1B = ("Microsoft rushed out a fix for its Internet Explorer browser after attacks on its "
            "users.",
            "Attackers used the data binding flaw to steal passwords from two million computers "
            "in China, Symantec's Ben Greenbaum said.")
PATCH_2 = ("Microsoft released an emergency patch for Internet Explorer after attacks on its "
           "users.",
           "The Fix It tool blocks attacks on users in Japan and Taiwan, said Dustin Childs of "
           "Microsoft's Trustworthy Computing group.")


def patch(report: tuple[str, str], with_text: bool = True) -> Profile:
    lede, rest = report
    art = article(text=f"{lede}\n\n{rest}")
    return Profile.of_event(lead_event(art, lede), body=art.text if with_text else None)


def test_the_whole_text_tells_two_happenings_of_one_actor_apart():
    cfg = config.load()
    def gap(with_text: bool) -> float:
        one, same, other = (patch(r, with_text) for r in (PATCH_1, PATCH_1B, PATCH_2))
        return score.general_score(one, same, cfg).score - score.general_score(one, other, cfg).score
    assert gap(with_text=False) < 0  # by their ledes alone, the other patch looks closer
    assert gap(with_text=True) > 0.05  # their texts say which flaw, where, and who found it


def test_a_text_is_kept_for_lead_events_only():
    lede, rest = PATCH_1
    art = article(text=f"{lede}\n\n{rest}")
    assert "greenbaum" in Profile.of_event(lead_event(art, lede), body=art.text).body
    assert not Profile.of_event(event(art, "CONSULT", ["usa"], sentence=lede), body=art.text).body


def test_undated_lead_reports_join_by_their_plover_events_only_through_a_registry_actor():
    from diplotrack.models import Participant

    def pair(actor: Participant, dated: bool) -> tuple[Profile, Profile]:
        art_a, art_b = article(), article("2025-06-10")
        a = lead_event(art_a, "The company released a fix for its browser.", category="AID")
        b = lead_event(art_b, "A patch is out for the flaw that attackers used.", category="AID")
        a.actor, b.actor = [actor], [actor]
        if dated:
            a.date = b.date = "2025-06-09"
        return Profile.of_event(a), Profile.of_event(b, "2025-06-10")

    company = Participant("org:microsoft", "Microsoft", "organisation", "Microsoft")
    pa, pb = pair(company, dated=False)
    assert score.plover_score(pa, pb, config.load()) is not None  # alike as PLOVER events
    assert score.score(pa, pb) is None  # but undated, which of the company's patches is it?
    assert score.score(*pair(company, dated=True)) is not None
    eu = event(article(), "AID", ["eu"]).actor[0]
    assert score.score(*pair(eu, dated=False)) is not None  # a registry actor: as before


def test_a_text_is_read_from_its_top():
    lede, rest = PATCH_1
    far = " ".join(["The briefing then turned to other matters."] * 120) + " Zanzibar ferries."
    art = article(text=f"{lede}\n\n{rest}\n\n{far}")
    body = Profile.of_event(lead_event(art, lede), body=art.text).body
    assert "greenbaum" in body and "zanzibar" not in body  # past body_chars


def test_a_story_stored_without_a_text_is_compared_by_its_lede():
    cfg = config.load()
    new = patch(PATCH_1)
    old = Profile.from_json({k: v for k, v in patch(PATCH_1B).to_json().items() if k != "body"})
    m = score.general_score(new, old, cfg)
    assert m is not None and "body" not in m.parts
    assert m.score == pytest.approx(m.parts["words"] - (cfg["general"]["figure_conflict_penalty"]
                                    if numbers.figures_conflict(new.figures, old.figures) else 0))
