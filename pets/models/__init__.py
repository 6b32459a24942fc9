"""Models of the pets app, one module per topic (re-exported here)."""

from .contacts import DogEmergencyContact, DogVeterinarian, EmergencyContact
from .dogs import DogProfile, DogProfileQuerySet
from .medical import (
    DogAllergy,
    DogCondition,
    MedicalDocument,
    MedicalRecord,
    Medication,
    Vaccination,
    VetVisit,
    WeightRecord,
)
from .sharing import DogAccessGrant, DogAccessGrantQuerySet

__all__ = [
    "DogAccessGrant",
    "DogAccessGrantQuerySet",
    "DogAllergy",
    "DogEmergencyContact",
    "DogCondition",
    "DogProfile",
    "DogProfileQuerySet",
    "DogVeterinarian",
    "EmergencyContact",
    "MedicalDocument",
    "MedicalRecord",
    "Medication",
    "Vaccination",
    "VetVisit",
    "WeightRecord",
]
