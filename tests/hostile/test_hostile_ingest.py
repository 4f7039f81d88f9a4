"""Crafted and broken inputs: each is one named, one-line error; the rest of a run goes on.

Each case builds its input here; the test id names the case of the hardening audit.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from diplotrack.errors import (
    FetchError,
    InputError,
    InputTooLarge,
    MalformedInput,
    UnsupportedInput,
)
from diplotrack.ingest import readers
from diplotrack.ingest.fetch import fetch_url
from diplotrack.ingest.readers import iter_documents
from diplotrack.models import RawDocument

GOOD = ("The foreign minister of Norway met the foreign minister of Chile in Oslo on "
        "Tuesday to discuss trade and climate cooperation. ") * 3
DEEP = "[" * 200_000 + "]" * 200_000


def read(*inputs: str | Path, **kw) -> list[RawDocument | InputError]:
    return list(iter_documents([str(i) for i in inputs], **kw))


def errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("case", ["jsonl-line-nested-deep", "json-file-nested-deep",
                                  "txt-that-is-nested-json", "object-nested-deep"])
def test_deeply_nested_json_is_one_named_error(tmp_path, case):
    deep = DEEP if case == "jsonl-line-nested-deep" else '{"a":' * 100_000 + "1" + "}" * 100_000
    good = json.dumps({"id": "ok", "text": GOOD})
    name, data = {
        "jsonl-line-nested-deep": ("c.jsonl", f"{good}\n{deep}\n{good.replace('ok', 'ok2')}\n"),
        "json-file-nested-deep": ("c.json", deep),
        "txt-that-is-nested-json": ("c.txt", deep),
        "object-nested-deep": ("c.jsonl", deep),
    }[case]
    (tmp_path / name).write_text(data)
    after = tmp_path / "z-after.txt"
    after.write_text(GOOD)
    items = read(tmp_path / name, after)
    [err] = errors(items)
    assert isinstance(err, MalformedInput) and str(tmp_path / name) in str(err)
    assert "nested too deeply" in str(err) and "\n" not in str(err)
    assert items[-1].source == str(after)  # the next input is still read


def test_an_html_page_over_its_limit_is_refused_before_parsing(tmp_path):
    page = tmp_path / "huge.html"
    page.write_text("<html><body>" + "<p>Talks went on.</p>" * (readers.MAX_HTML_BYTES // 20 + 1))
    [err] = read(page)
    assert isinstance(err, InputTooLarge) and "for one page" in str(err)


def test_text_without_a_letter_is_refused(tmp_path):
    (tmp_path / "brackets.txt").write_text(DEEP)
    [err] = read(tmp_path / "brackets.txt")
    assert isinstance(err, UnsupportedInput) and "no letters" in str(err)


def test_a_reader_bug_in_one_file_is_that_files_error(tmp_path, monkeypatch):
    """Any exception type, not only InputError: named, and the folder walk goes on."""
    real = readers.sniff_kind

    def sniff(text: str, suffix: str):
        if "EXPLODE" in text:
            raise MemoryError("simulated")
        return real(text, suffix)

    monkeypatch.setattr(readers, "sniff_kind", sniff)
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(GOOD + (" EXPLODE" if i == 1 else ""))
    items = read(tmp_path, tmp_path / "0.txt")
    assert [type(i).__name__ for i in items] == ["RawDocument", "MalformedInput", "RawDocument",
                                                 "RawDocument"]
    assert str(items[1]) == f"{tmp_path / '1.txt'}: could not be read (MemoryError: simulated)"


def test_fifo_on_the_command_line_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done: list = []
    worker = threading.Thread(target=lambda: done.extend(read(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    assert done, "reading a FIFO hung"
    [err] = done
    assert isinstance(err, UnsupportedInput) and "not a regular file" in str(err)


def test_billion_laughs_feed_is_refused(tmp_path):
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]>'
            '<rss version="2.0"><channel><title>x</title><item><title>t</title>'
            "<description>&lol9;</description></item></channel></rss>")
    (tmp_path / "f.xml").write_text(feed)
    [err] = read(tmp_path / "f.xml")
    assert isinstance(err, MalformedInput) and "declares XML entities" in str(err)


def test_utf8_with_one_bad_byte_keeps_its_utf8(tmp_path):
    text = "Le président a rencontré le ministre à Genève. " * 20
    data = text.encode() + b"\xff" + " Fin de la réunion.".encode()
    (tmp_path / "a.txt").write_bytes(data)
    [doc] = read(tmp_path / "a.txt")
    assert isinstance(doc, RawDocument)
    assert "président" in doc.content and "réunion" in doc.content and "Ã" not in doc.content


def test_an_error_for_a_file_name_with_a_newline_is_one_line(tmp_path):
    bad = tmp_path / "two\nlines.pdf"
    bad.write_bytes(b"%PDF-1.7 binary")
    [err] = read(bad)
    assert "\n" not in str(err) and "two\\nlines.pdf" in str(err)


class _Drip(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    def log_message(self, *_args: object) -> None:
        pass


def test_a_server_dripping_bytes_cannot_outlast_the_timeout():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        start = time.monotonic()
        with pytest.raises(FetchError, match="within 2 s"):
            fetch_url(f"http://127.0.0.1:{server.server_address[1]}/", 1 << 20, timeout=2)
        assert time.monotonic() - start < 5  # the 50 s drip is cut at about the 2 s timeout
    finally:
        server.shutdown()


def test_feed_links_to_loopback_are_refused_unless_asked(tmp_path):
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    link = f"http://127.0.0.1:{port.getsockname()[1]}/admin"
    port.close()
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>'
            f"<title>t</title><link>{link}</link></item></channel></rss>")
    (tmp_path / "f.xml").write_text(feed)
    [err] = read(tmp_path / "f.xml")
    assert isinstance(err, UnsupportedInput) and "private address (127.0.0.1)" in str(err)
    [err] = read(tmp_path / "f.xml", private_links=True)  # asked: fetched (nothing listens)
    assert isinstance(err, FetchError)
