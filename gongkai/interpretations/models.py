"""An interpretation is an information item of kind 政策解读 with what only interpretations have."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import BaseModel
from gongkai.interpretations.domain import Channel, Element, FollowUp, Form

FORM_LABELS = {
    Form.TEXT: _("text"),
    Form.GRAPHIC: _("charts and illustrations"),
    Form.VIDEO: _("video"),
    Form.ANIMATION: _("animation"),
    Form.PROCESS: _("process walkthrough"),
    Form.QA: _("questions and answers"),
    Form.PRESS_CONFERENCE: _("press conference"),
}
FOLLOW_UP_LABELS = {
    FollowUp.EXTENDED: _("extended interpretation"),
    FollowUp.SUPPLEMENTARY: _("supplementary interpretation"),
}
CHANNEL_LABELS = {
    Channel.WEBSITE: _("government website"),
    Channel.NEW_MEDIA: _("government new media"),
    Channel.SERVICE_CENTRE: _("government service centre"),
    Channel.NEWSPAPER: _("newspaper"),
    Channel.BROADCAST: _("radio and television"),
    Channel.PROVINCIAL_WECHAT: _("recommended by the provincial government's WeChat account"),
    Channel.OTHER: _("other channel"),
}
ELEMENT_LABELS = {
    Element.BACKGROUND: _("background"),
    Element.SIGNIFICANCE: _("significance"),
    Element.EFFECT: _("effect"),
    Element.KEY_TERMS: _("key terms"),
    Element.DIFFERENCES: _("differences from the old policy"),
}


class Interpretation(BaseModel):
    item = models.OneToOneField(
        "policies.InformationItem", on_delete=models.CASCADE, related_name="interpretation", primary_key=True
    )
    form = models.CharField(_("form"), max_length=20, choices=FORM_LABELS, default=Form.TEXT)
    # Many to many both ways: a policy may have several interpretations, one may cover several policies.
    policies = models.ManyToManyField(
        "policies.InformationItem", verbose_name=_("policies interpreted"), related_name="interpretations"
    )
    background = models.TextField(_("background"), blank=True)
    significance = models.TextField(_("significance"), blank=True)
    effect = models.TextField(_("effect"), blank=True)
    key_terms = models.TextField(_("key terms"), blank=True)
    differences = models.TextField(_("differences from the old policy"), blank=True)
    media_url = models.URLField(_("link to the video, animation or recording"), blank=True)
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("follows up on"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    follow_up_kind = models.CharField(_("kind of follow-up"), max_length=20, choices=FOLLOW_UP_LABELS, blank=True)
    channels = models.JSONField(_("channels released on"), default=list, blank=True)

    class Meta:
        verbose_name = _("policy interpretation")

    def __str__(self) -> str:
        return str(self.item.title)

    def element_texts(self) -> dict[Element, str]:
        return {element: getattr(self, element.value) for element in Element}


class QuestionAnswer(BaseModel):
    """问答解读: one question the public asks, with its answer, in order."""

    interpretation = models.ForeignKey(Interpretation, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["interpretation", "position"], name="one_answer_per_position")]

    def __str__(self) -> str:
        return self.question[:40]
