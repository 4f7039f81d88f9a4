"""What a document title reports: "Remarks by President Biden on the End of the War in
Afghanistan" reports "the End of the War in Afghanistan".

Government and UN publications are titled by their kind and speaker (data in
data/document_titles.yaml); read as a headline, the kind and the speaker hide what
the document is about (a headline model learns "remarks by" as talks). The topic is
what follows the kind, its speaker ("by ...", "from ...") and the preposition that
links them to the topic; after a kind with no speaker, what follows its "of" or "on"
("Readout of Jake Sullivan's Call with ..."). A title with no topic ("Statement by
Administrator Samantha Power") and other titles are returned as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "document_titles.yaml"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    kinds = sorted(data["kinds"], key=len, reverse=True)
    preps = sorted(data["topic_preps"], key=len, reverse=True)
    kind = re.compile(r"(?:" + "|".join(re.escape(k) for k in kinds) + r")\b\s*([:\-\u2013]?)\s*",
                      re.IGNORECASE)
    topic = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in preps) + r")\s+", re.IGNORECASE)
    return kind, topic


SPEAKER = re.compile(r"(?:by|from)\s+", re.IGNORECASE)
OBJECT = re.compile(r"(?:of|on|about|regarding|concerning|to|at)\s+", re.IGNORECASE)


def topic(title: str) -> str:
    """The part of a document title that says what it is about; the title itself for a
    title that names no kind of document, or no topic after its kind and speaker."""
    kind, prep = _patterns()
    m = kind.match(title)
    if m is None:
        return title
    rest = title[m.end():]
    if m.group(1):  # "FACT SHEET: Executive Order to ..."
        return rest.strip() or title
    if (by := SPEAKER.match(rest)) is not None:
        after = prep.search(rest, by.end())
        rest = rest[after.end():] if after is not None else ""
    elif (obj := OBJECT.match(rest)) is not None:  # "Readout of X's call", "Statement on Y"
        rest = rest[obj.end():]
    else:
        return title  # "Speech therapy helps": a headline that starts with such a word
    return rest.strip() or title
