"""Convenience replies (便民答复) and the tokens a 12345 hotline system files consultations with."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.convenience.domain import Channel, State
from gongkai.core.models import BaseModel

CHANNEL_LABELS = {
    Channel.HOTLINE_12345: _("12345 hotline"),
    Channel.TELEPHONE: _("telephone"),
    Channel.IN_PERSON: _("in person"),
    Channel.WEBSITE_MESSAGE: _("website message"),
    Channel.FROM_APPLICATION: _("information application turned into a convenience reply"),
    Channel.OTHER: _("other"),
}
STATE_LABELS = {
    State.PENDING: _("awaiting an answer"),
    State.ANSWERED: _("answered"),
}


class HotlineToken(BaseModel):
    """A key with which one hotline system files consultations to one organ and reads the answers."""

    name = models.CharField(_("name"), max_length=100)
    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="hotline_tokens"
    )
    # Only the digest is kept: a copy of the database does not let anyone file consultations.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("token prefix"), max_length=16, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hotline token")
        verbose_name_plural = _("hotline tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class ConvenienceReply(BaseModel):
    """便民答复: a question answered outside the formal application procedure, or a hotline consultation."""

    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="convenience_replies"
    )
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNEL_LABELS)
    question = models.TextField(_("question"))
    # Blank only while a hotline consultation waits for the organ's answer.
    answer = models.TextField(_("answer"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=STATE_LABELS)
    # The 12345 work order number; the caller's name and number stay in the hotline system.
    hotline_ticket = models.CharField(_("ticket number"), max_length=60, blank=True)
    linked_items = models.ManyToManyField(
        "policies.InformationItem", verbose_name=_("published documents"), blank=True, related_name="+"
    )
    application = models.ForeignKey(
        "foi.Application",
        verbose_name=_("information application"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="convenience_replies",
    )
    asked_on = models.DateField(_("date asked"))
    answered_on = models.DateField(_("date answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    filed_by_token = models.ForeignKey(
        HotlineToken,
        verbose_name=_("filed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
    )

    class Meta:
        verbose_name = _("convenience reply")
        verbose_name_plural = _("convenience replies")
        indexes = [models.Index(fields=["organ", "state", "asked_on"])]
        constraints = [
            # A work order is answered once; the hotline system may send it again after a timeout.
            models.UniqueConstraint(
                fields=["organ", "hotline_ticket"],
                condition=~models.Q(hotline_ticket=""),
                name="convenience_unique_ticket_per_organ",
            ),
            models.CheckConstraint(
                condition=models.Q(state=State.PENDING) | ~models.Q(answer=""),
                name="convenience_answered_has_answer",
            ),
        ]

    def __str__(self) -> str:
        return self.hotline_ticket or f"{self.asked_on:%Y-%m-%d} {self.question[:20]}"

    @property
    def is_pending(self) -> bool:
        return self.state == State.PENDING

    def snapshot(self) -> dict[str, object]:
        return {
            "channel": self.channel,
            "state": self.state,
            "hotline_ticket": self.hotline_ticket,
            "question": self.question,
            "answer": self.answer,
            "asked_on": self.asked_on.isoformat(),
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "application": self.application_id,
        }
