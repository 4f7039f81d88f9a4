"""Hand-annotated article sets (gold in the format of shared/gold/README.md), read as
`diplotrack ingest` reads them: real news as `.jsonl` records with their URL (as the
acceptance scorer feeds them), the seeds and the government texts as files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diplotrack.evaluation.gold import GoldDoc, load_gold
from diplotrack.models import Article, RawDocument


@dataclass(frozen=True)
class GoldSet:
    dataset: str
    gold_dir: Path
    texts: Path
    actors: list[Path]
    parts: dict[str, str] | None = None  # doc -> part; None: all training
    as_record: bool = False  # fed as a .jsonl record with `url` (real news) or as a file


@dataclass
class Annotated:
    gold: GoldDoc
    article: Article
    dataset: str
    part: str
    group: str  # articles of one group stay in one part and one fold (a real-world event)


def cluster_of(g: GoldDoc) -> str:
    return next((e.cluster for e in g.events if e.required and e.cluster), g.doc)


def _raw(gs: GoldSet, g: GoldDoc, path: Path) -> RawDocument | None:
    from diplotrack.ingest.readers import iter_documents

    if gs.as_record:
        fields = {"id": g.doc, **({"url": g.url} if g.url else {})}
        return RawDocument(f"{gs.dataset}.jsonl#{g.doc}", path.read_text(encoding="utf-8"), "record", fields)
    found = [d for d in iter_documents([str(path)]) if isinstance(d, RawDocument)]
    return found[0] if found else None


def read(gs: GoldSet) -> tuple[list[Annotated], dict[str, set[str]]]:
    from diplotrack.ingest.build import build_article

    gold = load_gold(gs.gold_dir, gs.actors)
    out = []
    for g in gold.docs:
        path = gs.texts / (g.path or g.doc)
        if g.language != "en" or not path.exists():
            continue
        raw = _raw(gs, g, path)
        if raw is None:
            continue
        part = (gs.parts or {}).get(g.doc, "train")
        out.append(Annotated(g, build_article(raw), gs.dataset, part, cluster_of(g)))
    return out, gold.groups


def gold_sets(shared: Path, repo: Path) -> list[GoldSet]:
    """Every annotated set there is: real news (split by event), the seeds (all
    training: they were tuned on), government texts annotated for this project."""
    from diplotrack.evaluation.realnews import doc_parts

    realnews = shared / "evaldata" / "realnews-dev"
    sets = [GoldSet("realnews-dev", realnews, realnews / "texts", [shared / "gold" / "actors.yaml"],
                    doc_parts(realnews), as_record=True),
            GoldSet("seed-gold", shared / "gold", shared / "seeds", [])]
    gov = repo / "evaldata" / "gov-statements"
    if (gov / "README.md").exists():  # a set counts once it is documented
        from diplotrack.evaluation.govtexts import doc_parts as gov_parts

        actors = [shared / "gold" / "actors.yaml", realnews / "actors.yaml", *sorted(gov.glob("actors*.yaml"))]
        sets.append(GoldSet("gov-statements", gov, shared / "corpus", actors, gov_parts(gov)))
    return sets
