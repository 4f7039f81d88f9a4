"""Per-host politeness and robots.txt, with a fake clock and fake fetches."""

from __future__ import annotations

from diplotrack.errors import FetchError
from diplotrack.ingest.fetch import Fetched
from diplotrack.watch.polite import HostGate, Robots


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_requests_to_one_host_are_spaced_and_other_hosts_do_not_wait():
    clock = FakeClock()
    gate = HostGate(5.0, clock=clock, sleep=clock.sleep)
    assert gate.wait("https://a.example/feed") == 0
    assert gate.wait("https://b.example/feed") == 0  # another host: no wait
    assert gate.wait("https://A.example/page") == 5.0  # same host, any case
    clock.now += 20
    assert gate.wait("https://a.example/x") == 0  # long enough since
    assert clock.slept == [5.0]


def _robots(answers: dict[str, object]) -> tuple[Robots, list[str]]:
    asked: list[str] = []

    def fetcher(url: str, max_bytes: int) -> Fetched:
        asked.append(url)
        answer = answers[url]
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, bytes)
        return Fetched(url, url, "text/plain", None, answer)

    clock = FakeClock()
    return Robots(HostGate(0, clock=clock, sleep=clock.sleep), fetcher, clock=clock), asked


def test_robots_txt_is_read_once_per_host_and_obeyed():
    robots, asked = _robots({"https://a.example/robots.txt": b"User-agent: *\nDisallow: /private/\n"})
    assert robots.allowed("https://a.example/feed.xml")
    assert not robots.allowed("https://a.example/private/feed.xml")
    assert asked == ["https://a.example/robots.txt"]


def test_missing_robots_allows_and_forbidden_robots_disallows():
    robots, _ = _robots({
        "https://a.example/robots.txt": FetchError("https://a.example/robots.txt", "HTTP 404 Not Found"),
        "https://b.example/robots.txt": FetchError("https://b.example/robots.txt", "HTTP 403 Forbidden"),
    })
    assert robots.allowed("https://a.example/anything")
    assert not robots.allowed("https://b.example/anything")


def test_an_unreachable_host_is_asked_for_robots_again():
    robots, asked = _robots({"https://a.example/robots.txt": FetchError(
        "https://a.example/robots.txt", "request failed (ConnectError: refused)")})
    assert robots.allowed("https://a.example/feed") and robots.allowed("https://a.example/feed")
    assert len(asked) == 2
