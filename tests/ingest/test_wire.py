"""Wire credits go to the article's `wire` field, never to its authors or outlet."""

from __future__ import annotations

import pytest

from diplotrack.ingest.build import build_article
from diplotrack.ingest.metadata import split_authors
from diplotrack.ingest.wire import credits
from diplotrack.models import RawDocument

BODY = "The two ministers discussed trade, transit and security at the meeting in the capital."


@pytest.mark.parametrize(("first", "outlet", "wire"), [
    ("WASHINGTON (AP) — A prisoner swap freed two Americans.", None, ["AP"]),
    ("ISLAMABAD, Sept 13 (KUNA) -- A newly appointed ambassador arrived.", None, ["KUNA"]),
    ("Tashkent [Uzbekistan], July 25 (ANI): Uzbekistan will hold a conference.", None, ["ANI"]),
    ("KABUL (Amu TV): The ministry said on Sunday that talks began.", None, ["Amu TV"]),
    ("MOSCOW, April 17. /TASS/. The court granted the claim.", None, ["TASS"]),
    ("(MENAFN- Kuwait News Agency (KUNA)) ISLAMABAD -- A new envoy arrived.", "MENAFN", ["KUNA"]),
    ("(UrduPoint News / Sputnik - 02nd May, 2023) The envoy said on Tuesday.", "UrduPoint", ["Sputnik"]),
    ("Islamabad, Jan 30, (dpa/GNA) – The president accepted the credentials.", "Ghana News Agency", ["dpa"]),
    # no credit: a dateline without one, a parenthesis in a sentence
    ("KABUL, Afghanistan — The Taliban said on Monday.", None, []),
    ("The talks (in Doha) - went well, officials said.", None, []),
    ("(Photo by AP) The ministers met in Kabul on Sunday.", None, []),
    ("(File: Getty Images) The ministers met in Kabul on Sunday.", None, []),
])
def test_credits_in_the_first_lines(first, outlet, wire):
    assert credits([first, BODY], outlet) == wire


@pytest.mark.parametrize(("last", "wire"), [
    ("India re-established its presence in Kabul in June 2022. -- PTI", ["PTI"]),
    ("Source: apnews", ["The Associated Press"]),
    ("(With inputs from Reuters)", ["Reuters"]),
    ("He left the room. -- John Smithson", []),  # not an outlet the registry knows
])
def test_closing_credits_name_known_outlets_only(last, wire):
    assert credits(["Headline", BODY, last], None) == wire


@pytest.mark.parametrize(("line", "authors"), [
    ("By Oman Al Yahyai with AP", ["Oman Al Yahyai"]),
    ("By Victoria Bisset Washington Post", ["Victoria Bisset"]),
    ("By Rédaction Africanews and AP", ["Rédaction Africanews"]),
    ("By Reuters", []),
    ("By Ellen Post", ["Ellen Post"]),
])
def test_an_agency_in_a_byline_is_no_author(line, authors):
    assert split_authors(line) == authors


def test_the_article_record_carries_the_wire_apart_from_authors_and_outlet():
    text = f"Talks in Kabul\n\nBy Oman Al Yahyai with AP\n\nKABUL (AFP) — {BODY}\n\n{BODY}"
    art = build_article(RawDocument(source="t.txt", content=text, kind="text",
                                    fields={"url": "https://www.euronews.com/2025/01/26/talks"}))
    assert art.authors == ["Oman Al Yahyai"]
    assert art.wire == ["AP", "AFP"] or art.wire == ["AFP", "AP"]
    assert art.outlet not in ("AP", "AFP", None)
    given = build_article(RawDocument(source="u.txt", content=f"KABUL (AFP) — {BODY}", kind="text",
                                      fields={"wire": ["Reuters"]}))
    assert given.wire == ["Reuters"]  # what the input says wins
