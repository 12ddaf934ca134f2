import time

from django.core.management.base import BaseCommand

from mallipankki.search.rebuild import rebuild_index


class Command(BaseCommand):
    help = "Index every published practice again for the public search (/haku/)."

    def handle(self, *args, **options):
        started = time.monotonic()
        last_shown = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            # A line per batch is plenty for a few thousand practices; for
            # more, at most one line a second.
            if done == total or now - last_shown[0] >= 1.0:
                last_shown[0] = now
                self.stdout.write(f"indexed {done}/{total} practices")

        count = rebuild_index(progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} practices in {elapsed:.1f} s."))
