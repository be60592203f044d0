"""The portal's columns (栏目): the 政府信息公开 column and its four standard sub-columns.

The four sub-columns are the ones every government website's openness column must carry
(《政府网站与政务新媒体检查指标》; 条例第十二条 for the guide, 第五十条 for the annual report).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    title: Promise
    url_name: str
    summary: Promise

    @property
    def url(self) -> str:
        return reverse(self.url_name)


OPENNESS_COLUMN = Column(
    _("Government Information Disclosure"),
    "portal:openness",
    _("What this government discloses, how to apply for information, and the yearly reports."),
)

OPENNESS_SUB_COLUMNS = (
    Column(
        _("Guide to Government Information Disclosure"),
        "portal:guide",
        _("The disclosure working body, its contact details and how to apply, for every organ."),
    ),
    Column(
        _("Disclosure Rules"),
        "portal:rules",
        _("The laws, regulations and local rules that govern disclosure."),
    ),
    Column(
        _("Statutory Proactive Disclosure"),
        "portal:statutory",
        _("The information that Article 20 of the Regulation requires every organ to publish."),
    ),
    Column(
        _("Annual Reports on Government Information Disclosure"),
        "portal:annual_reports",
        _("Each organ's yearly report, published by 31 March."),
    ),
)

APPLY = Column(
    _("Apply for government information"),
    "portal:apply",
    _("Apply online to an organ for the government information it holds, and follow the application."),
)

COLUMNS = Column(
    _("Columns and topics"),
    "portal:columns",
    _("Policy columns and topics: documents, interpretations and measures gathered by subject."),
)

CATALOGS = Column(
    _("Standard disclosure catalogs"),
    "catalog_portal:index",
    _("What each organ must disclose, item by item, with what it has published under each."),
)

DEADLINE_TOOL = Column(
    _("Reply Deadline Calculator"),
    "portal:deadline",
    _("Count statutory working days from any date, with the day-by-day proof."),
)


def crumbs(*trail: tuple[str, str]) -> list[tuple[str, str]]:
    """The breadcrumb trail from the home page; the last entry has no link."""
    return [(str(_("Home")), reverse("portal:home")), *trail]
