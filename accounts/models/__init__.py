"""Models of the accounts app, one module per topic (re-exported here)."""

from .addresses import Address
from .kyc import KycDocument, KycReviewEvent, KycVerification
from .preferences import UserSettings
from .rbac import Permission, Role, RolePermission, UserRole
from .sessions import LoginAttempt, UserSession
from .users import ServiceProvider, User

__all__ = [
    "Address",
    "KycDocument",
    "KycReviewEvent",
    "KycVerification",
    "LoginAttempt",
    "Permission",
    "Role",
    "RolePermission",
    "ServiceProvider",
    "User",
    "UserRole",
    "UserSession",
    "UserSettings",
]
