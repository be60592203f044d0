from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.organs import domain
from gongkai.organs.domain import OrganKind, OrganLevel

KIND_LABELS = {
    OrganKind.GOVERNMENT: _("people's government"),
    OrganKind.GENERAL_OFFICE: _("general office"),
    OrganKind.DEPARTMENT: _("government department"),
    OrganKind.ADMINISTRATIVE_COMMITTEE: _("administrative committee"),
    OrganKind.TOWNSHIP: _("township or subdistrict"),
    OrganKind.PUBLIC_INSTITUTION: _("public institution"),
}
LEVEL_LABELS = {
    OrganLevel.CITY: _("city level"),
    OrganLevel.COUNTY: _("county level"),
    OrganLevel.TOWNSHIP: _("township level"),
}


def validate_credit_code(value: str) -> None:
    if not domain.is_valid_credit_code(value):
        raise ValidationError(
            _("Not a valid unified social credit code: check the 18 characters and the last check character."),
            code="invalid_credit_code",
        )


def validate_division_code(value: str) -> None:
    if not domain.is_valid_division_code(value):
        raise ValidationError(_("An administrative division code has 6, 9 or 12 digits."), code="invalid_division_code")


class OrganQuerySet(models.QuerySet["Organ"]):
    def active(self) -> "OrganQuerySet":
        return self.filter(is_active=True)


class Organ(BaseModel):
    """An administrative organ or unit (行政机关/单位) that publishes information and answers applications."""

    name = models.CharField(_("full name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=40)
    slug = models.SlugField(_("address name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=KIND_LABELS)
    level = models.CharField(_("level"), max_length=20, choices=LEVEL_LABELS)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent organ"), on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    division_code = models.CharField(
        _("administrative division code"), max_length=12, validators=[validate_division_code]
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    # 条例第十二条: the 指南 names the working body, its address, hours, phone, fax and online contact.
    disclosure_office = models.CharField(_("disclosure working body"), max_length=100, blank=True)
    office_address = models.CharField(_("office address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    fax = models.CharField(_("fax"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    functions = models.TextField(_("functions"), blank=True)

    # Written replies (书面答复): the 发文机关代字 of their numbers and the remedy paragraph's addressees.
    letter_code = models.CharField(
        _("document number code"),
        max_length=20,
        blank=True,
        help_text=_("The issuing organ's code in reply numbers, such as 忻发改; the short name when blank."),
    )
    reconsideration_organ = models.CharField(
        _("reconsideration organ"),
        max_length=100,
        blank=True,
        help_text=_("Named in the remedy paragraph; when blank, the government the organ belongs to."),
    )
    court = models.CharField(
        _("court"),
        max_length=100,
        blank=True,
        help_text=_("The people's court named in the remedy paragraph; when blank, the competent people's court."),
    )

    objects = OrganQuerySet.as_manager()

    class Meta:
        verbose_name = _("organ")
        verbose_name_plural = _("organs")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.credit_code = domain.normalise_credit_code(self.credit_code)
        if self.parent_id is not None and not self._state.adding and self.pk in self.ancestor_ids():
            raise ValidationError({"parent": _("An organ cannot be placed under itself.")})

    def ancestor_ids(self) -> list[int]:
        """Ids from the parent up to the root; organ trees are a few levels deep."""
        ids: list[int] = []
        current = self.parent
        while current is not None and current.pk not in ids:
            ids.append(current.pk)
            current = current.parent
        return ids

    def contact_snapshot(self) -> dict[str, Any]:
        return {
            field: getattr(self, field)
            for field in ("disclosure_office", "office_address", "postcode", "office_hours", "phone", "fax", "email")
        }


class Serial(models.Model):
    """The last serial an organ used in one year for one kind of number (索引号, 申请编号, 答复文号 …).

    One row per organ, year and scope; the row is locked while a number is taken, so two
    concurrent registrations never get the same serial.
    """

    organ = models.ForeignKey(Organ, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    scope = models.CharField(max_length=30)
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organ", "year", "scope"], name="one_serial_per_scope")]

    def __str__(self) -> str:
        return f"{self.organ_id}/{self.year}/{self.scope}: {self.last_serial}"
