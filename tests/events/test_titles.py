"""A document title is read for what it reports (nlp.titles)."""

import pytest

from diplotrack.nlp.titles import topic


@pytest.mark.parametrize("title, expected", [
    ("Remarks by President Biden on the End of the War in Afghanistan",
     "the End of the War in Afghanistan"),
    ("Statement by the Spokesperson regarding the Taliban's ban on female staff",
     "the Taliban's ban on female staff"),
    ("Readout of Secretary Blinken's Call with Qatari Foreign Minister",
     "Secretary Blinken's Call with Qatari Foreign Minister"),
    ("FACT SHEET: Executive Order to Preserve Afghan Central Bank Assets",
     "Executive Order to Preserve Afghan Central Bank Assets"),
    ("Statement on the talks in Doha", "the talks in Doha"),
])
def test_a_document_title_reports_what_follows_its_kind_and_speaker(title, expected):
    assert topic(title) == expected


@pytest.mark.parametrize("title", [
    "Statement by Administrator Samantha Power",  # a speaker and no topic
    "Press Briefing by Press Secretary Jen Psaki, August 6, 2021",
    "Speech therapy helps stroke patients",  # a headline that starts with such a word
    "Statements and releases",
    "Taliban warn UN over exclusion from Afghanistan talks",
    "",
])
def test_other_titles_are_kept_whole(title):
    assert topic(title) == title
