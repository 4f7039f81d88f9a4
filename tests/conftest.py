from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def base_nlp():
    """The bare English model, loaded once per test session."""
    from diplotrack.nlp.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def full_nlp():
    """The model with diplotrack's components: the one the pipeline itself uses in this process."""
    from diplotrack.nlp.pipeline import cached_nlp

    return cached_nlp()
