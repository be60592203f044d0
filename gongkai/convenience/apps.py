"""Convenience replies (便民答复, city plan item 10): answers given where the formal application
procedure cannot help (the information does not exist, is not held, would have to be created, or
stays unclear after correction) and to 12345 hotline consultations, with the published documents
that answer them. A hotline system files consultations and collects answers through the API.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConvenienceConfig(AppConfig):
    name = "gongkai.convenience"
    verbose_name = _("convenience replies")
    default_auto_field = "django.db.models.BigAutoField"
