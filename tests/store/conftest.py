from __future__ import annotations

import itertools

import pytest
from sqlalchemy import create_engine, text

from tests import pg_cluster

_names = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    if not pg_cluster.available():
        pytest.skip("no PostgreSQL server binaries (apt-get install postgresql)")
    with pg_cluster.cluster() as url:
        yield url


@pytest.fixture
def pg_db(pg_server):
    """The URL of a new, empty PostgreSQL database."""
    name = f"t{next(_names)}"
    engine = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return pg_server.rsplit("/", 1)[0] + "/" + name
