"""Import a county's old-site export from the command line, synchronously, e.g. during a migration."""

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.accounts.models import User
from gongkai.organs.models import Organ
from gongkai.policies import import_service
from gongkai.policies.models import ImportJob


class Command(BaseCommand):
    help = "Import legacy government information from a CSV, XLSX or JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organ", required=True, help="slug of the issuing organ")
        parser.add_argument("--user", required=True, help="username of the openness-office staff member responsible")
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        organ = Organ.objects.filter(slug=options["organ"]).first()
        if organ is None:
            raise CommandError(_("No organ %(slug)s.") % {"slug": options["organ"]})
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(_("No active user %(username)s.") % {"username": options["user"]})
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("No file %(path)s.") % {"path": path})
        with path.open("rb") as stream:
            try:
                # Not enqueued: this command is the worker, and a second run would only find the job claimed.
                job = import_service.create_job(user, organ, File(stream, name=path.name), enqueue=False)
            except (PermissionDenied, ValidationError) as refused:
                raise CommandError(" ".join(getattr(refused, "messages", [str(refused)]))) from refused
        job = import_service.run_import(job)
        self.stdout.write(import_service.summary(job))
        if job.state == ImportJob.State.FAILED:
            raise CommandError(job.errors[-1]["message"])
        if job.error_rows:
            self.stdout.write(_("Import %(id)s: download the error report from the workbench.") % {"id": job.pk})
