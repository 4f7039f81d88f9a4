"""A token that changes whenever the database does, for caches of what was read from it.

Every write transaction (Store.transaction) adds one to a counter in `meta` before it
commits, so a commit by any process or machine is seen by the next read of the
counter. On SQLite the token also holds `PRAGMA data_version` of a connection kept for
this alone, which changes on any commit by another connection, even one that bypassed
diplotrack (the sqlite3 shell).
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from sqlalchemy import BigInteger, Connection, Engine, Text, cast, create_engine, select
from sqlalchemy.pool import StaticPool

from diplotrack.store import schema as s

KEY = "data_version"
_BUMP = (s.meta.update().where(s.meta.c.key == KEY)
         .values(value=cast(cast(s.meta.c.value, BigInteger) + 1, Text)))
_READ = select(s.meta.c.value).where(s.meta.c.key == KEY)


def bump(conn: Connection) -> None:
    """Count one more write (inside the write transaction, under its lock)."""
    if conn.execute(_BUMP).rowcount == 0:
        conn.execute(s.meta.insert().values(key=KEY, value="1"))


class DataVersion:
    """Reads the token on one connection of its own (never one of the pool's, which a
    busy server may have all checked out). Thread-safe; None when it cannot be read."""

    def __init__(self, engine: Engine) -> None:
        sqlite = engine.dialect.name == "sqlite"
        self._sqlite = sqlite
        self._engine = create_engine(
            engine.url, poolclass=StaticPool, isolation_level="AUTOCOMMIT",
            connect_args={"check_same_thread": False} if sqlite else {})
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    def __call__(self) -> Any:
        with self._lock:
            try:
                return self._read()
            except Exception:  # noqa: BLE001  no token: the caller does without its cache
                self._drop()
                return None

    def _read(self) -> Any:
        if self._conn is None:
            self._conn = self._engine.connect()
        counter = self._conn.execute(_READ).scalar()
        if self._sqlite:
            return counter, self._conn.exec_driver_sql("PRAGMA data_version").scalar()
        return counter

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # a broken connection: nothing to close
                self._conn.close()
            self._conn = None

    def close(self) -> None:
        with self._lock:
            self._drop()
        self._engine.dispose()
