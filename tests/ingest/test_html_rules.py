"""HTML metadata and main-text rules (diplotrack.ingest.html / htmlmeta) on small hand-written pages."""

from __future__ import annotations

import json

from diplotrack.ingest.build import build_article
from diplotrack.ingest.html import (
    extract_html,
    ld_body_instead,
    page_date,
    page_title,
    standfirst,
    strip_embeds,
)
from diplotrack.ingest.htmlmeta import LdArticle, jsonld_article
from diplotrack.models import RawDocument

BODY = " ".join(["Officials from both governments met for three hours on Tuesday and agreed to "
                 "continue talks next month, according to a statement released after the meeting."] * 3)


def ld(**node) -> str:
    node = {"@context": "https://schema.org", "@type": "NewsArticle", **node}
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


# ------------------------------------------------------------------ title
def test_jsonld_headline_confirmed_by_h1_beats_a_reworded_og_title():
    html = ld(headline="Ministers agree to resume border talks in Geneva next month") + \
        "<h1>Ministers agree to resume border talks in Geneva next month</h1>"
    assert page_title(html, "Border talks back on", "Daily", None) == \
        "Ministers agree to resume border talks in Geneva next month"


def test_jsonld_headline_needs_an_h1_that_says_the_same():
    html = ld(headline="Ministers agree to resume border talks") + "<h1>Something else entirely here</h1>"
    assert page_title(html, "Border talks back on", "Daily", None) == "Border talks back on"


def test_jsonld_headline_drops_section_prefix_and_city_suffix():
    html = ld(headline="Flood waters recede in the north") + "<h1>Flood waters recede in the north</h1>"
    meta = "Monsoon Floods: Flood waters recede in the north | Delta City News"
    assert page_title(html, meta, "The Daily Times", None) == "Flood waters recede in the north"


def test_shortened_og_title_is_kept():
    """og:title made of the headline's first words is the publisher's short headline."""
    html = ld(headline="Envoys meet in Doha as ceasefire deadline looms over the weekend") + \
        "<h1>Envoys meet in Doha as ceasefire deadline looms over the weekend</h1>"
    assert page_title(html, "Envoys meet in Doha", "Daily", None) == "Envoys meet in Doha"


def test_live_blog_keeps_og_title():
    live = ld(**{"@type": "LiveBlogPosting", "headline": "Election night: counting under way"}) + \
        "<h1>Election night: counting under way</h1>"
    assert page_title(live, "Polls close across the country", "Daily", None) == "Polls close across the country"
    labelled = ld(headline="Election LIVE: counting under way") + "<h1>Election LIVE: counting under way</h1>"
    assert page_title(labelled, "Polls close across the country", "Daily", None) == \
        "Polls close across the country"


def test_jsonld_headline_entities_are_decoded():
    html = ld(headline="Minister&#8217;s &#8216;red line&#8217; on trade") + \
        "<h1>Minister’s ‘red line’ on trade</h1>"
    assert jsonld_article(html).headline == "Minister’s ‘red line’ on trade"
    assert page_title(html, "Trade row | Daily", "Daily", None) == "Minister’s ‘red line’ on trade"


def test_only_article_nodes_count():
    html = ld(**{"@type": "WebPage", "headline": "Home", "datePublished": "2020-01-01"}) + \
        ld(headline="The real one", datePublished="2024-08-08T08:00Z")
    art = jsonld_article(html)
    assert art.headline == "The real one" and art.published == "2024-08-08T08:00Z"


# ------------------------------------------------------------------ date
def test_jsonld_date_beats_nested_image_dates():
    html = ld(headline="Talks resume in Doha", datePublished="2024-08-08T08:00Z",
              image=[{"@type": "ImageObject", "datePublished": "2024-08-07T20:16Z"}])
    art = jsonld_article(html)
    assert page_date(art, "2024-08-07") == "2024-08-08"
    assert page_date(None, "2024-08-07") == "2024-08-07"
    assert page_date(LdArticle(published="soon"), "2024-08-07") == "2024-08-07"


def test_build_article_uses_jsonld_date_and_headline():
    page = ("<html><head><meta property='og:title' content='Short social line'>"
            "<meta property='article:published_time' content='2024-08-05T19:49:50Z'>"
            + ld(headline="Envoys agree a framework for the next round of talks",
                 datePublished="2024-08-04T13:23:00Z")
            + "</head><body><article><h1>Envoys agree a framework for the next round of talks</h1>"
            f"<p>{BODY}</p><p>{BODY}</p></article></body></html>")
    art = build_article(RawDocument(source="p.html", content=page, kind="html", fields={}))
    assert art.title == "Envoys agree a framework for the next round of talks"
    assert art.published == "2024-08-04"


# ------------------------------------------------------------------ body
def test_embedded_posts_are_removed():
    html = ('<p>The minister wrote:</p><blockquote class="twitter-tweet" data-lang="en"><p>Big day '
            'for the talks</p>&mdash; Minister (@minister)</blockquote>'
            '<blockquote class="pullquote"><p>We will not give up</p></blockquote>')
    out = strip_embeds(html)
    assert "Big day" not in out and "The minister wrote" in out and "We will not give up" in out
    assert strip_embeds('<blockquote class="tweetish">x</blockquote>') == \
        '<blockquote class="tweetish">x</blockquote>'


def test_jsonld_article_body_replaces_a_partial_extraction():
    first = "On a clear morning the team walked down to the frozen pond behind the house."
    rest = " ".join(f"Paragraph {i} tells more of the story about the glass beads and the ice." for i in range(30))
    markdown = f"+++dropcap\n\n{first}\n\n[#image: /photos/1]\n\n{{: class=\"x\"}}\n\n{rest} See [a paper](https://x.org/p).\n\n+++"
    out = ld_body_instead([first], markdown)
    assert out[0] == first and out[-1].endswith("See a paper.") and len(out) == 2


def test_jsonld_article_body_kept_out_when_not_much_longer_or_another_text():
    text = ["A full extraction of the article text with many words in it. " * 20]
    assert ld_body_instead(text, "A full extraction of the article text with many words in it. " * 22) == text
    assert ld_body_instead(["Short teaser text only."], "Unrelated words about football. " * 40) == \
        ["Short teaser text only."]


def test_standfirst_shown_in_the_article_is_kept():
    dek = "The two sides agreed to meet again after a long night of talks in the capital"
    page = (f'<html><head><meta name="description" content="{dek}"></head><body><article>'
            f'<h1>Talks go on</h1><p class="standfirst">{dek}</p><p>{BODY}</p></article></body></html>')
    assert standfirst(page, dek, [BODY]) == dek
    assert standfirst(page, dek, [dek, BODY]) is None  # already in the text
    head_only = f'<html><head><meta name="description" content="{dek}"></head><body><p>{BODY}</p></body></html>'
    assert standfirst(head_only, dek, [BODY]) is None
    outside = f'<html><body><aside><p>{dek}</p></aside><article><p>{BODY}</p></article></body></html>'
    assert standfirst(outside, dek, [BODY]) is None
    assert extract_html(page).paragraphs.count(dek) == 1  # trafilatura kept it: not added twice


def test_credit_line_at_the_end_is_dropped():
    from diplotrack.ingest.clean import remove_boilerplate

    body = [f"Paragraph {i} of the story about the talks." for i in range(6)]
    assert remove_boilerplate([*body, "With reporting from Reuters and AFP"]) == body
    assert "With reporting from Reuters and AFP" in remove_boilerplate(["With reporting from Reuters and AFP", *body])
