"""Import and export throughput on generated corpora.

    python bench/import_export.py [--sizes 1000,10000,100000]

Each size runs in a fresh subprocess against a throwaway database (an SQLite
file in a temporary DATA_DIR, or with DATABASE_URL pointing to PostgreSQL a
test database of its own on that server, created and dropped; see
bench/search_speed.py), so peak memory (ru_maxrss) is per size. DEBUG is off,
as in production: with it on, Django keeps and formats every query.

Prints, for import, export and a full search reindex (rebuild_index), the
wall time, records/s and peak memory, and the import's CPU time: on a
machine shared with other work, wall time is what the user waits, and CPU
time says what the code costs. On PostgreSQL it also prints the CPU time of
the server process serving the benchmark's connection (read from /proc:
the server must run on this machine), the import's CPU time in the
processes it forks (children) and the load average before and after.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def server_cpu() -> tuple[int, float] | None:
    """(pid, CPU seconds so far) of the PostgreSQL backend serving this
    process's connection; None on SQLite or when /proc cannot tell."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, fields 14 and 15 of stat(5), in clock ticks.
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_seconds(before, after) -> float | None:
    if before is None or after is None or before[0] != after[0]:
        return None  # another backend: the connection was closed between
    return round(after[1] - before[1], 1)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_one(size: int, workdir: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from bench.search_speed import FreshDatabase, setup_django

    setup_django(str(workdir))
    from bench.generate_corpus import write_corpus

    corpus = workdir / f"corpus-{size}.json"
    with open(corpus, "w", encoding="utf-8") as fp:
        write_corpus(size, fp, seed=size)

    with FreshDatabase():
        from mallipankki.imports.exporter import iter_export_json
        from mallipankki.imports.importer import import_file
        from mallipankki.pages.demo_content import load_demo_content
        from mallipankki.search.rebuild import rebuild_index

        load_demo_content()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        load_before = os.getloadavg()[0]
        started, cpu, server, children = time.perf_counter(), time.process_time(), server_cpu(), children_cpu()
        result = import_file(corpus)
        import_seconds, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        import_server, import_children = server_seconds(server, server_cpu()), children_cpu() - children
        assert result.ok, result.problems[:5]
        assert result.created == size, (result.created, size)
        rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        started, cpu, server = time.perf_counter(), time.process_time(), server_cpu()
        with open(workdir / "export.json", "w", encoding="utf-8") as out:
            for piece in iter_export_json(include_private=True):
                out.write(piece)
        export_seconds, export_cpu = time.perf_counter() - started, time.process_time() - cpu
        export_server = server_seconds(server, server_cpu())
        load_after_export = os.getloadavg()[0]
        rss_export = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        started, cpu = time.perf_counter(), time.process_time()
        indexed = rebuild_index()
        reindex_seconds, reindex_cpu = time.perf_counter() - started, time.process_time() - cpu
        rss_reindex = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size,
        "import_s": round(import_seconds, 1),
        "import_per_s": round(size / import_seconds, 1),
        "import_cpu_s": round(import_cpu, 1),
        "import_children_cpu_s": round(import_children, 1),
        "import_server_cpu_s": import_server,
        "export_s": round(export_seconds, 1),
        "export_per_s": round((size + 8) / export_seconds, 1),
        "export_cpu_s": round(export_cpu, 1),
        "export_server_cpu_s": export_server,
        "load_before": round(load_before, 1),
        "load_after_export": round(load_after_export, 1),
        "reindexed": indexed,
        "reindex_s": round(reindex_seconds, 1),
        "reindex_per_s": round(indexed / reindex_seconds, 1),
        "reindex_cpu_s": round(reindex_cpu, 1),
        "rss_before_mb": round(rss_before / 1024),
        "rss_after_import_mb": round(rss_import / 1024),
        "rss_after_export_mb": round(rss_export / 1024),
        "rss_after_reindex_mb": round(rss_reindex / 1024),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, Path(os.environ["DATA_DIR"]))))
        return
    header = (
        f"{'size':>7} {'import s':>9} {'rec/s':>7} {'cpu s':>7} {'export s':>9} {'rec/s':>7} {'cpu s':>7} "
        f"{'reindex s':>10} {'rec/s':>7} {'cpu s':>7} {'peak MB start/imp/exp/reindex':>30}"
    )
    print(header, flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="mallipankki-bench-") as tmp:
            env = {**os.environ, "DATA_DIR": tmp}
            out = (
                subprocess.run(
                    [sys.executable, __file__, "--child", str(size)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
        row = json.loads(out)
        memory = "/".join(
            str(row[key])
            for key in ("rss_before_mb", "rss_after_import_mb", "rss_after_export_mb", "rss_after_reindex_mb")
        )
        print(
            f"{row['size']:>7} {row['import_s']:>9} {row['import_per_s']:>7} {row['import_cpu_s']:>7} "
            f"{row['export_s']:>9} {row['export_per_s']:>7} {row['export_cpu_s']:>7} "
            f"{row['reindex_s']:>10} {row['reindex_per_s']:>7} "
            f"{row['reindex_cpu_s']:>7} {memory:>30}",
            flush=True,
        )
        server = (
            f"server {row['import_server_cpu_s']} s; export CPU: server {row['export_server_cpu_s']} s; "
            if row["import_server_cpu_s"] is not None
            else ""
        )
        print(
            f"{'':>7} import CPU: children {row['import_children_cpu_s']} s, {server}"
            f"load average {row['load_before']} before the import, {row['load_after_export']} after the export",
            flush=True,
        )


if __name__ == "__main__":
    main()
