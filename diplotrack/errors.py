"""diplotrack's exceptions.

    DiplotrackError            base of everything raised on purpose
    ├── InputError             one input could not be read; names the input and the reason
    │   ├── UnsupportedInput   binary, empty, or of a kind no reader handles
    │   ├── InputTooLarge      above the documented size limit (raw or decompressed)
    │   ├── MalformedInput     broken feed, bad JSON line, missing `text`, corrupt gzip
    │   ├── FetchError         a URL timed out, redirected forever or answered an error
    │   ├── AnalysisError      the NLP stage failed on this article (it is not stored)
    │   └── StoreFailure       this article's transaction failed and was rolled back
    ├── DuplicateArticle       the article is already stored (not a failure: reported)
    ├── StoreError             the database could not be opened or migrated
    └── GoldFormatError        a gold file for `diplotrack eval` is malformed

The CLI prints `str(error)` as one line; `--debug` shows the traceback.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(value: str) -> str:
    """`value` with control characters (newlines in a file name...) written as escapes."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), value)


def describe(exc: BaseException, limit: int = 200) -> str:
    """An unexpected exception as one line: "MemoryError: first line of its message"."""
    first = str(exc).splitlines()[0][:limit] if str(exc) else ""
    return exc.__class__.__name__ + (f": {first}" if first else "")


class DiplotrackError(Exception):
    """Base class of every error diplotrack raises on purpose."""


class InputError(DiplotrackError):
    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{one_line(source)}: {one_line(reason)}")
        self.source = source
        self.reason = reason


class UnsupportedInput(InputError):
    pass


class InputTooLarge(InputError):
    pass


class MalformedInput(InputError):
    pass


class FetchError(InputError):
    pass


class AnalysisError(InputError):
    pass


class StoreFailure(InputError):
    pass


class DuplicateArticle(DiplotrackError):
    def __init__(self, source: str, existing_id: str, existing_source: str) -> None:
        super().__init__(f"{one_line(source)}: duplicate of {one_line(existing_source)} "
                         f"(article {existing_id})")
        self.source = source
        self.existing_id = existing_id
        self.existing_source = existing_source


class StoreError(DiplotrackError):
    pass


class GoldFormatError(DiplotrackError):
    pass
