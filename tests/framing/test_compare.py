"""A story's articles side by side."""

from __future__ import annotations

from diplotrack.framing import analyze, compare

A = "The Taliban regime met EU officials in Brussels on Tuesday. Five visas were issued."
B = "Predictably, leftist elites are furious that the regime got visas! What a disgrace."


def _article(aid: str, text: str, naming: dict) -> dict:
    framing = analyze(text)
    framing["actor_naming"] = naming
    return {"id": aid, "outlet": aid.upper(), "genre": "news", "text": text, "framing": framing}


def test_side_by_side_rows_and_ranking() -> None:
    arts = [_article("a", A, {"taliban": {"Taliban regime": 1}}),
            _article("b", B, {"taliban": {"regime": 1}})]
    out = compare(arts)
    assert [r["id"] for r in out["articles"]] == ["a", "b"]
    assert out["ranked_by_loaded_language"] == ["b", "a"]
    assert out["articles"][1]["genre"] == "news"
    assert out["actor_naming"]["taliban"] == {
        "Taliban regime": {"a": 1, "b": 0},
        "regime": {"a": 0, "b": 1},
    }


def test_claims_say_who_includes_and_who_leaves_out() -> None:
    arts = [_article("a", A, {}), _article("b", B, {})]
    claims = [{"detail": "visas", "value": 5, "article_ids": ["a"]},
              {"detail": "place", "value": "Brussels", "article_ids": ["a", "b"]}]
    details = compare(arts, claims=claims)["details"]
    assert details[0] == {"detail": "visas", "value": 5, "included_by": ["a"], "left_out_by": ["b"]}
    assert details[1]["left_out_by"] == []
    rows = {r["id"]: r for r in compare(arts, claims=claims)["articles"]}
    assert rows["b"]["details_left_out"] == ["visas: 5"]
    assert rows["a"]["details_left_out"] == []


def test_without_claims_numbers_and_names_are_compared() -> None:
    arts = [{"id": "a", "text": A}, {"id": "b", "text": B}]
    details = {d["detail"]: d for d in compare(arts)["details"]}
    assert details["Brussels"]["included_by"] == ["a"]
    assert details["Brussels"]["left_out_by"] == ["b"]
    assert "Predictably" not in details  # a sentence opener, not a name
    assert all(0.0 <= r["loaded_language"] <= 1.0 for r in compare(arts)["articles"])
