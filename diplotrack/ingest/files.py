"""Files and folders: walk, read with a size cap, decompress gzip with a cap."""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from diplotrack.errors import InputTooLarge, MalformedInput, UnsupportedInput

MAX_BYTES = 50 * 1024 * 1024
"""The documented per-input limit: raw file, decompressed `.gz` and fetched page."""

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
_READ_CHUNK = 1 << 20
# Housekeeping files a folder walk skips (a file named on the command line is still read).
_SKIP_NAME = re.compile(
    r"^(license|licence|copying|notice|readme|changelog|authors|contributing)([._-].*)?$", re.I
)


def walk(folder: Path) -> Iterator[Path]:
    """Every regular file under `folder`, recursively, sorted, hidden ones skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _SKIP_NAME.match(name):
                continue
            path = Path(root) / name
            if path.is_file():
                yield path


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; refuses a file above `max_bytes` without reading it all."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(source, f"{size} bytes is above the limit of {max_bytes} bytes")
        chunks: list[bytes] = []
        total = 0
        with path.open("rb") as fh:  # in chunks: read(n) would allocate n bytes up front
            while chunk := fh.read(min(_READ_CHUNK, max_bytes + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:  # grew since stat, or a special file
                    raise InputTooLarge(source, f"more than the limit of {max_bytes} bytes")
    except OSError as exc:
        raise UnsupportedInput(source, f"cannot read: {exc.strerror or exc}") from None
    return b"".join(chunks)


def gunzip_capped(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip `data` (all members); refuse output above `max_bytes`."""
    out: list[bytes] = []
    total = 0
    pending = data
    try:
        while pending:
            dec = zlib.decompressobj(wbits=31)
            buf = pending
            while not dec.eof:
                chunk = dec.decompress(buf, _CHUNK)
                total += len(chunk)
                if total > max_bytes:
                    raise InputTooLarge(
                        source, f"expands beyond the limit of {max_bytes} bytes when decompressed"
                    )
                out.append(chunk)
                buf = dec.unconsumed_tail
                if not buf and not chunk and not dec.eof:
                    raise MalformedInput(source, "corrupt gzip data (truncated stream)")
            pending = dec.unused_data.lstrip(b"\x00")
            if pending and not pending.startswith(GZIP_MAGIC):
                break  # trailing garbage after the last member, as gzip(1) tolerates
    except zlib.error as exc:
        raise MalformedInput(source, f"corrupt gzip data ({exc})") from None
    return b"".join(out)


def inner_name(name: str) -> str:
    """`page.html.gz` -> `page.html`."""
    return name[:-3] if name.lower().endswith(".gz") else name
