"""Plan 011 seed rows: the eight service categories of SCHEMA.md 2.11.

Idempotent: rows are matched on `Slug` and brought to these values, so a second run
changes nothing. The reverse deletes only these rows, and keeps any that offerings
already use (`CategoryId` is PROTECT).
"""

from django.db import migrations

# (Slug, Name, Description, IconName); SortOrder follows the list.
CATEGORIES = [
    ("dog-walking", "Dog Walking", "Walks at home or around the neighbourhood.", "directions_walk"),
    ("pet-sitting", "Pet Sitting", "Visits or stays at the owner's home.", "home"),
    ("boarding", "Boarding", "Overnight stays at the provider's place.", "hotel"),
    ("daycare", "Doggy Daycare", "Supervised play and care during the day.", "wb_sunny"),
    ("grooming", "Grooming", "Bathing, trimming and nail care.", "content_cut"),
    ("training", "Training", "Obedience, behaviour and puppy training.", "school"),
    (
        "vet-consult",
        "Veterinary Consultation",
        "Advice from a licensed veterinarian.",
        "medical_services",
    ),
    ("pet-taxi", "Pet Taxi", "Rides to the vet, the groomer or anywhere else.", "local_taxi"),
]


def seed_categories(apps, schema_editor):
    ServiceCategory = apps.get_model("scheduling", "ServiceCategory")
    categories = ServiceCategory._default_manager.using(schema_editor.connection.alias)
    for position, (slug, name, description, icon) in enumerate(CATEGORIES, start=1):
        categories.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "icon_name": icon,
                "sort_order": position * 10,
                "is_active": True,
            },
        )


def unseed_categories(apps, schema_editor):
    ServiceCategory = apps.get_model("scheduling", "ServiceCategory")
    categories = ServiceCategory._default_manager.using(schema_editor.connection.alias)
    categories.filter(slug__in=[slug for slug, *_ in CATEGORIES], offerings__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("scheduling", "0001_service_catalog"),
    ]

    operations = [
        migrations.RunPython(seed_categories, unseed_categories, elidable=False),
    ]
