from diplotrack.stories.numbers import mentions, quantities


def _q(sentence: str) -> list[tuple[str, float | None, str]]:
    return [(q.subject, q.number, q.phrase) for q in quantities(sentence)]


def test_counted_things_with_abbreviations_and_words():
    assert _q("About 6,000 U.S. troops were deployed.") == [("troop", 6000.0, "6,000 u.s. troops")]
    assert _q("Belgium issued five single-day visas.") == [("visa", 5, "five single-day visas")]


def test_ordinals_years_and_bare_numbers_are_not_quantities():
    assert _q("They left by August 31st, as agreed in 2020.") == []
    assert _q("It cost 2,000.") == []


def test_a_report_without_the_number_is_found_too():
    (m,) = mentions("Belgium granted the officials temporary visas.", "visa")
    assert m.number is None and m.phrase == "temporary visas"
