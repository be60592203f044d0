"""The organ hook: an organ's name and activity are part of what its records look like in search,
and its full name is a token in the rows of every record that names it (``mentions``).

A signal rather than a call in organs.services, as the style guide keeps signals for search
indexing: post_save runs inside the saving transaction, so deactivating an organ removes its
records from search in the same commit.
"""

from typing import Any

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from gongkai.organs.models import Organ
from gongkai.search import indexing

_NAME_BEFORE = "_search_name_before_save"


@receiver(pre_save, sender=Organ, dispatch_uid="search_remember_organ_name")
def remember_organ_name(sender: type[Organ], instance: Organ, **kwargs: Any) -> None:
    # Finding the rows that name an organ reads every match of its full name (hundreds of
    # thousands for a city government in a large library), so it is done only when the name changes.
    if not instance._state.adding and not kwargs.get("raw"):
        before = Organ.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
        setattr(instance, _NAME_BEFORE, before)


@receiver(post_save, sender=Organ, dispatch_uid="search_refresh_organ")
def refresh_organ_records(sender: type[Organ], instance: Organ, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures load rows as they are
    if not created:
        indexing.refresh_organ(instance.pk)
    if created or getattr(instance, _NAME_BEFORE, None) != instance.name:
        indexing.refresh_mentions([instance.pk])  # a new organ has no records, but others may name it
