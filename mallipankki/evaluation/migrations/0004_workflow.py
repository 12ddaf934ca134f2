"""The workflow "Arviointi ja julkaisu": Arviointi, then Julkaisupäätös.

The decision step is the last one, so the workflow publishes as an editor
(Toimittajat have publish permission); evaluators never publish. It is
assigned to every existing practice index page; an index created later gets
it from evaluation.signals.
"""

from django.db import migrations

WORKFLOW_NAME = "Arviointi ja julkaisu"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    EvaluationTask = apps.get_model("evaluation", "EvaluationTask")
    PublicationDecisionTask = apps.get_model("evaluation", "PublicationDecisionTask")
    PracticeIndexPage = apps.get_model("practices", "PracticeIndexPage")

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        evaluation_type, _ = ContentType.objects.get_or_create(app_label="evaluation", model="evaluationtask")
        decision_type, _ = ContentType.objects.get_or_create(app_label="evaluation", model="publicationdecisiontask")
        evaluation = EvaluationTask.objects.create(
            name="Arviointi", content_type=evaluation_type, active=True, required_evaluations=2
        )
        decision = PublicationDecisionTask.objects.create(
            name="Julkaisupäätös", content_type=decision_type, active=True
        )
        decision.groups.set(Group.objects.filter(name="Toimittajat"))
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=evaluation, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=decision, sort_order=1)
    for index in PracticeIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0003_framework_defaults")]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
