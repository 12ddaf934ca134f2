"""Load benchmark: our site beside a plain `wagtail start` site, served alike, in one run.

    python bench/load.py [--sizes 1000[,10000]] [--connections 16] [--duration 10s]
                         [--database sqlite|postgres] [--soak SECONDS] [--pages home,theme]

What it does, all in a temporary folder and on 127.0.0.1 only:

1. A plain Wagtail site made with `wagtail start`, migrated, static files
   collected, its production settings (DEBUG off) with a generated SECRET_KEY.
2. For each size, our site in a temporary DATA_DIR: migrated, the demo
   content, a generated corpus of that many practices (bench/generate_corpus.py)
   imported, static files collected.
3. Each served by gunicorn, 2 sync workers, production settings: DEBUG=0, a
   generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=0 (no
   TLS in front here; with it the site answers every request with a redirect
   to https).
4. `wrk --latency` against every page type, uncached (PAGE_CACHE=0) and cached
   (the page cache on, when this build has one; the first request fills it),
   the plain site's home page first: req/s, p50, p99, errors (non-2xx/3xx
   answers and socket errors), the gunicorn workers' CPU milliseconds per
   request, and the ratio to the plain page's throughput; and, as the machine
   may be shared, "CPU req/s": what that CPU time per request allows 2
   workers on 2 idle CPUs (2000 / CPU ms), with its ratio to the plain page's.

`--database postgres` uses the server of DATABASE_URL and databases of its own
named after it (`<name>_load`, `<name>_load_plain`), dropped and made again.

`--soak SECONDS`: after the table, 50 connections over a weighted mix of pages,
search and the API (SOAK_MIX) for that long against our site, uncached, with
the workers' resident memory sampled every 10 s. It prints errors and memory
at the start, the end and the most. Memory is called flat when the workers'
summed RSS in the last third of the samples stays within 10 % (and 20 MB) of
its most in the first third, which a leak growing steadily cannot pass; the
first sample is taken after a warm-up so that filling per-process caches is
not counted as growth. A soak passes with 0 errors and flat memory.

Needs `wrk` (Debian: `apt-get install wrk`; `make bench` installs it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.pg_databases import drop_database  # noqa: E402

VENV_BIN = Path(sys.executable).parent
PYTHON = sys.executable
HOST = "127.0.0.1"

PAGE_TYPES = (
    "home", "theme", "article", "practice", "catalogue", "catalogue filter", "region",
    "family tree", "search", "API list", "API detail", "feed",
)  # fmt: skip

# (page type, weight) of the soak's mix: mostly pages, a good share of search and the API.
SOAK_MIX = (
    ("home", 10), ("theme", 10), ("article", 4), ("practice", 20), ("catalogue", 8),
    ("catalogue filter", 8), ("region", 5), ("family tree", 3), ("search", 15),
    ("search 2", 5), ("API list", 6), ("API detail", 4), ("feed", 2),
)  # fmt: skip


def fail(message: str) -> None:
    print(f"load.py: {message}", file=sys.stderr)
    sys.exit(2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def run(command: list[str], env: dict, cwd: Path | None = None) -> str:
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        fail(f"{' '.join(map(str, command))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return result.stdout


# ---------------------------------------------------------------------------
# Databases


def database_url(kind: str, suffix: str, folder: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{folder / 'db.sqlite3'}"
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        fail("--database postgres needs DATABASE_URL=postgres://user:password@127.0.0.1:5432/name_of_your_own")
    parts = urlsplit(base)
    name = parts.path.lstrip("/") or "mallipankki"
    url = urlunsplit(parts._replace(path=f"/{name}_{suffix}"))
    recreate_postgres_database(url)
    return url


def _postgres_admin(url: str):
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    return psycopg.connect(admin, autocommit=True), parts.path.lstrip("/")


def recreate_postgres_database(url: str) -> None:
    connection, name = _postgres_admin(url)
    with connection:
        drop_database(connection.cursor(), name)
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    connection, name = _postgres_admin(url)
    with connection:
        drop_database(connection.cursor(), name)


# ---------------------------------------------------------------------------
# The two sites


PLAIN_LOCAL_SETTINGS = """\
import os
import environ

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
DATABASES = {"default": environ.Env().db_url_config(os.environ["DATABASE_URL"])}
"""


def build_plain_site(folder: Path, database: str) -> dict:
    """A fresh `wagtail start` project, migrated: the home page it ships with."""
    folder.mkdir(parents=True)
    run([str(VENV_BIN / "wagtail"), "start", "plain", str(folder)], env=os.environ.copy())
    (folder / "plain" / "settings" / "local.py").write_text(PLAIN_LOCAL_SETTINGS)
    env = server_env(database_url(database, "load_plain", folder))
    env["DJANGO_SETTINGS_MODULE"] = "plain.settings.production"
    run([PYTHON, "manage.py", "migrate", "--no-input"], env=env, cwd=folder)
    run([PYTHON, "manage.py", "collectstatic", "--no-input"], env=env, cwd=folder)
    return {"env": env, "cwd": folder, "wsgi": "plain.wsgi", "urls": {"plain home": "/"}}


def build_our_site(folder: Path, size: int, database: str) -> dict:
    """Our site with the demo content and `size` generated practices."""
    folder.mkdir(parents=True)
    env = server_env(database_url(database, f"load_{size}", folder))
    env["DATA_DIR"] = str(folder)
    env["DJANGO_SETTINGS_MODULE"] = "mallipankki.settings"
    manage = [PYTHON, str(ROOT / "manage.py")]
    run([*manage, "migrate", "--no-input"], env=env)
    run([*manage, "load_demo_content", "--if-empty"], env=env)
    corpus = folder / f"corpus-{size}.json"
    generate = [PYTHON, str(ROOT / "bench" / "generate_corpus.py"), str(size), "--seed", str(size), "-o", str(corpus)]
    run(generate, env=env)
    run([*manage, "import_practices", str(corpus)], env=env)
    run([*manage, "collectstatic", "--no-input"], env=env)
    urls = json.loads(run([*manage, "shell", "-c", URLS_SCRIPT], env=env).strip().splitlines()[-1])
    return {"env": env, "cwd": ROOT, "wsgi": "mallipankki.wsgi", "urls": urls, "database": env["DATABASE_URL"]}


# Printed by `manage.py shell` on our site: page type → address on the demo content.
# Search is the catalogue with q=: /haku/?q= is a permanent redirect there.
URLS_SCRIPT = textwrap.dedent("""\
    import json
    from mallipankki.pages.models import ArticlePage, ThemePage
    from mallipankki.practices.models import PracticeIndexPage, PracticePage
    theme = ThemePage.objects.live().order_by("path").first()
    article = ArticlePage.objects.live().order_by("path").first()
    practice = PracticePage.objects.live().filter(slug="ips-toimintamalli").first()
    catalogue = PracticeIndexPage.objects.live().first()
    print(json.dumps({
        "home": "/",
        "theme": theme.url,
        "article": article.url,
        "practice": practice.url,
        "catalogue": catalogue.url,
        "catalogue filter": catalogue.url + "?teema=" + theme.theme.code,
        "region": "/alueet/lappi/",
        "family tree": practice.url + "sukupuu/",
        "search": catalogue.url + "?q=ty%C3%B6kokeilu",
        "search 2": catalogue.url + "?q=nuoret",
        "API list": "/api/v1/practices?q=nuoret",
        "API detail": "/api/v1/practices/" + practice.practice_id,
        "feed": "/syotteet/mallit.atom",
    }))
""")


def server_env(url: str) -> dict:
    env = os.environ.copy()
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=url,
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


class Gunicorn:
    """gunicorn with 2 sync workers on a free port of 127.0.0.1."""

    def __init__(self, site: dict, **extra_env):
        self.site, self.port = site, free_port()
        self.env = {**site["env"], **extra_env}

    def __enter__(self):
        command = [
            str(VENV_BIN / "gunicorn"), site_wsgi(self.site), "--workers", "2", "--worker-class", "sync",
            "--bind", f"{HOST}:{self.port}", "--timeout", "120", "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, env=self.env, cwd=self.site["cwd"])  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, self.port), timeout=1):
                    break
            except OSError:
                if self.process.poll() is not None:
                    fail("gunicorn exited at start")
                time.sleep(0.3)
        self.base = f"http://{HOST}:{self.port}"
        return self

    def workers(self) -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    found.append(int(entry.name))
        return found

    def cpu_seconds(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self.workers():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def rss_mb(self) -> float:
        total = 0
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        return total / 1024

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def site_wsgi(site: dict) -> str:
    return f"{site['wsgi']}:application"


# ---------------------------------------------------------------------------
# wrk


def check_wrk() -> str:
    wrk = shutil.which("wrk")
    if not wrk:
        fail("wrk is not installed. Debian: sudo apt-get install wrk  (or: make bench, which installs it)")
    return wrk


def warm(url: str, times: int = 4) -> int:
    import urllib.request

    status = 0
    for _ in range(times):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (127.0.0.1 only)
                status = response.status
                response.read()
        except Exception as error:  # noqa: BLE001
            status = getattr(error, "code", 0)
    return status


def parse_wrk(output: str) -> dict:
    def seconds(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
        return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    kinds = {}
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        kinds["non-2xx/3xx"] = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        kinds.update(zip(("connect", "read", "write", "timeout"), map(int, match.groups()), strict=True))
    errors = sum(kinds.values())
    return {
        "rps": rps,
        "requests": requests,
        "p50_ms": seconds(p50.group(1)) * 1000 if p50 else None,
        "p99_ms": seconds(p99.group(1)) * 1000 if p99 else None,
        "errors": errors,
        "error_kinds": {kind: count for kind, count in kinds.items() if count},
    }


def drive(server: Gunicorn, path: str, connections: int, duration: str, script: Path | None = None) -> dict:
    command = [check_wrk(), "-t2", f"-c{connections}", f"-d{duration}", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", str(script)]
    cpu = server.cpu_seconds()
    output = subprocess.run([*command, server.base + path], capture_output=True, text=True, check=True).stdout  # noqa: S603
    result = parse_wrk(output)
    result["cpu_ms"] = (server.cpu_seconds() - cpu) * 1000 / max(result["requests"], 1)
    return result


def has_page_cache() -> bool:
    """Whether this build has the anonymous page cache that PAGE_CACHE=0 turns off."""
    return "PAGE_CACHE" in (ROOT / "mallipankki" / "settings.py").read_text()


# ---------------------------------------------------------------------------
# Report


def row(label: str, mode: str, result: dict, plain: dict) -> str:
    plain_rps = plain["rps"]

    def ms(value):
        return f"{value:8.1f}" if value is not None else "       -"

    return (
        f"{label:<18} {mode:<9} {result['rps']:8.1f} {ms(result['p50_ms'])} {ms(result['p99_ms'])} "
        f"{result['errors']:6d} {result['cpu_ms']:7.1f} {result['rps'] / plain_rps:6.2f} "
        f"{cpu_bound_rps(result):9.0f} {cpu_bound_rps(result) / cpu_bound_rps(plain):7.2f}"
    )


def cpu_bound_rps(result: dict) -> float:
    """Requests a second that 2 workers would serve on 2 otherwise idle CPUs:
    what the workers' CPU time per request allows. On a machine shared with
    other work wrk's req/s follows the other work; this follows the code."""
    return 2000 / result["cpu_ms"] if result["cpu_ms"] else 0.0


HEADER = (
    f"{'page':<18} {'cache':<9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6} {'CPU ms':>7} {'ratio':>6} "
    f"{'CPU req/s':>9} {'CPU ratio':>7}"
)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (on {os.cpu_count()} CPUs)"


def soak(site: dict, seconds: int, folder: Path) -> bool:
    mix = [(site["urls"][name], weight) for name, weight in SOAK_MIX]
    paths = [path for path, weight in mix for _ in range(weight)]
    script = folder / "soak.lua"
    script.write_text(
        "local paths = {" + ", ".join(json.dumps(path) for path in paths) + "}\n"
        "request = function()\n  return wrk.format('GET', paths[math.random(#paths)])\nend\n"
    )
    print(f"\nSoak: 50 connections, {seconds} s, mix {dict(SOAK_MIX)}; load average {load_average()}")
    with Gunicorn(site, PAGE_CACHE="0") as server:
        for path in set(paths):  # warm-up: templates, per-process caches of both workers
            warm(server.base + path, times=2)
        samples, done = [], threading.Event()

        def sample():
            while not done.is_set():
                samples.append(server.rss_mb())
                done.wait(10)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        result = drive(server, paths[0], 50, f"{seconds}s", script)
        done.set()
        sampler.join()
        samples.append(server.rss_mb())
    third = max(len(samples) // 3, 1)
    first_max, last_max = max(samples[:third]), max(samples[-third:])
    flat = last_max <= max(first_max * 1.10, first_max + 20)
    print(f"requests {result['requests']}, {result['rps']:.1f} req/s, p50 {result['p50_ms']:.0f} ms, "
          f"p99 {result['p99_ms']:.0f} ms, errors {result['errors']} {result['error_kinds'] or ''}")  # fmt: skip
    print(f"workers' RSS MB (2 workers): start {samples[0]:.1f}, end {samples[-1]:.1f}, max {max(samples):.1f}; "
          f"samples {', '.join(f'{value:.0f}' for value in samples)}")  # fmt: skip
    print(f"memory {'flat' if flat else 'GROWING'} (last third's max {last_max:.1f} vs first third's {first_max:.1f});"
          f" soak {'passed' if flat and result['errors'] == 0 else 'FAILED'}")  # fmt: skip
    return flat and result["errors"] == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000", help="corpus sizes, comma-separated (default 1000)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", default="10s", help="wrk duration per page and mode (default 10s)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--soak", type=int, default=0, help="seconds of soak after the table (0: none)")
    parser.add_argument("--pages", help=f"page types to drive, comma-separated (default all: {', '.join(PAGE_TYPES)})")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and databases")
    args = parser.parse_args(argv)
    check_wrk()
    sizes = [int(size) for size in args.sizes.split(",")]
    pages = args.pages.split(",") if args.pages else list(PAGE_TYPES)
    cached_modes = ["uncached", "cached"] if has_page_cache() else ["uncached"]
    folder = Path(tempfile.mkdtemp(prefix="mallipankki-load-"))
    databases = []
    ok = True
    try:
        print(f"Building the sites in {folder} ({args.database}) ...", flush=True)
        plain = build_plain_site(folder / "plain", args.database)
        databases.append(plain["env"]["DATABASE_URL"])
        with Gunicorn(plain) as server:
            warm(server.base + "/")
            plain_result = drive(server, "/", args.connections, args.duration)
        print(f"\nwrk -t2 -c{args.connections} -d{args.duration} --latency; gunicorn 2 sync workers; "
              f"database {args.database}; load average at start {load_average()}")  # fmt: skip
        if "cached" not in cached_modes:
            print("This build has no page cache (PAGE_CACHE): only uncached figures.")
        print(HEADER)
        print(row("plain Wagtail home", "uncached", plain_result, plain_result))
        for size in sizes:
            site = build_our_site(folder / f"site-{size}", size, args.database)
            databases.append(site["database"])
            print(f"-- our site, demo content + {size} practices; load average {load_average()}", flush=True)
            for mode in cached_modes:
                with Gunicorn(site, PAGE_CACHE="0" if mode == "uncached" else "1") as server:
                    for name in pages:
                        path = site["urls"][name]
                        status = warm(server.base + path)
                        result = drive(server, path, args.connections, args.duration)
                        if status >= 400 or status == 0:
                            result["errors"] = max(result["errors"], result["requests"])
                        print(row(name, mode, result, plain_result), flush=True)
            if args.soak and size == sizes[0]:
                ok = soak(site, args.soak, folder) and ok
        print(f"load average at end {load_average()}")
    finally:
        if not args.keep:
            for url in databases:
                drop_postgres_database(url)
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"kept {folder}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
