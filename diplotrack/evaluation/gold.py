"""Gold annotations in the format of shared/gold/README.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from diplotrack.errors import GoldFormatError


def norm(value: object) -> str:
    """Gold normalisation: lower case, dots dropped, spaces folded, leading 'the' dropped."""
    s = re.sub(r"\s+", " ", str(value).lower().replace(".", "")).strip()
    return s[4:] if s.startswith("the ") else s


@dataclass
class GoldEvent:
    id: str
    required: bool
    types: list[str]
    participants: list[str]
    date: dict[str, Any] | None = None
    location: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    cluster: str | None = None


@dataclass
class GoldDoc:
    doc: str
    metadata: dict[str, Any]
    boilerplate: list[str]
    loaded_rank_above: list[str]
    events: list[GoldEvent]
    url: str | None = None
    language: str = "en"
    path: str | None = None  # where the text is, when not beside the gold as `doc`


@dataclass
class Gold:
    docs: list[GoldDoc]
    groups: dict[str, set[str]]  # alias group -> normalised strings


def load_gold(gold_dir: Path, extra_actors: list[Path] | None = None) -> Gold:
    """The gold folder's files; alias groups from its actors.yaml and `extra_actors`
    (a group named in several files gets the union)."""
    gold_dir = Path(gold_dir)
    files = sorted((gold_dir / "events").glob("*.yaml"))
    if not files:
        raise GoldFormatError(f"{gold_dir}: no gold files in {gold_dir / 'events'}")
    groups: dict[str, set[str]] = {}
    for path in [*(extra_actors or []), gold_dir / "actors.yaml"]:
        for name, values in _load_groups(path).items():
            groups.setdefault(name, set()).update(values)
    return Gold(docs=[_load_doc(f, groups) for f in files], groups=groups)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise GoldFormatError(f"{path}: cannot read gold file: {reason}") from exc


def _load_groups(path: Path) -> dict[str, set[str]]:
    data = _read_yaml(path) if path.exists() else {}
    if not isinstance(data, dict):
        raise GoldFormatError(f"{path}: expected a mapping of alias groups")
    return {name: {norm(v) for v in values or []} for name, values in data.items()}


def _load_doc(path: Path, groups: dict[str, set[str]]) -> GoldDoc:
    data = _read_yaml(path)
    if not isinstance(data, dict) or "doc" not in data:
        raise GoldFormatError(f"{path}: missing 'doc'")
    events = []
    for i, raw in enumerate(data.get("events") or []):
        try:
            ev = GoldEvent(
                id=str(raw.get("id", f"{path.stem}-{i}")),
                required=bool(raw.get("required", True)),
                types=[str(t).upper() for t in raw["types"]],
                participants=list(raw.get("participants") or []),
                date=raw.get("date"),
                location=[str(x) for x in raw.get("location") or []],
                contexts=list(raw.get("contexts") or []),
                cluster=raw.get("cluster"),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise GoldFormatError(f"{path}: event {i}: {exc}") from exc
        unknown = [g for g in ev.participants if g not in groups]
        if unknown:
            raise GoldFormatError(f"{path}: event {ev.id}: unknown alias group(s) {unknown}")
        events.append(ev)
    framing = data.get("framing") or {}
    return GoldDoc(
        doc=str(data["doc"]),
        metadata=data.get("metadata") or {},
        boilerplate=list(data.get("boilerplate") or []),
        loaded_rank_above=list(framing.get("loaded_rank_above") or []),
        events=events,
        url=data.get("url"),
        language=str(data.get("language") or "en"),
        path=data.get("path"),
    )
