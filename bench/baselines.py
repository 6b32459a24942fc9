"""Hand-written list views: the floor the product's list pipeline is measured against.

Each view does what a developer would write by hand for the same page: the product's
token authentication and permission check, a COUNT, one `.values()` query over the same
rows and columns in the same order (plus one query for a nested list where the product
has one), and `JsonResponse`. They live in the bench only (`bench.urls`), never in the
product's URLs. `bench.run` checks that each returns the same ids as the product route.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, Q
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from rest_framework.exceptions import AuthenticationFailed

from accounts.authentication import BearerTokenAuthentication
from accounts.choices import SYSTEM_USER_ID, PermissionName
from accounts.models import ServiceProvider, User, UserRole
from audit.models import AUDIT_READER_PERMISSIONS, AuditLog
from billing.models import PetExpense, PlanEntitlement, SubscriptionPlan
from doggy.api.pagination import PageNumberPagination
from doggy.core.permissions import actor_may
from messaging.models import (
    ConversationParticipant,
    Message,
    MessageAttachment,
    MessageReaction,
    Notification,
)
from pets.choices import ENTERED_IN_ERROR, DogRelation
from pets.models import DogAccessGrant, DogProfile, Vaccination
from scheduling.models import Appointment, AppointmentPet, ServiceOffering

_AUTH = BearerTokenAuthentication()


def _user(request: HttpRequest):
    try:
        found = _AUTH.authenticate(request)
    except AuthenticationFailed:
        return None
    return found[0] if found else None


def _size(request: HttpRequest) -> int:
    try:
        size = int(request.GET.get("page_size", PageNumberPagination.page_size))
    except ValueError:
        size = PageNumberPagination.page_size
    return max(1, min(size, PageNumberPagination.max_page_size))


def _page(count: int, rows: list) -> JsonResponse:
    body = {"count": count, "next": None, "previous": None, "results": rows}
    return JsonResponse(body, encoder=DjangoJSONEncoder)


def _denied(status: int = 401) -> JsonResponse:
    return JsonResponse({"error": {"code": "denied", "message": "", "fields": {}}}, status=status)


DOG_COLUMNS = (
    "id",
    "owner_id",
    "name",
    "breed",
    "secondary_breed",
    "birthdate",
    "weight",
    "height",
    "gender",
    "is_spayed_neutered",
    "coat_color",
    "coat_type",
    "eye_color",
    "microchip_number",
    "registration_number",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relationship",
    "veterinarian_name",
    "veterinarian_phone",
    "veterinarian_address",
    "energy_level",
    "socialization_level",
    "training_level",
    "special_needs",
    "medications",
    "allergies",
    "behavior_notes",
    "dietary_restrictions",
    "profile_image_url",
    "additional_photos",
    "is_active",
    "created_at",
    "updated_at",
)


def dogs(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    levels = dict(
        DogAccessGrant.objects.live()
        .filter(grantee_id=user.pk)
        .values_list("dog_id", "access_level")
    )
    rows = DogProfile.objects.filter(Q(owner_id=user.pk) | Q(pk__in=list(levels)), is_active=True)
    count = rows.count()
    page = list(rows.order_by("name", "id").values(*DOG_COLUMNS)[: _size(request)])
    for row in page:
        row["relation"] = DogRelation.OWNER if row["owner_id"] == user.pk else levels.get(row["id"])
    return _page(count, page)


VACCINATION_COLUMNS = (
    "id",
    "dog_id",
    "recorded_by_id",
    "notes",
    "created_at",
    "updated_at",
    "vaccine_name",
    "vaccine_type",
    "status",
    "administered_on",
    "next_due_on",
    "dose_number",
    "lot_number",
    "manufacturer",
    "administered_by",
    "clinic_name",
    "certificate_file_id",
    "vet_visit_id",
)


def vaccinations(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    dog_id = request.GET.get("dog")
    shared = DogAccessGrant.objects.live().filter(grantee_id=user.pk).values("dog_id")
    if not DogProfile.objects.filter(Q(owner_id=user.pk) | Q(pk__in=shared), pk=dog_id).exists():
        return _denied(404)
    rows = Vaccination.objects.filter(dog_id=dog_id).exclude(status=ENTERED_IN_ERROR)
    count = rows.count()
    page = list(
        rows.order_by("-administered_on", "-created_at").values(*VACCINATION_COLUMNS)[
            : _size(request)
        ]
    )
    return _page(count, page)


OFFERING_COLUMNS = (
    "id",
    "slug",
    "name",
    "description",
    "duration_minutes",
    "pricing_unit",
    "price",
    "currency",
    "deposit_amount",
    "max_pets",
    "location_types",
    "is_virtual",
    "category__id",
    "category__slug",
    "category__name",
    "provider__id",
    "provider__slug",
    "provider__business_name",
    "provider__average_rating",
    "provider__review_count",
)


def offerings(request: HttpRequest) -> JsonResponse:
    _user(request)
    rows = ServiceOffering.objects.filter(
        is_active=True,
        is_hidden=False,
        category__is_active=True,
        provider__is_verified=True,
        provider__is_active=True,
        provider__user__is_active=True,
    )
    count = rows.count()
    page = list(rows.order_by("price", "id").values(*OFFERING_COLUMNS)[: _size(request)])
    return _page(count, page)


PROVIDER_COLUMNS = (
    "id",
    "slug",
    "business_name",
    "headline",
    "description",
    "bio",
    "years_of_experience",
    "business_phone",
    "website",
    "time_zone",
    "accepts_new_clients",
    "cancellation_policy",
    "average_rating",
    "review_count",
    "completed_appointment_count",
    "verified_at",
    "service_radius_km",
    "base_address__city",
    "base_address__region",
    "base_address__country_code",
)


def providers(request: HttpRequest) -> JsonResponse:
    from django.db.models import F

    _user(request)
    rows = ServiceProvider.objects.filter(is_verified=True, is_active=True, user__is_active=True)
    count = rows.count()
    page = list(
        rows.order_by(
            F("average_rating").desc(nulls_last=True), "-review_count", "business_name", "id"
        ).values(*PROVIDER_COLUMNS)[: _size(request)]
    )
    return _page(count, page)


PLAN_COLUMNS = (
    "id",
    "code",
    "name",
    "description",
    "audience",
    "price",
    "currency",
    "billing_interval",
    "interval_count",
    "trial_period_days",
    "marketing_features",
)


def plans(request: HttpRequest) -> JsonResponse:
    _user(request)
    rows = SubscriptionPlan.objects.filter(is_active=True, is_public=True)
    count = rows.count()
    page = list(rows.order_by("sort_order", "id").values(*PLAN_COLUMNS)[: _size(request)])
    entitlements: dict = {}
    for row in PlanEntitlement.objects.filter(plan_id__in=[p["id"] for p in page]).values(
        "plan_id", "feature_key", "limit_value", "is_enabled"
    ):
        entitlements.setdefault(row.pop("plan_id"), []).append(row)
    for plan in page:
        plan["entitlements"] = entitlements.get(plan.pop("id"), [])
    return _page(count, page)


USER_COLUMNS = (
    "id",
    "email",
    "email_confirmed",
    "first_name",
    "last_name",
    "account_status",
    "is_active",
    "is_staff",
    "time_zone",
    "preferred_language",
    "date_joined",
    "last_login",
    "last_seen_at",
    "lockout_end",
)


def staff_users(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    if not actor_may(user, PermissionName.USERS_MANAGE):
        return _denied(403)
    rows = User.objects.exclude(pk=SYSTEM_USER_ID)
    count = rows.count()
    page = list(rows.order_by("email", "id").values(*USER_COLUMNS)[: _size(request)])
    roles: dict = {}
    for row in (
        UserRole.objects.effective()
        .filter(user_id__in=[u["id"] for u in page])
        .order_by("-role__level")
        .values("user_id", "role_id", "role__name", "role__level", "expires_at")
    ):
        roles.setdefault(row.pop("user_id"), []).append(row)
    for row in page:
        row["roles"] = roles.get(row["id"], [])
    return _page(count, page)


AUDIT_COLUMNS = (
    "id",
    "timestamp",
    "user_id",
    "actor_email",
    "action",
    "entity_type",
    "entity_id",
    "old_values",
    "new_values",
    "ip_address",
    "user_agent",
    "session_id",
    "severity",
    "correlation_id",
)


def audit_logs(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    if not actor_may(user, *AUDIT_READER_PERMISSIONS):
        return _denied(403)
    rows = AuditLog.objects.all()
    count = rows.count()
    page = list(rows.order_by("-timestamp", "-id").values(*AUDIT_COLUMNS)[: _size(request)])
    return _page(count, page)


# --- Phases 3-6 lists ------------------------------------------------------------------------
def _may_message(user) -> bool:
    return actor_may(user, PermissionName.MESSAGING_ACCESS)


CONVERSATION_COLUMNS = (
    "id",
    "type",
    "title",
    "is_locked",
    "created_at",
    "last_message_id",
    "last_message_at",
    "message_count",
)
MEMBERSHIP_COLUMNS = (
    "role",
    "is_muted",
    "muted_until",
    "notification_level",
    "is_archived",
    "is_pinned",
    "last_read_message_id",
)


def conversations(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    if not _may_message(user):
        return _denied(403)
    mine = ConversationParticipant.objects.filter(
        user_id=user.pk, left_at__isnull=True, is_archived=False
    )
    count = mine.count()
    page = list(
        mine.order_by(
            F("is_pinned").desc(),
            F("conversation__last_message_at").desc(nulls_last=True),
            "-conversation__created_at",
            "conversation_id",
        ).values(
            *(f"conversation__{c}" for c in CONVERSATION_COLUMNS),
            "read_message_count",
            *MEMBERSHIP_COLUMNS,
        )[: _size(request)]
    )
    people: dict = {}
    for row in (
        ConversationParticipant.objects.filter(
            conversation_id__in=[r["conversation__id"] for r in page], left_at__isnull=True
        )
        .order_by("joined_at", "id")
        .values(
            "conversation_id",
            "user_id",
            "role",
            "joined_at",
            "user__first_name",
            "user__last_name",
            "user__email",
        )  # fmt: skip
    ):
        name = f"{row.pop('user__first_name')} {row.pop('user__last_name')}".strip()
        row["name"] = name or row.pop("user__email").split("@")[0]
        row.pop("user__email", None)
        people.setdefault(row.pop("conversation_id"), []).append(row)
    rows = []
    for r in page:
        row = {c: r[f"conversation__{c}"] for c in CONVERSATION_COLUMNS}
        row["unread_count"] = row["message_count"] - r["read_message_count"]
        row.update({c: r[c] for c in MEMBERSHIP_COLUMNS})
        row["participants"] = people.get(row["id"], [])
        rows.append(row)
    return _page(count, rows)


MESSAGE_COLUMNS = (
    "id",
    "conversation_id",
    "sender_id",
    "message_type",
    "content",
    "client_message_id",
    "reply_to_id",
    "created_at",
    "edited_at",
    "deleted_at",
    "moderation_status",
)


def messages(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    if not _may_message(user):
        return _denied(403)
    conversation_id = request.GET.get("conversation")
    if not ConversationParticipant.objects.filter(
        conversation_id=conversation_id, user_id=user.pk, left_at__isnull=True
    ).exists():
        return _denied(404)
    limit = 50
    rows = list(
        Message.objects.filter(conversation_id=conversation_id)
        .order_by("-id")
        .values(*MESSAGE_COLUMNS)[: limit + 1]
    )
    page = rows[:limit]
    ids = [row["id"] for row in page]
    files: dict = {}
    for row in (
        MessageAttachment.objects.filter(message_id__in=ids)
        .order_by("sort_order", "id")
        .values("message_id", "file_id", "caption", "file__original_file_name")
    ):
        files.setdefault(row.pop("message_id"), []).append(row)
    reactions: dict = {}
    for row in (
        MessageReaction.objects.filter(message_id__in=ids)
        .order_by("created_at", "id")
        .values("message_id", "emoji_code", "emoji_name", "user_id")
    ):
        reactions.setdefault(row.pop("message_id"), []).append(row)
    for row in page:
        row["attachments"] = files.get(row["id"], [])
        row["reactions"] = reactions.get(row["id"], [])
    body = {"results": page, "has_more": len(rows) > limit, "direction": "before", "next": None}
    return JsonResponse(body, encoder=DjangoJSONEncoder)


NOTIFICATION_COLUMNS = (
    "id",
    "notification_type",
    "level",
    "title",
    "body",
    "entity_type",
    "entity_id",
    "action_url",
    "data",
    "is_read",
    "read_at",
    "created_at",
)


def notifications(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    if not _may_message(user):
        return _denied(403)
    now = timezone.now()
    rows = Notification.objects.filter(
        Q(scheduled_for__isnull=True) | Q(scheduled_for__lte=now),
        Q(expires_at__isnull=True) | Q(expires_at__gt=now),
        recipient_id=user.pk,
        is_archived=False,
    )
    page = list(rows.order_by("-id").values(*NOTIFICATION_COLUMNS)[: _size(request) + 1])
    body = {"next": None, "previous": None, "results": page[: _size(request)]}
    return JsonResponse(body, encoder=DjangoJSONEncoder)


APPOINTMENT_COLUMNS = (
    "id",
    "reference",
    "status",
    "start_at",
    "end_at",
    "time_zone",
    "provider_id",
    "provider__business_name",
    "service_offering_id",
    "service_offering__name",
    "location_type",
    "location_text",
    "price_amount",
    "currency",
    "deposit_amount",
    "owner_notes",
    "confirmed_at",
    "completed_at",
    "cancelled_at",
    "cancellation_reason",
    "decline_reason",
    "no_show_party",
    "rescheduled_from_id",
    "reschedule_count",
    "created_at",
)


def appointments(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    rows = Appointment.objects.filter(owner_id=user.pk)
    count = rows.count()
    page = list(rows.order_by("-start_at", "id").values(*APPOINTMENT_COLUMNS)[: _size(request)])
    dogs: dict = {}
    for row in (
        AppointmentPet.objects.filter(appointment_id__in=[a["id"] for a in page])
        .order_by("id")
        .values("appointment_id", "dog_id", "dog__name")
    ):
        dogs.setdefault(row.pop("appointment_id"), []).append(row)
    for row in page:
        row["dogs"] = dogs.get(row["id"], [])
    return _page(count, page)


EXPENSE_COLUMNS = (
    "id",
    "dog_id",
    "category__slug",
    "amount",
    "currency",
    "expense_date",
    "vendor",
    "description",
    "source",
    "created_at",
    "updated_at",
)
RECEIPT_COLUMNS = {
    "receipt_file__original_file_name": "file_name",
    "receipt_file__content_type": "content_type",
    "receipt_file__size_bytes": "size_bytes",
    "receipt_file__scan_status": "scan_status",
}


def expenses(request: HttpRequest) -> JsonResponse:
    user = _user(request)
    if user is None:
        return _denied()
    rows = PetExpense.objects.filter(owner_id=user.pk)
    count = rows.count()
    page = list(
        rows.order_by("-expense_date", "-created_at", "id").values(
            *EXPENSE_COLUMNS, "receipt_file_id", *RECEIPT_COLUMNS
        )[: _size(request)]
    )
    for row in page:
        receipt = {name: row.pop(column) for column, name in RECEIPT_COLUMNS.items()}
        row["receipt"] = receipt if row.pop("receipt_file_id") is not None else None
    return _page(count, page)


VIEWS: dict[str, Callable[[HttpRequest], JsonResponse]] = {
    "dogs": dogs,
    "vaccinations": vaccinations,
    "offerings": offerings,
    "providers": providers,
    "plans": plans,
    "staff-users": staff_users,
    "audit-logs": audit_logs,
    "conversations": conversations,
    "messages": messages,
    "notifications": notifications,
    "appointments": appointments,
    "expenses": expenses,
}
