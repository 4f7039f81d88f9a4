"""The PLOVER ontology (data/plover.yaml): categories, modes, contexts, old names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parent / "data"
# the event_type of a lead event outside PLOVER (events.lead); not a PLOVER category
OTHER = "OTHER"


def load_yaml(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def _ontology() -> dict[str, Any]:
    return load_yaml("plover.yaml")


def categories() -> list[str]:
    return list(_ontology()["categories"])


def modes(category: str) -> list[str]:
    return list(_ontology()["categories"][category]["modes"])


def one_party(category: str) -> bool:
    """Whether an event of `category` is whole with one party (a protest, a withdrawal)."""
    return category in _ontology()["one_party"]


def contexts() -> list[str]:
    return list(_ontology()["contexts"])


def family(category: str) -> str:
    return str(_ontology()["categories"][category]["family"])


def normalize_category(name: str) -> str | None:
    """A PLOVER 2021 category for a current or older name ("DEMAND" -> "REQUEST")."""
    key = name.strip().upper()
    if key in _ontology()["categories"]:
        return key
    return _ontology()["aliases"].get(key)
