"""How long the editors' evaluation actions take on the demo content.

    python bench/admin_actions.py [--rounds 3] [--profile]

Loads the demo content (`load_demo_content`) into a throwaway database (an
SQLite file in a temporary DATA_DIR, or a database of its own on the
PostgreSQL server DATABASE_URL names; see bench/search_speed.py), DEBUG off,
and times three requests through Django's test client, as the admin makes them:

- summary: an editor saves the evaluation summary (evidence level and
  readiness, which write a revision) on /admin/arviointi/<id>/;
- approval: an editor presses "Hyväksy ja julkaise" in the page editor at
  the workflow's decision step (the approval publishes the practice);
- publish: an editor publishes an edited practice that is not in a workflow.

Each action runs `--rounds` times, each time on another demo practice, and
prints the wall time and query count of each run, then the median. With
`--profile` the slowest run of each action is profiled and its top
functions (cumulative time) printed.
"""

import argparse
import collections
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TARGET_SECONDS = 0.5


def edit_form_data(client, page) -> dict:
    """What the page editor's form posts: the tests' own reader, so that the
    bench times exactly the form the publishing tests post (imported late:
    it needs Django set up)."""
    from mallipankki.evaluation.tests.publishing import edit_form_data as read_form

    return read_form(client, page)


def runqueue_wait() -> float:
    """Seconds this thread has spent ready to run but waiting for a CPU (Linux schedstat).

    Wall time minus CPU time minus this is time blocked: disk (fsync), locks, sleep.
    """
    try:
        with open("/proc/thread-self/schedstat") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def query_source() -> str:
    """The innermost frame of our code, Wagtail's models or actions, or modelsearch that ran a query."""
    frame = sys._getframe(2)
    chain = []
    while frame is not None and len(chain) < 3:
        path = frame.f_code.co_filename
        if ("/mallipankki/" in path and "/bench/" not in path) or any(
            part in path
            for part in ("wagtail/models", "wagtail/actions", "wagtail/admin/views", "modelsearch/", "wagtail/signal")
        ):
            chain.append(
                f"{path.split('site-packages/')[-1].split('/wt-decision/')[-1]}:{frame.f_lineno} {frame.f_code.co_name}"
            )
        frame = frame.f_back
    return " < ".join(chain) or "other"


class Timer:
    def __init__(self, profile: bool):
        self.profile = profile
        self.runs: dict[str, list[tuple[float, float, float, int]]] = {}
        self.profiles: dict[str, list[tuple[float, str]]] = {}
        self.sources: dict[str, collections.Counter] = {}

    def run(self, name, request):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        profiler = cProfile.Profile() if self.profile else None
        sources = collections.Counter()

        def note_source(execute, sql, params, many, context):
            sources[query_source()] += 1
            return execute(sql, params, many, context)

        with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(note_source):
            started, cpu, waited = time.perf_counter(), time.process_time(), runqueue_wait()
            if profiler:
                profiler.enable()
            response = request()
            if profiler:
                profiler.disable()
            seconds, cpu, waited = time.perf_counter() - started, time.process_time() - cpu, runqueue_wait() - waited
        assert response.status_code in (200, 302), (name, response.status_code)
        self.runs.setdefault(name, []).append((seconds, cpu, waited, len(queries)))
        self.sources.setdefault(name, collections.Counter()).update(sources)
        if profiler:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("tottime").print_stats(12)
            stats.sort_stats("cumulative").print_stats(
                r"mallipankki|wagtail/(models|actions|workflows|signal)|modelsearch|mail", 30
            )
            self.profiles.setdefault(name, []).append((seconds, out.getvalue()))
        return response

    def report(self):
        for name, runs in self.runs.items():
            times = ", ".join(
                f"{seconds:.3f} s (CPU {cpu:.3f}, waiting for a CPU {waited:.3f}) / {count} q"
                for seconds, cpu, waited, count in runs
            )
            median = statistics.median(run[0] for run in runs)
            median_cpu = statistics.median(run[1] for run in runs)
            verdict = "ok" if median < TARGET_SECONDS else f"over {TARGET_SECONDS} s"
            print(f"{name:9} median {median:.3f} s, CPU {median_cpu:.3f} s ({verdict}); runs: {times}")
        if self.profile:
            for name, sources in self.sources.items():
                print(f"\n--- where the queries of {name} come from (all runs) ---")
                for source, count in sources.most_common(25):
                    print(f"{count:5}  {source}")
        for name, profiles in self.profiles.items():
            seconds, text = max(profiles)
            print(f"\n--- profile: {name}, {seconds:.3f} s ---")
            print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, str(ROOT))
        from bench.search_speed import FreshDatabase, setup_django

        # The test client speaks plain HTTP; with DEBUG off the site would redirect it.
        os.environ["SECURE_SSL_REDIRECT"] = "false"
        setup_django(tmp)
        with FreshDatabase():
            run(args)


def run(args):
    from django.conf import settings
    from django.test import Client, override_settings
    from django.urls import reverse

    from mallipankki.core import permissions
    from mallipankki.core.factories import UserFactory
    from mallipankki.evaluation import services
    from mallipankki.evaluation.forms import EvaluationForm
    from mallipankki.evaluation.models import EvaluationCriterion
    from mallipankki.evaluation.workflow import start_workflow
    from mallipankki.pages.demo_content import load_demo_content
    from mallipankki.practices.models import PracticePage

    settings.ALLOWED_HOSTS = ["*"]
    # No collectstatic here: static URLs without the manifest's hashes.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    # Emails are built and handed to the backend as on the site; none leaves the machine.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    load_demo_content()
    practices = list(PracticePage.objects.live().order_by("pk"))
    needed = 2 * args.rounds
    if len(practices) < needed:
        sys.exit(f"The demo content has {len(practices)} practices; --rounds {args.rounds} needs {needed}.")
    editor = UserFactory(username="bench-toimittaja", role=permissions.EDITORS)
    evaluators = [UserFactory(username=f"bench-arvioija{n}", role=permissions.EVALUATORS) for n in (1, 2)]
    criteria = list(EvaluationCriterion.objects.filter(active=True))
    client = Client()
    client.force_login(editor)
    timer = Timer(args.profile)

    in_workflow, plain = practices[: args.rounds], practices[args.rounds : needed]
    for page in in_workflow:
        # An edited draft goes through the workflow, as on the site.
        draft = page.get_latest_revision_as_object()
        draft.summary_fi = draft.summary_fi + " Päivitetty kuvaus."
        draft.save_revision(user=editor, log_action=True)
        start_workflow(page, user=editor)
        page.refresh_from_db()
        services.set_assignments(page, evaluators, editor)
        for evaluator in evaluators:
            data = {
                "evidence_level": "2",
                "readiness_materials": "2",
                "readiness_training": "1",
                "readiness_fidelity": "1",
                "summary": "Lupaava malli.",
            }
            for criterion in criteria:
                data[f"score_{criterion.pk}"] = "2"
                data[f"reason_{criterion.pk}"] = "Perustelu."
            form = EvaluationForm(data)
            assert form.is_valid(), form.errors
            page.refresh_from_db()
            services.submit_evaluation(page, evaluator, form, task_state=page.current_workflow_task_state)

        url = reverse("evaluation_admin:practice", args=[page.pk])
        summary = {
            "summary-summary": "Malli on arvioitu kahden arvioijan voimin.",
            "summary-next_evidence_step": "Vertailuryhmä seuraavaan kokeiluun.",
            "summary-evaluated_on": "2026-12-01",
            "summary-evidence_level": "2",
            "summary-readiness_materials": "2",
            "summary-readiness_training": "1",
            "summary-readiness_fidelity": "1",
        }
        timer.run("summary", lambda url=url, summary=summary: client.post(url, summary))

        page.refresh_from_db()
        data = edit_form_data(client, page)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        timer.run("approval", lambda edit=edit, data=data: client.post(edit, data))
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes and not page.workflow_in_progress

    for page in plain:
        data = edit_form_data(client, page)
        data["summary_fi"] = data.get("summary_fi", "") + " Tarkennettu."
        data["action-publish"] = "action-publish"
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        timer.run("publish", lambda edit=edit, data=data: client.post(edit, data))
        page.refresh_from_db()
        assert not page.has_unpublished_changes

    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, rounds: {args.rounds}")
    timer.report()


if __name__ == "__main__":
    main()
