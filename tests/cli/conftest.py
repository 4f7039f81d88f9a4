from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("DIPLOTRACK_DB", None)
    if env and "DIPLOTRACK_DB" in env:
        full_env["DIPLOTRACK_DB"] = env["DIPLOTRACK_DB"]
    p = subprocess.run([sys.executable, "-m", "diplotrack", *args], capture_output=True, text=True,
                       cwd=cwd, env=full_env, timeout=600)
    return Result(p.returncode, p.stdout, p.stderr)


@pytest.fixture
def cli():
    return run_cli
