"""ASGI entry point (daphne/uvicorn doggy.asgi:application): HTTP and the WebSocket.

HTTP goes to Django; `/ws/v1/` to messaging's socket consumer behind the bearer-token
middleware (docs/api/realtime.md). `runserver` serves both from one process (daphne is
first in INSTALLED_APPS).
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doggy.settings.production")

# Django is set up before anything imports models.
django_application = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from messaging.realtime import BearerTokenSocketMiddleware, websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": BearerTokenSocketMiddleware(URLRouter(websocket_urlpatterns)),
    }
)
