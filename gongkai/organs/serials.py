"""Per-organ yearly serial numbers, taken under a row lock inside the caller's transaction."""

from gongkai.organs.models import Organ, Serial


def next_serial(organ: Organ, year: int, scope: str) -> int:
    """The next serial of `scope` for the organ and year; call inside transaction.atomic."""
    serial, _created = Serial.objects.select_for_update().get_or_create(organ=organ, year=year, scope=scope)
    serial.last_serial += 1
    serial.save(update_fields=["last_serial"])
    return serial.last_serial
