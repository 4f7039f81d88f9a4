"""Run the app with uvicorn: what `diplotrack serve` calls."""

from __future__ import annotations

import json
import os

import uvicorn
from fastapi import FastAPI

from diplotrack.api.app import create_app
from diplotrack.api.guard import allowed_hosts

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_SETTINGS = "DIPLOTRACK_SERVE"  # how worker processes learn the settings (JSON)


def serve(db: str | None = None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          log_level: str = "info", allow_hosts: tuple[str, ...] = (), workers: int = 1) -> None:
    """Serve the web UI and REST API over `db` until interrupted, answering requests for
    this machine's loopback names, `host`, and `allow_hosts` ("*": any Host header);
    `workers` > 1 runs that many server processes on the one port (uvicorn's workers)."""
    if workers <= 1:
        app = create_app(db, hosts=allowed_hosts(host, allow_hosts))
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    os.environ[_SETTINGS] = json.dumps({"db": db, "host": host, "allow": list(allow_hosts)})
    uvicorn.run("diplotrack.api.server:app_from_environment", factory=True, host=host,
                port=port, log_level=log_level, workers=workers)


def app_from_environment() -> FastAPI:
    """The app of one worker process, with the settings `serve` left in the environment."""
    settings = json.loads(os.environ.get(_SETTINGS, "{}"))
    return create_app(settings.get("db"), hosts=allowed_hosts(
        settings.get("host", DEFAULT_HOST), tuple(settings.get("allow", ()))))
