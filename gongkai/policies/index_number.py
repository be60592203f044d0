"""索引号: the index number every published item carries.

There is no single national format (REGULATIONS.md §6.2), so each organ has a template. The
default follows the State Council's own pattern with the 18-character credit code in place of
the old organisation code: ``{credit_code}/{year}-{serial:05d}``; the serial runs per organ per year.
"""

import string
from dataclasses import dataclass

DEFAULT_TEMPLATE = "{credit_code}/{year}-{serial:05d}"
FIELDS = frozenset({"credit_code", "org_code", "division_code", "year", "month", "serial"})


class IndexTemplateError(ValueError):
    pass


@dataclass(frozen=True)
class IndexContext:
    credit_code: str
    division_code: str
    year: int
    month: int
    serial: int

    @property
    def org_code(self) -> str:
        """The 9-character organisation code embedded in the credit code (positions 9–17)."""
        return self.credit_code[8:17]


def validate_template(template: str) -> None:
    """Refuse a template that names an unknown field or lacks the serial (it would not be unique)."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as error:
        raise IndexTemplateError("format") from error
    if not names <= FIELDS:
        raise IndexTemplateError("unknown_field")
    if "serial" not in names or "year" not in names:
        raise IndexTemplateError("serial_and_year_required")


def render(template: str, context: IndexContext) -> str:
    validate_template(template)
    return template.format(
        credit_code=context.credit_code,
        org_code=context.org_code,
        division_code=context.division_code,
        year=context.year,
        month=context.month,
        serial=context.serial,
    )
