"""Which actor a text speaks for (diplotrack.ingest.issuer)."""

import pytest

from diplotrack.ingest.issuer import government_state, issuer


@pytest.mark.parametrize(("url", "state"), [
    ("https://www.mofa.gov.pk/press/x", "PAK"),
    ("https://www.mofa.go.jp/a/b.html", "JPN"),
    ("https://www.diplomatie.gouv.fr/fr/x", "FRA"),
    ("https://www.gov.uk/government/news/x", "GBR"),
    ("https://www.defense.gov/News/x", "USA"),
    ("https://bidenwhitehouse.archives.gov/briefing-room/x", "USA"),
    ("https://www.bbc.co.uk/news/x", None),
    ("https://www.dawn.com/news/1", None),
    (None, None),
])
def test_government_sites_name_their_state(url, state):
    assert government_state(url) == state


def test_only_an_issuers_own_statements_speak_for_it():
    assert issuer("White House", None, "press_release", "Statement by President Biden") == "USA"
    assert issuer("U.S. State Department", None, "transcript", "Remarks") == "USA"
    assert issuer(None, "https://mfa.gov.cn/x", "press_release", "Readout") == "CHN"
    # a news report's "we" is whoever it quotes; a joint statement speaks for several
    assert issuer("White House", "https://www.whitehouse.gov/x", "news", "Biden meets Modi") is None
    assert issuer("White House", None, "press_release", "U.S.-India Joint Leaders' Statement") is None
    assert issuer("Dawn", "https://www.dawn.com/news/1", "press_release", "Statement") is None


def test_reporter_turns_are_the_questions_from_the_press():
    from diplotrack.ingest.issuer import reporter_turns

    text = ("MS. PSAKI:  We will.\n   \nQ  Okay. We saw it\nyesterday?\n   \n"
            "Q: And one more?\n\nMS. PSAKI:  We did. Q is a letter.")
    assert [text[a:b] for a, b in reporter_turns(text)] == ["Q  Okay. We saw it\nyesterday?",
                                                          "Q: And one more?"]

