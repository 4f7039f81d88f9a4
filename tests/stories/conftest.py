from __future__ import annotations

import pytest

from diplotrack.store.db import Store


@pytest.fixture
def store(tmp_path):
    st = Store.open(str(tmp_path / "t.db"))
    yield st
    st.close()
