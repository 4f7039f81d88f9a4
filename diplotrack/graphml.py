"""The actor network as GraphML (http://graphml.graphdrawing.org/), for Gephi, yEd,
Cytoscape or networkx: actors as nodes (name, kind, country, events), one edge per
actor pair with its event count and its counts per PLOVER category."""

from __future__ import annotations

from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from diplotrack.events.ontology import categories

NODE_KEYS = (("name", "string"), ("kind", "string"), ("country", "string"), ("events", "int"))


def write_graphml(network: dict[str, Any], out: TextIO) -> int:
    """Write `network` ({"nodes", "edges"} as /api/network gives it); return the edges written."""
    cats = list(categories())
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, kind in NODE_KEYS:
        out.write(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <key id="count" for="edge" attr.name="events" attr.type="int"/>\n'
              '  <key id="directed" for="edge" attr.name="directed" attr.type="boolean"/>\n')
    for cat in cats:
        out.write(f'  <key id="n_{cat}" for="edge" attr.name="{cat}" attr.type="int"/>\n')
    out.write('  <graph id="diplotrack" edgedefault="directed">\n')
    for node in network["nodes"]:
        values = {"name": node.get("name"), "kind": node.get("kind"), "country": node.get("country"),
                  "events": node.get("event_count")}
        out.write(f'    <node id={quoteattr(str(node["id"]))}>{_data(values)}</node>\n')
    for n, edge in enumerate(network["edges"]):
        values = {"count": edge["count"], "directed": str(bool(edge["directed"])).lower(),
                  **{f"n_{c}": v for c, v in edge["by_type"].items() if c in cats}}
        out.write(f'    <edge id="e{n}" source={quoteattr(str(edge["source"]))} '
                  f'target={quoteattr(str(edge["target"]))}>{_data(values)}</edge>\n')
    out.write("  </graph>\n</graphml>\n")
    return len(network["edges"])


def _data(values: dict[str, Any]) -> str:
    from xml.sax.saxutils import escape

    return "".join(f'<data key="{k}">{escape(str(v))}</data>' for k, v in values.items() if v is not None)
