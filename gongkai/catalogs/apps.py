from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogsConfig(AppConfig):
    """基层政务公开标准目录: the standard disclosure catalogs, their adoption by organs, and compliance.

    国办发〔2019〕54号 asks every 基层政府 to publish and follow the catalogs of the 26 pilot domains;
    the city plan (2021, items 8 and 9) adds 交通运输, 职业教育 and 人防工程 and asks the city's
    departments to check the catalogs' execution, issue notices and track rectification.
    """

    name = "gongkai.catalogs"
    verbose_name = _("standard disclosure catalogs")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registering the rows as a search source; the module's import is the registration.
        from gongkai.catalogs import search_source  # noqa: F401
