from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core import audit
from gongkai.core.models import AuditEntry

PROBLEMS = {
    "previous_hash_mismatch": gettext_lazy("its previous hash does not match the entry before it"),
    "content_mismatch": gettext_lazy("its content has been changed since it was written"),
    "tail_missing": gettext_lazy("the entries written after it have been removed"),
    "all_missing": gettext_lazy("every entry of the trail has been removed"),
}


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and name the first broken entry."

    def handle(self, *args: Any, **options: Any) -> None:
        broken = audit.verify_chain()
        if broken is not None:
            raise CommandError(
                _("The audit chain is broken at entry %(id)s: %(problem)s.")
                % {"id": broken.entry_id, "problem": PROBLEMS.get(broken.problem, broken.problem)}
            )
        self.stdout.write(
            _("The audit chain is intact: %(count)s entries verified.") % {"count": AuditEntry.objects.count()}
        )
