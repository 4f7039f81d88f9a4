"""HTML pages: main text and metadata with trafilatura (plus htmldate for the date)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from typing import Any

from diplotrack.ingest.clean import load_boilerplate, normalise_line
from diplotrack.ingest.dates import normalise_date
from diplotrack.ingest.htmlmeta import (
    LdArticle,
    jsonld_article,
    jsonld_authors,
    meta_authors,
    page_sections,
)
from diplotrack.ingest.htmltext import fragment_to_text

# Chosen on bench/fundus_eval.py (45 real news pages): trafilatura defaults gave the best body F1
# (0.949 against 0.944 with favor_precision and 0.942 with favor_recall).
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "favor_precision": False,
    "favor_recall": False,
    "deduplicate": False,
}
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": True}


@dataclass
class Extracted:
    """What a document itself says: its main-text paragraphs and the metadata of an
    HTML page (or only the title of a Markdown heading; see build.py)."""

    paragraphs: list[str]
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    labels: list[str] = field(default_factory=list)  # section labels, categories


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Main text paragraphs and page metadata; empty paragraphs when nothing was found."""
    import trafilatura

    html = strip_embeds(html)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS, **EXTRACT_OPTIONS
    )
    if doc is None:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True,
                                          date_extraction_params=DATE_PARAMS)
    d: dict[str, Any]
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    else:
        d = _fallback_metadata(html)
    text = d.get("text") or ""
    paragraphs = [p for p in (normalise_line(x) for x in text.split("\n")) if p]
    ld = jsonld_article(html)
    paragraphs = ld_body_instead(paragraphs, ld.body if ld else None)
    if paragraphs and (dek := standfirst(html, _str(d.get("description")), paragraphs)):
        paragraphs.insert(0, dek)
    if not paragraphs:  # a fragment or a page trafilatura gives up on: strip the markup
        paragraphs = [p for p in fragment_to_text(html, drop_layout=True).split("\n\n") if p]
    sitename = _str(d.get("sitename"))
    return Extracted(
        paragraphs=paragraphs,
        title=page_title(html, _str(d.get("title")), sitename, _str(d.get("hostname")), ld=ld),
        authors=page_authors(html, d.get("author")),
        outlet=sitename,
        published=page_date(ld, _str(d.get("date"))),
        url=_str(d.get("url")),
        labels=[*page_sections(html),
                *(s for s in (d.get("categories") or []) if isinstance(s, str))],
    )


_WORD = re.compile(r"\w+")
_DIRECTIVE = re.compile(r"^(?:\+\+\+[\w-]*|\{:[^}]*\}|\[#?[\w-]+:[^\]]*\])$")
LD_BODY_MIN_RATIO = 1.5
"""The JSON-LD `articleBody` replaces the extracted text when it has at least this
many times its words and holds nearly all of them (`ld_body_instead`)."""


def ld_body_instead(paragraphs: list[str], ld_body: str | None) -> list[str]:
    """The article's JSON-LD `articleBody`, as paragraphs, when the extractor kept only
    part of the text: a page that splits its body over several containers gives
    trafilatura one of them. Only when `articleBody` is much longer than what was
    extracted (LD_BODY_MIN_RATIO) and contains 90% of its words, so that it is the
    same article and not a teaser, a summary or another story."""
    if not ld_body or len(ld_body) < 500:
        return paragraphs
    extracted = Counter(_WORD.findall(" ".join(paragraphs).lower()))
    n_extracted = sum(extracted.values())
    ld_paragraphs = _ld_body_paragraphs(ld_body)
    ld_tokens = Counter(_WORD.findall(" ".join(ld_paragraphs).lower()))
    if sum(ld_tokens.values()) < LD_BODY_MIN_RATIO * max(n_extracted, 1):
        return paragraphs
    if n_extracted and sum((extracted & ld_tokens).values()) < 0.9 * n_extracted:
        return paragraphs
    return ld_paragraphs


def _ld_body_paragraphs(body: str) -> list[str]:
    """`articleBody` text -> paragraphs: HTML markup stripped, Markdown (links, emphasis)
    read as text, layout directives ('+++dropcap', '{: class="x"}', '[#image: /a.jpg]')
    dropped."""
    body = unescape(body)
    if re.search(r"</?(?:p|br|div|span|a|em|strong)\b", body, re.I):
        text = fragment_to_text(body, drop_layout=True)
    else:
        from diplotrack.ingest.markdown import markdown_to_text

        text = markdown_to_text(body)
    lines = (normalise_line(x) for x in text.split("\n"))
    return [x for x in lines if x and not _DIRECTIVE.match(x)]


_STANDFIRST_PARENTS = frozenset({"article", "header", "main"})


def standfirst(html: str, description: str | None, paragraphs: list[str]) -> str | None:
    """The article's standfirst (dek) when the extractor left it out: the page's meta
    description shown as its own element inside <article>, <header> or <main>
    ("<p class=standfirst>...") and absent from the extracted text. A description
    that only lives in the <head>, or appears in a teaser outside the article, is
    not text of the article."""
    key = _key(description or "")
    if len(key.split()) < 5 or key[:60] in _key(" ".join(paragraphs)):
        return None
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return None
    for el in tree.iter("p", "div", "h2", "span"):
        text = normalise_line(el.text_content())
        el_key = _key(text)
        if not el_key.startswith(key[:60]) or len(el_key) > 1.3 * len(key) + 20:
            continue
        if any(a.tag in _STANDFIRST_PARENTS for a in el.iterancestors()) and \
                not any(a.tag == "a" for a in el.iterancestors()):
            return text
    return None


@lru_cache(maxsize=4)
def _embed_pattern(classes: tuple[str, ...]) -> re.Pattern[str] | None:
    if not classes:
        return None
    names = "|".join(re.escape(c) for c in classes)
    return re.compile(r"<blockquote\b[^>]*\bclass\s*=\s*[\"']?(?:[^\"'>]*\s)?(?:" + names
                      + r")(?=[\s\"'>])[^>]*>.*?</blockquote\s*>", re.S | re.I)


def strip_embeds(html: str) -> str:
    """Remove embedded third-party posts (a <blockquote class="twitter-tweet"> and the
    like; classes in data/boilerplate.yaml `embed_classes`): their text is not the
    article's, and the quoting sentence around them stays."""
    pattern = _embed_pattern(load_boilerplate().embed_classes)
    if pattern is None or "<blockquote" not in html.lower():
        return html
    return pattern.sub(" ", html)


_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.S | re.I)


def _fallback_metadata(html: str) -> dict[str, Any]:
    """Title and date when trafilatura found no article (a fragment, a stub page)."""
    from htmldate import find_date

    m = _TITLE.search(html)
    try:
        date = find_date(html, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        date = None
    return {"title": _inner_text(m.group(1)) if m else None, "date": date}


def _inner_text(markup: str) -> str:
    """An element's content with its tags turned into spaces and entities decoded."""
    return unescape(_TAG.sub(" ", markup))


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_TITLE_SEP = re.compile(r"\s+(?:[|*•·~]|::|-{1,2}|–|—)\s+")


def page_date(ld: LdArticle | None, found: str | None) -> str | None:
    """The JSON-LD article's own `datePublished` before htmldate's pick, which can be
    a nested image's date or an `article:published_time` that is really the last
    update (on bench/fundus_eval.py the JSON-LD date is the gold day on all 39 pages
    that have one; htmldate on 37 of them)."""
    if ld and ld.published and (day := normalise_date(ld.published)):
        return day
    return found


def page_title(html: str, meta_title: str | None, sitename: str | None, host: str | None,
               *, ld: LdArticle | None = None) -> str | None:
    """The article's headline: the metadata title (og:title, <title>) minus the site
    name; the page's <h1> when there is none, when the metadata title is only
    the site's name, or when it is the <h1> behind an SEO prefix ("Topic: <h1>");
    the JSON-LD headline when an <h1> confirms it (see `_confirmed_headline`).

    On bench/fundus_eval.py the metadata title matches the gold headline more
    often than the <h1> (38 against 35 of 45 pages); with the confirmed JSON-LD
    headline 43 of 45."""
    meta = strip_site_name(meta_title, sitename, host) if meta_title else None
    if meta and sitename and _key(meta) == _key(sitename):
        meta = None
    if ld is None:
        ld = jsonld_article(html)
    h1s = [_inner_text(m.group(1)) for m in _H1.finditer(html)]
    confirmed = _confirmed_headline(h1s, meta, ld.headline if ld else None, ld.live if ld else False)
    if confirmed:
        return confirmed
    h1 = _first_h1(h1s, meta)
    if meta is None:
        return h1
    if h1 and _key(meta).endswith(_key(h1)) and len(h1) >= 0.5 * len(meta):
        return h1
    return meta


def _confirmed_headline(h1s: list[str], meta: str | None, headline: str | None,
                        live: bool) -> str | None:
    """The JSON-LD `headline` when one of the page's <h1> texts (`h1s`) says the same
    and the metadata title differs from it: a social-media rewrite in og:title (a
    shorter or reworded line), a section or SEO prefix and suffix around it ("Topic:
    <headline> | City News").

    Not when the metadata title is a shortened form of that headline (its words
    are the headline's first words: the short headline the publisher chose), nor
    on a live blog, whose headline carries a "LIVE:" label and the latest update
    while og:title keeps the story's own headline."""
    if not headline or live or re.search(r"\bLIVE\b", headline):
        return None
    key = _key(headline)
    if not 2 <= len(key.split()) <= 40:
        return None
    if meta:
        meta_key = _key(meta)
        if meta_key == key or key.startswith(meta_key + " "):
            return None
    if any(_key(h1) == key for h1 in h1s):
        return normalise_line(headline)
    return None


def _first_h1(h1s: list[str], meta: str | None) -> str | None:
    """The first <h1> text that reads as a headline and agrees with `meta` (a site logo
    in an <h1> does not)."""
    for text in h1s:
        h1 = normalise_line(text)
        if 2 <= len(h1.split()) <= 40 and (meta is None or _overlap(h1, meta) >= 0.5):
            return h1
    return None


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def strip_site_name(title: str, sitename: str | None, host: str | None) -> str:
    """'Headline | Site News' -> 'Headline' (also '- Site', '* Site * by Author')."""
    parts = _TITLE_SEP.split(title)
    site_words = set(_WORD.findall((sitename or "").lower()))
    host_root = (host or "").lower().removeprefix("www.").split(".")[0]
    while len(parts) > 1 and _is_site_part(parts[-1], site_words, host_root):
        parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], site_words, host_root):
        parts.pop(0)
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def _is_site_part(part: str, site_words: set[str], host_root: str) -> bool:
    words = _WORD.findall(part.lower())
    if not words or len(words) > 6:
        return False
    if part.lower().startswith("by ") or "".join(words) == host_root:
        return True
    joined = "".join(words)
    if host_root and len(host_root) > 3 and (host_root in joined or joined in host_root):
        return True
    return bool(site_words) and sum(w in site_words for w in words) >= max(1, len(words) - 1)


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


_LAST_FIRST = re.compile(r"^([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), ([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?)$")


def page_authors(html: str, extracted: Any) -> list[str]:
    """Authors from JSON-LD, else author meta tags, else what trafilatura found."""
    for names in (jsonld_authors(html), meta_authors(html)):
        if names:
            return split_author_field(names)
    return split_author_field(extracted)


def split_author_field(value: Any) -> list[str]:
    """Metadata authors ('A; B', 'Last, First; Last, First', a list) -> names."""
    if not value:
        return []
    parts = value if isinstance(value, list) else re.split(r"\s*;\s*", str(value))
    names = [p.strip() for p in parts if isinstance(p, str) and p.strip()]
    names = [n for n in names if not re.search(r"https?:|www\.|@|\.com\b", n)]
    inverted = [_LAST_FIRST.match(n) for n in names]
    if names and all(inverted) and (len(names) > 1 or " " not in names[0].split(", ")[0]):
        names = [f"{m.group(2)} {m.group(1)}" for m in inverted if m]
    return names


def _str(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = normalise_line(value)
    return value or None
