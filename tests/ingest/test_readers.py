"""iter_documents: every input kind, and every kind of bad input as a yielded error."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from diplotrack.errors import InputError, InputTooLarge, MalformedInput, UnsupportedInput
from diplotrack.ingest.build import build_article
from diplotrack.ingest.readers import MAX_BYTES, iter_documents
from diplotrack.models import RawDocument

TEXT = "Ministers from Chad and Niger met in N'Djamena on Monday to discuss border security, officials said.\n"


def docs(*inputs: str | Path, **kw) -> list[RawDocument | InputError]:
    return list(iter_documents([str(i) for i in inputs], **kw))


def only(items: list[RawDocument | InputError]) -> RawDocument | InputError:
    assert len(items) == 1, items
    return items[0]


def assert_error(item: object, cls: type[InputError], source: str, words: str) -> None:
    assert isinstance(item, cls), item
    message = str(item)
    assert message.startswith(f"{source}: "), message
    assert "\n" not in message
    assert words in message.lower(), message


def test_max_bytes_is_the_documented_50_mb():
    assert MAX_BYTES == 50 * 1024 * 1024


# ------------------------------------------------------------------ good inputs
def test_plain_text_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    doc = only(docs(f))
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.source, doc.content) == ("text", str(f), TEXT)


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ("b/2.txt", "a.txt", "b/1.txt", ".secret.txt", ".hidden/x.txt"):
        (tmp_path / rel).write_text(TEXT)
    sources = [d.source for d in docs(tmp_path)]
    assert sources == [str(tmp_path / p) for p in ("a.txt", "b/1.txt", "b/2.txt")]


def test_html_sniffed_without_extension(tmp_path, fixtures):
    f = tmp_path / "page"
    f.write_bytes((fixtures / "article.html").read_bytes())
    doc = only(docs(f))
    assert isinstance(doc, RawDocument) and doc.kind == "html"


def test_markdown_front_matter_fixture(fixtures):
    doc = only(docs(fixtures / "article.md"))
    assert isinstance(doc, RawDocument) and doc.kind == "markdown"
    assert doc.fields["title"] == "Statement on the Ceasefire Talks"  # YAML "\_" is a no-break space
    assert doc.fields["published"] == "2024-05-02"
    assert doc.fields["url"].startswith("https://www.example.gov/briefing-room/")
    assert not doc.content.lstrip().startswith("---")


def test_wh_taliban_front_matter(shared):
    folder = shared / "corpus" / "wh-taliban" / "docs"
    items = docs(folder)
    assert len(items) == 34 and all(isinstance(d, RawDocument) for d in items)
    index = {json.loads(line)["path"]: json.loads(line)
             for line in (shared / "corpus/wh-taliban/index.jsonl").read_text().splitlines()}
    for doc in items:
        meta = index[str(Path(doc.source).relative_to(folder.parent))]
        assert doc.kind == "markdown"
        assert doc.fields["published"] == meta["date"]
        assert doc.fields["url"] == meta["url"]
        assert doc.fields["title"] == " ".join(meta["title"].split())


def test_jsonl_corpus(fixtures):
    path = str(fixtures / "corpus.jsonl")
    items = docs(path)
    good = [d for d in items if isinstance(d, RawDocument)]
    bad = [d for d in items if isinstance(d, InputError)]
    assert [d.source for d in good] == [f"{path}#a1", f"{path}#L2", f"{path}#a5"]
    assert all(d.kind == "record" for d in good)
    assert good[0].fields == {"id": "a1", "title": "Ministers meet in Berlin", "outlet": "Reuters",
                              "authors": ["Ann Lee"], "published": "2024-01-08",
                              "url": "https://example.org/a1"}
    assert_error(bad[0], MalformedInput, f"{path}:3", "invalid json")
    assert_error(bad[1], MalformedInput, f"{path}:4", "no `text`")
    assert len(bad) == 2


def test_jsonl_fields_win_over_inference(fixtures):
    arts = [build_article(d) for d in docs(fixtures / "corpus.jsonl") if isinstance(d, RawDocument)]
    first, _, last = arts
    assert (first.title, first.outlet, first.authors) == ("Ministers meet in Berlin", "Reuters", ["Ann Lee"])
    assert (first.published, first.published_from) == ("2024-01-08", "input")
    assert last.genre == "press_release"


def test_jsonl_bad_authors_type(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"text": TEXT, "authors": 5}) + "\n")
    assert_error(only(docs(f)), MalformedInput, f"{f}:1", "authors")


def test_index_jsonl_without_text_is_one_error_in_a_folder(tmp_path):
    (tmp_path / "index.jsonl").write_text('{"path": "a"}\n{"path": "b"}\n')
    assert_error(only(docs(tmp_path)), UnsupportedInput, str(tmp_path / "index.jsonl"), "no line")


def test_gzip_of_text_and_jsonl(tmp_path, fixtures):
    f = tmp_path / "a.txt.gz"
    f.write_bytes(gzip.compress(TEXT.encode()))
    doc = only(docs(f))
    assert isinstance(doc, RawDocument) and doc.content == TEXT and doc.source == str(f)
    g = tmp_path / "c.jsonl.gz"
    g.write_bytes(gzip.compress((fixtures / "corpus.jsonl").read_bytes()))
    assert sum(isinstance(d, RawDocument) for d in docs(g)) == 3


def test_feed_file_entries_and_fetched_link(tmp_path, fixtures, http_server, routes):
    routes["/talks.html"] = (200, "text/html; charset=utf-8", (fixtures / "article.html").read_bytes())
    feed = (fixtures / "feed.xml").read_text().replace("LINK_PLACEHOLDER", f"{http_server}/talks.html")
    f = tmp_path / "news.rss"
    f.write_text(feed)
    first, second = docs(f, private_links=True)
    assert isinstance(first, RawDocument) and first.kind == "record"
    assert first.source == "https://example.org/world/border-plan"
    assert first.fields["title"] == "Ministers agree on border plan"
    assert first.fields["authors"] == ["Sam Ortiz"]
    assert first.fields["outlet"] == "Example Wire"
    assert first.fields["published"] == "2024-03-05"
    assert isinstance(second, RawDocument) and second.kind == "html"  # the teaser was too short
    art = build_article(second)
    assert art.title == "Talks resume in Geneva"  # the entry's title wins over the page's
    assert art.published == "2024-03-06" and art.published_from == "input"
    assert "humanitarian corridor" in art.text


def test_feed_link_failure_falls_back_to_the_entry_summary_with_a_note(tmp_path, fixtures, http_server, routes):
    feed = (fixtures / "feed.xml").read_text().replace("LINK_PLACEHOLDER", f"{http_server}/gone")
    f = tmp_path / "news.xml"
    f.write_text(feed)
    first, second = docs(f, private_links=True)
    assert isinstance(first, RawDocument)
    assert isinstance(second, RawDocument) and second.content == "Short teaser only."
    assert second.source == f"{http_server}/gone" and "404" in second.fields["note"]


def test_feed_link_failure_without_summary_is_an_error_for_that_entry(tmp_path, fixtures, http_server, routes):
    feed = (fixtures / "feed.xml").read_text().replace("LINK_PLACEHOLDER", f"{http_server}/gone")
    f = tmp_path / "news.xml"
    f.write_text(feed.replace("<description>Short teaser only.</description>", ""))
    first, second = docs(f, private_links=True)
    assert isinstance(first, RawDocument)
    assert_error(second, InputError, f"{http_server}/gone", "404")


def test_feed_links_to_private_addresses_are_not_followed_by_default(tmp_path, fixtures, http_server,
                                                                      routes):
    routes["/talks.html"] = (200, "text/html; charset=utf-8", (fixtures / "article.html").read_bytes())
    feed = (fixtures / "feed.xml").read_text().replace("LINK_PLACEHOLDER", f"{http_server}/talks.html")
    f = tmp_path / "news.rss"
    f.write_text(feed)
    first, second = docs(f)
    assert isinstance(first, RawDocument)
    # the entry's teaser is kept, with the reason its page was not read
    assert isinstance(second, RawDocument) and second.content == "Short teaser only."
    assert "private address (127.0.0.1)" in second.fields["note"]


# ------------------------------------------------------------------ bad inputs
@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("img.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "png"),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        ("prog", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "elf"),
        ("a.txt", b"Some text\x00\x00\x01\x02 with NUL bytes", "nul"),
        ("a.zip", b"PK\x03\x04" + b"\x00" * 30, "zip"),
    ],
)
def test_binary_files_are_refused(tmp_path, name, data, what):
    f = tmp_path / name
    f.write_bytes(data)
    assert_error(only(docs(f)), UnsupportedInput, str(f), what)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  \r\n"])
def test_empty_and_whitespace_only(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    assert_error(only(docs(f)), UnsupportedInput, str(f), "empty")


def test_windows_1252_is_decoded(tmp_path):
    text = "The café owner said the “deal” was ‘fair’ – and naïve critics were wrong… €5 was paid.\n"
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode("cp1252"))
    doc = only(docs(f))
    assert isinstance(doc, RawDocument) and doc.content == text


def test_latin1_is_decoded(tmp_path):
    text = "Der Außenminister traf in Genf seinen Amtskollegen aus Österreich zu Gesprächen.\n"
    f = tmp_path / "latin1.txt"
    f.write_bytes(text.encode("latin-1"))
    doc = only(docs(f))
    assert isinstance(doc, RawDocument) and doc.content == text


def test_invalid_utf8_that_cannot_be_decoded(tmp_path):
    f = tmp_path / "garbage.txt"
    f.write_bytes(b"Header line\n" + bytes(range(0x80, 0x100)) * 4 + b"\x81\x8d\x8f\x90\x9d" * 20)
    assert_error(only(docs(f)), MalformedInput, str(f), "utf-8")


def test_oversize_file_is_refused(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(TEXT * 50)
    assert_error(only(docs(f, max_bytes=1000)), InputTooLarge, str(f), "limit")
    assert isinstance(only(docs(f, max_bytes=10_000)), RawDocument)


def test_corrupt_gzip(tmp_path):
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(gzip.compress(TEXT.encode() * 20)[:-30] + b"\x00garbage")
    assert_error(only(docs(f)), MalformedInput, str(f), "gzip")


def test_truncated_gzip(tmp_path):
    f = tmp_path / "cut.txt.gz"
    f.write_bytes(gzip.compress(TEXT.encode() * 200)[:60])
    assert_error(only(docs(f)), MalformedInput, str(f), "gzip")


def test_gzip_bomb_is_refused(tmp_path):
    f = tmp_path / "bomb.txt.gz"
    f.write_bytes(gzip.compress(b"a" * 5_000_000))
    assert f.stat().st_size < 20_000
    assert_error(only(docs(f, max_bytes=100_000)), InputTooLarge, str(f), "decompressed")


def test_feed_that_is_not_xml(tmp_path):
    f = tmp_path / "news.rss"
    f.write_text("This is not a feed at all, just words.\n")
    assert_error(only(docs(f)), MalformedInput, str(f), "not an xml feed")


def test_broken_xml_feed(tmp_path):
    f = tmp_path / "news.xml"
    f.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti')
    item = only(docs(f))
    assert isinstance(item, MalformedInput | UnsupportedInput), item
    assert str(item).startswith(f"{f}: ")


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    assert_error(only(docs(missing)), UnsupportedInput, str(missing), "no such")


def test_errors_do_not_stop_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    items = docs(empty, tmp_path / "missing.txt", good)
    assert [type(i).__name__ for i in items] == ["UnsupportedInput", "UnsupportedInput", "RawDocument"]


def test_truncated_html_still_gives_text(tmp_path, fixtures):
    html = (fixtures / "article.html").read_text()
    cut = html[: html.index("Egypt's foreign minister")]
    f = tmp_path / "cut.html"
    f.write_text(cut)
    art = build_article(only(docs(f)))
    assert "humanitarian corridor" in art.text
    assert art.title == "Envoys meet in Doha to discuss aid corridor"


def test_html_without_text_fails_at_build(tmp_path):
    f = tmp_path / "blank.html"
    f.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    doc = only(docs(f))
    with pytest.raises(UnsupportedInput) as info:
        build_article(doc)
    assert str(info.value).startswith(f"{f}: ")


def test_gz_name_without_gzip_data(tmp_path):
    f = tmp_path / "fake.txt.gz"
    f.write_text(TEXT)
    assert_error(only(docs(f)), MalformedInput, str(f), "gzip")


def test_cyrillic_code_page_is_decoded(tmp_path):
    text = "Министр иностранных дел России встретился с коллегой в Москве во вторник.\n"
    f = tmp_path / "ru.txt"
    f.write_bytes(text.encode("cp1251"))
    doc = only(docs(f))
    assert isinstance(doc, RawDocument) and doc.content == text
    assert build_article(doc).language == "ru"


def test_atom_feed_entry_with_content(tmp_path):
    body = " ".join(["Delegates from both countries discussed trade and visas at length."] * 25)
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id>
<updated>2024-04-01T00:00:00Z</updated>
<entry><title>Delegates meet</title><id>urn:e1</id><link href="https://example.org/e1"/>
<published>2024-04-01T22:30:00-05:00</published><author><name>Ola Nordmann</name></author>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>"""
    f = tmp_path / "desk.atom"
    f.write_text(atom)
    doc = only(docs(f))
    assert isinstance(doc, RawDocument) and doc.content == body
    assert doc.fields["published"] == "2024-04-01"  # the publisher's day, not UTC's
    assert doc.fields["authors"] == ["Ola Nordmann"] and doc.fields["outlet"] == "Atom Desk"


def test_jsonl_line_with_an_unconvertible_number_is_a_malformed_line(tmp_path):
    from diplotrack.errors import MalformedInput
    from diplotrack.ingest.readers import iter_documents

    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "n", "text": "x", "n": ' + "9" * 5000 + '}\n{"id": "ok", "text": "Fine text."}\n')
    items = list(iter_documents([str(path)]))
    assert isinstance(items[0], MalformedInput) and f"{path}:1" in str(items[0])
    assert items[1].source.endswith("#ok")
