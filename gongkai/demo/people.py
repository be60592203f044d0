"""Demo staff: every role at a city department, the city government and a county, so each
workflow can be walked with separation of duties. All share one demo password."""

from dataclasses import dataclass

from gongkai.accounts.domain import Role

DEMO_PASSWORD = "Gongkai-Demo-2026"  # noqa: S105 (published demo login, printed by ./dev run)


@dataclass(frozen=True)
class PersonSeed:
    username: str
    full_name: str
    organ_slug: str
    roles: tuple[Role, ...]
    duty: str


DEMO_PEOPLE = [
    PersonSeed("fgw.drafter", "张明", "xinzhou-fgw", (Role.DRAFTER,), "市发改委 拟稿人"),
    PersonSeed("fgw.reviewer", "李华", "xinzhou-fgw", (Role.REVIEWER,), "市发改委 审核人"),
    PersonSeed("fgw.approver", "王芳", "xinzhou-fgw", (Role.APPROVER,), "市发改委 分管负责人"),
    PersonSeed("fgw.office", "马骏", "xinzhou-fgw", (Role.OPENNESS_OFFICE,), "市发改委 公开办"),
    PersonSeed("city.office", "赵强", "xinzhou", (Role.OPENNESS_OFFICE,), "市政府 公开办"),
    PersonSeed("city.office.head", "陈静", "xinzhou", (Role.OPENNESS_OFFICE, Role.APPROVER), "市政府 公开办负责人"),
    PersonSeed("city.assessor", "刘洋", "xinzhou", (Role.ASSESSOR,), "市政府 考核员"),
    PersonSeed("admin", "周敏", "xinzhou", (Role.ADMINISTRATOR,), "系统管理员"),
    PersonSeed("admin2", "孙丽", "xinzhou", (Role.ADMINISTRATOR,), "系统管理员（复核）"),
    PersonSeed("xinfu.office", "吴刚", "xinfu", (Role.OPENNESS_OFFICE,), "忻府区政府 公开办"),
    PersonSeed("xinfu.drafter", "郑丽", "xinfu-czj", (Role.DRAFTER,), "忻府区财政局 拟稿人"),
]
