"""DRF authentication by opaque bearer tokens kept in `UserSessions`.

`Authorization: Bearer <prefix>.<secret>`: the session is found by its indexed, non-secret
`TokenPrefix`, and the SHA-256 digest of the presented token is compared with the stored
one in constant time (django-rest-knox's pattern). The row is checked on every request,
so logout, revocation, suspension and deactivation take effect on the next request.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .services.sessions import user_session_authenticate

_INVALID = _("Invalid or expired token.")


class BearerTokenAuthentication(BaseAuthentication):
    """Authenticates `Bearer` tokens; sets `request.user` and `request.auth` (the session).

    Returns None when there is no `Bearer` header, so anonymous access to public routes
    still works; a malformed, unknown, ended or expired token, or one whose user may no
    longer sign in, is a 401 with `WWW-Authenticate: Bearer`.
    """

    keyword = "Bearer"
    realm = "api"

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_INVALID, code="invalid_token")
        try:
            token = header[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_INVALID, code="invalid_token") from None
        return self.authenticate_token(token)

    def authenticate_token(self, token: str):
        session = user_session_authenticate(token=token)
        if session is None:
            raise exceptions.AuthenticationFailed(_INVALID, code="invalid_token")
        return session.user, session

    def authenticate_header(self, request):
        return f'{self.keyword} realm="{self.realm}"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """Documents `BearerTokenAuthentication` in the OpenAPI schema as HTTP bearer."""

    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An access token from POST /api/v1/auth/login/ or /auth/refresh/.",
        }
