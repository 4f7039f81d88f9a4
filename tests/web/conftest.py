"""A live diplotrack server over the sample database, and a headless Debian chromium."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import uvicorn

from diplotrack.api.app import create_app

from . import widedb

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _load_sampledb() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "api" / "sampledb.py"
    spec = importlib.util.spec_from_file_location("diplotrack_sampledb", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sampledb = _load_sampledb()


def chromium_path() -> str | None:
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(db: str) -> Iterator[str]:
    """Base URL of uvicorn serving create_app(db) on 127.0.0.1, in a thread."""
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a live server over the sample database."""
    with _serve(sampledb.build(tmp_path_factory.mktemp("web") / "sample.db")) as url:
        yield url


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a live server over the demo database (`diplotrack demo`) with one
    more story, reported by six outlets under a headline that carries markup."""
    db = widedb.build_demo(tmp_path_factory.mktemp("demo") / "demo.db")
    widedb.add_wide_story(db)
    with _serve(db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium binary on PATH (install Debian's: apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, headless=True,
                               args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@contextmanager
def _watched_page(browser: Any, base: str, width: int, height: int) -> Iterator[Any]:
    """A fresh page; fails the test on any console error, page error or request
    that leaves the server at `base`."""
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    pg.on("request", lambda req: req.url.startswith((base, "data:")) or problems.append(
        f"external request: {req.url}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not problems, problems


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh 1280x900 page over the sample database's server."""
    with _watched_page(browser, server, 1280, 900) as pg:
        yield pg


@pytest.fixture()
def demo_page(browser: Any, demo_server: str) -> Iterator[Any]:
    """A fresh 1280x800 page over the demo database's server."""
    with _watched_page(browser, demo_server, 1280, 800) as pg:
        yield pg


@pytest.fixture()
def phone_page(browser: Any, demo_server: str) -> Iterator[Any]:
    """A fresh 390x844 page over the demo database's server."""
    with _watched_page(browser, demo_server, 390, 844) as pg:
        yield pg
