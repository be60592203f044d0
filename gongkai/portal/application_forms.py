"""The online application form (条例第二十九条) and the status lookup; the rules run in foi.services."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.foi.models import APPLICANT_KIND_LABELS, DELIVERY_LABELS, ID_TYPE_LABELS
from gongkai.foi.services import ProofFile
from gongkai.organs.models import Organ


class OrganChoiceField(forms.ModelChoiceField[Organ]):
    def label_from_instance(self, obj: Organ) -> str:
        return obj.name


class ApplicationForm(forms.Form):
    organ = OrganChoiceField(
        label=_("Organ applied to"),
        queryset=Organ.objects.active().order_by("sort_order", "id"),
        error_messages={"required": _("Choose the organ that holds the information.")},
    )
    applicant_kind = forms.ChoiceField(
        label=_("applicant"),
        choices=list(APPLICANT_KIND_LABELS.items()),
        widget=forms.RadioSelect,
        initial="NATURAL_PERSON",
    )
    applicant_name = forms.CharField(
        label=_("Name of the person or organisation"), max_length=100, error_messages={"required": _("Enter the name.")}
    )
    id_type = forms.ChoiceField(
        label=_("identity document"),
        required=False,
        choices=[("", "—"), *ID_TYPE_LABELS.items()],
        help_text=_("For a natural person."),
    )
    id_number = forms.CharField(label=_("identity document number"), required=False, max_length=30)
    credit_code = forms.CharField(
        label=_("unified social credit code"), required=False, max_length=18, help_text=_("For an organisation.")
    )
    legal_representative = forms.CharField(label=_("legal representative"), required=False, max_length=50)
    contact_person = forms.CharField(label=_("contact person"), required=False, max_length=50)
    phone = forms.CharField(
        label=_("telephone"), max_length=30, error_messages={"required": _("Enter a telephone number.")}
    )
    address = forms.CharField(label=_("postal address"), required=False, max_length=200)
    email = forms.EmailField(label=_("email"), required=False)
    description = forms.CharField(
        label=_("information requested"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The name of the information, its document number, or other features that help the organ find it."),
        error_messages={"required": _("Describe the information: its name, document number or other features.")},
    )
    delivery = forms.ChoiceField(
        label=_("form wanted"), choices=list(DELIVERY_LABELS.items()), widget=forms.RadioSelect, initial="ELECTRONIC"
    )
    identity_proof = forms.FileField(
        label=_("proof of identity"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
        help_text=_("A scan or photo of the identity document or business licence: PDF, JPEG or PNG, at most 5 MB."),
    )

    def service_fields(self) -> dict[str, Any]:
        """The cleaned data as foi.services.register takes it: the upload read into a ProofFile."""
        fields = dict(self.cleaned_data)
        upload = fields.pop("identity_proof", None)
        if upload:
            fields["identity_proof"] = ProofFile(upload.name or "", upload.read())
        return fields


class StatusForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("tracking number"), max_length=30, error_messages={"required": _("Enter the tracking number.")}
    )
    query_code = forms.CharField(
        label=_("Query code"), max_length=20, error_messages={"required": _("Enter the query code.")}
    )


class LetterDownloadForm(StatusForm):
    """The applicant fetches a letter with the same two secrets that show the status."""

    letter = forms.IntegerField(widget=forms.HiddenInput)
    fmt = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "DOCX")], widget=forms.HiddenInput)
