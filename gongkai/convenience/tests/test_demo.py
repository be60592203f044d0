import pytest

from gongkai.convenience import selectors
from gongkai.convenience.domain import State
from gongkai.convenience.models import ConvenienceReply
from gongkai.demo import convenience, loader

pytestmark = pytest.mark.django_db


def test_demo_replies_load_once_and_link_only_public_documents() -> None:
    loader.load_organs()
    loader.load_people()
    loader.load_policies()

    created = convenience.load_convenience_replies()

    assert created == len(convenience.REPLIES)
    assert convenience.load_convenience_replies() == 0
    answered = ConvenienceReply.objects.filter(state=State.ANSWERED)
    assert answered.count() == 3
    assert ConvenienceReply.objects.filter(state=State.PENDING).count() == 2
    for reply in answered:
        linked = set(reply.linked_items.all())
        assert linked, reply.question
        assert linked == set(selectors.public_linked_items(reply))
