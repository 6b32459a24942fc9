"""Error codes of the pets app (stable strings clients may switch on)."""

from __future__ import annotations

from enum import Enum

from doggy.core.errors import ApplicationError, ConflictError, NotFoundError, PermissionDeniedError


class PetsErrorCode(Enum):
    DOG_NOT_FOUND = "dog_not_found"
    DOG_NOT_EDITABLE = "dog_not_editable"
    DOG_OWNER_ONLY = "dog_owner_only"
    DOG_INACTIVE = "dog_inactive"
    RECORD_NOT_FOUND = "medical_record_not_found"
    RECORD_ENTERED_IN_ERROR = "medical_record_entered_in_error"
    RECORD_NOT_DELETABLE = "medical_record_not_deletable"
    SHARE_NOT_FOUND = "dog_share_not_found"
    SHARE_GRANTEE_UNKNOWN = "dog_share_grantee_unknown"
    SHARE_WITH_OWNER = "dog_share_with_owner"
    SHARE_EXPIRY_IN_PAST = "dog_share_expiry_in_past"
    SHARE_INVALID = "dog_share_invalid"
    SIGN_IN_REQUIRED = "sign_in_required"
    CONFLICT = "conflict"
    FILE_INVALID = "file_invalid"
    INVALID_REFERENCE = "invalid_reference"
    SEARCH_INVALID = "dog_search_invalid"


class DogNotFoundError(NotFoundError):
    """No such dog, or the caller may not know it exists (other owners' dogs)."""

    def __init__(self, message: str = "Dog not found."):
        super().__init__(PetsErrorCode.DOG_NOT_FOUND, message)


class DogNotEditableError(PermissionDeniedError):
    """The caller sees the dog through a read-only share."""

    def __init__(self, message: str = "This dog is shared with you read-only."):
        super().__init__(PetsErrorCode.DOG_NOT_EDITABLE, message)


class DogOwnerOnlyError(PermissionDeniedError):
    """Only the owner may do this (deactivate, share, revoke)."""

    def __init__(self, message: str = "Only the dog's owner can do this."):
        super().__init__(PetsErrorCode.DOG_OWNER_ONLY, message)


class MedicalRecordNotFoundError(NotFoundError):
    def __init__(self, message: str = "Medical record not found."):
        super().__init__(PetsErrorCode.RECORD_NOT_FOUND, message)


class MedicalRecordEnteredInErrorError(ConflictError):
    """A record marked EnteredInError is final: it is kept as it was, never edited."""

    def __init__(self, message: str = "This record was marked entered in error."):
        super().__init__(PetsErrorCode.RECORD_ENTERED_IN_ERROR, message)


class ShareNotFoundError(NotFoundError):
    def __init__(self, message: str = "Share not found."):
        super().__init__(PetsErrorCode.SHARE_NOT_FOUND, message)


class InvalidReferenceError(ApplicationError):
    """An id in the request names nothing the caller may use (400 with a field error)."""

    def __init__(self, field: str, message: str):
        super().__init__(PetsErrorCode.INVALID_REFERENCE, message, fields={field: [message]})
