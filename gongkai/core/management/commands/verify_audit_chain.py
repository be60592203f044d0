from typing import Any

from django.core.management.base import BaseCommand, CommandError

from gongkai.core import audit
from gongkai.core.models import AuditEntry


class Command(BaseCommand):
    help = "Verify the audit trail's hash chain and name the first broken entry."

    def handle(self, *args: Any, **options: Any) -> None:
        broken = audit.verify_chain()
        if broken is not None:
            raise CommandError(f"审计链在第 {broken.entry_id} 条记录处断开：{broken.problem}")
        count = AuditEntry.objects.count()
        self.stdout.write(f"审计链完整：共 {count} 条记录，逐条校验通过。")
