"""Print an evaluation result as tables, or as JSON."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table


def report_json(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)


def print_report(result: dict[str, Any], console: Console) -> None:
    table = Table(title="Events against gold")
    for col in ("article", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="left" if col == "article" else "right")
    for doc in result["articles"]:
        name = doc["doc"] + (" (not stored)" if doc.get("missing") else "")
        table.add_row(name, *_nums(doc))
    table.add_row("overall", *_nums(result["overall"]), style="bold")
    console.print(table)
    d, loc, m = result["dates"], result["locations"], result["metadata"]
    console.print(f"dates right: {d['right']}/{d['scored']} ({_pct(d['accuracy'])}); "
                  f"undated kept empty: {d['undated_kept_empty']}/{d['undated_gold']}")
    console.print(f"locations right: {loc['right']}/{loc['scored']} ({_pct(loc['accuracy'])})")
    console.print(f"metadata right: {m['right']}/{m['checked']} ({_pct(m['accuracy'])})")
    for w in m["wrong"]:
        console.print(f"  {w['doc']} {w['field']}: gold {w['gold']!r}, system {w['system']!r}", markup=False)
    s, fr = result["stories"], result["framing_rank"]
    console.print(f"stories: same-cluster pairs together {s['tp']}/{s['tp'] + s['fn']}, "
                  f"different clusters merged {s['fp']}")
    console.print(f"framing rank checks right: {fr['right']}/{fr['total']}")
    for doc in result["articles"]:
        for miss in doc.get("missed", []):
            console.print(f"  missed {miss} in {doc['doc']}", markup=False)
        for fa in doc.get("false_alarms", []):
            console.print(f"  false alarm in {doc['doc']}: {fa}", markup=False)
        for b in doc.get("boilerplate_left", []):
            console.print(f"  boilerplate left in {doc['doc']}: {b!r}", markup=False)


def _nums(d: dict[str, Any]) -> list[str]:
    return [str(d["tp"]), str(d["fp"]), str(d["fn"]), f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}"]


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.0%}"
