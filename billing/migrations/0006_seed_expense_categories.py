"""Plan 040 seed rows: the eleven system expense categories of SCHEMA.md 2.40.

System categories have no owner (A21). Idempotent: rows are matched on `Slug` among the
system categories and brought to these values, so a second run changes nothing. The
reverse deletes only these rows, and keeps any that expenses already use (`CategoryId`
is PROTECT).
"""

from django.db import migrations

# (Slug, Name, Icon); SortOrder follows the list.
CATEGORIES = [
    ("food-treats", "Food & Treats", "restaurant"),
    ("veterinary", "Veterinary", "medical_services"),
    ("medication", "Medication", "medication"),
    ("grooming", "Grooming", "content_cut"),
    ("boarding-daycare", "Boarding & Daycare", "hotel"),
    ("walking-sitting", "Walking & Sitting", "directions_walk"),
    ("training", "Training", "school"),
    ("insurance", "Insurance", "shield"),
    ("supplies-toys", "Supplies & Toys", "toys"),
    ("licensing-registration", "Licensing & Registration", "badge"),
    ("other", "Other", "more_horiz"),
]


def seed_categories(apps, schema_editor):
    ExpenseCategory = apps.get_model("billing", "ExpenseCategory")
    categories = ExpenseCategory._default_manager.using(schema_editor.connection.alias)
    for position, (slug, name, icon) in enumerate(CATEGORIES, start=1):
        categories.update_or_create(
            slug=slug,
            owner=None,
            defaults={"name": name, "icon": icon, "is_system": True, "sort_order": position * 10},
        )


def unseed_categories(apps, schema_editor):
    ExpenseCategory = apps.get_model("billing", "ExpenseCategory")
    categories = ExpenseCategory._default_manager.using(schema_editor.connection.alias)
    categories.filter(
        slug__in=[slug for slug, *_ in CATEGORIES],
        owner__isnull=True,
        expenses__isnull=True,
        budgets__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("billing", "0005_expenses"),
    ]

    operations = [
        migrations.RunPython(seed_categories, unseed_categories, elidable=False),
    ]
