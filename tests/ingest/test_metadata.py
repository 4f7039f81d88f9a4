"""Small rules: authors, date lines, datelines, outlets, headline shape, decoding, data files."""

from __future__ import annotations

import re

import pytest
import yaml

from diplotrack.errors import MalformedInput
from diplotrack.ingest.clean import DATA_DIR, remove_boilerplate, split_paragraphs
from diplotrack.ingest.dates import date_line, normalise_date
from diplotrack.ingest.html import page_title, split_author_field, strip_site_name
from diplotrack.ingest.markdown import markdown_to_text, split_front_matter
from diplotrack.ingest.metadata import (
    byline,
    find_dateline,
    looks_like_headline,
    split_authors,
)
from diplotrack.ingest.outlets import outlet_for_url, outlet_named
from diplotrack.ingest.sniff import decode, sniff_kind


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Rick Noack and Shaiq Hussain", ["Rick Noack", "Shaiq Hussain"]),
        ("By Dr. Amina Yusuf, Prof. Li Wei and Omar Haddad, PhD", ["Amina Yusuf", "Li Wei", "Omar Haddad"]),
        ("BY JOHN SMITH", ["John Smith"]),
        ("Written by Maria de la Cruz", ["Maria de la Cruz"]),
        ("By Sam Lee, Senior Correspondent", ["Sam Lee"]),
        ("By Ana Gomez in Bogota", ["Ana Gomez"]),
        ("Author: Kim Jae-won", ["Kim Jae-won"]),
    ],
)
def test_split_authors(line, names):
    assert byline(line) == names


@pytest.mark.parametrize("line", ["BY THE PRESIDENT OF THE UNITED STATES OF AMERICA",
                                  "By the end of the week, talks had collapsed.",
                                  "Bystanders said the convoy was attacked"])
def test_not_a_byline(line):
    assert byline(line) is None


def test_metadata_authors_last_first():
    assert split_author_field("Smith, Anna; Dube, Thabo") == ["Anna Smith", "Thabo Dube"]
    assert split_author_field(["Rachel Brazil"]) == ["Rachel Brazil"]
    assert split_author_field("Jane Roe; https://example.org/staff/jane") == ["Jane Roe"]
    assert split_authors("A. B. Carter & D. Eze") == ["A. B. Carter", "D. Eze"]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("September 21, 2025", "2025-09-21"),
        ("Sept. 21, 2025", "2025-09-21"),
        ("Published Monday 3 March 2024, 10:12 GMT", "2024-03-03"),
        ("Updated: 2024-03-05T09:30:00Z", "2024-03-05"),
        ("21/09/2025", "2025-09-21"),
        ("05/02/2013", None),  # May 2 or 5 February: not read
        ("05/05/2010", "2010-05-05"),  # both readings agree
        ("11/28/05", "2005-11-28"),
        ("Originally published 11/27/2005 at 7:21 AM EDT", "2005-11-27"),
        ("Friday August 2, 2013 @ 8:13am PDT", "2013-08-02"),
        ("on Jul 7 2012, 5:55p", "2012-07-07"),
        ("August 10, 2011 -- Updated 0947 GMT (1747 HKT)", "2011-08-10"),
        ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 28, 2005 9:00 AM ET", "2005-11-27"),
        # as a word-by-word tokeniser leaves a header line
        ("Posted 11 / 27 / 2005 7: 21 AM", "2005-11-27"),
        ("Released 2013 - 09 - 28 05: 08: 35 GMT", "2013-09-28"),
        ("Fri . , May . 3 , 2013 11 : 45 AM PDT", "2013-05-03"),
        ("The talks of September 21, 2025 and May 5, 2024 failed", None),
        ("The talks of September 21, 2025 failed", None),
        ("The Washington Post", None),
        ("February 30, 2024", None),
    ],
)
def test_date_line(line, iso):
    assert date_line(line) == iso


def test_normalise_date():
    assert normalise_date("Tue, 05 Mar 2024 23:30:00 -0500") == "2024-03-05"
    assert normalise_date("2024-03-05 16:12:11-04:00") == "2024-03-05"
    assert normalise_date("sometime soon") is None
    assert normalise_date(None) is None


@pytest.mark.parametrize(
    ("para", "city"),
    [
        ("ISLAMABAD, Pakistan — Four years into its second stretch", "Islamabad"),
        ("NEW DELHI: Pakistan's approach is evolving", "New Delhi"),
        ("WASHINGTON (Reuters) - The United States said", "Washington"),
        ("Kabul, Afghanistan (AP) — The Taliban said", "Kabul"),
        ("ST. LOUIS — Officials said", "St. Louis"),
        ("MS. PSAKI: Hi everyone.", None),
        ("Q Thank you.", None),
        ("The ministers met — and agreed.", None),
    ],
)
def test_dateline(para, city):
    assert find_dateline([para]) == city


def test_outlets_from_data_file():
    assert outlet_named("The Washington Post") == outlet_named("Washington Post") == "The Washington Post"
    assert outlet_named("Reuters") == "Reuters"
    assert outlet_named("Ministers meet") is None
    assert outlet_for_url("https://www.bbc.co.uk/news/world-123") == "BBC News"
    assert outlet_for_url("https://bidenwhitehouse.archives.gov/briefing-room/") == "The White House"
    assert outlet_for_url("https://unknown.example/x") is None


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("EU Forced to Negotiate with Taliban as Migration and Security Pressures Mount", True),
        ("The Taliban are reaching out — and some countries are responding", True),
        ("Why is Europe talking to the Taliban?", True),
        ("In a move that has raised eyebrows, the EU hosted talks with the Taliban.", False),
        ("officials said on monday", False),
    ],
)
def test_headline_shape(line, ok):
    assert looks_like_headline(line) is ok


def test_title_site_suffix_and_h1():
    assert strip_site_name("Talks resume | CBC News", "CBC News", "www.cbc.ca") == "Talks resume"
    assert strip_site_name("Talks resume - Times of India", "Times of India", None) == "Talks resume"
    assert strip_site_name("Talks resume * The Pundit * by Al Bo", "The Pundit", None) == "Talks resume"
    assert strip_site_name("War and peace - a review", None, None) == "War and peace - a review"
    html = "<h1>Site</h1><h1>Envoys <em>meet</em> in Doha</h1>"
    assert page_title(html, "Envoys meet in Doha | Daily", "Daily", None) == "Envoys meet in Doha"


def test_paragraph_splitting_modes():
    assert split_paragraphs("One line.\nTwo line.\n") == ["One line.", "Two line."]
    assert split_paragraphs("A\u00a0 b \t c\r\n\r\n\r\nD") == ["A b c", "D"]


def test_boilerplate_tail_rules_only_at_the_end():
    bio = "Jane Roe is a senior correspondent covering diplomacy."
    body = ["First paragraph of the story."] * 3 + [f"Paragraph {i} of the story." for i in range(6)]
    assert bio in remove_boilerplate([bio, *body])
    assert bio not in remove_boilerplate([*body, bio])
    assert remove_boilerplate(["Title", "Body text here.", "Title"], title="Title") == ["Body text here."]


def test_related_links_tail_is_cut():
    body = [f"Paragraph {i} of the report on the talks." for i in range(6)]
    tail = ["More from The Example", "Other headline one", "Other headline two"]
    assert remove_boilerplate(body + tail) == body


def test_data_files_load_and_patterns_compile():
    for name in ("boilerplate.yaml", "genre.yaml", "outlets.yaml"):
        data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
        assert data, name
    bp = yaml.safe_load((DATA_DIR / "boilerplate.yaml").read_text())
    for key in ("drop", "drop_at_end", "cut_tail"):
        for pattern in bp[key]:
            re.compile(pattern)


def test_markdown_conversion():
    front, body = split_front_matter("---\ntitle: T\ndate: 2024-01-02\n---\n# Head\n\nSome *text* with\na [link](http://x).\n\n- item one\n- item two\n")
    assert front == {"title": "T", "date": __import__("datetime").date(2024, 1, 2)}
    assert markdown_to_text(body) == "Head\n\nSome text with a link.\n\nitem one\n\nitem two"


def test_decode_other_legacy_code_pages():
    russian = "Министр иностранных дел России встретился с коллегой в Москве во вторник."
    assert decode(russian.encode("cp1251"), "x") == russian
    assert decode("Zoë’s café".encode("utf-8-sig"), "x") == "Zoë’s café"
    with pytest.raises(MalformedInput):
        decode(bytes(range(0x80, 0x100)) * 8, "x")


@pytest.mark.parametrize(
    ("text", "suffix", "kind"),
    [
        ('<?xml version="1.0"?>\n<rss version="2.0"><channel>', ".txt", "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom">', "", "feed"),
        ("<!DOCTYPE html><html><body><p>x</p>", ".txt", "html"),
        ("<div><p>Fragment</p></div>", "", "html"),
        ("---\ntitle: x\n---\nbody", ".txt", "markdown"),
        ('{"text": "x"}\n{"text": "y"}', ".txt", "jsonl"),
        ("Plain words.", ".rss", "feed"),
        ("Plain words.", ".md", "markdown"),
        ("Plain words.", "", "text"),
    ],
)
def test_sniff_kind(text, suffix, kind):
    assert sniff_kind(text, suffix) == kind


@pytest.mark.parametrize(("text", "language"), [
    ("د افغانستان د بهرنیو چارو وزیر له خپل ایراني سیال سره په کابل کې ولیدل او دواړو لوریو "
     "د سوداګرۍ او اوبو په اړه خبرې اترې وکړې.", "ps"),
    # short Pashto that the character model alone reads as Persian
    ("د ایران د بهرنیو چارو وزیر عراقچي کابل ته ورسید او له طالبانو سره یې ولیدل", "ps"),
    ("وزیر امور خارجه افغانستان با همتای ایرانی خود در کابل دیدار کرد و دو طرف درباره تجارت و "
     "آب گفتگو کردند.", "fa"),
    ("افغانستان کے وزیر خارجہ نے کابل میں اپنے ایرانی ہم منصب سے ملاقات کی اور دونوں نے تجارت "
     "اور پانی پر بات چیت کی۔", "ur"),
    ("التقى وزير الخارجية الأفغاني نظيره الإيراني في كابل وبحث الجانبان التجارة والمياه "
     "والعلاقات الثنائية بين البلدين.", "ar"),
])
def test_languages_of_the_arabic_script_are_told_apart(text, language):
    from diplotrack.ingest.metadata import detect_language

    assert detect_language(text) == language


def test_chinese_without_spaces_is_chinese():
    from diplotrack.ingest.metadata import detect_language

    assert detect_language("中国外交部长在北京会见阿富汗临时政府代理外长，双方就两国关系交换了意见。") == "zh"
