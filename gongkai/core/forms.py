"""Form helpers the portal and the workbench share."""

from django import forms
from django.core.exceptions import ValidationError


def add_errors(form: forms.Form, invalid: ValidationError) -> None:
    """A service's refusal shown at the fields it names, or above the form for the rest."""
    if not hasattr(invalid, "error_dict"):
        form.add_error(None, invalid.messages)
        return
    for field, errors in invalid.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
