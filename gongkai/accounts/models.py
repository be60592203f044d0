from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.accounts.domain import Role
from gongkai.core.models import BaseModel

ROLE_LABELS = {
    Role.DRAFTER: _("drafter"),
    Role.REVIEWER: _("reviewer"),
    Role.APPROVER: _("approver"),
    Role.OPENNESS_OFFICE: _("openness office"),
    Role.ASSESSOR: _("assessor"),
    Role.ADMINISTRATOR: _("administrator"),
}


class User(AbstractUser):
    """A staff account (工作人员账号). The public reads and applies without one."""

    full_name = models.CharField(_("full name"), max_length=50, blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("staff account")
        verbose_name_plural = _("staff accounts")

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


class Membership(BaseModel):
    """A role held by a staff member at one organ (岗位角色)."""

    user = models.ForeignKey(
        User, verbose_name=_("staff account"), on_delete=models.CASCADE, related_name="memberships"
    )
    organ = models.ForeignKey(
        "organs.Organ", verbose_name=_("organ"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=ROLE_LABELS)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [models.UniqueConstraint(fields=["user", "organ", "role"], name="unique_role_per_organ")]

    def __str__(self) -> str:
        return f"{self.user.display_name} · {self.organ.short_name} · {self.get_role_display()}"
