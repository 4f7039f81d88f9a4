"""Run the app with uvicorn: what `diplotrack serve` calls."""

from __future__ import annotations

import uvicorn

from diplotrack.api.app import create_app
from diplotrack.api.guard import allowed_hosts

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(db: str | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          log_level: str = "info", allow_hosts: tuple[str, ...] = ()) -> None:
    """Serve the web UI and REST API over `db` until interrupted, answering requests for
    this machine's loopback names, `host`, and `allow_hosts` ("*": any Host header)."""
    app = create_app(db, hosts=allowed_hosts(host, allow_hosts))
    uvicorn.run(app, host=host, port=port, log_level=log_level)
