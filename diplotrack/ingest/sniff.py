"""Look at raw bytes: refuse binaries, decode text sensibly, guess the input kind.

Kinds are decided from the content first and the file name second, so a feed
saved as `.txt` or an HTML page without an extension are still read right.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Literal

from diplotrack.errors import MalformedInput, UnsupportedInput

Kind = Literal["html", "feed", "jsonl", "json", "markdown", "text"]

SNIFF_BYTES = 8192

# magic number -> what it is (checked at offset 0)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media file"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3", "SQLite database"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
    (b"{\\rtf", "RTF document"),
    (b"%!PS", "PostScript document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_MP4 = re.compile(rb"^....ftyp")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# typographic characters that Windows-1252 text legitimately contains
_TYPOGRAPHIC = set("’‘“”–—…•€£¥©®°«»·§¶†‡™¡¿½¼¾×÷ ")
_HIGH_RUN = re.compile(r"[^\x00-\x7f]{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

FEED_EXTS = {".rss", ".atom", ".xml", ".rdf"}
HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml"}
MARKDOWN_EXTS = {".md", ".markdown", ".mdown", ".mkd"}
JSONL_EXTS = {".jsonl", ".ndjson"}


def binary_kind(head: bytes) -> str | None:
    """What binary format `head` starts with, or None when it may be text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if _MP4.match(head[:12]):
        return "MP4/QuickTime media file"
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head[:SNIFF_BYTES]:
        return "binary data (NUL bytes)"
    return None


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes -> str: BOMs, UTF-8, a `declared` charset (HTTP header), then a
    detected legacy encoding (cp1252, ...)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise MalformedInput(source, f"invalid {enc} text ({exc.reason})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc.start
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if (text := _mostly_utf8(data)) is not None:
        return text
    text = _legacy_decode(data)
    if text is None:
        raise MalformedInput(
            source, f"not valid UTF-8 (bad byte at offset {first_error}) and no sensible encoding"
        )
    return text


_MULTIBYTE = re.compile(r"[^\x00-\x7f\ufffd]")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few bad bytes (a truncated or spliced character), the bad bytes
    replaced: it has more valid multi-byte characters than invalid bytes, which text in
    a legacy code page (where every accented letter is an invalid byte) never has."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if len(_MULTIBYTE.findall(text)) > bad else None


def _legacy_decode(data: bytes) -> str | None:
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_sensible(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.chaos > 0.1:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if not _CONTROL.search(text[:SNIFF_BYTES]) else None


def _looks_sensible(text: str) -> bool:
    """Legacy-decoded text is sensible when its non-ASCII characters are letters
    or typographic punctuation, are rare, and no control characters appear."""
    if _CONTROL.search(text):
        return False
    high = [c for c in text if ord(c) > 127]
    if not high or len(high) > 0.3 * len(text):
        return False
    good = sum(1 for c in high if c.isalpha() or c in _TYPOGRAPHIC)
    # Western text has accents inside ASCII words; runs of accented letters are
    # another script (Cyrillic, Greek, ...) read through the wrong code page
    runs = len(_HIGH_RUN.findall(text))
    return good >= 0.95 * len(high) and runs <= max(2, len(high) // 50)


_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF|RDF)[\s>]", re.I)
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|article)[\s>]", re.I)
_HTML_TAGS = re.compile(r"</?(p|div|span|a|br|h[1-6]|li|ul|section|article|script|table)\b", re.I)
_XML_PRELUDE = re.compile(r"^(\s*(<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>))*\s*", re.S)


def sniff_kind(text: str, suffix: str) -> Kind:
    """Guess the kind of decoded `text` whose file name ends in `suffix`."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    # _XML_PRELUDE can match the empty string, so it matches any head
    prelude = _XML_PRELUDE.match(head) if head.startswith("<") else None
    after = head[prelude.end():] if prelude is not None else head
    if after.startswith("<") and _FEED_ROOT.match(after):
        return "feed"
    if _HTML_START.match(after) or (head.startswith("<") and _HTML_TAGS.search(head)):
        return "html"
    if head.startswith("---") and re.match(r"---[ \t]*\r?\n", head):
        return "markdown"
    if suffix in JSONL_EXTS or (suffix != ".json" and _first_line_is_json(head)):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in FEED_EXTS:
        return "feed"  # will fail as "not XML" with a clear message
    if suffix in HTML_EXTS:
        return "html"
    if suffix in MARKDOWN_EXTS:
        return "markdown"
    return "text"


def _first_line_is_json(head: str) -> bool:
    if not head.startswith("{"):
        return False
    line = head.split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except RecursionError:  # JSON, nested too deeply: the JSON reader says so
        return True
    except ValueError:
        return False


_LETTER = re.compile(r"[^\W\d_]")


def check_text(text: str, source: str) -> str:
    """Refuse empty or whitespace-only text, and text without a single letter."""
    if not text.strip():
        raise UnsupportedInput(source, "empty or whitespace-only input")
    if not _LETTER.search(text):
        raise UnsupportedInput(source, "no letters in the text (not an article)")
    return text
