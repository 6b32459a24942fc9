"""A URLconf with one view per kind of area, for the feature-flag tests."""

from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView


class _Probe(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"ok": True})


class MessagingProbe(_Probe):
    feature_area = "Messaging"


class BookingProbe(_Probe):
    feature_area = "Booking"


urlpatterns = [
    path("api/v1/probe/messaging/", MessagingProbe.as_view()),
    path("api/v1/probe/booking/", BookingProbe.as_view()),
    path("api/v1/probe/plain/", _Probe.as_view()),
]
