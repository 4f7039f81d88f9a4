"""Markdown with YAML front matter -> fields + plain text paragraphs."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# front matter key -> RawDocument field (the first key present wins)
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("date", "published", "published_time", "pubdate", "publish_date"),
    "url": ("source_url", "url", "link", "canonical_url"),
    "authors": ("authors", "author", "byline"),
    "outlet": ("outlet", "publisher", "site_name", "source"),
    "language": ("language", "lang"),
    "genre": ("genre",),
    "section": ("section", "tags", "categories", "category"),
}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body). No or unparsable front matter -> ({}, text)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    return data, text[m.end():]


def front_matter_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    lowered = {str(k).lower(): v for k, v in data.items()}
    for name, keys in FRONT_MATTER_KEYS.items():
        for key in keys:
            value = lowered.get(key)
            if value not in (None, "", []):
                fields[name] = _plain(value)
                break
    return fields


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()  # \s includes the no-break space
    if isinstance(value, list):
        return [_plain(v) for v in value if v not in (None, "")]
    if hasattr(value, "isoformat"):  # YAML dates and datetimes
        return value.isoformat()
    return value


_RULE = re.compile(r"^\s{0,3}([-*_=])(\s*\1){2,}\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>\"'])")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*>\s?")


_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def markdown_to_text(body: str) -> str:
    """Plain text: one paragraph per block, blocks separated by a blank line."""
    paragraphs: list[str] = []
    block: list[str] = []
    body = _HTML_COMMENT.sub("", body)

    def flush() -> None:
        if block:
            paragraphs.append(" ".join(block))
            block.clear()

    for raw in body.replace("\r\n", "\n").split("\n"):
        line = raw.replace("\u00a0", " ")
        if not line.strip() or _RULE.match(line) or _REF_DEF.match(line):
            flush()
            continue
        if _SETEXT.match(line) and block:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading or _LIST.match(line):
            flush()
            block.append(_inline(heading.group(1) if heading else _LIST.sub("", line)))
            flush()
            continue
        block.append(_inline(_QUOTE.sub("", line)))
    flush()
    return "\n\n".join(p for p in (re.sub(r"\s+", " ", p).strip() for p in paragraphs) if p)


_MARKUP = re.compile(r"[\[\]`*_<\\]")


def _inline(line: str) -> str:
    if not _MARKUP.search(line):
        return line.strip()
    line = _IMAGE.sub(lambda m: m.group(1), line)
    line = _LINK.sub(lambda m: m.group(1), line)
    line = _REF_LINK.sub(lambda m: m.group(1), line)
    line = _CODE.sub(lambda m: m.group(1), line)
    line = _TAG.sub("", line)
    line = _EMPH.sub(lambda m: m.group(2) or m.group(4), line)
    return _ESCAPE.sub(lambda m: m.group(1), line).strip()


def first_heading(body: str) -> str | None:
    """The text of a leading `# Heading` (ATX level 1), if the body starts with one."""
    for line in body.split("\n"):
        if not line.strip():
            continue
        m = re.match(r"^\s{0,3}#\s+(.*?)\s*#*\s*$", line)
        return _inline(m.group(1)) if m else None
    return None
