"""The lexicon files load, are documented, and hold no empty or clashing entries."""

from __future__ import annotations

from pathlib import Path

import yaml

from diplotrack.framing import lexicon

DATA = Path(lexicon.__file__).parent / "data"


def test_every_data_file_is_documented_with_its_licence() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for path in DATA.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
    for licence in ("MIT", "PDDL"):
        assert licence in readme


def test_lexicons_load_with_sane_values() -> None:
    lex = lexicon.load()
    assert len(lex.emotion) > 5000
    assert all(-1.0 <= v <= 1.0 for v in lex.emotion.values())
    assert len(lex.subjectivity) > 500
    assert all(0.0 < v <= 1.0 for v in lex.subjectivity.values())
    assert lex.category(("leftist",)) == "partisan"
    assert lex.category(("open", "-", "borders")) == "partisan"


def test_hand_written_categories_have_no_duplicates_or_blanks() -> None:
    raw = yaml.safe_load((DATA / "categories.yaml").read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for cat, words in raw.items():
        if cat == "neutral":
            continue
        for w in words:
            assert str(w).strip(), cat
            assert w not in seen, (w, cat, seen.get(w))
            seen[w] = cat


def test_actor_labels_name_kinds_or_ids() -> None:
    labels = lexicon.actor_labels()
    assert labels[("regime",)]["kinds"][0] == "de_facto_government"
    assert all(spec.get("kinds") or spec.get("ids") for spec in labels.values())
