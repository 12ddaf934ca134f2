"""The limit on the request line that README's "Open-data API" documents: gunicorn answers 414.

A long API query (many repeated filters) can exceed what the server reads as
one request line; gunicorn refuses it with 414 before the application sees it.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTED_LIMIT = 4094


def status_for_request_line(port: int, length: int) -> int:
    """Sends `GET /api/v1/practices?q=a… HTTP/1.1` of exactly `length` bytes."""
    prefix, suffix = "GET /api/v1/practices?q=", " HTTP/1.1"
    line = prefix + "a" * (length - len(prefix) - len(suffix)) + suffix
    assert len(line) == length
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"{line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        answer = connection.makefile("rb").readline().decode()
    return int(answer.split()[1])


@pytest.fixture
def gunicorn(tmp_path):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    env = {**os.environ, "DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "mallipankki.settings"}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "mallipankki.wsgi", "--workers", "1", "--bind", f"fd://{listener.fileno()}"],
        cwd=ROOT,
        env=env,
        pass_fds=[listener.fileno()],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield listener.getsockname()[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
        listener.close()


def test_gunicorn_answers_414_to_a_request_line_over_the_documented_limit(gunicorn):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "gunicorn answers 414 URI Too Long to a request line over 4,094 bytes" in " ".join(readme.split())
    deadline = time.monotonic() + 60
    while True:  # the listening socket is open at once; the worker answers when it has booted
        try:
            at_limit = status_for_request_line(gunicorn, DOCUMENTED_LIMIT)
            break
        except (ConnectionError, IndexError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    assert at_limit != 414
    assert status_for_request_line(gunicorn, DOCUMENTED_LIMIT + 1) == 414
