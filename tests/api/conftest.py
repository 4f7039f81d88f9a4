from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from diplotrack.api.app import create_app

_spec = importlib.util.spec_from_file_location("diplotrack_sampledb", Path(__file__).with_name("sampledb.py"))
assert _spec and _spec.loader
sampledb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sampledb)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return sampledb.build(tmp_path_factory.mktemp("api") / "sample.db")


@pytest.fixture(scope="module")
def client(db_path: str):
    with TestClient(create_app(db_path), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c
