"""Plan 016, the online step: `ServiceProviders.BaseAddressId`'s index and validations.

`0011_addresses` adds the `BaseAddressId` key and `CK_Providers_Radius` NOT VALID on the
populated `ServiceProviders`; this migration builds the key's index concurrently
(PostgreSQL) or `WITH (ONLINE = ON)` (SQL Server Enterprise / Azure; offline on
Standard) and validates both, without blocking writes. Non-atomic; every step does
nothing when its object is already there (a database that applied the earlier, inline
`0011_addresses`); the reverse drops the index.
"""

from django.db import migrations

from doggy.core.migration_ops import AddFieldIndexOnline, ValidateConstraint, ValidateForeignKey


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("accounts", "0011_addresses"),
    ]

    operations = [
        AddFieldIndexOnline(model_name="serviceprovider", name="base_address"),
        ValidateForeignKey(model_name="serviceprovider", name="base_address"),
        ValidateConstraint(model_name="serviceprovider", name="CK_Providers_Radius"),
    ]
