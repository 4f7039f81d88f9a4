"""Wire credits: the news agencies (or other outlets) a text credits, for the
article record's `wire` field. They never go to `authors` or `outlet`.

Where a page credits a wire, each seen many times in syndicated news:

    WASHINGTON (AP) — ...                 a credit in the dateline's parentheses
    ISLAMABAD, Sept 13 (KUNA) -- ...      (after the place and a date too)
    MOSCOW, April 17. /TASS/. ...         a credit between slashes
    (MENAFN- Khaama Press) ...            an aggregator's opening credit: the site, then the source
    (UrduPoint News / Sputnik - 02nd May, 2023)
    By Oman Al Yahyai with AP             a byline shared with an agency
    ... in the Afghan capital. -- PTI     a closing credit
    Source: apnews / With inputs from PTI

A dateline's or an aggregator's credit is taken as written ("Amu TV"); a byline's
or a closing credit only when it names an outlet of data/outlets.yaml, so that a
name after a dash is never taken for an agency.
"""

from __future__ import annotations

import re

from diplotrack.ingest.outlets import load_outlets, name_key, outlet_named

# "(Photo by AP)", "(File: Getty Images)": a caption, not the text's wire
NOT_CREDITS = {"photo", "photos", "image", "images", "file", "video", "picture", "updated", "update"}
HEAD_LINES = 4  # a dateline or an opening credit sits in the first lines
LATE_LINES = 10  # below a photo and its caption: then only an outlet the registry knows
TAIL_LINES = 2

_PLACE = r"[A-Z][\w.'’\-]+(?:[ ,]+[A-Z0-9\[][\w.'’\-\[\]]*){0,5}?"
_DATELINE_CREDIT = re.compile(rf"^{_PLACE},?\s*\((?P<credit>[^()]{{1,40}})\)\s*(?:—|–|--|-|:)")
_SLASH_CREDIT = re.compile(rf"^{_PLACE}\s*/(?P<credit>[A-Za-z][\w .\-]{{0,20}}[\w.])/\s*\.?")
_OPENING = re.compile(r"^\((?P<inner>[^()]{2,80}(?:\([^()]{1,12}\))?[^()]{0,40})\)\s")
_PARTS = re.compile(r"\s*(?:/|\s[-–]\s|-\s)\s*")
_ACRONYM = re.compile(r"\((?P<acr>[A-Z]{2,8})\)\s*$")
_CLOSING = re.compile(r"(?:^|[.!?\"”]\s+)(?:--|—|–)\s*(?P<credit>[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3})\s*\.?$")
_SOURCE = re.compile(r"^\(?\s*(?:source|courtesy|with inputs? from|additional reporting by)\s*:?\s*"
                     r"(?P<credit>[\w .&\-]{2,40}?)\s*\)?\.?$", re.I)
_BY_WITH = re.compile(r"\s+(?:with|and)\s+(?P<credit>[\w .&\-]{2,40})$", re.I)


def known(text: str) -> str | None:
    """The credit as the outlet registry knows it: a name or alias, or a domain's label
    ("apnews" for apnews.com)."""
    text = text.strip(" .,:;")
    if not text:
        return None
    hit = outlet_named(text)
    if hit:
        return text if len(text) <= 8 and text.isupper() else hit
    label = name_key(text).replace(" ", "")
    for domain, name in load_outlets().by_domain.items():
        if domain.split(".")[0] == label:
            return name
    return None


def credits(paragraphs: list[str], outlet: str | None) -> list[str]:
    """Every wire the text credits, in the order found, without the outlet itself."""
    found: list[str] = []
    for n, line in enumerate(paragraphs[:LATE_LINES]):
        late = _head_credits(line.strip())
        found += late if n < HEAD_LINES else [k for c in late if (k := known(c))]
    for line in paragraphs[-TAIL_LINES:]:
        found += _tail_credits(line.strip())
    own = [name_key(x) for x in (outlet, outlet_named(outlet or "")) if x]
    out: list[str] = []
    for name in found:
        key = name_key(name)
        if key and not any(_same(key, o) for o in own) and key not in {name_key(x) for x in out}:
            out.append(name)
    return out


def _same(key: str, outlet_key: str) -> bool:
    """"urdupoint news" is UrduPoint; "gna" is the Ghana News Agency's initials."""
    words = outlet_key.split()
    initials = {"".join(w[0] for w in words), "t" + "".join(w[0] for w in words)}  # "The ..."
    return key == outlet_key or key.startswith(outlet_key + " ") or outlet_key.startswith(key + " ") \
        or (len(key) > 1 and key in initials)


def _head_credits(line: str) -> list[str]:
    for pattern in (_DATELINE_CREDIT, _SLASH_CREDIT):
        m = pattern.match(line)
        if m:
            return _split_credit(m.group("credit"))
    m = _OPENING.match(line)
    if m:
        return _split_credit(m.group("inner"))
    if not (re.match(r"^by\s", line, re.I) and len(line) < 120):
        return []
    m = _BY_WITH.search(line)
    hit = known(m.group("credit")) if m else trailing_outlet(line)[1]
    return [hit] if hit else []


def trailing_outlet(name: str) -> tuple[str, str | None]:
    """"Victoria Bisset Washington Post" -> ("Victoria Bisset", "The Washington Post"):
    a byline that ends in an outlet's name credits it; the rest is the author."""
    words = name.split()
    for n in range(min(4, len(words) - 2), 0, -1):  # a name of two words or more is left
        hit = known(" ".join(words[-n:]))
        if hit:
            return " ".join(words[:-n]).rstrip(" ,-–—"), hit
    return name, None


def _tail_credits(line: str) -> list[str]:
    for pattern in (_CLOSING, _SOURCE):
        m = pattern.search(line)
        if m:
            hit = known(m.group("credit"))
            return [hit] if hit else []
    return []


def _split_credit(inner: str) -> list[str]:
    """"dpa/GNA" -> [dpa, GNA]; "Kuwait News Agency (KUNA)" -> [KUNA]; dates dropped."""
    out = []
    for part in _PARTS.split(inner.strip()):
        part = part.strip(" .,:;")
        acr = _ACRONYM.search(part)
        if acr:
            part = acr.group("acr")
        if part and not any(ch.isdigit() for ch in part) and len(part.split()) <= 5 \
                and ":" not in part and part.split()[0].lower() not in NOT_CREDITS:
            out.append(part)
    return out
