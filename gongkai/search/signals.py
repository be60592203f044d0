"""The organ hook: an organ's name and activity are part of what its records look like in search.

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
    if created or kwargs.get("raw"):
        return  # a new organ has no records yet; fixtures load rows as they are
    indexing.refresh_organ(instance.pk)
