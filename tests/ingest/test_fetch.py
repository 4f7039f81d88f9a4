"""URL inputs against a local http.server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import functools

from diplotrack.errors import FetchError, InputTooLarge
from diplotrack.ingest.build import build_article
from diplotrack.ingest.fetch import fetch_url
from diplotrack.ingest.readers import iter_documents
from diplotrack.models import RawDocument


def test_url_html_page(http_server, routes, fixtures):
    routes["/world/story"] = (200, "text/html; charset=utf-8", (fixtures / "article.html").read_bytes())
    url = f"{http_server}/world/story"
    [doc] = iter_documents([url])
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.source, doc.fields["url"]) == ("html", url, url)
    art = build_article(doc)
    assert art.outlet == "Example Daily" and art.authors == ["Jane Miller"]
    assert art.published == "2024-03-05" and art.published_from == "metadata"
    assert art.dateline == "Doha"


def test_url_feed_by_content_type(http_server, routes, fixtures):
    feed = (fixtures / "feed.xml").read_text().replace("LINK_PLACEHOLDER", f"{http_server}/s")
    routes["/rss"] = (200, "application/rss+xml", feed.encode())
    routes["/s"] = (200, "text/html", (fixtures / "article.html").read_bytes())
    items = list(iter_documents([f"{http_server}/rss"]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    assert items[1].kind == "html" and items[1].fields["title"] == "Talks resume in Geneva"


def test_url_404_names_the_status(http_server, routes):
    url = f"{http_server}/missing"
    [err] = iter_documents([url])
    assert isinstance(err, FetchError)
    assert str(err) == f"{url}: HTTP 404 Not Found"


def test_url_500(http_server, routes):
    routes["/boom"] = (503, "text/plain", b"down")
    [err] = iter_documents([f"{http_server}/boom"])
    assert isinstance(err, FetchError) and "HTTP 503" in str(err)


def test_url_redirect_loop(http_server, routes):
    url = f"{http_server}/loop"
    [err] = iter_documents([url])
    assert isinstance(err, FetchError)
    assert str(err).startswith(f"{url}: ") and "redirect" in str(err)


def test_url_timeout(http_server, routes):
    url = f"{http_server}/slow"
    fetcher = functools.partial(fetch_url, timeout=0.3)
    [err] = iter_documents([url], fetcher=fetcher)
    assert isinstance(err, FetchError)
    assert str(err) == f"{url}: timed out after 0.3 s"


def test_url_too_large(http_server, routes):
    routes["/big"] = (200, "text/plain", b"word " * 5000)
    [err] = iter_documents([f"{http_server}/big"], max_bytes=1000)
    assert isinstance(err, InputTooLarge) and "limit" in str(err)


def test_unreachable_host_is_a_fetch_error():
    [err] = iter_documents(["http://127.0.0.1:9/nothing"], fetcher=functools.partial(fetch_url, timeout=1))
    assert isinstance(err, FetchError) and "\n" not in str(err)
