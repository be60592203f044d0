from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.convenience import services
from gongkai.organs import selectors as organ_selectors
from gongkai.organs.models import Organ


class Command(BaseCommand):
    help = "Issue a 12345 hotline API token for an organ and print it once; only its digest is kept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organ", required=True, help="Address name (slug) of the organ.")
        parser.add_argument("--name", required=True, help="Name of the hotline system that will use the token.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            organ = organ_selectors.organ_by_slug(options["organ"])
        except Organ.DoesNotExist as missing:
            raise CommandError(
                _("No active organ has the address name %(slug)s.") % {"slug": options["organ"]}
            ) from missing
        try:
            # The operator at the server console acts as the system, like the demo loader.
            token, clear = services.issue_token(organ=organ, name=options["name"], acting_user=None)
        except ValidationError as invalid:
            raise CommandError(" ".join(invalid.messages)) from invalid
        self.stdout.write(
            _("Token %(prefix)s… issued for %(organ)s. Copy it now; it cannot be shown again:")
            % {"prefix": token.prefix, "organ": organ.name}
        )
        self.stdout.write(clear)
