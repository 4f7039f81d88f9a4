"""The web UI in a real (Debian) chromium, against a live server over the sample database.

Set DIPLOTRACK_SCREENSHOTS=/some/dir to keep a screenshot of each view.
"""

from __future__ import annotations

import os
import re

import pytest
from playwright.sync_api import expect

from .conftest import sampledb

pytestmark = pytest.mark.browser


def open_view(page, server: str, route: str) -> None:
    page.goto(f"{server}/#/{route}")
    page.wait_for_selector("#view:not([aria-busy]) .view", timeout=20000)


def shot(page, name: str) -> None:
    folder = os.environ.get("DIPLOTRACK_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def test_timeline_shows_events_and_opens_evidence(page, server):
    open_view(page, server, "timeline")
    assert page.locator("svg circle.dot").count() == 5  # the dated events
    assert page.locator("table.list tbody tr").count() == 6
    shot(page, "timeline")
    page.locator('circle.dot[data-event="e1"]').click()
    page.wait_for_url(re.compile(r"#/event/e1$"))
    page.wait_for_selector("blockquote.evidence mark")
    assert page.locator("blockquote.evidence mark").first.inner_text() == (
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Wednesday.")
    shot(page, "event")
    page.get_by_role("link", name="Blinken meets Wang Yi in Beijing").click()
    page.wait_for_selector(".article-text mark")
    assert page.locator("h2.article-title").inner_text() == "Blinken meets Wang Yi in Beijing"
    assert page.locator(".article-text mark").first.get_attribute("data-event") == "e1"


def test_timeline_is_keyboard_usable(page, server):
    open_view(page, server, "timeline")
    dot = page.locator('circle.dot[data-event="e3"]')
    assert dot.get_attribute("tabindex") == "0" and "SANCTION" in dot.get_attribute("aria-label")
    dot.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#/event/e3$"))
    page.wait_for_selector("blockquote.evidence mark")
    assert "imposed new sanctions" in page.locator("blockquote.evidence mark").inner_text()


def test_timeline_filter_by_category(page, server):
    open_view(page, server, "timeline")
    page.select_option("#tl-type", "ACCUSE")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"event_type=ACCUSE"))
    page.wait_for_selector("#view:not([aria-busy]) .view")
    expect(page.locator("table.list tbody tr")).to_have_count(2)  # waits for the filtered list


def test_story_view_shows_articles_side_by_side(page, server):
    open_view(page, server, "stories")
    assert page.locator("#story-list tbody tr").count() == 3  # stories an article reports
    shot(page, "stories")
    page.locator("#story-list tbody tr").first.get_by_role("link").click()
    page.wait_for_selector(".columns article.column")
    columns = page.locator(".columns article.column")
    assert columns.count() == 2
    left, right = columns.nth(0).bounding_box(), columns.nth(1).bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] >= left["x"] + left["width"]
    text = columns.nth(0).inner_text() + columns.nth(1).inner_text()
    for expected in ("The Washington Post", "Global Times", "opinion", "hegemonic bully",
                     "“The hegemonic bully”", "“Antony Blinken”", "71%"):
        assert expected in text
    # a story has a headline; its claims name outlets, never article ids
    assert page.locator("#view h2").first.inner_text() in {
        "Blinken meets Wang Yi in Beijing", "US envoy's Beijing trip shows Washington's arrogance"}
    claims = page.locator("section.claims").first.inner_text()
    assert "(a1" not in claims and "a2)" not in claims
    assert "The Washington Post" in claims or "Global Times" in claims
    shot(page, "story")


def test_search_filters_the_article_list(page, server):
    open_view(page, server, "articles")
    rows = page.locator("#article-list tbody tr")
    assert rows.count() == 4
    shot(page, "articles")
    page.fill("#a-q", "sanctions")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"q=sanctions"))
    expect(rows).to_have_count(1)  # waits for the new list (the old one may still be shown)
    assert rows.first.get_attribute("data-article") == "a3"
    page.fill("#a-q", "")
    page.select_option("#a-genre", "opinion")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"genre=opinion"))
    expect(rows.first).to_have_attribute("data-article", "a2")
    assert rows.count() == 1
    page.fill("#a-q", "nothingmatchesthis")
    page.press("#a-q", "Enter")
    page.wait_for_selector("#view:not([aria-busy]) .message")
    assert "No articles match" in page.locator("#view").inner_text()


def test_network_and_map(page, server):
    open_view(page, server, "network")
    assert page.locator("svg g.node").count() == 6
    assert page.locator("#actor-list tbody tr").count() == 6
    page.locator('g.node[data-actor="USA"]').click()
    assert "United States → China: 2" in page.locator("aside.panel").inner_text()
    shot(page, "network")
    open_view(page, server, "map")
    assert page.locator("svg path.land").count() == 1
    assert page.locator("svg circle.place").count() == 3
    page.locator('circle.place[data-place="Beijing"]').click()
    page.wait_for_selector("aside.panel ul.events li")
    assert page.locator("aside.panel ul.events li").count() == 2
    shot(page, "map")


def test_untrusted_article_text_renders_as_text(page, server):
    """Markup in titles, outlets, terms, evidence and names is shown, never run."""
    page.add_init_script("window.__xss = undefined;")
    open_view(page, server, "articles")
    assert page.get_by_role("link", name=sampledb.XSS_TITLE).count() == 1
    page.get_by_role("link", name=sampledb.XSS_TITLE).click()
    page.wait_for_selector(".article-text mark")
    assert page.locator("h2.article-title").inner_text() == sampledb.XSS_TITLE
    assert "<i>Evil</i> Times" in page.locator("#view").inner_text()
    assert sampledb.XSS_SENTENCE in page.locator(".article-text").inner_text()
    shot(page, "article-xss")
    for route in ("event/e6", "timeline", "stories", "network"):
        open_view(page, server, route)
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#view img, #view script, #view i, #view b").count() == 0
    assert page.locator("script").count() == 1  # only the app's own module
