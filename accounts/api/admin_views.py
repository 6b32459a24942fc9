"""Staff API for accounts, roles and permissions (users.manage)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.api.filtering import ListFilterBackend
from doggy.api.permissions import HasRbacPermission
from doggy.api.serializers import ErrorSerializer
from doggy.core.errors import NotFoundError

from ..choices import PermissionName
from ..errors import AccountsErrorCode, field_error
from ..filters import UserFilter
from ..models import User
from ..selectors import permission_list, role_list, role_list_with_permissions, user_get, user_list
from ..services.rbac import user_role_grant, user_role_revoke
from ..services.users import user_reactivate, user_suspend
from .serializers import (
    AdminUserSerializer,
    PermissionSerializer,
    RoleGrantInputSerializer,
    RoleRevokeInputSerializer,
    RoleSerializer,
    SuspendInputSerializer,
    UserRoleSerializer,
)

ADMIN_TAG = "admin"
ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
CanManageUsers = HasRbacPermission.for_(PermissionName.USERS_MANAGE)


def _user(request, user_id: str):
    """The account `user_id` for a user manager; ids that cannot exist are a 404 too."""
    if len(user_id) > 450 or not user_id.isprintable():
        raise NotFoundError(AccountsErrorCode.USER_NOT_FOUND, "No such user.")
    return user_get(actor=request.user, user_id=user_id)


class AdminUserListView(generics.ListAPIView):
    """Every account, filterable by status, email and role; users.manage only."""

    permission_classes = [CanManageUsers]
    serializer_class = AdminUserSerializer
    filter_backends = [ListFilterBackend]
    filterset_class = UserFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # Schema generation runs without a caller; the selector would refuse it.
            return User.objects.none()
        return user_list(actor=self.request.user)

    @extend_schema(tags=[ADMIN_TAG], operation_id="admin_users_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AdminUserDetailView(APIView):
    permission_classes = [CanManageUsers]

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_users_retrieve",
        responses={200: AdminUserSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, user_id):
        return Response(AdminUserSerializer(_user(request, user_id)).data)


class AdminUserSuspendView(APIView):
    permission_classes = [CanManageUsers]

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_users_suspend",
        request=SuspendInputSerializer,
        responses={200: AdminUserSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, user_id):
        data = SuspendInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = _user(request, user_id)
        user_suspend(actor=request.user, user=user, reason=data.validated_data["reason"])
        return Response(AdminUserSerializer(_user(request, user_id)).data)


class AdminUserReactivateView(APIView):
    permission_classes = [CanManageUsers]

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_users_reactivate",
        request=None,
        responses={200: AdminUserSerializer, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, user_id):
        user = _user(request, user_id)
        user_reactivate(actor=request.user, user=user)
        return Response(AdminUserSerializer(_user(request, user_id)).data)


class AdminUserRoleListView(APIView):
    """A user's effective role assignments (GET) and granting one more (POST)."""

    permission_classes = [CanManageUsers]

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_users_roles_list",
        responses={200: UserRoleSerializer(many=True), 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, user_id):
        user = _user(request, user_id)
        return Response(UserRoleSerializer(user.effective_user_roles, many=True).data)

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_users_roles_create",
        request=RoleGrantInputSerializer,
        responses={201: UserRoleSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, user_id):
        data = RoleGrantInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = _user(request, user_id)
        # The role id is resolved among the roles the caller may see: an id outside that
        # scope fails exactly like one that does not exist.
        role = role_list(actor=request.user).filter(pk=data.validated_data["role_id"]).first()
        if role is None:
            raise field_error("role_id", "No such role.", code=AccountsErrorCode.ROLE_NOT_FOUND)
        assignment = user_role_grant(
            actor=request.user,
            user=user,
            role=role,
            expires_at=data.validated_data["expires_at"],
            notes=data.validated_data["notes"],
        )
        return Response(UserRoleSerializer(assignment).data, status=status.HTTP_201_CREATED)


class AdminUserRoleDetailView(APIView):
    permission_classes = [CanManageUsers]

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_users_roles_destroy",
        request=RoleRevokeInputSerializer,
        responses={204: None, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def delete(self, request, user_id, role_id):
        data = RoleRevokeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = _user(request, user_id)
        assignment = next((a for a in user.effective_user_roles if a.role_id == role_id), None)
        if assignment is None:
            raise NotFoundError(AccountsErrorCode.ROLE_NOT_FOUND, "The user does not hold it.")
        assignment.user = user
        user_role_revoke(
            actor=request.user, user_role=assignment, reason=data.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class AdminRoleListView(generics.ListAPIView):
    permission_classes = [CanManageUsers]
    serializer_class = RoleSerializer
    filter_backends: list = []

    def get_queryset(self):
        return role_list_with_permissions(actor=self.request.user)

    @extend_schema(tags=[ADMIN_TAG], operation_id="admin_roles_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AdminRoleDetailView(APIView):
    permission_classes = [CanManageUsers]

    @extend_schema(
        tags=[ADMIN_TAG],
        operation_id="admin_roles_retrieve",
        responses={200: RoleSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, role_id):
        role = role_list_with_permissions(actor=request.user).filter(pk=role_id).first()
        if role is None:
            raise NotFoundError(AccountsErrorCode.ROLE_NOT_FOUND, "No such role.")
        return Response(RoleSerializer(role).data)


class AdminPermissionListView(generics.ListAPIView):
    permission_classes = [CanManageUsers]
    serializer_class = PermissionSerializer
    filter_backends: list = []

    def get_queryset(self):
        return permission_list(actor=self.request.user)

    @extend_schema(tags=[ADMIN_TAG], operation_id="admin_permissions_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
