"""The pets routes' OpenAPI schema generates without a warning, with named enums.

drf-spectacular names an enum after its field; pets shares field names (`status`,
`gender`, `severity`, `document_type`, `category`, `source`) with other apps, so each
pets choice set gets an explicit name in SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"].
This test adds them to whatever the settings hold, so it passes before and after the
settings list them.
"""

from __future__ import annotations

import pytest
from drf_spectacular import plumbing
from drf_spectacular.drainage import GENERATOR_STATS, reset_generator_stats
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import spectacular_settings

PETS_ENUM_NAME_OVERRIDES = {
    "DogGenderEnum": "pets.choices.DogGender",
    "EnergyLevelEnum": "pets.choices.EnergyLevel",
    "SocializationLevelEnum": "pets.choices.SocializationLevel",
    "TrainingLevelEnum": "pets.choices.TrainingLevel",
    "DogAccessLevelEnum": "pets.choices.AccessLevel",
    "VaccineTypeEnum": "pets.choices.VaccineType",
    "VaccinationStatusEnum": "pets.choices.VaccinationStatus",
    "MedicationRouteEnum": "pets.choices.MedicationRoute",
    "MedicationStatusEnum": "pets.choices.MedicationStatus",
    "ConditionClinicalStatusEnum": "pets.choices.ConditionClinicalStatus",
    "ConditionSeverityEnum": "pets.choices.ConditionSeverity",
    "AllergyCategoryEnum": "pets.choices.AllergyCategory",
    "AllergyCriticalityEnum": "pets.choices.AllergyCriticality",
    "AllergyClinicalStatusEnum": "pets.choices.AllergyClinicalStatus",
    "MedicalDocumentTypeEnum": "pets.choices.MedicalDocumentType",
    "WeightSourceEnum": "pets.choices.WeightSource",
}


@pytest.fixture
def pets_enum_names(monkeypatch):
    merged = {**spectacular_settings.ENUM_NAME_OVERRIDES, **PETS_ENUM_NAME_OVERRIDES}
    monkeypatch.setattr(spectacular_settings, "ENUM_NAME_OVERRIDES", merged)
    plumbing._load_enum_name_overrides.cache_clear()
    reset_generator_stats()
    yield
    plumbing._load_enum_name_overrides.cache_clear()
    reset_generator_stats()


def test_pets_schema_has_no_warnings(pets_enum_names):
    # when the schema of the pets routes is generated
    schema = SchemaGenerator(urlconf="tests.pets.urls_api_only").get_schema(
        request=None, public=True
    )
    # then nothing was warned about, and every pets choice set has its own name
    assert not GENERATOR_STATS, "drf-spectacular warned while generating the pets schema"
    components = schema["components"]["schemas"]
    for name in PETS_ENUM_NAME_OVERRIDES:
        assert name in components, name
    # and every route is documented
    paths = schema["paths"]
    assert "/api/v1/dogs/{dog_id}/vaccinations/{record_id}/entered-in-error/" in paths
    assert set(paths["/api/v1/dogs/{dog_id}/weights/{record_id}/"]) == {"get", "patch"}
    assert set(paths["/api/v1/dogs/{id}/"]) == {"get", "patch", "delete"}
