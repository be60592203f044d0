from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel


class ArrangementStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("awaiting confirmation")
    CONFIRMED = "CONFIRMED", _("confirmed")
    SUPERSEDED = "SUPERSEDED", _("superseded")
    REJECTED = "REJECTED", _("rejected")


class ArrangementSource(models.TextChoices):
    PACKAGE = "PACKAGE", _("seeded from the chinese-calendar package")
    NOTICE = "NOTICE", _("entered from the State Council notice")


class CalendarArrangement(BaseModel):
    """A year's official holiday arrangement (年度节假日安排), from the State Council's notice.

    Only a CONFIRMED arrangement counts; a new entry for a year stays PROPOSED until a second
    administrator confirms it, and then supersedes the previous one.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    holidays = models.JSONField(_("holidays"), default=dict, help_text=_("ISO date mapped to the festival name"))
    makeup_workdays = models.JSONField(
        _("make-up working days"), default=dict, help_text=_("ISO date mapped to the festival name")
    )
    source = models.CharField(_("source"), max_length=20, choices=ArrangementSource.choices)
    notice_reference = models.CharField(_("notice"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ArrangementStatus.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("calendar version"), null=True, blank=True)

    class Meta:
        verbose_name = _("holiday arrangement")
        verbose_name_plural = _("holiday arrangements")
        constraints = [
            models.UniqueConstraint(
                fields=["year"], condition=Q(status="CONFIRMED"), name="one_confirmed_arrangement_per_year"
            ),
            models.UniqueConstraint(fields=["version"], name="unique_calendar_version"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_status_display()}"

    def snapshot(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "holidays": self.holidays,
            "makeup_workdays": self.makeup_workdays,
            "notice_reference": self.notice_reference,
            "status": self.status,
            "version": self.version,
        }


class TrackedDeadline(BaseModel):
    """A statutory deadline (法定期限) counted in working days for some record.

    It remembers the calendar version it was computed on; when an arrangement is confirmed,
    every open deadline is recomputed and each change is audited.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")
    organ = models.ForeignKey("organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField(_("purpose"), max_length=60)
    label = models.CharField(_("deadline"), max_length=200)
    start_on = models.DateField(_("counted from"))
    workdays = models.PositiveSmallIntegerField(_("working days"))
    due_on = models.DateField(_("due on"), db_index=True)
    provisional = models.BooleanField(_("provisional"), default=False)
    calendar_version = models.PositiveIntegerField(_("calendar version"))
    is_open = models.BooleanField(_("open"), default=True)

    class Meta:
        verbose_name = _("statutory deadline")
        verbose_name_plural = _("statutory deadlines")
        indexes = [models.Index(fields=["content_type", "object_id"]), models.Index(fields=["is_open", "due_on"])]

    def __str__(self) -> str:
        return f"{self.label} {self.due_on:%Y-%m-%d}"
