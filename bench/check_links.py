"""`check_links` on 10,000 links against a local server: the issue asks for under 10 minutes.

    python bench/check_links.py [--links 10000] [--hosts 1000] [--delay 1.0] [--concurrency 32]

Imports `links / 10` published practices with ten materials each into a
throwaway database (SQLite in a temporary DATA_DIR, or PostgreSQL with
DATABASE_URL; see bench/search_speed.py), then runs `services.check_links()`
(the command's whole path: gathering links, checking, history rows) against
a threaded HTTP server on 127.0.0.1.

The links are spread over `--hosts` host names (`h0001.bench.test`, ...). A
resolver override maps every `*.bench.test` name to 127.0.0.1 and refuses
every other name, and the fetcher may connect to 127.0.0.1 only: nothing
leaves the machine. The per-host rules are applied per name, as in
production, so `--delay` is the real per-host delay (1 s by default, as in
production); lower it only to see what the code costs without the waiting.
`--concurrency` is LINK_CHECK_CONCURRENCY: how many hosts are checked at once.
"""

import argparse
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        # One in 50 is gone, one in 100 refuses HEAD: the checker's other paths get some work too.
        number = int(self.path.rsplit("/", 1)[-1] or 0)
        status = 404 if number % 50 == 7 else 405 if number % 100 == 3 and self.command == "HEAD" else 200
        body = b"<p>ok</p>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        # The checker closes a connection once it has the headers; that is not an error here.
        pass


def corpus(links: int, hosts: int, port: int) -> dict:
    practices = []
    for number in range(links // 10):
        resources = []
        for item in range(10):
            index = number * 10 + item
            host = f"h{index % hosts:04d}.bench.test"
            resources.append(
                {"type": "link", "title": {"fi": f"Materiaali {index}"}, "url": f"http://{host}:{port}/m/{index}"}
            )
        practices.append(
            {
                "id": f"linkkimalli-{number}",
                "name": {"fi": f"Linkkimalli {number}"},
                "summary": {"fi": "Malli linkkitarkistuksen mittaukseen."},
                "themes": ["yhteistyo"],
                "status": "published",
                "resources": resources,
            }
        )
    return {"format": "practices", "version": 1, "practices": practices}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--links", type=int, default=10_000)
    parser.add_argument("--hosts", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_port

    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, str(ROOT))
        from bench.search_speed import FreshDatabase, setup_django

        setup_django(tmp)
        with FreshDatabase():
            from mallipankki.imports.importer import import_file
            from mallipankki.links.fetch import Fetcher
            from mallipankki.links.models import Link, LinkCheck
            from mallipankki.links.services import check_links
            from mallipankki.pages.factories import DefaultSiteFactory
            from mallipankki.practices.factories import PracticeIndexPageFactory

            PracticeIndexPageFactory(parent=DefaultSiteFactory().root_page)
            path = Path(tmp) / "corpus.json"
            path.write_text(json.dumps(corpus(args.links, args.hosts, port)), encoding="utf-8")
            result = import_file(path)
            assert result.ok, result.problems[:5]

            def resolver(host, _port):
                if host.endswith(".bench.test"):
                    return ["127.0.0.1"]
                raise OSError("only *.bench.test resolves in the benchmark")

            fetcher = Fetcher(
                user_agent="Mallipankki-linkkitarkistin/1.0 (+http://127.0.0.1/bench)",
                delay=args.delay,
                resolver=resolver,
                allow_address=lambda address: address == "127.0.0.1",
            )
            started, cpu = time.perf_counter(), time.process_time()
            summary = check_links(fetcher=fetcher, concurrency=args.concurrency)
            seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
            statuses = dict(summary.statuses)
            print(
                json.dumps(
                    {
                        "links": summary.checked,
                        "hosts": args.hosts,
                        "delay_s": args.delay,
                        "concurrency": args.concurrency,
                        "seconds": round(seconds, 1),
                        "cpu_seconds": round(cpu_seconds, 1),
                        "links_per_s": round(summary.checked / seconds, 1),
                        "statuses": statuses,
                        "errors": dict(summary.errors),
                        "history_rows": LinkCheck.objects.count(),
                        "link_rows": Link.objects.count(),
                        "under_10_minutes": seconds < 600,
                    }
                )
            )
    server.shutdown()


if __name__ == "__main__":
    main()
