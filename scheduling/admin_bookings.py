"""Staff admin of availability, appointments, calendar sync, booking rules and visits.

The pages are read-only; staff change appointments only through the actions of the
appointment list (cancel, mark a no-show), which call the booking services, so the
history row, the audit row and the live event are written as for any other caller.
Connected calendars never show their token columns; their "sync now" action goes through
the calendar service (`calendar_connection_sync_request`, audited). While the booking
feature flag is off (`Features.Booking.Enabled`) these screens are hidden
(FeatureAreaAdminMixin).
"""

from __future__ import annotations

from django.contrib import admin

from doggy.admin_features import FeatureAreaAdminMixin
from doggy.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin, call_for_each
from doggy.choices import FeatureArea
from doggy.core.permissions import PermissionName, actor_may

from .booking import appointment_cancel, appointment_no_show
from .calendar_services import calendar_connection_sync_request
from .choices import CalendarProvider
from .models import (
    Appointment,
    AppointmentPet,
    AppointmentReschedule,
    AppointmentStatusHistory,
    AvailabilityOverride,
    AvailabilityRule,
    AvailabilitySchedule,
    BookingRule,
    CalendarConnection,
    CalendarEventLink,
    ExternalCalendar,
    ServiceVisit,
    ServiceVisitEvent,
    ServiceVisitMedia,
    SlotHold,
)

STAFF_CANCEL_REASON = "Cancelled by platform staff."
STAFF_NO_SHOW_REASON = "Marked by platform staff."


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlySchedulingAdmin(FeatureAreaAdminMixin, ReadOnlyAdminMixin, AuditedModelAdmin):
    """Booking-area screens (plans 025-030): hidden while the booking flag is off."""

    feature_area = FeatureArea.BOOKING
    rbac_view_permission = PermissionName.USERS_MANAGE
    show_full_result_count = False


# --- Availability (025) -----------------------------------------------------------------


class AvailabilityRuleInline(ReadOnlyInline):
    model = AvailabilityRule
    fields = ("day_of_week", "start_time", "end_time")
    readonly_fields = fields


class AvailabilityOverrideInline(ReadOnlyInline):
    model = AvailabilityOverride
    fields = ("kind", "start_at", "end_at", "reason", "notes")
    readonly_fields = fields


@admin.register(AvailabilitySchedule)
class AvailabilityScheduleAdmin(ReadOnlySchedulingAdmin):
    list_display = ("name", "provider", "time_zone", "is_default", "updated_at")
    list_select_related = ("provider",)
    list_filter = ("is_default", "time_zone")
    search_fields = ("provider__business_name", "name", "=id")
    search_help_text = "Part of the business name or the schedule's name."
    raw_id_fields = ("provider",)
    ordering = ("provider_id", "-is_default", "name")
    inlines = (AvailabilityRuleInline, AvailabilityOverrideInline)
    fields = ("id", "provider", "name", "time_zone", "is_default", "created_at", "updated_at")
    readonly_fields = fields


# --- Appointments (026, 029, 030) -----------------------------------------------------


class AppointmentPetInline(ReadOnlyInline):
    model = AppointmentPet
    fields = ("dog", "care_instructions")
    readonly_fields = fields


class AppointmentStatusHistoryInline(ReadOnlyInline):
    model = AppointmentStatusHistory
    fields = ("changed_at", "from_status", "to_status", "changed_by", "reason")
    readonly_fields = fields
    ordering = ("changed_at", "id")


class AppointmentRescheduleInline(ReadOnlyInline):
    model = AppointmentReschedule
    fk_name = "appointment"
    fields = (
        "created_at",
        "status",
        "proposed_start_at",
        "proposed_end_at",
        "requested_by",
        "new_appointment",
    )
    readonly_fields = fields


@admin.register(Appointment)
class AppointmentAdmin(ReadOnlySchedulingAdmin):
    """Appointments with their dogs, status history and reschedule requests."""

    list_display = ("reference", "start_at", "end_at", "status", "provider", "owner")
    list_select_related = ("provider", "owner")
    list_filter = ("status", "location_type", "is_exclusive", "start_at")
    search_fields = ("=reference", "owner__email", "provider__business_name", "=id")
    search_help_text = "The exact reference, the owner's email or part of the business name."
    date_hierarchy = "start_at"
    ordering = ("-start_at", "id")
    raw_id_fields = ("owner", "provider", "service_offering", "address", "cancelled_by")
    inlines = (AppointmentPetInline, AppointmentStatusHistoryInline, AppointmentRescheduleInline)
    actions = ("cancel_by_staff", "mark_no_show")
    fields = (
        "id",
        "reference",
        "status",
        "owner",
        "provider",
        "service_offering",
        "start_at",
        "end_at",
        "time_zone",
        "buffer_before_minutes",
        "buffer_after_minutes",
        "block_start_at",
        "block_end_at",
        "is_exclusive",
        "location_type",
        "address",
        "location_text",
        "price_amount",
        "price_units",
        "deposit_amount",
        "currency",
        "owner_notes",
        "provider_notes",
        "confirmed_at",
        "completed_at",
        "cancelled_at",
        "cancelled_by",
        "cancellation_reason",
        "decline_reason",
        "no_show_party",
        "rescheduled_from",
        "reschedule_count",
        "ical_uid",
        "ical_sequence",
        "idempotency_key",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    def has_staff_action_permission(self, request):
        return actor_may(request.user, PermissionName.SYSTEM_ADMIN)

    @admin.action(
        description="Cancel selected appointments (by staff)", permissions=["staff_action"]
    )
    def cancel_by_staff(self, request, queryset):
        call_for_each(
            request,
            queryset.select_related("provider"),
            lambda appointment: appointment_cancel(
                actor=request.user, appointment=appointment, reason=STAFF_CANCEL_REASON
            ),
            done="Cancelled {count} appointment(s).",
        )

    @admin.action(
        description="Mark selected appointments as owner no-show", permissions=["staff_action"]
    )
    def mark_no_show(self, request, queryset):
        call_for_each(
            request,
            queryset.select_related("provider"),
            lambda appointment: appointment_no_show(
                actor=request.user, appointment=appointment, reason=STAFF_NO_SHOW_REASON
            ),
            done="Marked {count} appointment(s) as no-show.",
        )


class ServiceVisitEventInline(ReadOnlyInline):
    model = ServiceVisitEvent
    fields = ("occurred_at", "event_type", "notes")
    readonly_fields = fields
    ordering = ("occurred_at", "id")


class ServiceVisitMediaInline(ReadOnlyInline):
    model = ServiceVisitMedia
    fields = ("file", "caption", "taken_at")
    readonly_fields = fields


@admin.register(ServiceVisit)
class ServiceVisitAdmin(ReadOnlySchedulingAdmin):
    """Visits with their events and photos; the GPS trail stays out of the page."""

    list_display = ("appointment", "check_in_at", "check_out_at", "mood", "distance_meters")
    list_select_related = ("appointment",)
    list_filter = ("mood", "check_in_at")
    search_fields = ("=appointment__reference", "appointment__provider__business_name")
    search_help_text = "The exact appointment reference or part of the business name."
    ordering = ("-created_at", "id")
    inlines = (ServiceVisitEventInline, ServiceVisitMediaInline)
    fields = (
        "id",
        "appointment",
        "check_in_at",
        "check_out_at",
        "distance_meters",
        "activity_summary",
        "mood",
        "report_notes",
        "owner_acknowledged_at",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields


# --- Booking rules and holds (028) -----------------------------------------------------


@admin.register(BookingRule)
class BookingRuleAdmin(ReadOnlySchedulingAdmin):
    list_display = (
        "provider",
        "service_offering",
        "minimum_notice_minutes",
        "max_advance_days",
        "max_concurrent_bookings",
        "requires_confirmation",
        "is_active",
    )
    list_select_related = ("provider", "service_offering")
    list_filter = ("is_active", "requires_confirmation", "allow_reschedule")
    search_fields = ("provider__business_name", "service_offering__name")
    search_help_text = "Part of the business name or the offering's name."
    raw_id_fields = ("provider", "service_offering")
    ordering = ("provider_id", "id")


@admin.register(SlotHold)
class SlotHoldAdmin(ReadOnlySchedulingAdmin):
    list_display = ("provider", "start_at", "end_at", "held_by", "expires_at")
    list_select_related = ("provider", "held_by")
    list_filter = ("expires_at",)
    search_fields = ("provider__business_name", "held_by__email")
    search_help_text = "Part of the business name or the holder's email."
    raw_id_fields = ("provider", "service_offering", "held_by")
    ordering = ("provider_id", "start_at")


# --- Calendar integration (027) --------------------------------------------------------


class ExternalCalendarInline(ReadOnlyInline):
    model = ExternalCalendar
    fields = ("name", "external_calendar_id", "check_for_conflicts", "is_destination")
    readonly_fields = fields


@admin.register(CalendarConnection)
class CalendarConnectionAdmin(ReadOnlySchedulingAdmin):
    """Connections and their calendars; the encrypted tokens are never shown or audited."""

    audit_exclude = ("access_token_encrypted", "refresh_token_encrypted")
    list_display = (
        "user",
        "provider",
        "external_account_email",
        "status",
        "last_synced_at",
        "sync_error",
    )
    list_select_related = ("user",)
    list_filter = ("provider", "status")
    search_fields = ("user__email", "external_account_email")
    search_help_text = "The user's or the connected account's email."
    raw_id_fields = ("user",)
    ordering = ("user_id", "provider")
    inlines = (ExternalCalendarInline,)
    actions = ("sync_now",)
    fields = (
        "id",
        "user",
        "provider",
        "external_account_email",
        "scopes",
        "status",
        "token_expires_at",
        "last_synced_at",
        "sync_error",
        "created_at",
        "updated_at",
    )
    readonly_fields = fields

    def has_sync_permission(self, request):
        return actor_may(request.user, PermissionName.USERS_MANAGE)

    @admin.action(description="Sync selected calendars now", permissions=["sync"])
    def sync_now(self, request, queryset):
        """Each sync runs after this request commits; its outcome lands in `sync_error`."""
        call_for_each(
            request,
            queryset.filter(provider=CalendarProvider.CALDAV),
            lambda connection: calendar_connection_sync_request(
                actor=request.user, connection=connection
            ),
            done="Asked for a sync of {count} calendar(s).",
        )


@admin.register(CalendarEventLink)
class CalendarEventLinkAdmin(ReadOnlySchedulingAdmin):
    list_display = ("appointment", "external_calendar", "sync_status", "last_synced_sequence")
    list_select_related = ("appointment", "external_calendar")
    list_filter = ("sync_status",)
    search_fields = ("=appointment__reference", "external_event_id")
    search_help_text = "The exact appointment reference or the external event id."
    raw_id_fields = ("appointment", "external_calendar")
    ordering = ("appointment_id", "id")
