import factory

from gongkai.demo.organs import fictional_credit_code
from gongkai.organs.domain import OrganKind, OrganLevel
from gongkai.organs.models import Organ


class OrganFactory(factory.django.DjangoModelFactory[Organ]):
    class Meta:
        model = Organ

    name = factory.Sequence(lambda n: f"测试第{n}机关")
    short_name = factory.Sequence(lambda n: f"测试{n}")
    slug = factory.Sequence(lambda n: f"organ-{n}")
    kind = OrganKind.DEPARTMENT
    level = OrganLevel.CITY
    parent = None
    credit_code = factory.Sequence(lambda n: fictional_credit_code("140900", 900000 + n))
    division_code = "140900"
    disclosure_office = factory.LazyAttribute(lambda o: f"{o.name}办公室")
    office_address = "山西省忻州市测试路1号"
    office_hours = "法定工作日 8:00—12:00，14:30—17:30"
    phone = "0350-3000000"
    fax = "0350-3000001"
    email = factory.Sequence(lambda n: f"organ{n}@example.gov.cn")

    class Params:
        government = factory.Trait(kind=OrganKind.GOVERNMENT)
