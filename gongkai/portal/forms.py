"""Forms of the public pages; errors are shown at the field they concern."""

import re
from datetime import date
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

DEFAULT_WORKDAYS = 20  # 条例第三十三条: the reply period
MAX_WORKDAYS = 400
# Dates far from today are typing mistakes, and near date.max counting would run off the calendar.
EARLIEST_START = date(2000, 1, 1)
LATEST_START = date(2099, 12, 31)

# People type dates the way they write them: 2023-09-22, 2023/9/22, 2023.9.22, 2023年9月22日, 20230922.
_DATE_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*[-/.月]?\s*(\d{1,2})\s*日?\s*$")


def parse_chinese_date(text: str) -> date | None:
    match = _DATE_PATTERN.match(text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


class ChineseDateField(forms.CharField):
    """A date as ISO or as people write it (2023年9月22日), within the field's own range."""

    earliest = EARLIEST_START
    latest = LATEST_START
    default_error_messages = {
        "invalid": _("Enter a real date, for example 2023-09-22 or 2023年9月22日."),
        "out_of_range": _("Enter a date between 1 January 2000 and 31 December 2099."),
    }

    def to_python(self, value: Any) -> date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        parsed = parse_chinese_date(text)
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if not self.earliest <= parsed <= self.latest:
            raise forms.ValidationError(self.error_messages["out_of_range"], code="out_of_range")
        return parsed


class DeadlineForm(forms.Form):
    start = ChineseDateField(
        label=_("Start date"),
        help_text=_("The day the period starts from, such as the day an application was received. It is not counted."),
        widget=forms.TextInput(attrs={"placeholder": "2023-09-22", "autocomplete": "off"}),
        error_messages={"required": _("Enter the start date.")},
    )
    workdays = forms.IntegerField(
        label=_("Working days"),
        min_value=0,
        max_value=MAX_WORKDAYS,
        initial=DEFAULT_WORKDAYS,
        help_text=_("20 working days for a reply (Article 33 of the Regulation); an extension adds up to 20 more."),
        error_messages={
            "required": _("Enter the number of working days."),
            "invalid": _("Enter a whole number of working days."),
            "min_value": _("The number of working days cannot be negative."),
            "max_value": _("At most %(limit_value)s working days can be counted."),
        },
    )

    @classmethod
    def from_query(cls, params: QueryDict) -> "DeadlineForm":
        """Unbound until a start date is asked about; a link with only `start` counts the usual 20 days."""
        if "start" not in params:
            return cls()
        data = params.copy()
        data.setdefault("workdays", str(DEFAULT_WORKDAYS))
        return cls(data)
