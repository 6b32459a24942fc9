"""Plan 002 seed rows: the four system roles, nine permissions and fourteen grants.

Idempotent: rows are matched on their natural keys (`NormalizedName`, `Permissions.Name`,
the role/permission pair), so a second run, or a run against a database whose roles
already exist, changes nothing it should not. The reverse deletes only these rows.
"""

import uuid

from django.db import migrations

# (Name, Level, Description). Levels are SCHEMA.md 2.2's proposal; all are system roles.
ROLES = [
    ("User", 1, "Every signed-up account."),
    ("PetOwner", 2, "Owns dogs and books services for them."),
    ("ServiceProvider", 2, "Offers services to pet owners."),
    ("Admin", 10, "Runs the platform: users, verification and settings."),
]

# (Name, Description, Category), verbatim from the plan; all are system permissions.
PERMISSIONS = [
    ("users.view", "View user profiles", "User Management"),
    ("users.manage", "Manage user accounts", "User Management"),
    ("services.book", "Book services", "Service Booking"),
    ("services.provide", "Provide services", "Service Provision"),
    ("messaging.access", "Access messaging system", "Communication"),
    ("kyc.review", "Review KYC submissions", "Verification"),
    ("ai.access", "Access AI features", "AI Features"),
    ("calendar.manage", "Manage calendar", "Calendar"),
    ("system.admin", "System administration", "Administration"),
]

# The plan's INSERT … SELECT rules: a role gets permissions by name, or (Admin) every
# permission in some categories. 1 + 4 + 5 + 4 = 14 grants.
GRANTS_BY_NAME = {
    "User": ["users.view"],
    "PetOwner": ["users.view", "services.book", "messaging.access", "ai.access"],
    "ServiceProvider": [
        "users.view",
        "services.provide",
        "messaging.access",
        "calendar.manage",
        "ai.access",
    ],
}
GRANTS_BY_CATEGORY = {
    "Admin": ["User Management", "Verification", "Administration"],
}


def _granted_permissions(Permission, alias, role_name, only_names=None):
    permissions = Permission._default_manager.using(alias)
    if role_name in GRANTS_BY_NAME:
        permissions = permissions.filter(name__in=GRANTS_BY_NAME[role_name])
    else:
        permissions = permissions.filter(category__in=GRANTS_BY_CATEGORY[role_name])
    if only_names is not None:
        permissions = permissions.filter(name__in=only_names)
    return permissions


def seed_rbac(apps, schema_editor):
    alias = schema_editor.connection.alias
    Role = apps.get_model("accounts", "Role")
    Permission = apps.get_model("accounts", "Permission")
    RolePermission = apps.get_model("accounts", "RolePermission")

    roles = {}
    for name, level, description in ROLES:
        # The historical model runs no custom save(): NormalizedName is set here.
        values = {
            "name": name,
            "level": level,
            "is_system_role": True,
            "description": description,
        }
        roles[name], _ = Role._default_manager.using(alias).update_or_create(
            normalized_name=name.upper(),
            defaults=values,
            create_defaults={**values, "concurrency_stamp": str(uuid.uuid4())},
        )

    for name, description, category in PERMISSIONS:
        Permission._default_manager.using(alias).update_or_create(
            name=name,
            defaults={
                "description": description,
                "category": category,
                "is_system_permission": True,
            },
        )

    for role_name, role in roles.items():
        for permission in _granted_permissions(Permission, alias, role_name):
            RolePermission._default_manager.using(alias).get_or_create(
                role=role, permission=permission
            )


def unseed_rbac(apps, schema_editor):
    alias = schema_editor.connection.alias
    Role = apps.get_model("accounts", "Role")
    Permission = apps.get_model("accounts", "Permission")
    RolePermission = apps.get_model("accounts", "RolePermission")
    seeded_names = [name for name, _, _ in PERMISSIONS]

    for role_name, _, _ in ROLES:
        RolePermission._default_manager.using(alias).filter(
            role__normalized_name=role_name.upper(),
            permission__in=_granted_permissions(Permission, alias, role_name, seeded_names),
        ).delete()
    Permission._default_manager.using(alias).filter(name__in=seeded_names).delete()
    # A role still assigned to someone stays: deleting it would cascade to UserRoles
    # rows this migration did not insert.
    Role._default_manager.using(alias).filter(
        normalized_name__in=[name.upper() for name, _, _ in ROLES],
        user_roles__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_rbac_permissions"),
    ]

    operations = [
        migrations.RunPython(seed_rbac, unseed_rbac),
    ]
