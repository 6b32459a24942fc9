"""Sign-up, sign-in, tokens, the caller's profile, sessions and preferences.

Views validate input, call one service or selector and render the result; they never
write models themselves.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.serializers import ErrorSerializer
from doggy.core.request_context import client_ip

from ..selectors import user_effective_roles, user_permission_names
from ..services.authentication import (
    auth_email_verify,
    auth_login,
    auth_logout,
    auth_logout_all,
    auth_password_change,
    auth_password_reset_confirm,
    auth_password_reset_request,
    auth_refresh,
    auth_register,
    auth_session_revoke,
)
from ..services.preferences import user_settings_get_or_create, user_settings_update
from ..services.sessions import user_session_get, user_session_list
from ..services.users import user_update_profile
from .serializers import (
    DetailSerializer,
    LoginInputSerializer,
    MeSerializer,
    MeUpdateInputSerializer,
    PasswordChangeInputSerializer,
    PasswordResetConfirmInputSerializer,
    PasswordResetInputSerializer,
    RefreshInputSerializer,
    RegisterInputSerializer,
    RegisterOutputSerializer,
    SessionSerializer,
    TokenInputSerializer,
    TokenPairSerializer,
    UserSettingsSerializer,
)
from .throttling import ClientIpScopedRateThrottle

AUTH_TAG = "auth"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")


def _ip(request) -> str:
    raw = getattr(request, "_request", request)
    return getattr(raw, "client_ip", None) or client_ip(raw)


def _user_agent(request) -> str | None:
    return (request.META.get("HTTP_USER_AGENT") or "")[:500] or None


class PublicAuthView(APIView):
    """Routes for callers without a token: no authentication, throttled per client IP."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientIpScopedRateThrottle]
    throttle_scope = "auth"


class RegisterView(PublicAuthView):
    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_register",
        request=RegisterInputSerializer,
        responses={201: RegisterOutputSerializer, 400: ERROR, 403: ERROR, 429: ERROR},
    )
    def post(self, request):
        data = RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = auth_register(**data.validated_data)
        detail = (
            "Check your inbox to confirm your email address."
            if result.email_verification_required
            else "Your account is ready; sign in."
        )
        body = {
            "email": result.email,
            "email_verification_required": result.email_verification_required,
            "detail": detail,
        }
        return Response(RegisterOutputSerializer(body).data, status=status.HTTP_201_CREATED)


class VerifyEmailView(PublicAuthView):
    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_verify_email",
        request=TokenInputSerializer,
        responses={200: DetailSerializer, 400: ERROR, 429: ERROR},
    )
    def post(self, request):
        data = TokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        auth_email_verify(token=data.validated_data["token"])
        return Response({"detail": "Your email address is confirmed."})


class LoginView(PublicAuthView):
    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_login",
        request=LoginInputSerializer,
        responses={200: TokenPairSerializer, 400: ERROR, 401: ERROR, 429: ERROR},
        auth=[],
    )
    def post(self, request):
        data = LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        issued = auth_login(
            email=data.validated_data["email"],
            password=data.validated_data["password"],
            ip_address=_ip(request),
            user_agent=_user_agent(request),
        )
        return Response(TokenPairSerializer(TokenPairSerializer.from_issued(issued)).data)


class RefreshView(PublicAuthView):
    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_refresh",
        request=RefreshInputSerializer,
        responses={200: TokenPairSerializer, 400: ERROR, 401: ERROR, 429: ERROR},
        auth=[],
    )
    def post(self, request):
        data = RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        issued = auth_refresh(
            refresh_token=data.validated_data["refresh_token"],
            ip_address=_ip(request),
            user_agent=_user_agent(request),
        )
        return Response(TokenPairSerializer(TokenPairSerializer.from_issued(issued)).data)


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_logout",
        request=None,
        responses={204: None, 401: ERROR},
    )
    def post(self, request):
        auth_logout(actor=request.user, session=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogoutAllView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_logout_all",
        request=None,
        responses={204: None, 401: ERROR},
    )
    def post(self, request):
        auth_logout_all(actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    def _render(self, request) -> Response:
        user = request.user
        context = {
            "roles": list(user_effective_roles(user=user)),
            "permissions": user_permission_names(user=user),
        }
        return Response(MeSerializer(user, context=context).data)

    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_me_retrieve",
        responses={200: MeSerializer, 401: ERROR},
    )
    def get(self, request):
        return self._render(request)

    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_me_partial_update",
        request=MeUpdateInputSerializer,
        responses={200: MeSerializer, 400: ERROR, 401: ERROR},
    )
    def patch(self, request):
        data = MeUpdateInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        for name in ("first_name", "last_name", "profile_image_url"):
            if fields.get(name) == "":
                fields[name] = None
        user_update_profile(actor=request.user, user=request.user, **fields)
        return self._render(request)


class SessionListView(generics.ListAPIView):
    """The caller's active sessions; `current` marks the one making the request."""

    permission_classes = [IsAuthenticated]
    serializer_class = SessionSerializer
    filter_backends: list = []

    def get_queryset(self):
        return user_session_list(actor=self.request.user)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["current_session_id"] = getattr(self.request.auth, "pk", None)
        return context

    @extend_schema(tags=[AUTH_TAG], operation_id="auth_sessions_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class SessionDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_sessions_destroy",
        responses={204: None, 401: ERROR, 404: ERROR},
    )
    def delete(self, request, session_id):
        session = user_session_get(actor=request.user, session_id=session_id)
        auth_session_revoke(actor=request.user, session=session)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_password_change",
        request=PasswordChangeInputSerializer,
        responses={204: None, 400: ERROR, 401: ERROR},
    )
    def post(self, request):
        data = PasswordChangeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        auth_password_change(
            actor=request.user,
            current_password=data.validated_data["current_password"],
            new_password=data.validated_data["new_password"],
            session=request.auth,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(PublicAuthView):
    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_password_reset",
        request=PasswordResetInputSerializer,
        responses={202: DetailSerializer, 400: ERROR, 429: ERROR},
    )
    def post(self, request):
        data = PasswordResetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        auth_password_reset_request(email=data.validated_data["email"])
        return Response(
            {"detail": "If an account uses this email, a reset link is on its way."},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmView(PublicAuthView):
    @extend_schema(
        tags=[AUTH_TAG],
        operation_id="auth_password_reset_confirm",
        request=PasswordResetConfirmInputSerializer,
        responses={204: None, 400: ERROR, 429: ERROR},
    )
    def post(self, request):
        data = PasswordResetConfirmInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        auth_password_reset_confirm(
            token=data.validated_data["token"], new_password=data.validated_data["new_password"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeSettingsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["me"],
        operation_id="me_settings_retrieve",
        responses={200: UserSettingsSerializer, 401: ERROR},
    )
    def get(self, request):
        settings = user_settings_get_or_create(user=request.user)
        return Response(UserSettingsSerializer(settings).data)

    @extend_schema(
        tags=["me"],
        operation_id="me_settings_update",
        request=UserSettingsSerializer,
        responses={200: UserSettingsSerializer, 400: ERROR, 401: ERROR},
    )
    def put(self, request):
        data = UserSettingsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        settings = user_settings_update(
            actor=request.user, user=request.user, **data.validated_data
        )
        return Response(UserSettingsSerializer(settings).data)
