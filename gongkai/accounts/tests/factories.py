from typing import Any

import factory

from gongkai.accounts.models import Membership, User
from gongkai.organs.tests.factories import OrganFactory

TEST_PASSWORD = "Test-Password-2026"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"staff{n}")
    full_name = factory.Faker("name", locale="zh_CN")
    email = factory.Sequence(lambda n: f"staff{n}@example.gov.cn")

    @classmethod
    def _create(cls, model_class: type[User], *args: object, **kwargs: Any) -> User:
        password = kwargs.pop("password", TEST_PASSWORD)
        user = model_class(**kwargs)
        user.set_password(password)
        user.save()
        return user


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organ = factory.SubFactory(OrganFactory)
    role = "DRAFTER"
