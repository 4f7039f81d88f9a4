"""Script-aware text handling for the multilingual coder: normalised forms, words,
sentences.

Arabic-script languages write one letter several ways (Arabic yeh and kaf against
Persian yeh and keheh, alef with or without hamza, teh marbuta); Devanagari writes
borrowed sounds with or without a nukta. Names and cues are compared in one
normal form, so that "ایران" and "إيران", "अफ़गानिस्तान" and "अफगानिस्तान" match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ئ": "ی", "ك": "ک", "ګ": "گ",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و", "\u200c": None, "\u200d": None, "\u0640": None, "\u093c": None,
})
_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")
# letters with their combining marks (Devanagari vowel signs, Arabic harakat)
WORD = re.compile(r"[^\W\d_][\w\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957"
                   r"\u0962\u0963]*")
_SENTENCE_END = re.compile(r"(?<=[.!?؟۔।。！？])\s*|\n+")
ARABIC_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ک")
NO_SPACES = {"zh", "ja"}
RIGHT_TO_LEFT = {"ar", "fa", "ps", "ur", "he"}


def fold(text: str) -> str:
    """The comparison form: case-folded, one letter for each Arabic-script variant."""
    return _DIACRITICS.sub("", text.casefold().translate(_FOLD))


def words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) character offsets of the sentences of `text`."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        if text[start:end].strip():
            yield start, end
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


def bare(word: str, language: str) -> list[str]:
    """The word and, in Arabic, the word without each proclitic it may carry."""
    if language != "ar":
        return [word]
    forms = [word]
    for p in ARABIC_PROCLITICS:
        p = fold(p)
        if word.startswith(p) and len(word) - len(p) >= 3:
            forms.append(word[len(p):])
    return forms
