"""What a database holds, in a few tables: for `diplotrack demo` and humans."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import case, desc, func, or_, select

from diplotrack.pipeline import IngestReport
from diplotrack.store import schema as s
from diplotrack.store.db import Store
from diplotrack.store.queries import MERGED


def counts(store: Store) -> dict[str, Any]:
    p = s.participants
    with store.engine.connect() as conn:
        by_type = conn.execute(
            select(s.events.c.event_type, func.count()).group_by(s.events.c.event_type)
            .order_by(desc(func.count()))
        ).all()
        actors = conn.execute(
            select(p.c.name, func.count(func.distinct(p.c.event_id)).label("n"))
            .group_by(p.c.actor_id, p.c.name).order_by(desc("n")).limit(8)
        ).all()
        st = s.stories
        live = or_(st.c.status.is_(None), st.c.status != MERGED)
        reported, mentioned = conn.execute(select(
            func.count(case((st.c.n_reports > 0, 1))), func.count(case((st.c.n_reports == 0, 1))))
            .where(live)).one()
    return {
        "articles": store.count("articles"),
        "events": store.count("events"),
        "stories": reported or 0,
        "mentioned": mentioned or 0,  # stories no article reports, only mentions
        "by_type": [(t, n) for t, n in by_type],
        "actors": [(a, n) for a, n in actors],
    }


def print_summary(store: Store, report: IngestReport, console: Console) -> None:
    c = counts(store)
    console.print(f"\n[bold]{c['articles']} articles, {c['events']} events, {c['stories']} stories[/bold] "
                  f"(and {c['mentioned']} events only mentioned in passing; "
                  f"{len(report.stored)} articles added in this run)")
    console.print(_count_table("Events by category (OTHER: outside PLOVER)", "category", c["by_type"]))
    console.print(_count_table("Most active participants", "participant", c["actors"]))
    _print_examples(store, console)


def _count_table(title: str, label: str, rows: list[tuple[str, int]]) -> Table:
    table = Table(title=title)
    table.add_column(label)
    table.add_column("events", justify="right")
    for name, n in rows:
        table.add_row(name, str(n))
    return table


def _print_examples(store: Store, console: Console, n: int = 5) -> None:
    """A few events with their evidence, most confident first."""
    events = list(store.iter_events(most_confident=n))
    if not events:
        return
    console.print("[bold]Examples[/bold]")
    for ev in events:
        who = ", ".join(p.name for p in ev.actor) or "?"
        whom = ", ".join(p.name for p in ev.recipient)
        when = f" ({ev.date})" if ev.date else ""
        line = f"{ev.event_type}{'/' + ev.mode if ev.mode else ''}: {who}" + (f" → {whom}" if whom else "") + when
        console.print(f"  {line}", markup=False)
        if ev.evidence:
            console.print(f"    “{ev.evidence[0].sentence[:160]}”", markup=False, style="dim")
