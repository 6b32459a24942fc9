"""Routes of the identity and access API, mounted under /api/v1/."""

from django.urls import path

from . import admin_views, analytics, kyc_views, views

auth_patterns = [
    path("auth/register/", views.RegisterView.as_view(), name="auth-register"),
    path("auth/verify-email/", views.VerifyEmailView.as_view(), name="auth-verify-email"),
    path("auth/login/", views.LoginView.as_view(), name="auth-login"),
    path("auth/refresh/", views.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout/", views.LogoutView.as_view(), name="auth-logout"),
    path("auth/logout-all/", views.LogoutAllView.as_view(), name="auth-logout-all"),
    path("auth/me/", views.MeView.as_view(), name="auth-me"),
    path("auth/sessions/", views.SessionListView.as_view(), name="auth-session-list"),
    path(
        "auth/sessions/<uuid:session_id>/",
        views.SessionDetailView.as_view(),
        name="auth-session-detail",
    ),
    path("auth/password/change/", views.PasswordChangeView.as_view(), name="auth-password-change"),
    path("auth/password/reset/", views.PasswordResetView.as_view(), name="auth-password-reset"),
    path(
        "auth/password/reset/confirm/",
        views.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("me/settings/", views.MeSettingsView.as_view(), name="me-settings"),
]

kyc_patterns = [
    path(
        "kyc/verifications/",
        kyc_views.KycVerificationListView.as_view(),
        name="kyc-verification-list",
    ),
    path(
        "kyc/verifications/<uuid:verification_id>/",
        kyc_views.KycVerificationDetailView.as_view(),
        name="kyc-verification-detail",
    ),
    path(
        "kyc/verifications/<uuid:verification_id>/documents/",
        kyc_views.KycDocumentUploadView.as_view(),
        name="kyc-verification-documents",
    ),
    path(
        "kyc/verifications/<uuid:verification_id>/submit/",
        kyc_views.KycSubmitView.as_view(),
        name="kyc-verification-submit",
    ),
    path("kyc/reviews/", kyc_views.KycReviewListView.as_view(), name="kyc-review-list"),
    path(
        "kyc/reviews/<uuid:verification_id>/",
        kyc_views.KycReviewDetailView.as_view(),
        name="kyc-review-detail",
    ),
    path(
        "kyc/reviews/<uuid:verification_id>/start/",
        kyc_views.KycReviewStartView.as_view(),
        name="kyc-review-start",
    ),
    path(
        "kyc/reviews/<uuid:verification_id>/approve/",
        kyc_views.KycApproveView.as_view(),
        name="kyc-review-approve",
    ),
    path(
        "kyc/reviews/<uuid:verification_id>/reject/",
        kyc_views.KycRejectView.as_view(),
        name="kyc-review-reject",
    ),
    path(
        "kyc/reviews/<uuid:verification_id>/request-resubmission/",
        kyc_views.KycRequestResubmissionView.as_view(),
        name="kyc-review-request-resubmission",
    ),
]

admin_patterns = [
    path("admin/users/", admin_views.AdminUserListView.as_view(), name="admin-user-list"),
    path(
        "admin/users/<str:user_id>/",
        admin_views.AdminUserDetailView.as_view(),
        name="admin-user-detail",
    ),
    path(
        "admin/users/<str:user_id>/suspend/",
        admin_views.AdminUserSuspendView.as_view(),
        name="admin-user-suspend",
    ),
    path(
        "admin/users/<str:user_id>/reactivate/",
        admin_views.AdminUserReactivateView.as_view(),
        name="admin-user-reactivate",
    ),
    path(
        "admin/users/<str:user_id>/roles/",
        admin_views.AdminUserRoleListView.as_view(),
        name="admin-user-role-list",
    ),
    path(
        "admin/users/<str:user_id>/roles/<int:role_id>/",
        admin_views.AdminUserRoleDetailView.as_view(),
        name="admin-user-role-detail",
    ),
    path("admin/roles/", admin_views.AdminRoleListView.as_view(), name="admin-role-list"),
    path(
        "admin/roles/<int:role_id>/",
        admin_views.AdminRoleDetailView.as_view(),
        name="admin-role-detail",
    ),
    path(
        "admin/permissions/",
        admin_views.AdminPermissionListView.as_view(),
        name="admin-permission-list",
    ),
]

analytics_patterns = [
    path("analytics/events/", analytics.AnalyticsEventsView.as_view(), name="analytics-events"),
]

urlpatterns = [*auth_patterns, *kyc_patterns, *admin_patterns, *analytics_patterns]
