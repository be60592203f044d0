"""The organ hook: an organ's name and activity are part of what its records look like in search,
and its full name is a token in the rows of every record that names it (``mentions``).

A signal rather than a call in organs.services, as the style guide keeps signals for search
indexing: post_save runs inside the saving transaction, so deactivating an organ removes its
records from search in the same commit.
"""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from gongkai.organs.models import Organ
from gongkai.search import indexing


@receiver(post_save, sender=Organ, dispatch_uid="search_refresh_organ")
def refresh_organ_records(sender: type[Organ], instance: Organ, created: bool, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures load rows as they are
    if created:
        indexing.refresh_mentions([instance.pk])  # no records of its own yet, but others may name it
    else:
        indexing.refresh_organ(instance.pk)
