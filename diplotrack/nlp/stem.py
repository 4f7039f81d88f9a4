"""English Snowball stems of lower-cased words ("Demands", "demanded" -> "demand"):
what the event models' features and the headline truecaser compare words by."""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer.stemWord(word.lower()))
