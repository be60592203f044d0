from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.convenience import services
from gongkai.convenience.models import HotlineToken
from gongkai.core.models import AuditEntry
from gongkai.organs.models import Organ

pytestmark = pytest.mark.django_db


def test_the_command_prints_a_working_token_once_and_keeps_only_its_digest(organ_tree: dict[str, Organ]) -> None:
    out = StringIO()

    call_command("issue_hotline_token", organ="city-finance", name="12345 工单系统", stdout=out)

    clear = out.getvalue().strip().splitlines()[-1]
    token = HotlineToken.objects.get()
    assert token.organ == organ_tree["department"]
    assert services.authenticate(clear) == token
    assert not HotlineToken.objects.filter(token_hash=clear).exists()
    assert AuditEntry.objects.filter(action="convenience.token_issued", actor=None).count() == 1


def test_the_command_refuses_an_unknown_organ(organ_tree: dict[str, Organ]) -> None:
    with pytest.raises(CommandError):
        call_command("issue_hotline_token", organ="nowhere", name="热线", stdout=StringIO())

    assert not HotlineToken.objects.exists()
