"""Routes of the ai API, mounted under /api/v1/ (namespace `ai`)."""

from django.urls import path

from . import views

app_name = "ai"

urlpatterns = [
    path(
        "ai/dogs/<str:dog_id>/recommendations/",
        views.DogRecommendationsView.as_view(),
        name="ai-dog-recommendation-list",
    ),
    path("ai/jobs/<str:job_id>/", views.JobDetailView.as_view(), name="ai-job-detail"),
    path(
        "ai/recommendations/<str:recommendation_id>/",
        views.RecommendationDetailView.as_view(),
        name="ai-recommendation-detail",
    ),
    path(
        "ai/recommendations/<str:recommendation_id>/feedback/",
        views.RecommendationFeedbackView.as_view(),
        name="ai-recommendation-feedback",
    ),
    path("ai/usage/", views.UsageView.as_view(), name="ai-usage"),
    path("reports/", views.ReportCreateView.as_view(), name="content-report-list"),
]
