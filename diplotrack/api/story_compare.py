"""The side-by-side view of one story: a column per article that reports it."""

from __future__ import annotations

import json
import logging
from typing import Any

from diplotrack.framing import compare
from diplotrack.store import queries
from diplotrack.store.db import Store

log = logging.getLogger("diplotrack.api")
ARTICLE_FIELDS = ("id", "title", "outlet", "published", "genre", "language", "url", "authors")


def story_detail(store: Store, story: dict[str, Any]) -> dict[str, Any]:
    articles = queries.get_articles(store, story["article_ids"])
    events = queries.events_of_story(store, story["id"])
    claims = story.get("claims") or {}
    agree = normalise_claims(claims.get("agree"))
    disagree = normalise_claims(claims.get("disagree"))
    unconfirmed = normalise_claims(claims.get("unconfirmed"))
    _name_sources(articles, agree + disagree + unconfirmed)
    columns = [_column(a, events, agree, disagree, unconfirmed) for a in articles]
    return {
        "story": story, "columns": columns, "agreements": agree, "disagreements": disagree,
        "unconfirmed": unconfirmed,
        "comparison": _framing_compare(articles, agree + disagree + unconfirmed),
    }


def _name_sources(articles: list[dict[str, Any]], claims: list[dict[str, Any]]) -> None:
    """Each claim also names its articles by outlet and headline ("The Hindu: Indian
    diplomat meets ..."), for readers; the ids stay for links."""
    by_id = {a["id"]: a for a in articles}
    for c in claims:
        c["sources"] = [{"id": i, "outlet": by_id.get(i, {}).get("outlet"),
                         "title": by_id.get(i, {}).get("title")} for i in c["article_ids"]]


def _column(article: dict[str, Any], events: list[dict[str, Any]],
            agree: list[dict[str, Any]], disagree: list[dict[str, Any]],
            unconfirmed: list[dict[str, Any]]) -> dict[str, Any]:
    own = [e for e in events if e["article_id"] == article["id"]]
    framing = article.get("framing") or {}
    mine = [{**c, "kind": kind}
            for kind, group in (("agree", agree), ("disagree", disagree), ("unconfirmed", unconfirmed))
            for c in group if article["id"] in c["article_ids"]]
    return {
        "article": {k: article.get(k) for k in ARTICLE_FIELDS},
        "loaded_language": framing.get("loaded_language"),
        "loaded_terms": list(framing.get("loaded_terms") or []),
        "framing": framing,
        "naming": naming(own),
        "evidence": [{"event_id": e["id"], "sentence": ev.get("sentence", "")}
                     for e in own for ev in e.get("evidence") or []],
        "claims": mine,
    }


def naming(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How an article names each participant: canonical id and name, and its own words."""
    names: dict[str, dict[str, Any]] = {}
    for ev in events:
        for role in ("actor", "recipient"):
            for p in ev.get(role) or []:
                entry = names.setdefault(p["id"], {"id": p["id"], "name": p.get("name"),
                                                   "role": role, "texts": []})
                if p.get("text") and p["text"] not in entry["texts"]:
                    entry["texts"].append(p["text"])
    return list(names.values())


# ---- claims, whatever their exact shape ------------------------------------------

LABEL_KEYS = ("detail", "field", "key", "name", "claim", "label", "slot")
QUALIFIER_KEYS = ("participant", "subject", "actor")
ID_KEYS = ("article_ids", "articles", "sources")
VARIANT_KEYS = ("values", "variants", "versions")


def normalise_claims(items: Any) -> list[dict[str, Any]]:
    """Flatten claims to {label, value, article_ids}: one entry per stated value."""
    out: list[dict[str, Any]] = []
    for item in items or []:
        if not isinstance(item, dict):
            out.append({"label": _text(item), "value": None, "article_ids": []})
            continue
        label = next((_text(item[k]) for k in LABEL_KEYS if item.get(k)), "claim")
        qualifiers = [_text(item[k]) for k in QUALIFIER_KEYS if item.get(k)]
        if qualifiers:
            label += f" ({', '.join(qualifiers)})"
        variants = next((item[k] for k in VARIANT_KEYS if isinstance(item.get(k), list)), None)
        if variants is None:
            out.append(_entry(label, item))
            continue
        for v in variants:
            out.append(_entry(label, v) if isinstance(v, dict)
                       else {"label": label, "value": _text(v), "article_ids": []})
    return out


def _entry(label: str, item: dict[str, Any]) -> dict[str, Any]:
    ids: list[Any] = next((item[k] for k in ID_KEYS if isinstance(item.get(k), list)), [])
    value = item.get("value", item.get("text"))
    return {"label": label, "value": None if value is None else _text(value),
            "article_ids": [i if isinstance(i, str) else _text(i) for i in ids]}


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _framing_compare(articles: list[dict[str, Any]], claims: list[dict[str, Any]]) -> Any:
    """framing.compare's view, given the claims as flat {detail, value, article_ids}."""
    if not articles:
        return None
    flat = [{"detail": c["label"], "value": c["value"], "article_ids": c["article_ids"]}
            for c in claims]
    try:
        return compare(articles, claims=flat or None)
    except Exception:  # an analysis module's bug must not take the story view down
        log.exception("framing.compare failed")
        return None
