"""A story's articles side by side: wording, naming, sources, and what each leaves out.

`compare(articles, claims=None)` takes article dicts (the `export articles` shape:
`id`, `outlet`, `genre`, `text`, `framing`; a missing `framing` is computed from
`text` without NLP) and, optionally, the story's claims. A claim is a dict with the
detail (`detail`/`field`/`claim`), its `value` and the articles that state it
(`article_ids`/`articles`); every other article of the story leaves it out.
Without claims, the details compared are the numbers and proper names in the texts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

DETAIL = re.compile(
    r"\b(?:\d[\d,.]*(?:\s*(?:%|percent|million|billion|people|visas?|years?|members?))?"
    r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
_SKIP_DETAIL = {"The", "In", "But", "And", "For", "On", "At", "It", "A", "As", "This"}


def compare(articles: list[dict[str, Any]], claims: list[dict[str, Any]] | None = None) -> dict:
    framings = [_framing(a) for a in articles]  # once each: a missing one is computed
    rows = [_row(a, f, i) for i, (a, f) in enumerate(zip(articles, framings, strict=True))]
    ids = [r["id"] for r in rows]
    details = _claim_table(claims, ids) if claims else _detail_table(articles, ids)
    for r in rows:
        r["details_left_out"] = [_label(d) for d in details if r["id"] in d["left_out_by"]]
    return {
        "articles": rows,
        "ranked_by_loaded_language": [
            r["id"] for r in sorted(rows, key=lambda r: -(r["loaded_language"] or 0))
        ],
        "actor_naming": _naming_table(framings, ids),
        "shared_loaded_terms": _shared_terms(rows),
        "details": details,
    }


def _label(detail: dict[str, Any]) -> str:
    value = detail.get("value")
    return f"{detail['detail']}: {value}" if value not in (None, "") else str(detail["detail"])


def _framing(a: dict[str, Any]) -> dict[str, Any]:
    if a.get("framing"):
        return a["framing"]
    from diplotrack.framing import analyze

    return analyze(a.get("text") or "")


def _id(a: dict[str, Any], i: int) -> str:
    return str(a.get("id") or a.get("source") or f"article-{i}")


def _row(a: dict[str, Any], f: dict[str, Any], i: int) -> dict[str, Any]:
    return {
        "id": _id(a, i),
        "outlet": a.get("outlet"),
        "genre": a.get("genre"),
        "loaded_language": f.get("loaded_language"),
        "loaded_terms": list(f.get("loaded_terms") or []),
        "components": dict(f.get("components") or {}),
        "attributions": list(f.get("attributions") or []),
        "named_sources": sum(s["count"] for s in f.get("attributions") or [] if s.get("named")),
        "anonymous_sources": sum(
            s["count"] for s in f.get("attributions") or [] if s.get("kind") == "anonymous"
        ),
    }


def _naming_table(framings: list[dict[str, Any]], ids: list[str]) -> dict[str, dict]:
    """actor id -> form -> {article id: count}, 0 where an article did not use the form."""
    table: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for f, aid in zip(framings, ids, strict=True):
        for actor, forms in (f.get("actor_naming") or {}).items():
            for form, n in forms.items():
                table[actor].setdefault(form, {})[aid] = n
    for forms in table.values():
        for counts in forms.values():
            for aid in ids:
                counts.setdefault(aid, 0)
    return dict(table)


def _shared_terms(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Loaded terms by how many articles use them (only those used by more than one)."""
    users: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        for t in {t.lower() for t in r["loaded_terms"]}:
            users[t].append(r["id"])
    return {t: ids for t, ids in users.items() if len(ids) > 1}


def _claim_table(claims: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for c in claims:
        stated = [str(x) for x in c.get("article_ids") or c.get("articles") or []]
        out.append({
            "detail": c.get("detail") or c.get("field") or c.get("claim"),
            "value": c.get("value"),
            "included_by": [i for i in ids if i in stated],
            "left_out_by": [i for i in ids if i not in stated],
        })
    return out


def _detail_table(articles: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """Numbers and names that some articles give and others do not."""
    seen: dict[str, set[str]] = defaultdict(set)
    for a, aid in zip(articles, ids, strict=True):
        text = a.get("text") or ""
        for m in DETAIL.finditer(text):
            detail = _detail(m.group(), _char_before(text, m.start()))
            if detail:
                seen[detail].add(aid)
    rows: list[dict[str, Any]] = [
        {"detail": d, "value": None,
         "included_by": [i for i in ids if i in who], "left_out_by": [i for i in ids if i not in who]}
        for d, who in seen.items()
        if 0 < len(who) < len(ids)
    ]
    return sorted(rows, key=lambda r: (-len(r["included_by"]), r["detail"]))[:100]


def _char_before(text: str, start: int) -> str:
    """The last non-space character before `start` ("" at the start of the text)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _detail(match: str, before: str) -> str | None:
    """A name or number; a lone capitalised word opening a sentence is no name."""
    words = match.strip(" ,.").split()
    sentence_start = before in ("", ".", "!", "?", "\n", "\u201d", '"')
    if words and words[0] in _SKIP_DETAIL:
        words, sentence_start = words[1:], False
    if not words:
        return None
    if len(words) == 1 and sentence_start and not words[0][0].isdigit():
        return None
    return " ".join(words)
