"""`diplotrack serve` as a user starts it: a real uvicorn process on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.api import sampledb


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_with_its_workers_and_checks_the_host(tmp_path, workers):
    db = sampledb.build(tmp_path / "sample.db")
    port = _port()
    env = {k: v for k, v in os.environ.items() if k != "DIPLOTRACK_DB"}
    proc = subprocess.Popen([sys.executable, "-m", "diplotrack", "serve", "--db", db, "--port",
                             str(port), "--workers", str(workers), "--allow-host", "news.local"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"{base}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["articles"] == 4
        assert httpx.get(f"{base}/api/stats", headers={"Host": "news.local"}).status_code == 200
        refused = httpx.get(f"{base}/api/stats", headers={"Host": "evil.example"})
        assert refused.status_code == 400 and "not served here" in refused.json()["error"]["message"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
