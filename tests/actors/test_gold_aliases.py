"""Every proper-name string of the gold alias groups resolves to a participant of its group,
under the gold scoring normalisation (lower case, dots dropped, spaces folded, a leading
"the" dropped; a match on name, id, country, affiliation or text)."""

from __future__ import annotations

import re

import pytest
import yaml

from diplotrack.actors.registry import load_registry, lookup

# Strings of the gold groups that are generic words rather than names: they name
# the actor only in context and are not expected to resolve on their own.
GENERIC = {"commission", "sanctions committee", "de facto authorities", "federal government"}


def gold_norm(s: str) -> str:
    s = " ".join(s.lower().replace(".", "").split())
    return s[4:] if s.startswith("the ") else s


def matches(p, group: list[str]) -> bool:
    wanted = {gold_norm(g) for g in group}
    return any(v and gold_norm(v) in wanted for v in (p.name, p.id, p.country, p.affiliation, p.text))


def groups(shared) -> list[tuple[str, str, list[str]]]:
    data = yaml.safe_load((shared / "gold" / "actors.yaml").read_text())
    return [(g, s, strings) for g, strings in data.items() for s in strings
            if gold_norm(s) not in GENERIC]


def test_gold_alias_strings_resolve_by_lookup(shared):
    failures = []
    for group, text, strings in groups(shared):
        p = lookup(text)
        if p is None or not matches(p, strings):
            failures.append((group, text, p and (p.id, p.name, p.country, p.affiliation)))
    assert failures == []


def test_gold_alias_strings_are_found_in_running_text(shared, parse):
    reg = load_registry()
    failures = []
    for group, text, strings in groups(shared):
        if text in reg.actors or re.fullmatch(r"[A-Z]{3}", text):
            continue  # bare codes ("AFG") are ids, not words of an article
        sentence = f"On Monday, {text} said it would act."
        doc = parse(sentence, "2025-09-21")
        start = sentence.index(text)
        found = [m.participant for m in doc._.actors
                 if m.start_char < start + len(text) and m.end_char > start]
        if not any(matches(p, strings) for p in found):
            failures.append((group, text, [(p.id, p.text) for p in found]))
    assert failures == []


@pytest.mark.parametrize("text", ["Michael Kugelman", "Asia Pacific Foundation", "Nigel Farage"])
def test_other_names_do_not_match_the_taliban_group(shared, text):
    data = yaml.safe_load((shared / "gold" / "actors.yaml").read_text())
    p = lookup(text)
    assert p is None or not matches(p, data["taliban"])
