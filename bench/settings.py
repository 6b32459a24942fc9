"""Settings of the benchmark server: the local settings with DEBUG off and the baseline routes.

DEBUG off, because a DEBUG process keeps every query in memory and renders the browsable
API; the baseline views are mounted next to the product's URLs by `bench.urls` and exist
only in this settings module.
"""

from doggy.settings.local import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
