"""Title-case headlines are parsed in sentence case (nlp.truecase)."""

import pytest

from diplotrack.models import Article
from diplotrack.nlp.pipeline import process
from diplotrack.nlp.truecase import is_title_case, truecase

BODY = ("Russia's Supreme Court on Thursday suspended the ban on the Taliban, the court's "
        "press service said. The ban had been in force since 2003, when the Supreme Court "
        "listed the movement. Moscow has been suspending such listings one by one.")


@pytest.mark.parametrize("title, expected", [
    ("Russia's Supreme Court Suspends Taliban Ban", "Russia's Supreme Court suspends Taliban ban"),
    # the text's own capitals win over a title's; an unknown word keeps its capital
    ("Moscow Suspends Ban On Taliban Movement", "Moscow suspends ban on Taliban movement"),
    ("Kremlin Hails Court Decision", "Kremlin Hails Court Decision"),
])
def test_title_case_is_lowered_where_the_text_writes_a_word_in_lower_case(title, expected):
    assert truecase(title, BODY) == expected
    assert len(truecase(title, BODY)) == len(title)  # offsets hold


@pytest.mark.parametrize("title", [
    "Taliban warn UN over exclusion from Afghanistan talks",  # sentence case already
    "RUSSIA SUSPENDS TALIBAN BAN",  # all capitals: acronyms cannot be told from words
    "Russia Ban",  # too few words to tell
    "روسیه ممنوعیت طالبان را تعلیق کرد",  # a script without case
])
def test_other_headlines_are_left_as_they_are(title):
    assert truecase(title, BODY) == title


def test_title_case_is_told_by_the_share_of_capitalised_longer_words():
    assert is_title_case("Over Half of Micronesia Teachers Now Out on Wildcat Strike")
    assert not is_title_case("Over half of Micronesia teachers now out on wildcat strike")


def test_first_words_of_sentences_are_no_evidence():
    body = "Suspends nothing. Ban lists grew. The court suspended the ban."
    assert truecase("Russia Suspends Taliban Ban", body) == "Russia suspends Taliban ban"


@pytest.mark.slow
def test_a_title_case_headline_parses_to_its_verb_and_object(full_nlp):
    art = Article(id="t", source="t", title="Russia's Supreme Court Suspends Taliban Ban", text=BODY)
    head = next(iter(process(full_nlp, [art])))._.headline
    root = next(t for t in head if t.dep_ == "ROOT")
    assert root.lemma_ == "suspend"
    assert any(t.text == "ban" and t.head.i == root.i for t in head)
