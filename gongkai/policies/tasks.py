"""Background tasks of the policies area: they take ids, load rows and call a service."""

from django_tasks import task

from gongkai.policies import import_service
from gongkai.policies.models import ImportJob


@task()
def run_import_job(job_id: int) -> str:
    """Run one queued import; returns the job's state, which the task backend keeps as the result."""
    job = ImportJob.objects.select_related("organ", "started_by").get(pk=job_id)
    return str(import_service.run_import(job).state)
