"""Page metadata that trafilatura reads poorly: the authors, headline and
publication date of JSON-LD articles, `citation_author` / `author` meta tags."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from typing import Any

_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script\s*>", re.S | re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Report|LiveBlogPosting)$")


@lru_cache(maxsize=1)  # one page is asked for its title, authors and sections in turn
def _ld_nodes(html: str) -> tuple[tuple[dict[str, Any], list[Any]], ...]:
    """Every JSON-LD node on the page, with its list of types, in page order (read-only)."""
    found: list[tuple[dict[str, Any], list[Any]]] = []
    for block in _LD.findall(html):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        for node in _nodes(data):
            types = node.get("@type")
            found.append((node, types if isinstance(types, list) else [types]))
    return tuple(found)


def _article_nodes(html: str) -> Iterator[tuple[dict[str, Any], list[Any]]]:
    """The JSON-LD (News)Article nodes on the page, with their types."""
    for node, types in _ld_nodes(html):
        if any(isinstance(t, str) and _ARTICLE_TYPE.search(t) for t in types):
            yield node, types


def jsonld_authors(html: str) -> list[str]:
    """Author names of the first JSON-LD (News)Article on the page."""
    for node, _types in _article_nodes(html):
        names = _names(node.get("author"))
        if names:
            return names
    return []


@dataclass(frozen=True)
class LdArticle:
    """What the page's own JSON-LD article node says about itself."""

    headline: str | None = None
    published: str | None = None  # `datePublished` as written
    live: bool = False  # a LiveBlogPosting
    body: str | None = None  # `articleBody` as written (plain text, HTML or Markdown)


def jsonld_article(html: str) -> LdArticle | None:
    """Headline (entities decoded), `datePublished`, `articleBody` and live-blog flag of the first
    JSON-LD (News)Article node that has a headline or a publication date. Only
    article nodes count: the dates of the images and videos nested in them do not."""
    for node, types in _article_nodes(html):
        headline, published = _first_str(node.get("headline")), _first_str(node.get("datePublished"))
        if headline or published:
            return LdArticle(unescape(unescape(headline)).strip() if headline else None,
                             published, "LiveBlogPosting" in types,
                             _first_str(node.get("articleBody")))
    return None


def _first_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _nodes(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [n for item in data for n in _nodes(item)]
    if isinstance(data, dict):
        return [data, *_nodes(data.get("@graph") or [])]
    return []


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip() and not re.search(r"https?:|www\.", name):
            names.append(unescape(name.strip()))
    return names


@lru_cache(maxsize=1)
def _meta_tags(html: str) -> tuple[dict[str, str], ...]:
    """The attributes (lower-case names) of each <meta> tag in the first 400,000
    characters (read-only)."""
    return tuple({k.lower(): (a or b) for k, a, b in _ATTR.findall(tag)}
                 for tag in _META.findall(html[:400_000]))


def meta_authors(html: str) -> list[str]:
    """`citation_author` (Last, First -> First Last) or `author` meta tags."""
    cited: list[str] = []
    plain: list[str] = []
    for attrs in _meta_tags(html):
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        content = unescape(attrs.get("content") or "").strip()
        if not content or re.search(r"https?:|www\.", content):
            continue
        if key == "citation_author":
            last, _, first = content.partition(",")
            cited.append(f"{first.strip()} {last.strip()}".strip() if first else content)
        elif key in ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author"):
            plain.append(content)
    return cited or plain


_SCHEMA_GENRE = {"OpinionNewsArticle": "opinion", "AnalysisNewsArticle": "analysis",
                 "BackgroundNewsArticle": "analysis", "ReviewNewsArticle": "opinion"}


def page_sections(html: str) -> list[str]:
    """Section labels: `article:section` meta, JSON-LD `articleSection`, and the
    genre that a schema.org type such as OpinionNewsArticle states."""
    labels: list[str] = []
    for node, types in _ld_nodes(html):
        for t in types:
            if isinstance(t, str) and t in _SCHEMA_GENRE:
                labels.insert(0, _SCHEMA_GENRE[t])
        section = node.get("articleSection")
        for s in section if isinstance(section, list) else [section]:
            if isinstance(s, str) and s.strip():
                labels.append(unescape(s.strip()))
    for attrs in _meta_tags(html):
        if (attrs.get("property") or attrs.get("name") or "").lower() == "article:section":
            content = unescape(attrs.get("content") or "").strip()
            if content:
                labels.append(content)
    return labels
