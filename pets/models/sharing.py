"""Time-boxed shares of a dog with another user (SCHEMA.md §4, "DogAccessGrants")."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from doggy.core.db import created_at_field, uuid_primary_key

from ..choices import AccessLevel


class DogAccessGrantQuerySet(models.QuerySet):
    def live(self, now: datetime.datetime | None = None) -> DogAccessGrantQuerySet:
        """Grants in force at `now`: not revoked and not expired.

        Expiry is part of the query, so a share stops working the moment it expires,
        whether or not anything has swept it (and its guardian rows) yet.
        """
        now = now or timezone.now()
        return self.filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now), revoked_at__isnull=True
        )


class DogAccessGrant(models.Model):
    """Another user's access to one dog: read-only (`View`) or `Edit`, optionally until a time.

    django-guardian's object permissions (`view_dogprofile`, `change_dogprofile`) carry no
    expiry, so this row is the source of truth: selectors read it (with the expiry in the
    query) and the share services keep the guardian rows in step with it. A grant is
    revoked by stamping `RevokedAt`, never deleted, so the history of who could see a
    dog's health records survives. At most one unrevoked grant exists per (dog, grantee).
    """

    id = uuid_primary_key()
    dog = models.ForeignKey(
        "pets.DogProfile",
        on_delete=models.CASCADE,
        related_name="access_grants",
        db_index=False,
        db_column="DogId",
    )
    grantee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="dog_access_grants",
        db_index=False,
        db_column="GranteeId",
    )
    access_level = models.CharField(
        max_length=10,
        choices=AccessLevel.choices,
        default=AccessLevel.VIEW,
        db_default=AccessLevel.VIEW,
        db_column="AccessLevel",
    )
    expires_at = models.DateTimeField(null=True, blank=True, db_column="ExpiresAt")
    # NULL once the granting account is removed; the audit log keeps who it was.
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_column="GrantedById",
    )
    created_at = created_at_field()
    revoked_at = models.DateTimeField(null=True, blank=True, db_column="RevokedAt")

    objects = DogAccessGrantQuerySet.as_manager()

    class Meta:
        db_table = "DogAccessGrants"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["dog", "-created_at"], name="IX_DogAccessGrants_Dog"),
            # The visibility subquery: a grantee's unrevoked grants.
            models.Index(
                fields=["grantee", "dog"],
                condition=Q(revoked_at__isnull=True),
                name="IX_DogAccessGrants_Grantee",
            ),
            models.Index(fields=["granted_by"], name="IX_DogAccessGrants_GrantedBy"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dog", "grantee"],
                condition=Q(revoked_at__isnull=True),
                name="UX_DogAccessGrants_Dog_Grantee",
            ),
            models.CheckConstraint(
                condition=Q(access_level__in=AccessLevel.values),
                name="CK_DogAccessGrants_AccessLevel",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.access_level} on {self.dog_id} for {self.grantee_id}"

    def is_live(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
