"""A small HTML-fragment-to-text converter for feed entries and HTML in records.

Full pages go through trafilatura (see `html.py`); fragments such as an RSS
entry's content have no boilerplate to remove, only markup.
"""

from __future__ import annotations

import html
import re

_DROP = re.compile(r"<(script|style|noscript|template|svg|figure|figcaption)\b.*?</\1\s*>", re.S | re.I)
_LAYOUT = re.compile(r"<(nav|header|footer|aside|form|head|menu|dialog)\b.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK = re.compile(
    r"</?(p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|tr|table|pre|hr|dd|dt)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]+>")
_LOOKS_HTML = re.compile(r"<(p|div|br|a|span|em|strong|b|i|h[1-6]|li|img|html|body)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return len(_LOOKS_HTML.findall(text[:5000])) >= 2


def fragment_to_text(fragment: str, *, drop_layout: bool = False) -> str:
    """Paragraphs separated by blank lines, entities decoded, whitespace normalised.
    `drop_layout`: also drop navigation, header, footer, aside and form elements."""
    text = _COMMENT.sub(" ", fragment)
    text = _DROP.sub(" ", text)
    if drop_layout:
        text = _LAYOUT.sub(" ", text)
    text = _BLOCK.sub("\n\n", text)
    text = html.unescape(_TAG.sub("", text)).replace("\u00a0", " ")
    paras = (re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paras if p)
