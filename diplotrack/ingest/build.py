"""RawDocument -> Article: clean text, metadata and fingerprints (no NLP)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from diplotrack.errors import UnsupportedInput
from diplotrack.ingest.clean import (
    join_paragraphs,
    normalise_line,
    remove_boilerplate,
    split_paragraphs,
    without_controls,
)
from diplotrack.ingest.dates import dateline_date, normalise_date
from diplotrack.ingest.dedup import simhash, text_hash
from diplotrack.ingest.genre import GENRES, classify_genre
from diplotrack.ingest.html import Extracted, extract_html
from diplotrack.ingest.htmltext import fragment_to_text, looks_like_html
from diplotrack.ingest.markdown import first_heading, markdown_to_text
from diplotrack.ingest.metadata import (
    clean_author,
    detect_language,
    find_dateline,
    parse_header,
    split_authors,
    without_kicker,
)
from diplotrack.ingest.outlets import is_publisher, outlet_for_url, outlet_named, outlet_of_url
from diplotrack.ingest.wire import credits
from diplotrack.models import Article, RawDocument

_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")
_URL_MONTH_DATE = re.compile(  # /2013/may/03/
    r"/(20\d\d|19\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/([0-2]?\d|3[01])/", re.I)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# a path segment that is exactly a date, or ends a slug with one: /20250418/, /19-Apr-2025/,
# /china-appoints-ambassador-20230913/ (longer numbers are ids)
_URL_COMPACT_DATE = re.compile(r"[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/.]|$)")
_URL_DMY = re.compile(r"/([0-2]?\d|3[01])-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-((?:19|20)\d\d)(?:/|$)",
                      re.I)


_LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}$")
MAX_GENRE = 32


def build_article(raw: RawDocument) -> Article:
    """Clean text + metadata + fingerprints; UnsupportedInput when no usable text remains."""
    raw = _without_controls(raw)
    fields = raw.fields or {}
    found = _extract(raw)
    given_title = _text_field(fields.get("title"))
    header = parse_header(found.paragraphs, known_title=given_title or found.title)
    title = given_title or (without_kicker(found.title) if found.title else None) or header.title
    body = [p for i, p in enumerate(found.paragraphs) if i not in header.consumed]
    body = remove_boilerplate(body, title)
    if not body or not any(re.search(r"\w", p) for p in body):
        raise UnsupportedInput(raw.source, "no article text left after cleaning")
    text = join_paragraphs(body)
    url = _text_field(fields.get("url")) or found.url or header.url
    from_text = header.published or next((d for p in body[:2] if (d := dateline_date(p))), None)
    published, published_from = _published(fields, found, from_text, url)
    labels = [*_as_list(fields.get("section")), *found.labels, *([header.label] if header.label else [])]
    genre, dateline = _genre_and_dateline(body, found.paragraphs, fields, title, url, labels)
    digest = text_hash(text)
    outlet = _outlet(fields, found, header.outlet, url)
    return Article(
        id=digest[:16],
        source=raw.source,
        text=text,
        title=title,
        authors=_authors(fields, found, header.authors),
        outlet=outlet,
        wire=_as_list(fields.get("wire")) or credits(found.paragraphs, outlet),
        published=published,
        published_from=published_from,
        language=_language(fields, text),
        genre=genre,
        url=url,
        dateline=dateline,
        text_hash=digest,
        simhash=simhash(text),
    )


def _extract(raw: RawDocument) -> Extracted:
    """What the document itself says: HTML metadata, a Markdown heading, or only its text."""
    content = raw.content
    if raw.kind == "html":
        return extract_html(content, url=_text_field(raw.fields.get("url")))
    if raw.kind == "markdown":
        return Extracted(split_paragraphs(markdown_to_text(content)), title=first_heading(content))
    if looks_like_html(content):
        content = fragment_to_text(content)
    return Extracted(split_paragraphs(content))


def _genre_and_dateline(body: list[str], raw: list[str], fields: dict[str, Any], title: str | None,
                        url: str | None, labels: list[str]) -> tuple[str, str | None]:
    dateline = find_dateline(body)
    given = _text_field(fields.get("genre"))
    if given and (key := given.lower().replace(" ", "_")) in GENRES:
        return key, dateline
    genre = classify_genre(body, title=title, url=url, labels=[given, *labels] if given else labels,
                           has_dateline=bool(dateline), raw_paragraphs=raw)
    if given and genre == "news" and len(given) <= MAX_GENRE:
        genre = given.lower()
    if genre == "transcript":  # "MS. PSAKI: ..." is a speaker, not a place
        dateline = find_dateline(body, allow_colon=False)
    return genre, dateline


def _published(fields: dict[str, Any], found: Extracted, from_text: str | None,
               url: str | None) -> tuple[str | None, str | None]:
    if (iso := normalise_date(fields.get("published"))) is not None:
        return iso, "input"
    if (iso := normalise_date(found.published)) is not None:
        return iso, "metadata"
    if from_text:
        return from_text, "text"
    if url and (iso := url_date(url)):
        return iso, "inferred"
    return None, None


def url_date(url: str) -> str | None:
    """The day a /2013/05/03/ or /2013/may/03/ path in a URL names."""
    if m := _URL_DATE.search(url):
        return "-".join(m.groups())
    if m := _URL_MONTH_DATE.search(url):
        month = _MONTHS.index(m.group(2).lower()[:3]) + 1
        return f"{m.group(1)}-{month:02d}-{int(m.group(3)):02d}"
    if m := _URL_COMPACT_DATE.search(url):
        return "-".join(m.groups())
    if m := _URL_DMY.search(url):
        month = _MONTHS.index(m.group(2).lower()[:3]) + 1
        return f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"
    return None


def _authors(fields: dict[str, Any], found: Extracted, from_text: list[str]) -> list[str]:
    given = fields.get("authors")
    if isinstance(given, str):  # one string from front matter or a feed: "A and B"
        return split_authors(given) or [normalise_line(given)]
    if given:
        return [a for a in (normalise_line(str(x)) for x in given) if a]
    if found.authors:
        names: list[str] = []
        for value in found.authors:
            names.extend(split_authors(value) or [_light_author(value)])
        site = {x.lower() for x in (found.outlet, outlet_named(found.outlet or "")) if x}
        return _unique([n for n in names if n and n.lower() not in site and not is_publisher(n)])
    return from_text


def _light_author(value: str) -> str:
    """A metadata author that does not parse as a person (an agency, a desk): keep it, minus 'By'."""
    value = re.sub(r"^by\s+", "", normalise_line(value), flags=re.I)
    return clean_author(value) or value


def _outlet(fields: dict[str, Any], found: Extracted, from_text: str | None, url: str | None) -> str | None:
    given = _text_field(fields.get("outlet"))
    if given:  # a feed title such as "BBC News - World" names the outlet first
        first = re.split(r"\s+[-–—|:]\s+", given)[0]
        return outlet_named(given) or outlet_named(first) or given
    if found.outlet:
        return outlet_named(found.outlet) or outlet_for_url(url) or found.outlet
    return from_text or outlet_of_url(url, "\n".join(found.paragraphs))


def _without_controls(raw: RawDocument) -> RawDocument:
    """NUL and other control characters are never text (PostgreSQL refuses NUL outright)."""
    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return without_controls(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return replace(raw, content=clean(raw.content), fields={k: clean(v) for k, v in
                                                            (raw.fields or {}).items()})


def _language(fields: dict[str, Any], text: str) -> str:
    """The given language tag's primary subtag ("pt-BR" -> "pt"), else the detected one."""
    given = _text_field(fields.get("language"))
    if given and _LANGUAGE_TAG.match(code := given.lower().replace("_", "-").split("-")[0]):
        return code
    return detect_language(text)


def _text_field(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    value = normalise_line(str(value))
    return value or None


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"\s*[,;]\s*", value) if v] if "," in value or ";" in value else [value]
    return [str(v) for v in value if v]


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
