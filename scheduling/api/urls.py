"""Routes of provider profiles, the catalog, offering search, offerings, reviews, slots and
appointments.

Mounted at the root of /api/v1/ (they span `services/` and `providers/`).
"""

from django.urls import path

from . import appointments, calendars, providers, views, visits

urlpatterns = [
    path("providers/", providers.ProviderListView.as_view(), name="provider-list"),
    path("providers/me/", providers.ProviderMeView.as_view(), name="provider-me"),
    path(
        "providers/<uuid:provider_id>/",
        providers.ProviderDetailView.as_view(),
        name="provider-detail",
    ),
    path("services/categories/", views.CategoryListView.as_view(), name="service-category-list"),
    path("services/offerings/", views.OfferingSearchView.as_view(), name="service-offering-search"),
    path(
        "providers/me/offerings/",
        views.OwnOfferingListCreateView.as_view(),
        name="provider-me-offering-list",
    ),
    path(
        "providers/me/offerings/<uuid:offering_id>/",
        views.OwnOfferingDetailView.as_view(),
        name="provider-me-offering-detail",
    ),
    path(
        "providers/<uuid:provider_id>/reviews/",
        views.ProviderReviewListCreateView.as_view(),
        name="provider-review-list",
    ),
    path(
        "providers/<uuid:provider_id>/slots/",
        appointments.ProviderSlotListView.as_view(),
        name="provider-slot-list",
    ),
    path(
        "providers/me/appointments/",
        appointments.ProviderAppointmentListView.as_view(),
        name="provider-me-appointment-list",
    ),
    path(
        "appointments/",
        appointments.AppointmentListCreateView.as_view(),
        name="appointment-list",
    ),
    path(
        "appointments/holds/",
        appointments.SlotHoldCreateView.as_view(),
        name="appointment-hold-list",
    ),
    path(
        "appointments/holds/<uuid:hold_id>/",
        appointments.SlotHoldDetailView.as_view(),
        name="appointment-hold-detail",
    ),
    path(
        "appointments/<uuid:appointment_id>/",
        appointments.AppointmentDetailView.as_view(),
        name="appointment-detail",
    ),
    *[
        path(
            f"appointments/<uuid:appointment_id>/{name}/",
            appointments.action_view(name),
            name=f"appointment-{name}",
        )
        for name in ("confirm", "decline", "start", "complete", "cancel", "no-show")
    ],
    path(
        "appointments/<uuid:appointment_id>/reschedule/",
        appointments.AppointmentRescheduleView.as_view(),
        name="appointment-reschedule",
    ),
]

# Calendar integration (plan 027) and service delivery (plan 030).
urlpatterns += [
    path(
        "calendar/feed/<str:token>.ics",
        calendars.CalendarFeedView.as_view(),
        name="calendar-feed",
    ),
    path(
        "providers/me/calendar/feed-tokens/",
        calendars.FeedTokenListCreateView.as_view(),
        name="calendar-feed-token-list",
    ),
    path(
        "providers/me/calendar/feed-tokens/<uuid:token_id>/",
        calendars.FeedTokenDetailView.as_view(),
        name="calendar-feed-token-detail",
    ),
    path(
        "providers/me/calendar/feed-tokens/<uuid:token_id>/rotate/",
        calendars.FeedTokenRotateView.as_view(),
        name="calendar-feed-token-rotate",
    ),
    path(
        "providers/me/calendar/connections/",
        calendars.ConnectionListCreateView.as_view(),
        name="calendar-connection-list",
    ),
    path(
        "providers/me/calendar/connections/<uuid:connection_id>/",
        calendars.ConnectionDetailView.as_view(),
        name="calendar-connection-detail",
    ),
    path(
        "providers/me/calendar/connections/<uuid:connection_id>/sync/",
        calendars.ConnectionSyncView.as_view(),
        name="calendar-connection-sync",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/",
        visits.VisitDetailView.as_view(),
        name="visit-detail",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/check-in/",
        visits.VisitCheckInView.as_view(),
        name="visit-check-in",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/check-out/",
        visits.VisitCheckOutView.as_view(),
        name="visit-check-out",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/events/",
        visits.VisitEventListCreateView.as_view(),
        name="visit-event-list",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/locations/",
        visits.VisitLocationListCreateView.as_view(),
        name="visit-location-list",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/photos/",
        visits.VisitPhotoCreateView.as_view(),
        name="visit-photo-create",
    ),
    path(
        "appointments/<uuid:appointment_id>/visit/photos/<int:media_id>/",
        visits.VisitPhotoFileView.as_view(),
        name="visit-photo-file",
    ),
]
