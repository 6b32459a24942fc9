"""Plan 001, Enhanced User Management: eleven profile columns and three indexes on `Users`.

Every NOT NULL column carries a constant database default, so existing rows are filled
without a table rewrite on SQL Server and PostgreSQL (SCHEMA.md 2.1).
"""

from django.db import migrations, models

import accounts.validators


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_django_auth_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="first_name",
            field=models.CharField(
                blank=True,
                db_column="FirstName",
                max_length=100,
                null=True,
                verbose_name="first name",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="last_name",
            field=models.CharField(
                blank=True,
                db_column="LastName",
                max_length=100,
                null=True,
                verbose_name="last name",
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="profile_image_url",
            field=models.URLField(
                blank=True, db_column="ProfileImageUrl", max_length=500, null=True
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="date_of_birth",
            field=models.DateField(blank=True, db_column="DateOfBirth", null=True),
        ),
        migrations.AddField(
            model_name="user",
            name="gender",
            field=models.CharField(
                blank=True,
                choices=[
                    ("Male", "Male"),
                    ("Female", "Female"),
                    ("NonBinary", "Non Binary"),
                    ("Other", "Other"),
                    ("PreferNotToSay", "Prefer Not To Say"),
                ],
                db_column="Gender",
                max_length=20,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="time_zone",
            field=models.CharField(
                db_column="TimeZone",
                db_default="UTC",
                default="UTC",
                max_length=50,
                validators=[accounts.validators.validate_iana_time_zone],
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="preferred_language",
            field=models.CharField(
                db_column="PreferredLanguage", db_default="en", default="en", max_length=10
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="is_email_notifications_enabled",
            field=models.BooleanField(
                db_column="IsEmailNotificationsEnabled", db_default=True, default=True
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="is_sms_notifications_enabled",
            field=models.BooleanField(
                db_column="IsSmsNotificationsEnabled", db_default=False, default=False
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="last_seen_at",
            field=models.DateTimeField(blank=True, db_column="LastSeenAt", null=True),
        ),
        migrations.AddField(
            model_name="user",
            name="account_status",
            field=models.CharField(
                choices=[
                    ("Active", "Active"),
                    ("Suspended", "Suspended"),
                    ("Pending", "Pending"),
                    ("Deactivated", "Deactivated"),
                ],
                db_column="AccountStatus",
                db_default="Active",
                default="Active",
                max_length=20,
            ),
        ),
        migrations.AddIndex(
            model_name="user",
            index=models.Index(fields=["first_name", "last_name"], name="IX_Users_Name"),
        ),
        migrations.AddIndex(
            model_name="user",
            index=models.Index(fields=["-last_seen_at"], name="IX_Users_LastSeen"),
        ),
        migrations.AddIndex(
            model_name="user",
            index=models.Index(fields=["account_status"], name="IX_Users_AccountStatus"),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("account_status__in", ["Active", "Suspended", "Pending", "Deactivated"])
                ),
                name="CK_Users_AccountStatus",
            ),
        ),
    ]
