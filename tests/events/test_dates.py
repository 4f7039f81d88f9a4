from datetime import date

import pytest

from diplotrack.events.dates import event_date, resolve

PUB = "2025-09-21"  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in March", "2025-03"),
        ("on Thursday", "2025-09-18"),
        ("last week", "2025-09"),
        ("in 2025", "2025"),
        ("last year", "2024"),
        ("summer 2024", "2024"),
        ("September 21, 2025", "2025-09-21"),
        ("in May", "2025-05"),
        ("last month", "2025-08"),
        ("since January", "2025-01"),
        ("Early last year", "2024"),
        ("four years ago", "2021"),
        ("Thursday's", "2025-09-18"),
        ("in early 2022", "2022"),
        ("yesterday", "2025-09-20"),
        # a dateline's or a gloss's punctuation is no part of the date
        ("April 19, 2025:", "2025-04-19"),
        ("(July 3)", "2025-07-03"),
        ("May 5, 2010 -", "2010-05-05"),
    ],
)
def test_resolves_against_publication(text, expected):
    assert event_date(resolve(text, PUB)) == expected


def test_future_reading_moves_forward():
    assert event_date(resolve("in March", PUB, future=True)) == "2026-03"
    assert resolve("next week", PUB).value == "2025-W39"


def test_future_weekday_of_the_publication_day_is_that_day():
    # "will visit Kabul on Sunday" filed on a Sunday: wire style names the day for today
    assert event_date(resolve("on Sunday", PUB, future=True)) == "2025-09-21"
    assert event_date(resolve("on Tuesday", PUB, future=True)) == "2025-09-23"
    assert event_date(resolve("next Sunday", PUB, future=True)) == "2025-09-28"


def test_week_precision_is_kept_by_the_resolver():
    assert resolve("this week", "2013-03-22").value == "2013-W12"


def test_relative_expressions_need_a_publication_date():
    assert resolve("on Thursday", None) is None
    assert resolve("in March", None) is None
    assert resolve("last week", None) is None


def test_absolute_expressions_resolve_without_publication_date():
    assert event_date(resolve("in 2025", None)) == "2025"
    assert event_date(resolve("March 2025", None)) == "2025-03"
    assert event_date(resolve("September 21, 2025", None)) == "2025-09-21"


def test_anaphoric_season_uses_the_year_named_before():
    assert event_date(resolve("that summer", PUB, year_hint=2024)) == "2024"
    assert resolve("that summer", PUB) is None


def test_durations_and_vague_words_are_not_dates():
    assert resolve("Four years", PUB) is None
    assert event_date(resolve("recently", PUB)) is None


def test_accepts_date_objects():
    assert event_date(resolve("on Friday", date(2013, 3, 22))) == "2013-03-22"
