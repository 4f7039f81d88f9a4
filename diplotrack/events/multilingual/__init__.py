"""Events from text in other languages: Persian, Pashto, Urdu, Arabic, Russian,
Chinese, Turkish, Hindi, French, German, Spanish (the languages of data/cues.yaml).

    events = extract(article)      # Event records, as the English pipeline makes them

A sentence that holds an event cue (data/cues.yaml) and names at least one actor
(CLDR state names in the language, data/names.yaml) reports an event of the cue's
category between the actors it names, in the order it names them. What the headline
and the first sentences report are the article's main events; elsewhere a sentence
must name two actors. The evidence is the sentence in its own language; the trigger
is the cue's English gloss with the word as written. There is no parser: confidence
is lower than the English coder's, and dates are left to story matching's
publication window unless the sentence writes one in digits.
"""

from __future__ import annotations

from diplotrack.events.multilingual.coder import extract
from diplotrack.events.multilingual.cues import languages

__all__ = ["extract", "languages"]
