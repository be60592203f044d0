"""Load the demo data through the services, creating only what is missing."""

from django.db import transaction

from gongkai.accounts import services as account_services
from gongkai.accounts.models import User
from gongkai.demo.organs import contact_for, demo_organs, fictional_credit_code
from gongkai.demo.people import DEMO_PASSWORD, DEMO_PEOPLE
from gongkai.organs import services as organ_services
from gongkai.organs.models import Organ
from gongkai.workdays import services as workday_services


@transaction.atomic
def load_organs() -> int:
    existing = {organ.slug: organ for organ in Organ.objects.all()}
    created = 0
    for serial, seed in enumerate(demo_organs(), start=1):
        if seed.slug in existing:
            continue
        existing[seed.slug] = organ_services.create_organ(
            acting_user=None,
            slug=seed.slug,
            name=seed.name,
            short_name=seed.short_name,
            kind=seed.kind,
            level=seed.level,
            parent=existing[seed.parent] if seed.parent else None,
            credit_code=fictional_credit_code(seed.division_code, serial),
            division_code=seed.division_code,
            sort_order=serial * 10,
            functions=seed.functions,
            website="https://www.xinzhou.example.gov.cn/",
            **contact_for(seed, serial),
        )
        created += 1
    return created


@transaction.atomic
def load_people() -> int:
    created = 0
    organs = {organ.slug: organ for organ in Organ.objects.all()}
    for person in DEMO_PEOPLE:
        user = User.objects.filter(username=person.username).first()
        if user is None:
            user = account_services.create_staff_account(
                acting_user=None,
                username=person.username,
                full_name=person.full_name,
                password=DEMO_PASSWORD,
                email=f"{person.username}@xinzhou.example.gov.cn",
            )
            created += 1
        for role in person.roles:
            account_services.grant_role(acting_user=None, user=user, organ=organs[person.organ_slug], role=role)
    return created


def load_all() -> dict[str, int]:
    return {
        "calendar_years": len(workday_services.seed_from_package()),
        "organs": load_organs(),
        "people": load_people(),
    }


def login_summary() -> str:
    names = ", ".join(person.username for person in DEMO_PEOPLE)
    return f"{names}（密码均为 {DEMO_PASSWORD}）"
