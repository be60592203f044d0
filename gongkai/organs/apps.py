"""Organs and units (机关/单位): the hierarchy of governments, offices, departments, towns and 管委会, with
the codes and the contact data the 政府信息公开指南 publishes (条例第十二条).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgansConfig(AppConfig):
    """Organs (机关/单位): the city government, its departments, the county-level divisions with
    their offices and departments, towns and the two administrative committees, with the codes and
    contact data that the 政府信息公开指南 publishes."""

    name = "gongkai.organs"
    verbose_name = _("organs")
