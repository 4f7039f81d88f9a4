"""The country an outlet speaks from (data/outlet_countries.yaml): for a story, whose
outlets reported it; for an article, whose officials its unqualified titles name
("Foreign Secretary X" in an Indian paper is India's)."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from diplotrack.ingest.clean import DATA_DIR

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", re.I)


@lru_cache(maxsize=1)
def _data() -> tuple[list[tuple[str, str]], dict[str, str]]:
    data = yaml.safe_load((DATA_DIR / "outlet_countries.yaml").read_text(encoding="utf-8"))
    names = sorted(((str(k).lower(), str(v)) for k, v in data["outlets"].items()), key=lambda kv: -len(kv[0]))
    return names, {str(k): str(v) for k, v in data["tlds"].items()}


def outlet_country(outlet: str | None, url: str | None) -> str | None:
    """The outlet's country (ISO 3166 alpha-3) by its name, else by its URL's top-level
    domain; None when the data file knows neither."""
    names, tlds = _data()
    if outlet:
        name = f" {outlet.lower()} "
        for key, country in names:
            if f" {key} " in name or name.strip() == key:
                return country
    host = _HOST.match(url or "")
    if host:
        return tlds.get(host.group(1).lower().rsplit(".", 1)[-1])
    return None
