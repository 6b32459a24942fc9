"""The migrated scheduling tables of plans 025–030 against SCHEMA.md 2.25–2.30 and A8–A14.

The plan gives titles only for 025–030, so the catalog is the contract: every column
with its nullability, every named index with its columns, every unique key (and the
filter of the filtered ones), every CHECK, and each foreign key's `on_delete`, checked
through Django's introspection of the migrated database. The amendments' changes are
checked too: nullable booking-rule fallbacks (A11), no `UX_SlotHolds_Prov_Range` (A10)
and the append-only history's keys (A14).
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection, models

from scheduling import models as scheduling_models

# table -> {column: nullable}
COLUMNS = {
    "AvailabilitySchedules": {
        "Id": False,
        "CreatedAt": False,
        "UpdatedAt": False,
        "ProviderId": False,
        "Name": False,
        "TimeZone": False,
        "IsDefault": False,
    },
    "AvailabilityRules": {
        "Id": False,
        "ScheduleId": False,
        "DayOfWeek": False,
        "StartTime": False,
        "EndTime": False,
    },
    "AvailabilityOverrides": {
        "Id": False,
        "ScheduleId": False,
        "Kind": False,
        "StartAt": False,
        "EndAt": False,
        "Reason": False,
        "Notes": False,
        "CreatedAt": False,
    },
    "Appointments": {
        "Id": False,
        "CreatedAt": False,
        "UpdatedAt": False,
        "Reference": False,
        "IdempotencyKey": True,
        "OwnerId": False,
        "ProviderId": False,
        "ServiceOfferingId": False,
        "StartAt": False,
        "EndAt": False,
        "TimeZone": False,
        "Status": False,
        "BufferBeforeMinutes": False,
        "BufferAfterMinutes": False,
        "LocationType": False,
        "AddressId": True,
        "LocationText": False,
        "PriceAmount": False,
        "Currency": False,
        "PriceUnits": False,
        "DepositAmount": False,
        "OwnerNotes": False,
        "ProviderNotes": False,
        "ConfirmedAt": True,
        "CompletedAt": True,
        "CancelledAt": True,
        "CancelledById": True,
        "CancellationReason": False,
        "DeclineReason": False,
        "NoShowParty": True,
        "RescheduledFromId": True,
        "RescheduleCount": False,
        "ICalUid": False,
        "ICalSequence": False,
        "BlockStartAt": False,
        "BlockEndAt": False,
        "IsExclusive": False,
    },
    "AppointmentPets": {
        "Id": False,
        "AppointmentId": False,
        "DogId": False,
        "CareInstructions": False,
    },
    "CalendarConnections": {
        "Id": False,
        "CreatedAt": False,
        "UpdatedAt": False,
        "UserId": False,
        "Provider": False,
        "ExternalAccountEmail": False,
        "AccessTokenEncrypted": False,
        "RefreshTokenEncrypted": False,
        "TokenExpiresAt": True,
        "Scopes": False,
        "Status": False,
        "LastSyncedAt": True,
        "SyncError": False,
    },
    "ExternalCalendars": {
        "Id": False,
        "ConnectionId": False,
        "ExternalCalendarId": False,
        "Name": False,
        "CheckForConflicts": False,
        "IsDestination": False,
        "WatchChannelId": True,
        "WatchResourceId": True,
        "WatchExpiresAt": True,
        "SyncToken": False,
    },
    "CalendarEventLinks": {
        "Id": False,
        "AppointmentId": False,
        "ExternalCalendarId": True,
        "ExternalEventId": False,
        "SyncStatus": False,
        "LastSyncedSequence": False,
        "LastError": False,
    },
    "ExternalBusyBlocks": {
        "Id": False,
        "ExternalCalendarId": False,
        "StartAt": False,
        "EndAt": False,
        "ExternalEventId": False,
        "FetchedAt": False,
        "ExpiresAt": False,
    },
    "CalendarFeedTokens": {
        "Id": False,
        "UserId": False,
        "TokenHash": False,
        "CreatedAt": False,
        "RevokedAt": True,
    },
    "BookingRules": {
        "Id": False,
        "ProviderId": False,
        "ServiceOfferingId": True,
        # A11: NULL = the SystemSetting (or, for cancellations, the provider's policy)
        "MinimumNoticeMinutes": True,
        "MaxAdvanceDays": True,
        "BufferBeforeMinutes": True,
        "BufferAfterMinutes": True,
        "SlotIntervalMinutes": True,
        "MaxBookingsPerDay": True,
        "MaxBookingsPerWeek": True,
        "MaxConcurrentBookings": False,
        "RequiresConfirmation": False,
        "ConfirmationTimeoutHours": False,
        "FreeCancellationHours": True,
        "AllowReschedule": False,
        "RescheduleLimit": False,
        "IsActive": False,
        "UpdatedAt": False,
    },
    "SlotHolds": {
        "Id": False,
        "ProviderId": False,
        "ServiceOfferingId": False,
        "HeldById": False,
        "StartAt": False,
        "EndAt": False,
        "ExpiresAt": False,
        "CreatedAt": False,
    },
    "AppointmentStatusHistory": {
        "Id": False,
        "AppointmentId": False,
        "FromStatus": True,
        "ToStatus": False,
        "ChangedById": True,
        "Reason": False,
        "Metadata": False,
        "ChangedAt": False,
    },
    "AppointmentReschedules": {
        "Id": False,
        "AppointmentId": False,
        "NewAppointmentId": True,
        "RequestedById": True,
        "PreviousStartAt": False,
        "PreviousEndAt": False,
        "ProposedStartAt": False,
        "ProposedEndAt": False,
        "Reason": False,
        "Status": False,
        "CreatedAt": False,
        "RespondedAt": True,
    },
    "ServiceVisits": {
        "Id": False,
        "CreatedAt": False,
        "UpdatedAt": False,
        "AppointmentId": False,
        "CheckInAt": True,
        "CheckOutAt": True,
        "CheckInLat": True,
        "CheckInLng": True,
        "CheckOutLat": True,
        "CheckOutLng": True,
        "DistanceMeters": True,
        "ActivitySummary": False,
        "Mood": False,
        "ReportNotes": False,
        "OwnerAcknowledgedAt": True,
    },
    "ServiceVisitEvents": {
        "Id": False,
        "VisitId": False,
        "EventType": False,
        "OccurredAt": False,
        "Notes": False,
        "Data": False,
    },
    "ServiceVisitLocations": {
        "Id": False,
        "VisitId": False,
        "RecordedAt": False,
        "Latitude": False,
        "Longitude": False,
        "AccuracyMeters": True,
    },
    "ServiceVisitMedia": {
        "Id": False,
        "VisitId": False,
        "FileId": False,
        "Caption": False,
        "TakenAt": True,
    },
}
# Columns the Phase 4 migrations add to earlier tables (D10).
ADDED_COLUMNS = {
    "ServiceOfferings": {"ScheduleId": True},
    "ProviderReviews": {"AppointmentId": True},
}
# name -> (table, columns): plain named indexes
INDEXES = {
    "IX_AvailRules_Sched_Day": ("AvailabilityRules", ["ScheduleId", "DayOfWeek"]),
    "IX_AvailOverrides_Sched_Range": (
        "AvailabilityOverrides",
        ["ScheduleId", "StartAt", "EndAt"],
    ),
    "IX_Appointments_Provider_Start": ("Appointments", ["ProviderId", "StartAt"]),
    "IX_Appointments_Owner_Start": ("Appointments", ["OwnerId", "StartAt"]),
    "IX_Appointments_Start_End_St": ("Appointments", ["StartAt", "EndAt", "Status"]),
    "IX_Appointments_Status": ("Appointments", ["Status"]),
    "IX_Appointments_Prov_Block": ("Appointments", ["ProviderId", "BlockStartAt", "BlockEndAt"]),
    "IX_BusyBlocks_Cal_Range": ("ExternalBusyBlocks", ["ExternalCalendarId", "StartAt", "EndAt"]),
    "IX_SlotHolds_Expires": ("SlotHolds", ["ExpiresAt"]),
    "IX_SlotHolds_Prov_Start_End": ("SlotHolds", ["ProviderId", "StartAt", "EndAt"]),
    "IX_ApptStatusHist_Appt_Time": ("AppointmentStatusHistory", ["AppointmentId", "ChangedAt"]),
    "IX_VisitEvents_Visit_Time": ("ServiceVisitEvents", ["VisitId", "OccurredAt"]),
    "IX_VisitLocations_Visit_Time": ("ServiceVisitLocations", ["VisitId", "RecordedAt"]),
}
# name -> (table, columns): unique keys, filtered or not
UNIQUES = {
    "UX_Schedules_Provider_Default": ("AvailabilitySchedules", ["ProviderId"]),
    "UX_Appointments_Owner_Idem": ("Appointments", ["OwnerId", "IdempotencyKey"]),
    "UX_AppointmentPets_Appt_Dog": ("AppointmentPets", ["AppointmentId", "DogId"]),
    "UX_Reviews_Appt_Reviewer": ("ProviderReviews", ["AppointmentId", "ReviewerId"]),
    "UX_CalConn_User_Prov_Email": (
        "CalendarConnections",
        ["UserId", "Provider", "ExternalAccountEmail"],
    ),
    "UX_ExtCalendars_Conn_ExtId": ("ExternalCalendars", ["ConnectionId", "ExternalCalendarId"]),
    "UX_CalEventLinks_Appt_Cal": ("CalendarEventLinks", ["AppointmentId", "ExternalCalendarId"]),
    "UX_BookingRules_Prov_Offering": ("BookingRules", ["ProviderId", "ServiceOfferingId"]),
    "UX_BookingRules_Prov_Default": ("BookingRules", ["ProviderId"]),
    "UX_Reschedules_Appt_Pending": ("AppointmentReschedules", ["AppointmentId"]),
    "UX_VisitMedia_Visit_File": ("ServiceVisitMedia", ["VisitId", "FileId"]),
}
# Unique columns (`unique=True`, Django names the key)
UNIQUE_COLUMNS = [
    ("Appointments", "Reference"),
    ("CalendarFeedTokens", "TokenHash"),
    ("ServiceVisits", "AppointmentId"),
]
# filtered unique key -> the columns its filter reads
FILTERED = {
    "UX_Schedules_Provider_Default": ["IsDefault"],
    "UX_Appointments_Owner_Idem": ["IdempotencyKey"],
    "UX_Reviews_Appt_Reviewer": ["AppointmentId", "ReviewerId"],
    "UX_CalEventLinks_Appt_Cal": ["ExternalCalendarId"],
    "UX_BookingRules_Prov_Offering": ["ServiceOfferingId"],
    "UX_BookingRules_Prov_Default": ["ServiceOfferingId"],
    "UX_Reschedules_Appt_Pending": ["Status"],
}
CHECKS = {
    "AvailabilitySchedules": [],
    "AvailabilityRules": ["CK_AvailRules_Day", "CK_AvailRules_Range"],
    "AvailabilityOverrides": [
        "CK_AvailOverrides_Range",
        "CK_AvailabilityOverrides_Kind",
        "CK_AvailabilityOverrides_Reason",
    ],
    "Appointments": [
        "CK_Appointments_Range",
        "CK_Appointments_Status",
        "CK_Appointments_Amounts",
        "CK_Appointments_Cancelled",
        "CK_Appointments_Completed",
        "CK_Appointments_Block",
        "CK_Appointments_LocationType",
        "CK_Appointments_NoShowParty",
    ],
    "AppointmentPets": [],
    "CalendarConnections": ["CK_CalendarConnections_Provider", "CK_CalendarConnections_Status"],
    "ExternalCalendars": [],
    "CalendarEventLinks": ["CK_CalendarEventLinks_SyncStatus"],
    "ExternalBusyBlocks": ["CK_BusyBlocks_Range"],
    "CalendarFeedTokens": [],
    "BookingRules": ["CK_BookingRules_MaxConc", "CK_BookingRules_Advance"],
    "SlotHolds": ["CK_SlotHolds_Range"],
    "AppointmentStatusHistory": [
        "CK_AppointmentStatusHistory_FromStatus",
        "CK_AppointmentStatusHistory_ToStatus",
    ],
    "AppointmentReschedules": ["CK_Reschedules_Range", "CK_AppointmentReschedules_Status"],
    "ServiceVisits": ["CK_Visits_Checkout", "CK_Visits_Coords", "CK_ServiceVisits_Mood"],
    "ServiceVisitEvents": ["CK_ServiceVisitEvents_EventType"],
    "ServiceVisitLocations": ["CK_VisitLocations_Coords"],
    "ServiceVisitMedia": [],
}
# (table, column) -> (target table, on_delete) of every foreign key
FOREIGN_KEYS = {
    ("AvailabilitySchedules", "ProviderId"): ("ServiceProviders", models.CASCADE),
    ("AvailabilityRules", "ScheduleId"): ("AvailabilitySchedules", models.CASCADE),
    ("AvailabilityOverrides", "ScheduleId"): ("AvailabilitySchedules", models.CASCADE),
    ("ServiceOfferings", "ScheduleId"): ("AvailabilitySchedules", models.SET_NULL),
    ("Appointments", "OwnerId"): ("Users", models.PROTECT),
    ("Appointments", "ProviderId"): ("ServiceProviders", models.PROTECT),
    ("Appointments", "ServiceOfferingId"): ("ServiceOfferings", models.PROTECT),
    ("Appointments", "AddressId"): ("Addresses", models.SET_NULL),
    ("Appointments", "CancelledById"): ("Users", models.SET_NULL),
    ("Appointments", "RescheduledFromId"): ("Appointments", models.SET_NULL),
    ("AppointmentPets", "AppointmentId"): ("Appointments", models.CASCADE),
    ("AppointmentPets", "DogId"): ("DogProfiles", models.PROTECT),
    ("ProviderReviews", "AppointmentId"): ("Appointments", models.SET_NULL),
    ("CalendarConnections", "UserId"): ("Users", models.CASCADE),
    ("ExternalCalendars", "ConnectionId"): ("CalendarConnections", models.CASCADE),
    ("CalendarEventLinks", "AppointmentId"): ("Appointments", models.CASCADE),
    ("CalendarEventLinks", "ExternalCalendarId"): ("ExternalCalendars", models.SET_NULL),
    ("ExternalBusyBlocks", "ExternalCalendarId"): ("ExternalCalendars", models.CASCADE),
    ("CalendarFeedTokens", "UserId"): ("Users", models.CASCADE),
    ("BookingRules", "ProviderId"): ("ServiceProviders", models.CASCADE),
    ("BookingRules", "ServiceOfferingId"): ("ServiceOfferings", models.CASCADE),
    ("SlotHolds", "ProviderId"): ("ServiceProviders", models.CASCADE),
    ("SlotHolds", "ServiceOfferingId"): ("ServiceOfferings", models.CASCADE),
    ("SlotHolds", "HeldById"): ("Users", models.CASCADE),
    # A14: the append-only history keeps its appointment and its actor's id
    ("AppointmentStatusHistory", "AppointmentId"): ("Appointments", models.PROTECT),
    ("AppointmentStatusHistory", "ChangedById"): ("Users", models.DO_NOTHING),
    ("AppointmentReschedules", "AppointmentId"): ("Appointments", models.CASCADE),
    ("AppointmentReschedules", "NewAppointmentId"): ("Appointments", models.SET_NULL),
    ("AppointmentReschedules", "RequestedById"): ("Users", models.SET_NULL),
    ("ServiceVisits", "AppointmentId"): ("Appointments", models.CASCADE),
    ("ServiceVisitEvents", "VisitId"): ("ServiceVisits", models.CASCADE),
    ("ServiceVisitLocations", "VisitId"): ("ServiceVisits", models.CASCADE),
    ("ServiceVisitMedia", "VisitId"): ("ServiceVisits", models.CASCADE),
    ("ServiceVisitMedia", "FileId"): ("StoredFiles", models.PROTECT),
}
# Names the amendments took out (A10).
DROPPED = ["UX_SlotHolds_Prov_Range"]


def _scheduling_models() -> list[type[models.Model]]:
    return [
        model
        for model in vars(scheduling_models).values()
        if isinstance(model, type)
        and issubclass(model, models.Model)
        and not model._meta.abstract
        and model._meta.app_label == "scheduling"
    ]


def _model(table: str) -> type[models.Model]:
    return next(m for m in _scheduling_models() if m._meta.db_table == table)


def _columns(table: str) -> dict:
    with connection.cursor() as cursor:
        return {c.name: c for c in connection.introspection.get_table_description(cursor, table)}


def _constraints(table: str) -> dict[str, dict]:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def test_the_catalog_covers_every_phase_4_model():
    earlier = {"ServiceCategories", "ServiceOfferings", "ProviderReviews"}
    tables = {m._meta.db_table for m in _scheduling_models()}
    assert tables - earlier == set(COLUMNS)


@pytest.mark.parametrize("table", COLUMNS)
def test_table_has_exactly_the_catalogs_columns(db, table):
    columns = _columns(table)
    assert {name: bool(c.null_ok) for name, c in columns.items()} == COLUMNS[table]


@pytest.mark.parametrize(("table", "added"), ADDED_COLUMNS.items())
def test_deferred_columns_were_added_to_earlier_tables(db, table, added):
    columns = _columns(table)
    assert {name: bool(columns[name].null_ok) for name in added} == added


@pytest.mark.parametrize(("name", "where"), INDEXES.items(), ids=list(INDEXES))
def test_named_index_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = _constraints(table)[name]
    assert constraint["index"] is True
    assert constraint["unique"] is False
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("name", "where"), UNIQUES.items(), ids=list(UNIQUES))
def test_unique_key_exists_with_its_columns(db, name, where):
    table, columns = where
    constraint = _constraints(table)[name]
    assert constraint["unique"] is True
    assert constraint["columns"] == columns


@pytest.mark.parametrize(("table", "column"), UNIQUE_COLUMNS)
def test_unique_column_has_a_single_column_key(db, table, column):
    keys = [
        c
        for c in _constraints(table).values()
        if c["unique"] and not c["primary_key"] and c["columns"] == [column]
    ]
    assert len(keys) == 1


@pytest.mark.parametrize(("name", "filter_columns"), FILTERED.items(), ids=list(FILTERED))
def test_filtered_key_has_a_sql_server_safe_filter(name, filter_columns):
    # SQL Server builds these as filtered indexes: the condition must be AND-ed simple
    # comparisons (SCHEMA.md 0.1), so it has no OR and no NOT
    table = UNIQUES[name][0]
    model = _model(table) if table != "ProviderReviews" else scheduling_models.ProviderReview
    (found,) = [c for c in model._meta.constraints if c.name == name]
    condition = found.condition
    assert condition is not None
    assert condition.connector == "AND"
    assert not condition.negated
    assert all(isinstance(child, tuple) for child in condition.children)
    read = sorted(
        model._meta.get_field(lookup.split("__")[0]).column for lookup, _ in condition.children
    )
    assert read == sorted(filter_columns)


@pytest.mark.parametrize("table", CHECKS)
def test_check_constraints_exist(db, table):
    constraints = _constraints(table)
    named = {name for name, c in constraints.items() if c["check"] and name.startswith("CK_")}
    assert named == set(CHECKS[table])


@pytest.mark.parametrize(
    ("where", "target"), FOREIGN_KEYS.items(), ids=[f"{t}.{c}" for t, c in FOREIGN_KEYS]
)
def test_foreign_key_target_and_on_delete(db, where, target):
    table, column = where
    target_table, on_delete = target
    model = (
        _model(table)
        if table in COLUMNS
        else {
            "ServiceOfferings": scheduling_models.ServiceOffering,
            "ProviderReviews": scheduling_models.ProviderReview,
        }[table]
    )
    field = next(f for f in model._meta.concrete_fields if f.column == column)
    assert field.related_model._meta.db_table == target_table
    assert field.remote_field.on_delete is on_delete
    # and the database holds the foreign key (Django emulates on_delete, 0.1)
    foreign = [c["foreign_key"] for c in _constraints(table).values() if c["columns"] == [column]]
    assert (target_table, "Id") in foreign


def test_every_foreign_key_is_in_the_catalog():
    found = {
        (model._meta.db_table, field.column)
        for model in _scheduling_models()
        if model._meta.db_table in COLUMNS
        for field in model._meta.concrete_fields
        if field.is_relation
    }
    assert found == {key for key in FOREIGN_KEYS if key[0] in COLUMNS}


@pytest.mark.parametrize("name", DROPPED)
def test_names_the_amendments_drop_are_not_there(db, name):
    assert all(name not in _constraints(table) for table in COLUMNS)


def test_no_unnamed_index_duplicates_a_named_one(db):
    # FK columns that lead a named index or key carry no second, generated index (0.1)
    for table in COLUMNS:
        constraints = _constraints(table)
        named_leads = {
            c["columns"][0]
            for name, c in constraints.items()
            if (c["index"] or c["unique"])
            and name[:3] in ("IX_", "UX_")
            and c["columns"]
            and name not in FILTERED
        }
        generated = [
            name
            for name, c in constraints.items()
            if c["index"]
            and not c["unique"]
            and name[:3] not in ("IX_", "UX_")
            and not c["primary_key"]
            and c["columns"]
            and c["columns"][0] in named_leads
        ]
        assert generated == [], table


def test_every_index_and_constraint_name_fits_and_is_unique_across_apps():
    names = [
        item.name
        for model in apps.get_models()
        for item in (*model._meta.indexes, *model._meta.constraints)
    ]
    ours = [
        item.name
        for model in _scheduling_models()
        for item in (*model._meta.indexes, *model._meta.constraints)
    ]
    assert len(names) == len(set(names))
    assert all(
        len(n) <= 30 for m in _scheduling_models() for n in (i.name for i in m._meta.indexes)
    )
    assert all(len(name) <= 63 for name in ours)
