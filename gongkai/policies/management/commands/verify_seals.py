from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.policies import services
from gongkai.policies.models import Seal


class Command(BaseCommand):
    help = "Verify the disclosure seals (政府信息公开专用章) on items: signature and unchanged content."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--item", type=int, help="Only the seals of this item (its id).")

    def handle(self, *args: Any, **options: Any) -> None:
        seals = Seal.objects.select_related("item", "key").order_by("id")
        if options["item"]:
            seals = seals.filter(item_id=options["item"])
        failures = []
        checked = 0
        for seal_row in seals.iterator(chunk_size=500):
            checked += 1
            genuine, unchanged = services.verify_seal(seal_row)
            if not genuine:
                failures.append(
                    _("%(index)s: the signature does not match the sealed record.")
                    % {"index": seal_row.item.index_number}
                )
            elif not unchanged:
                failures.append(
                    _("%(index)s: the content was changed after it was sealed.") % {"index": seal_row.item.index_number}
                )
        for failure in failures:
            self.stderr.write(failure)
        if failures:
            raise CommandError(
                _("%(failed)s of %(checked)s seals failed verification.")
                % {"failed": len(failures), "checked": checked}
            )
        self.stdout.write(_("All %(checked)s seals verified.") % {"checked": checked})
