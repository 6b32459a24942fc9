"""Routes of the billing API, mounted under /api/v1/billing/."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("plans/", views.PlanListView.as_view(), name="billing-plan-list"),
    path("subscription/", views.SubscriptionView.as_view(), name="billing-subscription"),
    path(
        "subscription/cancel/",
        views.SubscriptionCancelView.as_view(),
        name="billing-subscription-cancel",
    ),
    path("", include("billing.api.expenses")),
]
