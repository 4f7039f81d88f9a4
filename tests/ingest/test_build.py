"""build_article: clean text and metadata, against the seed gold and small cases."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from diplotrack.errors import UnsupportedInput
from diplotrack.ingest.build import build_article
from diplotrack.ingest.dedup import simhash, text_hash
from diplotrack.ingest.readers import iter_documents
from diplotrack.models import RawDocument

BODY = (
    "Officials from both governments met for three hours on Tuesday and agreed to continue "
    "talks next month, according to a statement released after the meeting."
)


def build_text(text: str, **fields) -> object:
    return build_article(RawDocument(source="t.txt", content=text, kind="text", fields=fields))


# ------------------------------------------------------------------ seeds vs gold
def _gold_cases(shared):
    for path in sorted((shared / "gold" / "events").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text())
        yield gold, shared / "seeds" / gold["doc"]


def test_seed_metadata_matches_gold(shared):
    checked = 0
    for gold, seed in _gold_cases(shared):
        [doc] = iter_documents([str(seed)])
        art = build_article(doc)
        meta = gold["metadata"]
        assert art.title == meta["title"], seed.name
        assert art.authors == (meta.get("authors") or []), seed.name
        assert art.outlet == meta.get("outlet"), seed.name
        assert art.published == meta.get("published"), seed.name
        assert art.genre == meta["genre"], seed.name
        if "dateline" in meta:
            assert art.dateline == meta["dateline"], seed.name
        for phrase in gold.get("boilerplate") or []:
            assert art.text.count(phrase) <= (1 if phrase == meta["title"] else 0), seed.name
        assert art.language == "en"
        checked += 1
    assert checked == 3


def test_seed_002_header_lines_leave_the_body(shared):
    [doc] = iter_documents([str(shared / "seeds" / "002_e8012ca3f52a0d11.txt")])
    art = build_article(doc)
    assert art.published_from == "text"
    first = art.text.split("\n\n")[0]
    assert not first.startswith(("By ", "The Washington Post", "September 21"))
    assert "The Taliban are reaching out — and some countries are responding" not in art.text
    assert art.text.rstrip().endswith("seek help.")


def test_seed_001_keeps_its_first_line(shared):
    [doc] = iter_documents([str(shared / "seeds" / "001_9f13e87125d39daa.txt")])
    art = build_article(doc)
    assert art.title is None
    assert art.text.startswith("In a move that has raised more than a few eyebrows")


def test_wh_taliban_articles(shared):
    folder = shared / "corpus" / "wh-taliban" / "docs"
    arts = [build_article(d) for d in iter_documents([str(folder)])]
    assert len(arts) == 34
    assert all(a.published_from == "input" and a.outlet == "The White House" for a in arts)
    briefings = [a for a in arts if "/press-briefings/" in (a.url or "")]
    assert briefings and all(a.genre == "transcript" for a in briefings)
    assert all(a.dateline is None for a in briefings)  # "MS. PSAKI:" is a speaker, not a place
    proclamation = next(a for a in arts if "presidential-actions" in a.source)
    assert proclamation.genre == "press_release"
    assert all("\n\n\n" not in a.text and "  " not in a.text for a in arts)


# ------------------------------------------------------------------ fingerprints, errors
def test_ids_and_fingerprints():
    art = build_text("Talks resume\n\n" + BODY)
    assert art.text_hash == text_hash(art.text) and art.id == art.text_hash[:16]
    assert art.simhash == simhash(art.text)


def test_no_usable_text_raises():
    with pytest.raises(UnsupportedInput, match=r"^t\.txt: "):
        build_text("Share this article\n\nSubscribe to our newsletter\n")


# ------------------------------------------------------------------ header and cleaning
def test_header_byline_outlet_date_lines():
    text = ("Ministers agree to reopen embassies\n"
            "By Dr. Anna Berg, PhD, and Prof. Tom Reyes\n"
            "Reuters\n"
            "Published March 3, 2024 at 10:15 a.m. EST\n\n"
            "GENEVA (Reuters) - " + BODY + "\n\nMinisters agree to reopen embassies\n")
    art = build_text(text)
    assert art.title == "Ministers agree to reopen embassies"
    assert art.authors == ["Anna Berg", "Tom Reyes"]
    assert art.outlet == "Reuters"
    assert (art.published, art.published_from) == ("2024-03-03", "text")
    assert art.dateline == "Geneva"
    assert art.text == "GENEVA (Reuters) - " + BODY


@pytest.mark.parametrize("line", [
    "https://www.reuters.com/world/2024/03/03/ministers-agree/",
    "Source: https://www.reuters.com/world/2024/03/03/ministers-agree/",
    "https : / / www . reuters . com / world / 2024 / 03 / 03 / ministers - agree /",  # tokenised
])
def test_an_address_line_gives_the_url_and_its_date(line):
    art = build_text(f"{line}\nMinisters agree to reopen embassies\n\n{BODY}")
    assert art.url == "https://www.reuters.com/world/2024/03/03/ministers-agree/"
    assert art.title == "Ministers agree to reopen embassies"
    assert art.published == "2024-03-03" and "reuters.com" not in art.text


@pytest.mark.parametrize("line", ["http://example.org is where the talks were announced",
                                  "See https://example.org/a for more"])
def test_prose_with_an_address_is_not_an_address_line(line):
    from diplotrack.ingest.metadata import url_line

    assert url_line(line) is None


def test_byline_with_three_authors_and_pipe_segments():
    art = build_text("Leaders meet in Rome\nBy Ana Silva, Ben Ode and Cy Park | The Guardian | 4 June 2024\n"
                     + BODY)
    assert art.authors == ["Ana Silva", "Ben Ode", "Cy Park"]
    assert art.outlet == "The Guardian"
    assert art.published == "2024-06-04"


def test_sentence_first_line_is_not_a_title():
    art = build_text(BODY + "\n" + BODY)
    assert art.title is None and art.text.startswith("Officials from")


def test_boilerplate_is_dropped():
    text = "\n".join([
        "Summit ends without agreement", BODY,
        "Read more: Why the summit failed",
        "Share on Facebook",
        "Please donate to support our independent journalism today.",
        "IBAN: DE89 3704 0044 0532 0130 00",
        "Sign up for our newsletter",
        BODY.replace("Tuesday", "Wednesday"),
        "12 Comments",
        "Leave a comment",
        "Jane Roe is a senior correspondent covering diplomacy.",
        "Summit ends without agreement",
    ])
    art = build_text(text)
    assert art.text == BODY + "\n\n" + BODY.replace("Tuesday", "Wednesday")


def test_no_date_means_null_never_today():
    art = build_text("Talks resume\n" + BODY)
    assert art.published is None and art.published_from is None
    assert dt.date.today().isoformat() not in repr(art)


def test_hard_wrapped_text_is_unwrapped():
    para = ("The delegation arrived in Kabul on Sunday for talks with officials about\n"
            "the return of refugees and the reopening of consular services, officials\n"
            "said in a statement released late in the evening by the foreign ministry.\n")
    art = build_text(para + "\n" + para.replace("Kabul", "Doha"))
    assert art.text.count("\n\n") == 1 and "\nthe" not in art.text


# ------------------------------------------------------------------ genre
@pytest.mark.parametrize(
    ("fields", "text", "genre"),
    [
        ({"url": "https://ex.org/opinion/2024/why-talks-matter"}, BODY, "opinion"),
        ({"url": "https://ex.org/analysis/summit"}, BODY, "analysis"),
        ({}, "FOR IMMEDIATE RELEASE\n" + BODY + "\n###", "press_release"),
        ({"section": ["Opinion"]}, BODY, "opinion"),
        ({"genre": "editorial"}, BODY, "opinion"),
        ({"genre": "Obituary"}, BODY, "obituary"),
        ({}, "\n".join(["MS. LEE: Good afternoon.", "Q Will the talks resume?", "MS. LEE: Yes.",
                        "Q When?", "MS. LEE: Next week.", "Q Where?", "MS. LEE: In Doha."]), "transcript"),
        ({}, "WASHINGTON — " + BODY + " The minister said talks would go on, officials said.", "news"),
    ],
)
def test_genre_cues(fields, text, genre):
    assert build_text(text, **fields).genre == genre


def test_opinion_from_voice():
    text = ("Why does Europe keep pretending?\n"
            "I think the answer is obvious. Predictably, the ministers clearly failed again. "
            "Is anyone surprised? Make no mistake: we must do better, and frankly the bottom line "
            "is that nobody is listening. What did they expect?")
    assert build_text(text).genre == "opinion"


# ------------------------------------------------------------------ language, kinds
def test_language_detection():
    german = ("Die Außenminister Deutschlands und Frankreichs trafen sich am Dienstag in Berlin, "
              "um über die Lage in der Ukraine zu sprechen, teilte das Ministerium mit.")
    assert build_text(german).language == "de"
    assert build_text(german, language="EN-gb").language == "en"


def test_html_record_content_is_stripped():
    art = build_article(RawDocument("r#1", f"<p>{BODY}</p><p>Second <b>paragraph</b> here.</p>",
                                    "record", {}))
    assert art.text == BODY + "\n\nSecond paragraph here."


def test_html_fixture(fixtures):
    html = (fixtures / "article.html").read_text()
    art = build_article(RawDocument("a.html", html, "html", {}))
    assert art.title == "Envoys meet in Doha to discuss aid corridor"
    assert art.outlet == "Example Daily"
    assert art.url == "https://example.org/world/2024/03/05/envoys-meet-doha"
    assert "Read more" not in art.text and "newsletter" not in art.text and "Home" not in art.text
    assert art.text.startswith("DOHA, Qatar")


def test_markdown_fixture(fixtures):
    [doc] = iter_documents([str(fixtures / "article.md")])
    art = build_article(doc)
    assert art.title == "Statement on the Ceasefire Talks"
    assert art.genre == "press_release"
    assert art.text.startswith("The United States welcomes")
    assert "[Egypt]" not in art.text and "*honor*" not in art.text and "###" not in art.text
    # an outlet the registry does not know is named by its site's address
    assert art.outlet == "Example" and art.published == "2024-05-02"


def test_outlet_from_the_url():
    def outlet(url: str) -> str | None:
        return build_article(RawDocument("r.jsonl#1", BODY, "record", {"url": url})).outlet

    assert outlet("https://www.dawn.com/news/1871171/x") == "Dawn"  # the registry's name
    assert outlet("https://www.khaleejtimes.com/uae/x") == "Khaleej Times"  # read off the domain
    assert outlet("https://en.example-daily.org/x") == "Example-Daily"


def test_html_genre_from_schema_type_and_section():
    ld = '{"@context": "https://schema.org", "@type": "OpinionNewsArticle", "author": {"name": "Lea Roth"}}'
    page = (f'<html><head><title>A view</title><script type="application/ld+json">{ld}</script></head>'
            f"<body><article><h1>A view on the summit</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>")
    art = build_article(RawDocument("v.html", page, "html", {}))
    assert art.genre == "opinion" and art.authors == ["Lea Roth"]
    page2 = page.replace("OpinionNewsArticle", "NewsArticle").replace(
        "<title>", '<meta property="article:section" content="Analysis"><title>')
    assert build_article(RawDocument("v.html", page2, "html", {})).genre == "analysis"


def test_html_fragment_trafilatura_rejects_still_gives_text():
    frag = f"<h1>Ministers meet</h1><p>{BODY}</p>"
    art = build_article(RawDocument("f.html", frag, "html", {}))
    assert art.text == BODY and art.title == "Ministers meet"


def test_sharing_prompts_go_but_sentences_with_the_same_verbs_stay():
    from diplotrack.ingest.clean import remove_boilerplate

    kept = remove_boilerplate([
        "The ministers met in Geneva on Monday to discuss the border.",
        "Share this article on Facebook",
        "Send this story to a friend",
        "Pakistan will send troops to the border, the minister said on Monday.",
    ])
    assert kept == ["The ministers met in Geneva on Monday to discuss the border.",
                    "Pakistan will send troops to the border, the minister said on Monday."]


def test_markdown_html_comments_are_not_text():
    from diplotrack.ingest.markdown import markdown_to_text

    assert markdown_to_text("<!-- -->  The United States provided aid.\n\n<!--\nnav\n-->Next.") == \
        "The United States provided aid.\n\nNext."


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/2013/05/03/world/talks.html", "2013-05-03"),
    ("http://articles.example.com/2013/may/03/local/la-me-0504-rehab", "2013-05-03"),
    ("https://example.org/2013/September/9/news", "2013-09-09"),
    ("https://example.org/news/talks-in-doha", None),
    ("https://example.org/a/china-appoints-ambassador-20230913/7267264.html", "2023-09-13"),
    ("https://example.org/news/article_20240105.html", "2024-01-05"),
    ("https://example.org/a/item-202309131/", None),  # nine digits: an id
])
def test_a_date_in_the_url_path_dates_an_undated_text(url, expected):
    art = build_article(RawDocument("t.txt", "Talks opened in Doha.\n\nDelegates met for two days "
                                    "and agreed on a prisoner exchange.", "text", {"url": url}))
    assert art.published == expected
    assert art.published_from == ("inferred" if expected else None)


def test_photo_caption_above_the_headline_is_not_the_title():
    text = ("Ministers meet in Kabul on trade. Photo Courtesy: the Ministry of Foreign Affairs\n\n"
            "Ministers meet in Kabul for the first time\n\n" + BODY)
    art = build_article(RawDocument("c.txt", text, "text", {}))
    assert art.title == "Ministers meet in Kabul for the first time"
    assert "Photo Courtesy" not in art.text


@pytest.mark.parametrize("bio", [
    "Jane Roe is a special consultant at the Institute for Peace Studies in Islamabad.",
    "Prof. John Doe is a lecturer in international relations at the University of Kabul.",
    "Ali Khan is a political economist and former adviser to the finance ministry.",
])
def test_an_author_bio_at_the_end_is_no_article_text(bio):
    assert build_text("\n".join(["Talks resume", BODY, bio])).text == BODY


def test_a_last_paragraph_about_an_official_is_article_text():
    last = "Muttaqi is the acting foreign minister of the Islamic Emirate."
    assert build_text("\n".join(["Talks resume", BODY, last])).text.endswith(last)


@pytest.mark.parametrize(("head", "title", "published"), [
    ("National\nPakistan, Afghanistan agree to boost trade\nPublished April 19, 2025",
     "Pakistan, Afghanistan agree to boost trade", "2025-04-19"),
    ("World\nJul 4, 2025 10:15 AM\nRussia recognises the Taliban government",
     "Russia recognises the Taliban government", "2025-07-04"),
    ("Pakistan\nDar visits Kabul for talks", "Dar visits Kabul for talks", None),
    ("BREAKING: Taliban envoy arrives in Abu Dhabi", "Taliban envoy arrives in Abu Dhabi", None),
    ("EXCLUSIVE | Envoys meet in Doha", "Envoys meet in Doha", None),
    ("Russia recognises the Taliban government\nJuly 4, 2025 | 2 min read",
     "Russia recognises the Taliban government", "2025-07-04"),
    ("2025-07-04\nRussia recognises the Taliban government\nBy Staff Reporter",
     "Russia recognises the Taliban government", "2025-07-04"),
])
def test_section_labels_kickers_and_desk_bylines_are_no_headline_or_text(head, title, published):
    art = build_text(f"{head}\n{BODY}")
    assert (art.title, art.published, art.authors, art.text) == (title, published, [], BODY)
