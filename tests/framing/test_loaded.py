"""loaded_language: the score, its terms and components, without the parser."""

from __future__ import annotations

from diplotrack.framing import analyze

NEUTRAL = (
    "The foreign ministers of the two countries met in Geneva on Tuesday to discuss "
    "trade, border crossings and the exchange of ambassadors. The talks lasted three "
    "hours, officials said, and a second round is planned for March."
)
LOADED = (
    "Predictably, the radical leftist elites have once again sabotaged a perfectly "
    "reasonable deal with their absurd, hypocritical posturing! Who could possibly be "
    "surprised? It is an utterly disgraceful betrayal."
)


def test_loaded_text_scores_above_neutral_text() -> None:
    assert analyze(LOADED)["loaded_language"] > analyze(NEUTRAL)["loaded_language"] + 0.3


def test_score_is_between_zero_and_one() -> None:
    for text in (NEUTRAL, LOADED, "", "!!!", LOADED * 20):
        score = analyze(text)["loaded_language"]
        assert 0.0 <= score <= 1.0


def test_length_alone_does_not_raise_the_score() -> None:
    once = analyze(NEUTRAL)["loaded_language"]
    many = analyze("\n\n".join([NEUTRAL] * 30))["loaded_language"]
    assert many <= once + 0.1


def test_loaded_terms_name_what_drove_the_score() -> None:
    terms = [t.lower() for t in analyze(LOADED)["loaded_terms"]]
    assert "leftist" in terms
    assert "utterly" in terms
    assert len(terms) == len(set(terms))
    assert len(terms) <= 20
    assert not analyze(NEUTRAL)["loaded_terms"] or "leftist" not in analyze(NEUTRAL)["loaded_terms"]


def test_partisan_labels_rank_first() -> None:
    terms = analyze("The talks lasted three hours. Leftist politicians were very unhappy.")[
        "loaded_terms"
    ]
    assert terms[0] == "Leftist"


def test_components_cover_every_category() -> None:
    comps = analyze(LOADED)["components"]
    for name in ("subjectivity", "emotion", "intensifiers", "derogatory_labels",
                 "partisan_markers", "hedges", "rhetorical_devices"):
        assert 0.0 <= comps[name] <= 1.0
    assert comps["partisan_markers"] > 0
    assert comps["rhetorical_devices"] > 0
    assert analyze(NEUTRAL)["components"]["partisan_markers"] == 0


def test_words_inside_quotations_count_less_than_the_authors_own() -> None:
    own = analyze("The minister's plan is a disgraceful, reckless sham.")
    quoted = analyze("The plan is “a disgraceful, reckless sham,” the opposition leader said.")
    assert own["loaded_language"] > quoted["loaded_language"]


def test_rhetorical_devices_are_scored() -> None:
    plain = analyze("The meeting ended without an agreement.")["loaded_language"]
    question = analyze("The meeting ended without an agreement. Who is surprised?")
    assert question["loaded_language"] > plain
    assert any(t.endswith("?") for t in question["loaded_terms"])


def test_evaluative_parenthetical_is_a_sarcasm_marker() -> None:
    res = analyze("The bloc rolled out the (very awkward) welcome mat for the delegation.")
    assert "(very awkward)" in res["loaded_terms"]


def test_multiword_and_hyphenated_entries_match() -> None:
    terms = analyze("Critics of the open-borders approach say the left-wing bloc is to blame.")[
        "loaded_terms"
    ]
    assert "open-borders" in terms
    assert "left-wing" in terms
