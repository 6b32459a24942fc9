"""Plan 012, the online step: indexes and validations on `ServiceProviders`.

`ServiceProviders` holds rows before phase 2, so `0010_service_provider_enhancements`
builds no index and validates no constraint; this migration does both without blocking
writes (docs/development/plan.md, "Online indexes and deferred constraints"):

- `Slug`'s unique constraint, `ProfileImageFileId`'s index, `IX_Providers_Active_Verified`
  and `IX_Providers_Rating` are built concurrently (PostgreSQL) or `WITH (ONLINE = ON)`
  (SQL Server Enterprise / Azure; offline on Standard);
- the `ProfileImageFileId` key and the three checks, added NOT VALID, are validated.

Non-atomic: PostgreSQL cannot build an index concurrently inside a transaction. Every step
looks first and does nothing when its object is already there, so on a database that
applied the earlier, inline `0010_service_provider_enhancements` this is a no-op; the
reverse drops the indexes and the unique constraint.
"""

from django.db import migrations, models

from doggy.core.migration_ops import (
    AddFieldIndexOnline,
    AddIndexOnline,
    ValidateConstraint,
    ValidateForeignKey,
)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("accounts", "0010_service_provider_enhancements"),
    ]

    operations = [
        AddFieldIndexOnline(model_name="serviceprovider", name="slug"),
        AddFieldIndexOnline(model_name="serviceprovider", name="profile_image_file"),
        AddIndexOnline(
            model_name="serviceprovider",
            index=models.Index(
                fields=["is_active", "is_verified"], name="IX_Providers_Active_Verified"
            ),
        ),
        AddIndexOnline(
            model_name="serviceprovider",
            index=models.Index(fields=["-average_rating"], name="IX_Providers_Rating"),
        ),
        ValidateForeignKey(model_name="serviceprovider", name="profile_image_file"),
        ValidateConstraint(model_name="serviceprovider", name="CK_Providers_Rating"),
        ValidateConstraint(model_name="serviceprovider", name="CK_Providers_Policy"),
        ValidateConstraint(model_name="serviceprovider", name="CK_Providers_VerifStatus"),
    ]
