"""The sources file: names, intervals, comments, and a one-line error per bad line."""

from __future__ import annotations

import pytest

from diplotrack.watch.sources import DEFAULT_EVERY_S, parse_interval, parse_sources


def test_lines_with_names_intervals_and_comments():
    text = ("# my feeds\n\n"
            "https://example.org/feed.xml  name=Example  every=15m\n"
            "https://example.org/live.html#top name=\"Live page\" every=2h  # a page\n"
            "https://example.net/rss\n")
    sources, errors = parse_sources(text, "s.txt")
    assert errors == []
    assert [(s.url, s.name, s.every_s, s.line) for s in sources] == [
        ("https://example.org/feed.xml", "Example", 900, 3),
        ("https://example.org/live.html#top", "Live page", 7200, 4),
        ("https://example.net/rss", None, DEFAULT_EVERY_S, 5),
    ]


@pytest.mark.parametrize(("line", "reason"), [
    ("ftp://example.org/feed", "not an http(s) URL"),
    ("https://example.org/feed colour=red", "unknown option 'colour'"),
    ("https://example.org/feed every=15", "with a unit"),
    ("https://example.org/feed every=10s", "more often than once a minute"),
    ("https://example.org/feed name=\"unclosed", "cannot split"),
    ("https://example.org/feed lonely", "not name=... or every=..."),
])
def test_a_bad_line_is_one_error_naming_file_line_and_reason_and_the_rest_are_kept(line, reason):
    text = f"https://a.example/feed.xml\n{line}\nhttps://b.example/feed.xml every=1h\n"
    sources, errors = parse_sources(text, "s.txt")
    assert [s.url for s in sources] == ["https://a.example/feed.xml", "https://b.example/feed.xml"]
    [error] = errors
    assert str(error).startswith("s.txt:2: ") and reason in str(error)
    assert "\n" not in str(error)


def test_a_source_listed_twice_is_an_error_on_its_second_line():
    sources, errors = parse_sources("https://a.example/f\nhttps://a.example/f name=Again\n", "s")
    assert len(sources) == 1 and sources[0].name is None
    assert [str(e) for e in errors] == ["s:2: https://a.example/f: listed twice"]


def test_intervals():
    assert parse_interval("90s") == 90 and parse_interval("1.5h") == 5400
    assert parse_interval("1d") == 86400 and parse_interval("15M") == 900
    with pytest.raises(ValueError, match="unit"):
        parse_interval("soon")
