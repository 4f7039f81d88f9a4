"""The stories workbench in a real chromium over the demo database (plus one story of six
reports): the sortable story list, the story page's claims and framing table, and no
page wider than a 390 px phone."""

from __future__ import annotations

import json
import re
from urllib.request import urlopen

import pytest

from .test_ui import open_view, shot
from .widedb import OUTLETS, WIDE_IDS, XSS_HEADLINE

pytestmark = pytest.mark.browser

ARTICLE_ID = re.compile(r"\b[0-9a-f]{16}\b")
RAW_ACTOR_ID = re.compile(r"\b[a-z][a-z0-9]*:[a-z0-9][a-z0-9._-]*")


def api(base: str, path: str) -> dict:
    with urlopen(f"{base}/api/{path}") as response:  # noqa: S310  the local test server
        return json.load(response)


def all_stories(base: str) -> list[dict]:
    return api(base, "stories?limit=500")["items"]


def wide_story(base: str) -> dict:
    return next(s for s in all_stories(base) if WIDE_IDS[0] in s["article_ids"])


def column_texts(page, index: int) -> list[str]:
    return page.locator(f"#story-list tbody tr td:nth-child({index})").all_inner_texts()


def test_story_list_shows_headlines_and_outlets_and_sorts_by_keyboard(demo_page, demo_server):
    page = demo_page
    stories = all_stories(demo_server)
    open_view(page, demo_server, "stories")
    rows = page.locator("#story-list tbody tr")
    assert rows.count() == min(len(stories), 50)
    headlines = {s["headline"] for s in stories}
    assert set(column_texts(page, 2)) and all(t.split("\n")[0] in headlines for t in column_texts(page, 2))
    first = rows.first  # most reported first: the story of six outlets
    assert first.get_by_role("link").inner_text() == XSS_HEADLINE
    for outlet in OUTLETS:
        assert outlet in first.inner_text()
    assert "(USA)" in page.locator("#story-list").inner_text()  # the White House's country
    for text in column_texts(page, 3):  # participants by name
        assert not RAW_ACTOR_ID.search(text), text
    shot(page, "stories-demo")

    date = page.locator('#story-list button[data-sort="date"]')
    date.focus()
    page.keyboard.press("Enter")
    assert page.locator("#story-list th[aria-sort]").count() == 1
    assert page.locator('#story-list th[aria-sort="descending"] button').get_attribute("data-sort") == "date"
    dated = [s["date"] for s in stories if s["date"]]
    assert page.locator("#story-list tbody tr").first.locator("time").get_attribute("datetime") == max(dated)[:10]

    reports = page.locator('#story-list button[data-sort="reports"]')
    reports.focus()
    page.keyboard.press("Space")
    counts = [int(t.split()[0]) for t in column_texts(page, 5)]
    assert counts == sorted(counts, reverse=True) and counts[0] == len(OUTLETS)
    assert page.locator('#story-list th[aria-sort="descending"] button').get_attribute("data-sort") == "reports"
    assert page.evaluate("document.activeElement.dataset.sort") == "reports"  # focus stays on the header
    page.keyboard.press("Enter")  # again: fewest first
    counts = [int(t.split()[0]) for t in column_texts(page, 5)]
    assert counts == sorted(counts) and counts[0] < len(OUTLETS)
    assert page.locator('#story-list th[aria-sort="ascending"] button').get_attribute("data-sort") == "reports"
    assert "sort=reports" in page.url and "dir=ascending" in page.url

    page.locator('#story-list button[data-sort="headline"]').click()
    titles = [t.split("\n")[0].casefold() for t in column_texts(page, 2)]
    assert titles == sorted(titles)


def test_story_pages_name_outlets_and_participants_never_ids(demo_page, demo_server):
    page = demo_page
    checked = 0
    for story in all_stories(demo_server):
        detail = api(demo_server, f"stories/{story['id']}")
        slugs = {p["id"] for p in story["actor"] + story["recipient"]}
        slugs |= {n["id"] for c in detail["columns"] for n in c["naming"]}
        slugs = {i for i in slugs if "-" in i or ":" in i}
        open_view(page, demo_server, f"story/{story['id']}")
        claims = page.locator(".claims-pair").inner_text()
        assert not ARTICLE_ID.search(claims), (story["id"], claims)
        assert not RAW_ACTOR_ID.search(claims), (story["id"], claims)
        for slug in slugs:
            assert not re.search(rf"(?<![\w-]){re.escape(slug)}(?![\w-])", claims), (slug, claims)
        assert "an untitled report" not in claims
        for column in detail["columns"]:
            assert column["article"]["outlet"] in claims
        assert not ARTICLE_ID.search(page.locator("#view").inner_text())
        checked += 1
    assert checked >= 10


def test_framing_comparison_is_a_table_one_row_per_report(demo_page, demo_server):
    page = demo_page
    with_reports = [s for s in all_stories(demo_server) if s["article_ids"]]
    assert len(with_reports) >= 5
    for story in with_reports:
        open_view(page, demo_server, f"story/{story['id']}")
        table = page.locator("section.framing table#framing-table")
        assert table.locator("tbody tr").count() == len(story["article_ids"])
        assert page.locator("section.framing").bounding_box()["height"] < 2000
        assert page.locator("#view dl.tree").count() == 0
        first = table.locator("tbody tr").first
        assert re.search(r"\d+%", first.inner_text()) and first.locator(".meter").count() == 1
    wide = wide_story(demo_server)
    open_view(page, demo_server, f"story/{wide['id']}")
    text = page.locator("#framing-table").inner_text()
    assert all(outlet in text for outlet in OUTLETS)
    shot(page, "story-wide")


def test_more_reports_than_fit_get_a_scroll_cue(demo_page, demo_server):
    page = demo_page
    open_view(page, demo_server, f"story/{wide_story(demo_server)['id']}")
    assert page.locator(".columns article.column").count() == len(OUTLETS)
    cue = page.locator(".cue-bar .more-cue", has_text="more →")
    cue.wait_for(state="visible")
    hidden = int(cue.inner_text().split()[0])
    assert 1 <= hidden < len(OUTLETS)
    assert page.locator(".cue-frame.more-right").count() == 1
    cue.click()
    page.locator(".cue-bar .more-cue", has_text="← ").wait_for(state="visible")  # scrolled: a cue back
    assert page.evaluate("document.querySelector('.columns').scrollLeft") > 0
    assert page.locator(".cue-frame.more-left").count() == 1


def test_markup_in_a_story_headline_renders_as_text(demo_page, demo_server):
    page = demo_page
    page.add_init_script("window.alert = () => { window.__xss = 1; };")
    open_view(page, demo_server, "stories")
    assert page.get_by_role("link", name=XSS_HEADLINE).count() == 1
    page.get_by_role("link", name=XSS_HEADLINE).click()
    page.wait_for_selector("#view:not([aria-busy]) #framing-table")
    assert page.locator("#view h2").first.inner_text() == XSS_HEADLINE
    assert XSS_HEADLINE in page.locator("#framing-table").inner_text()
    page.wait_for_timeout(200)
    assert page.locator("#view img").count() == 0
    assert page.evaluate("window.__xss") is None


def test_no_view_is_wider_than_a_phone(phone_page, demo_server):
    page = phone_page
    with_column = next(s for s in all_stories(demo_server) if s["article_ids"] and s["id"] != wide_story(demo_server)["id"])
    routes = ["stories", f"story/{with_column['id']}", f"story/{wide_story(demo_server)['id']}",
              "timeline", "network", "map", "articles"]
    for route in routes:
        open_view(page, demo_server, route)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (route, width)
        for tab in page.locator("#tabs a").all():  # the nav wraps: every tab on screen
            box = tab.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, route
        # chart text drawn at 10 px or more, whatever the chart's scale
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('#view svg text')].map((t) =>
            parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getBoundingClientRect().width
            / t.ownerSVGElement.viewBox.baseVal.width))""")
        assert smallest >= 10, (route, smallest)
        shot(page, f"phone-{route.split('/')[0]}")
