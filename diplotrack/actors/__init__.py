"""Actors: the registry (states, IGOs, bodies, de facto governments, armed groups,
officials) and the `diplotrack_actors` spaCy component that finds them in text.

    from diplotrack.actors import load_registry, lookup
    lookup("Moroccan diplomats")        -> Participant(id="MAR", ...)
    lookup("Kabul", "2019-05-01")        -> Afghanistan (state); after 2021-08-15: Taliban

The component is registered by importing diplotrack.actors.component.
"""

from diplotrack.actors.registry import load_registry, lookup

__all__ = ["load_registry", "lookup"]
