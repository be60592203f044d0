"""Changes to the column tree (kept by the city's openness office) and to an item's columns (by the
organ that publishes it); each one transaction with an audit entry."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from gongkai.accounts import permissions
from gongkai.accounts.domain import Action
from gongkai.accounts.models import User
from gongkai.columns.models import Column, ColumnEntry
from gongkai.core import audit
from gongkai.policies import services as policy_services
from gongkai.policies.models import InformationItem


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the name of the column.")})
    return name


@transaction.atomic
def add_column(*, parent: Column | None, name: str, slug: str, acting_user: User, summary: str = "") -> Column:
    policy_services.require_site_editor(acting_user)
    name, slug = _clean_name(name), slugify(slug.strip())
    if not slug:
        raise ValidationError({"slug": _("Enter the address name: letters, digits and hyphens.")})
    last = Column.objects.filter(parent=parent).order_by("-sort_order").values_list("sort_order", flat=True).first()
    try:
        with transaction.atomic():
            column = Column.objects.create(
                parent=parent, name=name, slug=slug, summary=summary.strip(), sort_order=(last or 0) + 1
            )
    except IntegrityError:
        raise ValidationError({"slug": _("A column with this name or address already exists.")}) from None
    audit.record(
        actor=acting_user,
        action="columns.added",
        target=column,
        after={"name": name, "slug": slug, "parent": parent and parent.pk},
    )
    return column


@transaction.atomic
def change_column(*, column: Column, name: str, summary: str, is_active: bool, acting_user: User) -> Column:
    policy_services.require_site_editor(acting_user)
    column = Column.objects.select_for_update().get(pk=column.pk)
    before = {"name": column.name, "summary": column.summary, "is_active": column.is_active}
    column.name, column.summary, column.is_active = _clean_name(name), summary.strip(), is_active
    try:
        with transaction.atomic():
            column.save()
    except IntegrityError:
        raise ValidationError({"name": _("A column with this name or address already exists.")}) from None
    audit.record(
        actor=acting_user,
        action="columns.changed",
        target=column,
        before=before,
        after={"name": column.name, "summary": column.summary, "is_active": column.is_active},
    )
    return column


@transaction.atomic
def assign(*, item: InformationItem, columns: Sequence[Column], acting_user: User) -> None:
    """Put an item (or an interpretation) in exactly these columns."""
    permissions.require(acting_user, Action.DRAFT, item.organ)
    before = sorted(ColumnEntry.objects.filter(item=item).values_list("column_id", flat=True))
    wanted = {column.pk for column in columns}
    ColumnEntry.objects.filter(item=item).exclude(column_id__in=wanted).delete()
    existing = set(ColumnEntry.objects.filter(item=item).values_list("column_id", flat=True))
    ColumnEntry.objects.bulk_create(ColumnEntry(column_id=pk, item=item) for pk in sorted(wanted - existing))
    audit.record(
        actor=acting_user,
        action="columns.assigned",
        target=item,
        organ=item.organ,
        before={"columns": before},
        after={"columns": sorted(wanted)},
    )
