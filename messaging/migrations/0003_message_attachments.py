"""Plan 018, Message Attachments & Media (SCHEMA.md 2.18).

A message links to stored files (purpose `MessageAttachment`) with an order and a
caption. `PROTECT`: a file that is attached is not deleted under the message. The size
limit (`Messaging.MaxFileSize`) and the scan gate are the upload service's (I-12).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("doggy", "0003_stored_files"),
        ("messaging", "0002_online_enhanced_messaging_direct_keys"),
    ]

    operations = [
        migrations.CreateModel(
            name="MessageAttachment",
            fields=[
                ("id", models.BigAutoField(db_column="Id", primary_key=True, serialize=False)),
                ("sort_order", models.PositiveSmallIntegerField(db_column="SortOrder", default=0)),
                (
                    "caption",
                    models.CharField(blank=True, db_column="Caption", default="", max_length=500),
                ),
                (
                    "file",
                    models.ForeignKey(
                        db_column="FileId",
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="message_attachments",
                        to="doggy.storedfile",
                    ),
                ),
                (
                    "message",
                    models.ForeignKey(
                        db_column="MessageId",
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attachments",
                        to="messaging.message",
                    ),
                ),
            ],
            options={
                "db_table": "MessageAttachments",
                "ordering": ["message_id", "sort_order", "id"],
                "indexes": [models.Index(fields=["file"], name="IX_MsgAttachments_File")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("message", "file"), name="UX_MsgAttachments_Msg_File"
                    )
                ],
            },
        ),
    ]
