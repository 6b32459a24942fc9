"""Staff API for the typed platform settings (plan 004); system.admin only."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend, FilterSet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from doggy.core.error_codes import PlatformErrorCode
from doggy.core.errors import NotFoundError
from doggy.core.permissions import PermissionName
from doggy.models import SystemSetting
from doggy.selectors import system_setting_list
from doggy.services import system_setting_update

from .permissions import HasRbacPermission
from .serializers import ErrorSerializer, SystemSettingSerializer, SystemSettingUpdateSerializer

ERROR = OpenApiResponse(ErrorSerializer, description="The one error shape.")
IsSystemAdmin = HasRbacPermission.for_(PermissionName.SYSTEM_ADMIN)


class SystemSettingFilter(FilterSet):
    """`category` is backed by `IX_SystemSettings_Category`; the order is the key's."""

    class Meta:
        model = SystemSetting
        fields = ["category"]


def _setting_or_404(actor, key: str) -> SystemSetting:
    setting = None
    if len(key) <= 200 and key.isprintable():
        setting = system_setting_list(actor=actor).filter(setting_key=key).first()
    if setting is None:
        raise NotFoundError(PlatformErrorCode.SETTING_NOT_FOUND, f"No setting {key!r}.")
    return setting


class SystemSettingListView(generics.ListAPIView):
    permission_classes = [IsSystemAdmin]
    serializer_class = SystemSettingSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SystemSettingFilter

    def get_queryset(self):
        return system_setting_list(actor=self.request.user)

    @extend_schema(tags=["admin"], operation_id="admin_settings_list")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class SystemSettingDetailView(APIView):
    permission_classes = [IsSystemAdmin]

    @extend_schema(
        tags=["admin"],
        operation_id="admin_settings_retrieve",
        responses={200: SystemSettingSerializer, 401: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request, key):
        return Response(SystemSettingSerializer(_setting_or_404(request.user, key)).data)

    @extend_schema(
        tags=["admin"],
        operation_id="admin_settings_update",
        request=SystemSettingUpdateSerializer,
        responses={200: SystemSettingSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def put(self, request, key):
        data = SystemSettingUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _setting_or_404(request.user, key)
        system_setting_update(actor=request.user, key=key, value=data.validated_data["value"])
        return Response(SystemSettingSerializer(_setting_or_404(request.user, key)).data)
