"""Build a Registry from the data files (states derived from pycountry + overrides)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from diplotrack.actors.geo import load_geo
from diplotrack.actors.registry import Actor, Alias, Registry, Rule, Term, norm

if TYPE_CHECKING:
    from pycountry.db import Country

RANK = {"registry": 0, "seat": 0, "metonym": 1, "demonym": 2, "surname": 3, "context": 3}


def slug(text: str) -> str:
    s = norm(text)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


class _Builder:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.aliases: dict[str, list[Alias]] = {}
        self.surfaces: dict[str, set[str]] = {}
        self.demonyms: dict[str, str] = {}
        self.surnames: dict[str, list[str]] = {}

    def actor(self, a: Actor, names: list[str], via: str = "registry") -> None:
        self.actors[a.id] = a
        for n in [a.name, *names]:
            self.alias(n, a.id, via)

    def alias(self, surface: str, actor_id: str, via: str = "registry", is_capital: bool = False) -> None:
        surface = str(surface).strip()
        key = norm(surface)
        if not key:
            return
        found = self.aliases.setdefault(key, [])
        if not any(x.actor_id == actor_id for x in found):
            rank = RANK["seat" if via == "seat" else via]
            found.append(Alias(actor_id, "metonym" if via == "seat" else via, is_capital, rank))
        self.surfaces.setdefault(key, set()).add(surface)


def _read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


def _states(b: _Builder, data: Path) -> None:
    import pycountry

    overrides: dict = _read_yaml(data / "states.yaml") or {}
    geo = load_geo()
    countries: list[tuple[str, Country | None]] = [(c.alpha_3, c) for c in pycountry.countries]
    countries += [(k, None) for k, v in overrides.items() if v.get("extra")]  # not in ISO 3166-1
    for iso3, c in countries:
        ov = overrides.get(iso3) or {}
        candidates = (getattr(c, "common_name", None), getattr(c, "name", None),
                      getattr(c, "official_name", None))
        names: list[str] = [n for n in candidates if n and "," not in n and "(" not in n]
        name = ov.get("name") or (names[0] if names else None)
        if name is None:
            if c is None:
                raise ValueError(f"states.yaml: extra state {iso3} needs a `name`")
            name = c.name
        b.actor(Actor(iso3, name, "state", iso3), [*names, *ov.get("aliases", [])])
        row = geo.get(iso3)
        capitals = list(ov.get("capitals", []))
        if row and row.capital and not row.capital_ambiguous:
            capitals.append(row.capital)
        for cap in capitals:
            b.alias(cap, iso3, "metonym", is_capital=True)


def _demonyms(b: _Builder, data: Path) -> None:
    with (data / "demonyms.csv").open(encoding="utf-8") as fh:
        for row in csv.reader(line for line in fh if not line.startswith("#")):
            if len(row) < 2 or row[0] not in b.actors:
                continue
            for d in row[1].split("|"):
                b.alias(d, row[0], "demonym")
                b.demonyms.setdefault(norm(d), row[0])


def _orgs(b: _Builder, data: Path) -> None:
    for e in _read_yaml(data / "igos.yaml") or []:
        b.actor(Actor(e["id"], e["name"], e.get("kind", "igo"), e.get("country"), e.get("parent")),
                e.get("aliases", []))
        if e.get("seat"):
            b.alias(e["seat"], e["id"], "seat", is_capital=True)
    for e in _read_yaml(data / "bodies.yaml") or []:
        via = "metonym" if e.get("metonym") else "registry"
        b.actor(Actor(e["id"], e["name"], "government_body", e["country"], e["country"]), [])
        for n in e.get("aliases", []):
            b.alias(n, e["id"], via)
    for e in _read_yaml(data / "groups.yaml") or []:
        meta = {k: e[k] for k in ("un_ref", "context_anchor") if k in e}
        b.actor(Actor(e["id"], e["name"], e.get("kind", "organisation"), e.get("country"),
                      e.get("parent"), meta=meta), e.get("aliases", []))
        for n in e.get("context_aliases", []):
            b.alias(n, e["id"], "context")


def _terms(raw: list[dict]) -> tuple[Term, ...]:
    out = [Term(t["for"], t.get("role"), t.get("level"),
                str(t["from"]) if t.get("from") else None, str(t["to"]) if t.get("to") else None)
           for t in raw]
    return tuple(sorted(out, key=lambda t: t.start or "0000"))


def _persons(b: _Builder, data: Path) -> None:
    un = {e["un_ref"]: e for e in _read_yaml(data / "taliban_1988.yaml") or []}
    claimed = {str(e.get("un_ref")) for e in _read_yaml(data / "groups.yaml") or [] if e.get("un_ref")}
    for e in _read_yaml(data / "persons.yaml") or []:
        extra = un.get(e.get("un_ref"), {})
        claimed.add(str(e.get("un_ref")))
        names = [*e.get("aliases", []), extra.get("name", ""), *extra.get("aliases", [])]
        meta = {"un_ref": e["un_ref"], **_script(extra)} if e.get("un_ref") else {}
        b.actor(Actor(e["id"], e["name"], "person", e.get("country"), terms=_terms(e.get("terms", [])),
                      surname=e.get("surname"), meta=meta), [n for n in names if n])
    for ref, e in un.items():
        if ref in claimed:
            continue
        aid = slug(e["name"])
        meta = {"un_ref": ref, "role": "; ".join(e.get("designation", [])), "titles": e.get("titles", []),
                **_script(e)}
        if e["kind"] == "person":
            b.actor(Actor(aid, e["name"], "person", "AFG", terms=(Term("taliban"),), meta=meta), e["aliases"])
        else:
            b.actor(Actor(aid, e["name"], "organisation", "AFG", meta=meta), e["aliases"])


def _script(entry: dict) -> dict[str, str]:
    """The UN list's name in its original script, when it gives one (the multilingual coder's)."""
    return {"original_script": entry["original_script"]} if entry.get("original_script") else {}


def _surnames(b: _Builder) -> None:
    for a in b.actors.values():
        if a.kind != "person":
            continue
        last = norm(a.name).split()[-1]
        b.surnames.setdefault(last, []).append(a.id)
        if a.surname:
            key = norm(a.surname)
            if key != last:
                b.surnames.setdefault(key, []).append(a.id)
    for key, ids in b.surnames.items():
        # a curated surname, unique among persons and naming nothing else, matches on its own
        if len(ids) == 1 and key not in b.aliases:
            surname = b.actors[ids[0]].surname
            if surname and norm(surname) == key:
                b.alias(surname, ids[0], "surname")


def _rules(data: Path) -> list[Rule]:
    return [Rule(date=str(r["date"]), state=r.get("state"), after=r.get("after"), actor=r.get("actor"),
                 before=r.get("before")) for r in _read_yaml(data / "succession.yaml") or []]


def build(data: Path, version: str) -> Registry:
    b = _Builder()
    _states(b, data)
    _demonyms(b, data)
    _orgs(b, data)
    _persons(b, data)
    _surnames(b)
    return Registry(version=version, actors=b.actors, aliases=b.aliases, surfaces=b.surfaces,
                    demonyms=b.demonyms, surnames=b.surnames, rules=_rules(data),
                    cues=_read_yaml(data / "cues.yaml") or {})
