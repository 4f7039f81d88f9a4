"""Story records: reconciled fields, article ids, first report, merges."""

from __future__ import annotations

from diplotrack.stories import get_story, iter_stories, repo

from .helpers import article, event, ingest, one

KABUL = ("Kabul", "AFG")


def test_story_record_reconciles_reports(store):
    a1 = article("2025-09-21", outlet="The Washington Post")
    a2 = article("2025-09-19", outlet="Tolo News")
    a3 = article(None, url="https://www.dawn.com.pk/news/1")
    s1 = one(store, a1, event(a1, "CONSULT", ["usa"], ["taliban"], date="2025-09",
                              place=("Afghanistan", "AFG"), mode="visit",
                              sentence="Boehler made a second trip to Afghanistan last week."))
    one(store, a2, event(a2, "CONSULT", ["usa"], ["taliban"], date="2025-09-13",
                         place=KABUL, mode="visit",
                         sentence="US hostage envoy Boehler met Muttaqi in Kabul on Saturday."))
    one(store, a3, event(a3, "CONSULT", ["taliban"], ["usa"], date="2025-09-13",
                         place=KABUL, mode="meet",
                         sentence="Muttaqi received Boehler in Kabul on Saturday."))
    story = get_story(store, s1)
    assert story["id"] == s1
    assert story["report_count"] == 3
    assert story["article_ids"] == [a2.id, a1.id, a3.id]  # by publication, then ingest
    assert story["first_reported"] == "2025-09-19"
    assert story["date"] == "2025-09-13"
    assert story["mode"] == "visit"
    assert story["location"]["name"] == "Kabul"
    assert [p["id"] for p in story["actor"]] == ["USA"]
    assert [p["id"] for p in story["recipient"]] == ["taliban"]
    assert story["announcement"]["outlet_countries"] == {"USA": [a1.id], "AFG": [a2.id],
                                                         "PAK": [a3.id]}
    assert story["announcement"]["one_sided"] is False
    assert [s["id"] for s in iter_stories(store)] == [s1]


def test_one_sided_announcement(store):
    a1, a2 = article(outlet="Tolo News"), article(outlet="Bakhtar News Agency")
    sid = one(store, a1, event(a1, "AGREE", ["taliban"], ["russia"], date="2025-07",
                               sentence="Russia recognised the Islamic Emirate, officials said."))
    one(store, a2, event(a2, "AGREE", ["taliban"], ["russia"], date="2025-07-03",
                         sentence="Moscow formally recognised the Islamic Emirate."))
    ann = get_story(store, sid)["announcement"]
    assert ann["one_sided"] is True and ann["side"] == "AFG"


def test_merge_keeps_the_older_id_and_old_ids_still_resolve(store):
    a1, a3 = article(), article()
    e1 = event(a1, "CONSULT", ["usa"], ["taliban"], date="2025-03",
               sentence="Boehler held talks on detainees.")
    e2 = event(a1, "CONSULT", ["usa"], ["taliban"], date="2025-03-12", place=KABUL,
               sentence="A plane landed.")
    ingest(store, a1, [e1, e2])  # one article: two stories
    older, younger = e1.story_id, e2.story_id
    assert older != younger
    with store.transaction() as conn:
        rows = repo.load(conn, [older, younger])
        repo.merge(conn, rows[older], rows[younger])
        repo.save(conn, [rows[older]])
    assert get_story(store, younger)["id"] == older
    assert [s["id"] for s in iter_stories(store)] == [older]
    assert get_story(store, older)["event_ids"] == [e1.id, e2.id]
    ev = event(a3, "CONSULT", ["usa"], ["taliban"], date="2025-03-12", place=KABUL,
               sentence="Boehler landed in Kabul for talks on detainees.")
    ingest(store, a3, [ev])
    assert ev.story_id == older


def test_get_stories_keeps_the_order_asked_and_skips_unknown_ids(store):
    from diplotrack.stories import get_stories

    from .helpers import report

    first = report(store, "CONSULT", ["usa"], ["taliban"], published="2025-03-10", date="2025-03")
    second = report(store, "SANCTION", ["russia"], ["pakistan"], published="2025-06-01", date="2025-05")
    assert first != second
    got = get_stories(store, [second, "st_nope", first])
    assert [st["id"] for st in got] == [second, first]
    assert got[1] == get_story(store, first)
