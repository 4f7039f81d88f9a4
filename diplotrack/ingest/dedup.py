"""Fingerprints for duplicate detection.

`text_hash` catches the same text (after normalising whitespace, case and
punctuation); `simhash` catches syndicated copies with trivial differences
(a changed byline, a trailing link): two texts whose 64-bit simhashes differ
in at most `NEAR_DUPLICATE_BITS` bits are the same article; up to
`CANDIDATE_BITS` bits apart they are when their word-shingle sets overlap by
`MIN_JACCARD` (short articles move more bits for the same small change).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import numpy as np

NEAR_DUPLICATE_BITS = 3
CANDIDATE_BITS = 5
MIN_JACCARD = 0.8
BAND_BITS = 11  # 6 bands (11 bits, the last 9): any pair within 5 bits shares a band
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def text_hash(text: str) -> str:
    """sha256 of the normalised words joined by spaces (computed a block at a time)."""
    digest = hashlib.sha256()
    first = True
    for block in _word_blocks(text):
        digest.update(((" " if not first else "") + " ".join(block)).encode())
        first = False
    return digest.hexdigest()


def simhash(text: str, shingle: int = 3) -> int:
    """64-bit simhash over word shingles, as a signed int (fits SQL BIGINT). Memory is
    that of one block of shingles, whatever the length of the text."""
    votes = np.zeros(64, dtype=np.int64)
    count = 0
    tail: list[str] = []
    for block in _word_blocks(text):
        words = tail + block
        if len(words) < shingle:
            tail = words
            continue
        grams = [" ".join(words[i:i + shingle]) for i in range(len(words) - shingle + 1)]
        votes += _bit_counts(grams)
        count += len(grams)
        tail = words[-(shingle - 1):] if shingle > 1 else []
    if not count:
        if not tail:
            return 0
        votes, count = _bit_counts([" ".join(tail)]), 1  # fewer words than one shingle
    signed = votes * 2 - count
    value = int("".join("1" if v > 0 else "0" for v in signed), 2)
    return value - (1 << 64) if value >= (1 << 63) else value


def _bit_counts(grams: list[str]) -> np.ndarray:
    digests = b"".join(hashlib.blake2b(g.encode(), digest_size=8).digest() for g in grams)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(len(grams), 64)
    return bits.sum(axis=0, dtype=np.int64)


def _word_blocks(text: str) -> Iterator[list[str]]:
    """The normalised words of `text`, a block per piece of about a million characters."""
    for piece in _pieces(text):
        if block := _WORD.findall(piece.lower()):
            yield block


def _pieces(text: str, size: int = 1 << 20) -> Iterator[str]:
    """`text` in pieces of about `size` characters cut at whitespace: lower-casing a piece
    gives what lower-casing the whole would (str.lower may triple a whole text's memory)."""
    start = 0
    while len(text) - start > size:
        cut = text.find(" ", start + size)
        if cut < 0:
            break
        yield text[start:cut]
        start = cut
    yield text[start:]


def bands(value: int) -> list[int]:
    """The band keys of a simhash: band index * 65536 + the band's bits."""
    unsigned = value & 0xFFFFFFFFFFFFFFFF
    mask = (1 << BAND_BITS) - 1
    return [i * 65536 + ((unsigned >> (BAND_BITS * i)) & mask) for i in range(6)]


def shingles(text: str, shingle: int = 3) -> set[str]:
    return set(_grams(normalise(text), shingle))


def _grams(words: list[str], shingle: int) -> list[str]:
    """Runs of `shingle` consecutive words (one shorter run when there are fewer words)."""
    return [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 1.0


def near_duplicate(a_text: str, a_hash: int, b_text: str, b_hash: int) -> bool:
    bits = hamming(a_hash, b_hash)
    if bits <= NEAR_DUPLICATE_BITS:
        return True
    return bits <= CANDIDATE_BITS and jaccard(a_text, b_text) >= MIN_JACCARD


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & 0xFFFFFFFFFFFFFFFF).bit_count()
