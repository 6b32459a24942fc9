"""Models of the accounts app, one module per topic (re-exported here)."""

from .addresses import Address
from .kyc import KycDocument, KycReviewEvent, KycVerification
from .preferences import UserSettings
from .rbac import Permission, Role, RolePermission, UserRole
from .sessions import LoginAttempt, UserSession
from .users import ServiceProvider, User
from .verification import BackgroundCheck, ProviderCredential, ProviderCredentialType

__all__ = [
    "Address",
    "BackgroundCheck",
    "KycDocument",
    "KycReviewEvent",
    "KycVerification",
    "LoginAttempt",
    "Permission",
    "ProviderCredential",
    "ProviderCredentialType",
    "Role",
    "RolePermission",
    "ServiceProvider",
    "User",
    "UserRole",
    "UserSession",
    "UserSettings",
]
