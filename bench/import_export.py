"""Import and export throughput on generated corpora.

    python bench/import_export.py [--sizes 1000,10000,100000]

Each size runs in a fresh subprocess against a throwaway SQLite database in a
temporary DATA_DIR (or the database in DATABASE_URL, which it empties first
— never point it at real data), so peak memory (ru_maxrss) is per size.
Prints records/s and peak memory for import and for export.
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


def run_one(size: int, workdir: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mallipankki.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench.generate_corpus import write_corpus
    from mallipankki.pages.demo_content import load_demo_content
    from mallipankki.practices.exporter import iter_export_json
    from mallipankki.practices.importer import import_file

    call_command("migrate", verbosity=0)
    load_demo_content()
    corpus = workdir / f"corpus-{size}.json"
    with open(corpus, "w", encoding="utf-8") as fp:
        write_corpus(size, fp, seed=size)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = import_file(corpus)
    import_seconds = time.perf_counter() - started
    assert result.ok, result.problems[:5]
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    started = time.perf_counter()
    with open(workdir / "export.json", "w", encoding="utf-8") as out:
        for piece in iter_export_json(include_private=True):
            out.write(piece)
    export_seconds = time.perf_counter() - started
    rss_export = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "size": size,
        "import_s": round(import_seconds, 1),
        "import_per_s": round(size / import_seconds, 1),
        "export_s": round(export_seconds, 1),
        "export_per_s": round((size + 8) / export_seconds, 1),
        "rss_before_mb": round(rss_before / 1024),
        "rss_after_import_mb": round(rss_import / 1024),
        "rss_after_export_mb": round(rss_export / 1024),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, Path(os.environ["DATA_DIR"]))))
        return
    print(f"{'size':>8} {'import s':>9} {'rec/s':>7} {'export s':>9} {'rec/s':>8} {'peak MB imp/exp':>16}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="mallipankki-bench-") as tmp:
            env = {**os.environ, "DATA_DIR": tmp, "DEBUG": "true"}
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(size)], env=env, capture_output=True, text=True, check=True
            ).stdout.strip().splitlines()[-1]
        row = json.loads(out)
        print(
            f"{row['size']:>8} {row['import_s']:>9} {row['import_per_s']:>7} {row['export_s']:>9} "
            f"{row['export_per_s']:>8} {row['rss_after_import_mb']:>7}/{row['rss_after_export_mb']:<8}"
        )


if __name__ == "__main__":
    main()
