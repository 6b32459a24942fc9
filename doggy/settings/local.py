"""Developer defaults: DEBUG on, a fixed throwaway secret, a dev encryption key."""

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
if DEBUG:
    # The browsable API, for trying the routes in a browser; never in production.
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = [
        *REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"],
        "rest_framework.renderers.BrowsableAPIRenderer",
    ]
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-development-only-not-a-secret")
# Development key only: real deployments set DOGGY_SETTINGS_ENCRYPTION_KEYS.
DOGGY_SETTINGS_ENCRYPTION_KEYS = env.list(
    "DOGGY_SETTINGS_ENCRYPTION_KEYS",
    default=["3Fv0xq1jK8n2mW5rQz7tYc9uHb4eLd6gPa0sNi2oRkU="],
)
# No scanner runs on a laptop: uploads are accepted as clean so that the flows can be tried.
DOGGY_FILE_SCANNER = env("DOGGY_FILE_SCANNER", default="doggy.scanning.trust_uploads")
