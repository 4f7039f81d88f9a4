"""Names of states, organisations and capitals in other languages.

States: CLDR's territory names in each language (shipped with `babel`), keyed to the
registry's state ids; other actors, officials and capitals: data/names.yaml; in
Arabic-script languages also the UN 1988 list's names in their original script. A name of several
words matches word by word; each word matches a word of the text that begins with it
(names of four letters or more; in Russian without the final vowel that inflection
replaces: "Россия" -> "России", "российский"; Turkish "Rusya" -> "Rusya'nın"; Persian
"ایران" -> "ایرانی"), and in Arabic after the word's proclitics ("وروسيا" -> "روسيا").
Chinese names match anywhere in the text.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from diplotrack.events.multilingual.text import NO_SPACES, bare, fold, words

DATA = Path(__file__).parent / "data"
STEM_FROM = 5  # letters: shorter names match only whole words
MAX_SUFFIX = 6  # letters an inflected word may add to a name's stem
ORIGINAL_SCRIPT_LANGUAGES = {"ar", "fa", "ps", "ur"}  # the UN list's names are in Arabic script


@dataclass(frozen=True)
class Name:
    words: tuple[str, ...]  # folded
    actor_id: str
    place: bool = False  # a capital: a location, not a participant


@dataclass(frozen=True)
class Found:
    name: Name
    start: int  # index of the first word (character offset in Chinese)
    end: int
    text: str


# the ending that inflection replaces: Russian vowels, the alef or heh of Arabic-script
# names ("امریکا" -> "امریکی" American, "ترکیه" -> "ترکی")
FINAL_VOWELS = {"ru": "аяйьеыиоу", "uk": "аяйьеиоуі", "ar": "اه", "fa": "اه", "ur": "اه", "ps": "اه"}
# languages whose words add only these endings to a name (folded forms): the nisba
# adjective, plurals and the oblique case; other endings make another word
# ("عراقچی", Araghchi, is not Iraq). Elsewhere any ending of up to MAX_SUFFIX letters.
SUFFIXES = {
    "ar": {"", "ا", "ه", "ی", "یه", "ین", "یون", "یا"},
    "fa": {"", "ا", "ه", "ی", "یان", "ها", "های", "یه", "ای"},
    "ur": {"", "ا", "ه", "ی", "ے", "وں", "یوں"},
    "ps": {"", "ا", "ه", "و", "ی", "انو", "یانو"},
    "hi": {"", "ी", "ों", "ीय"},
}


def _stem(word: str, language: str) -> str:
    if len(word) >= STEM_FROM and word[-1] in FINAL_VOWELS.get(language, ""):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """data/names.yaml, read once."""
    return dict(yaml.safe_load((DATA / "names.yaml").read_text(encoding="utf-8")))


@lru_cache(maxsize=16)
def names(language: str) -> tuple[Name, ...]:
    """Every name the language's coder knows, longest first."""
    import pycountry
    from babel import Locale, UnknownLocaleError

    data = _data()
    skip = {fold(w) for w in (data.get("homographs") or {}).get(language, [])}
    found: list[Name] = []
    territories: dict[str, str] = {}
    with contextlib.suppress(UnknownLocaleError, ValueError):
        territories = dict(Locale.parse(language).territories)
    for code, label in territories.items():
        country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if country is not None and fold(label) not in skip:
            found.append(Name(_split(label, language), country.alpha_3))
    for actor_id, by_language in [*(data.get("actors") or {}).items(), *(data.get("officials") or {}).items()]:
        found += [Name(_split(n, language), actor_id) for n in by_language.get(language, [])]
    if language in ORIGINAL_SCRIPT_LANGUAGES:
        found += [Name(_split(n, language), actor_id) for actor_id, n in _un_original_names()]
    for state, by_language in (data.get("capitals") or {}).items():
        found += [Name(_split(n, language), state, place=True) for n in by_language.get(language, [])]
    return tuple(sorted({n for n in found if n.words}, key=lambda n: -sum(map(len, n.words))))


def _un_original_names() -> list[tuple[str, str]]:
    """(registry id, name) of the UN 1988 list's entries in their original (Pashto, Dari
    or Arabic) script, as the list gives them (the registry keeps them from
    diplotrack/actors/data/taliban_1988.yaml)."""
    from diplotrack.actors.registry import load_registry

    return [(a.id, str(a.meta["original_script"])) for a in load_registry().actors.values()
            if a.meta.get("original_script")]


@lru_cache(maxsize=1)
def relative_days() -> tuple[tuple[int, tuple[str, ...]], ...]:
    """(days before publication, folded words): "today" and "yesterday" in each language."""
    return tuple((int(days), tuple(fold(w) for w in words_))
                 for days, words_ in (_data().get("relative_days") or {}).items())


def _split(name: str, language: str) -> tuple[str, ...]:
    if language in NO_SPACES:
        return (fold(name),)
    return tuple(words(name))


def _word_matches(name_word: str, word: str, language: str) -> bool:
    allowed = SUFFIXES.get(language)
    for form in bare(word, language):
        if form == name_word:
            return True
        stem = _stem(name_word, language)
        if len(stem) < (3 if allowed is not None else STEM_FROM - 1) or not form.startswith(stem):
            continue
        rest = form[len(stem):]
        if rest in allowed if allowed is not None else len(rest) <= MAX_SUFFIX:
            return True
    return False


def find(text: str, language: str) -> list[Found]:
    """The names in `text`, left to right, none overlapping (the longest wins)."""
    if language in NO_SPACES:
        return _find_in_characters(text, language)
    tokens = words(text)
    taken: set[int] = set()
    hits: list[Found] = []
    for name in names(language):
        n = len(name.words)
        for i in range(len(tokens) - n + 1):
            if taken.intersection(range(i, i + n)):
                continue
            if all(_word_matches(w, tokens[i + k], language) for k, w in enumerate(name.words)):
                taken.update(range(i, i + n))
                hits.append(Found(name, i, i + n, " ".join(tokens[i:i + n])))
    return sorted(hits, key=lambda f: f.start)


def _find_in_characters(text: str, language: str) -> list[Found]:
    folded = fold(text)
    taken: set[int] = set()
    hits: list[Found] = []
    for name in names(language):
        key = name.words[0]
        start = folded.find(key)
        while start >= 0:
            span = range(start, start + len(key))
            if not taken.intersection(span):
                taken.update(span)
                hits.append(Found(name, start, start + len(key), text[start:start + len(key)]))
            start = folded.find(key, start + 1)
    return sorted(hits, key=lambda f: f.start)
