"""An organisation the registry does not know belongs to the state its name gives."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "country"), [
    ("The Supreme Court of Kazakhstan has removed the Taliban from its list of banned groups.",
     "KAZ"),
    ("The Russian Supreme Court suspended the ban on the Taliban on Thursday.", "RUS"),
])
def test_a_court_named_with_its_state_carries_that_country(full_nlp, text, country):
    doc = full_nlp(text)
    actors = [p for e in doc._.events for p in e.actor if p.id.startswith("org:")]
    assert actors and all(p.country == country for p in actors)
