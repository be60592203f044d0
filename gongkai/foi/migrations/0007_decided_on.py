from django.db import migrations, models


def backfill(apps, schema_editor):
    """Decided applications take the date of their issued reply (approval or closing letter);
    withdrawn ones that had been received are counted as 其他处理 on the day they were last changed."""
    Application = apps.get_model("foi", "Application")
    Letter = apps.get_model("foi", "Letter")
    decided = Application.objects.filter(
        state__in=["DECISION_APPROVED", "SERVED", "CLOSED"], decided_on__isnull=True
    ).exclude(outcome="")
    for application in decided.iterator():
        replies = Letter.objects.filter(application=application, kind="REPLY", state="ISSUED", issued_on__isnull=False)
        latest = replies.order_by("-issued_on").values_list("issued_on", flat=True).first()
        application.decided_on = latest or application.updated_at.date()
        application.save(update_fields=["decided_on"])
    withdrawn = Application.objects.filter(state="WITHDRAWN", received_on__isnull=False, decided_on__isnull=True)
    for application in withdrawn.iterator():
        application.outcome = application.outcome or "OTHER"
        application.decided_on = application.updated_at.date()
        application.save(update_fields=["outcome", "decided_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("foi", "0006_identity_proof"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="decided_on",
            field=models.DateField(blank=True, null=True, verbose_name="date decided"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
