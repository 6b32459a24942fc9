"""Plan 038 seed rows: the credential types and which of them are required (A19).

Every provider needs liability insurance and a business licence; a provider offering
veterinary consultations needs a veterinary licence, one offering grooming a groomer
certification, one offering training a trainer certification. The other types may be
uploaded but are not required. Rows are matched on (Code, category slug), so a second run
changes nothing; the reverse deletes only these rows. A category that is missing (not
seeded) is skipped.
"""

from django.db import migrations

# (Code, Name, IsRequired, ServiceCategories.Slug or None for every provider)
CREDENTIAL_TYPES = [
    ("BusinessLicense", "Business licence", True, None),
    ("LiabilityInsurance", "Liability insurance", True, None),
    ("Bonding", "Bond", False, None),
    ("PetFirstAidCpr", "Pet first aid and CPR", False, None),
    ("TrainerCertification", "Trainer certification", False, None),
    ("GroomerCertification", "Groomer certification", False, None),
    ("VeterinaryLicense", "Veterinary licence", False, None),
    ("Other", "Other credential", False, None),
    ("VeterinaryLicense", "Veterinary licence", True, "vet-consult"),
    ("GroomerCertification", "Groomer certification", True, "grooming"),
    ("TrainerCertification", "Trainer certification", True, "training"),
]


def _categories(apps, alias):
    ServiceCategory = apps.get_model("scheduling", "ServiceCategory")
    slugs = {slug for *_, slug in CREDENTIAL_TYPES if slug}
    found = ServiceCategory._default_manager.using(alias).filter(slug__in=slugs)
    return {category.slug: category for category in found}


def seed_credential_types(apps, schema_editor):
    alias = schema_editor.connection.alias
    ProviderCredentialType = apps.get_model("accounts", "ProviderCredentialType")
    types = ProviderCredentialType._default_manager.using(alias)
    categories = _categories(apps, alias)
    for code, name, required, slug in CREDENTIAL_TYPES:
        if slug and slug not in categories:
            continue
        types.update_or_create(
            code=code,
            category=categories.get(slug),
            defaults={"name": name, "is_required": required},
        )


def unseed_credential_types(apps, schema_editor):
    alias = schema_editor.connection.alias
    ProviderCredentialType = apps.get_model("accounts", "ProviderCredentialType")
    types = ProviderCredentialType._default_manager.using(alias)
    categories = _categories(apps, alias)
    for code, _name, _required, slug in CREDENTIAL_TYPES:
        if slug is None:
            types.filter(code=code, category__isnull=True).delete()
        elif slug in categories:
            types.filter(code=code, category=categories[slug]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0012_provider_verification"),
        ("scheduling", "0002_seed_service_categories"),
    ]

    operations = [
        migrations.RunPython(seed_credential_types, unseed_credential_types, elidable=False),
    ]
