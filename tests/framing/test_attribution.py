"""Who an article quotes, with and without the parser."""

from __future__ import annotations

import pytest

from diplotrack.framing import analyze

TEXT = (
    "The emerging ties are a significant victory for the group, said Michael Kugelman, "
    "a senior fellow at a research institute. Belgium granted the visas, according to "
    "Deutsche Welle. The minister could not travel, according to two Pakistani officials, "
    "who spoke on the condition of anonymity because they were not authorized to discuss "
    "the matter. \u201cEveryone worries about it,\u201d Kugelman said."
)


def _by_speaker(res: dict) -> dict[str, dict]:
    return {a["speaker"]: a for a in res["attributions"]}


@pytest.mark.slow
def test_named_person_organisation_and_anonymous_sources(base_nlp) -> None:
    got = _by_speaker(analyze(TEXT, base_nlp(TEXT)))
    assert got["Michael Kugelman"] == {
        "speaker": "Michael Kugelman", "named": True, "kind": "person", "count": 2,
    }
    assert got["Deutsche Welle"]["kind"] == "organisation"
    assert got["Deutsche Welle"]["named"] is True
    anonymous = [a for a in got.values() if a["kind"] == "anonymous"]
    assert [a["speaker"] for a in anonymous] == ["two Pakistani officials"]
    assert anonymous[0]["named"] is False


@pytest.mark.slow
def test_verbs_inside_quotations_are_not_the_articles_sources(base_nlp) -> None:
    text = "\u201cGermany claims that this is justice, but it is not,\u201d the activist Zahra Mousawy said."
    speakers = [a["speaker"] for a in analyze(text, base_nlp(text))["attributions"]]
    assert "Germany" not in speakers
    assert "Zahra Mousawy" in speakers


@pytest.mark.slow
def test_pronoun_speaker_goes_to_the_last_person_named(base_nlp) -> None:
    text = "Asif Durrani served in Kabul for years. \u201cThey are not sound,\u201d he said."
    got = _by_speaker(analyze(text, base_nlp(text)))
    assert got["Asif Durrani"]["count"] == 1


def test_without_nlp_names_and_according_to_are_found() -> None:
    got = _by_speaker(analyze(TEXT))
    assert got["Michael Kugelman"]["named"] is True
    assert "Deutsche Welle" in got
    assert any(a["kind"] == "anonymous" and not a["named"] for a in got.values())
