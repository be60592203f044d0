from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class Column(BaseModel):
    """A 专栏 or 专题 of the portal; columns nest (转型发展政策专栏 › 政策解读)."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent column"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    sort_order = models.PositiveIntegerField(default=100)
    is_active = models.BooleanField(_("shown on the portal"), default=True)

    class Meta:
        verbose_name = _("column")
        ordering = ["sort_order", "id"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="one_column_name_per_parent")]

    def __str__(self) -> str:
        return self.name


class ColumnEntry(BaseModel):
    column = models.ForeignKey(Column, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey("policies.InformationItem", on_delete=models.CASCADE, related_name="column_entries")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["column", "item"], name="one_entry_per_column_item")]

    def __str__(self) -> str:
        return f"{self.column_id}:{self.item_id}"
