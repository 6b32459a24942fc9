"""Settings shared by every environment.

Everything that differs between machines comes from the environment (or a `.env` file
beside `manage.py`) through django-environ. Django-core settings use the `DJANGO_` prefix;
the project's own settings use `DOGGY_`.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core --------------------------------------------------------------------------------
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    # First, so that `runserver` serves HTTP and WebSocket from one ASGI process.
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "channels",
    "doggy.apps.DoggyConfig",
    "accounts.apps.AccountsConfig",
    "pets.apps.PetsConfig",
    "messaging.apps.MessagingConfig",
    "scheduling.apps.SchedulingConfig",
    "ai.apps.AiConfig",
    "billing.apps.BillingConfig",
    "audit.apps.AuditConfig",
]

MIDDLEWARE = [
    # Outermost: request counts and latency for /metrics (plan 042), every answer included.
    "doggy.metrics.PrometheusMetricsMiddleware",
    # First, so that no error under /api/ leaves as HTML (doggy.api.handlers).
    "doggy.middleware.ApiErrorMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, without the APPEND_SLASH redirect under /api/.
    "doggy.middleware.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "doggy.middleware.RequestContextMiddleware",
    "doggy.maintenance.MaintenanceModeMiddleware",
    "doggy.maintenance.FeatureFlagMiddleware",
]

ROOT_URLCONF = "doggy.urls"
WSGI_APPLICATION = "doggy.wsgi.application"
ASGI_APPLICATION = "doggy.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------------------
# No DATABASE_URL: the SQLite file db.sqlite3. postgres://… selects PostgreSQL (psycopg 3),
# mssql://… selects SQL Server through mssql-django with the mssql-python driver.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE makes every atomic block take the write lock first, so read-then-write
    # services serialize on SQLite the way select_for_update serializes them elsewhere.
    _db.setdefault("OPTIONS", {}).setdefault("transaction_mode", "IMMEDIATE")
    _db["OPTIONS"].setdefault("timeout", 20)
elif _db["ENGINE"] == "mssql":
    # mssql-django plus the schema-editor fixes of doggy.backends.mssql.
    _db["ENGINE"] = "doggy.backends.mssql"
    _db.setdefault("OPTIONS", {}).setdefault("driver", "ODBC Driver 18 for SQL Server")
    _db["OPTIONS"].setdefault("python_driver", "mssql_python")
# Persistent connections: a new PostgreSQL connection per request costs more than most
# requests (bench/results.md). The health check replaces a connection the server dropped
# before a request uses it. Behind pgbouncer in transaction pooling, keep them (the pooler
# multiplexes) and set DOGGY_DB_PGBOUNCER=true, which turns off server-side cursors (a
# cursor cannot outlive the transaction that pgbouncer lends the connection for) and
# prepared statements, unless DOGGY_DB_PREPARED_STATEMENTS says the pooler keeps them.
_db.setdefault("CONN_MAX_AGE", env.int("DOGGY_CONN_MAX_AGE", default=60))
_db.setdefault("CONN_HEALTH_CHECKS", True)
_pgbouncer = env.bool("DOGGY_DB_PGBOUNCER", default=False)
if _pgbouncer:
    _db["DISABLE_SERVER_SIDE_CURSORS"] = True
# Django leaves psycopg's prepared statements off; psycopg's own default turns them back
# on. Django's cursors bind on the client and never prepare, so only the statements run
# through doggy.core.prepared.statement_cursor (the bearer lookup) are prepared.
if _db["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DOGGY_DB_PREPARED_STATEMENTS", default=not _pgbouncer
):
    _db.setdefault("OPTIONS", {}).setdefault("prepare_threshold", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Column comments (units of DogProfiles.Weight/Height, D13) reach PostgreSQL and SQL Server;
# SQLite has nowhere to put them, which is expected, not a defect.
SILENCED_SYSTEM_CHECKS = ["fields.W163"]

# --- Cache -------------------------------------------------------------------------------
# Throttle counters and settings reads must be shared by every process and machine, so the
# default is Django's database cache (the `django_cache` table, made by `manage.py
# createcachetable`; `make run` and `make migrate` run it). Production sets
# CACHE_URL=redis://host:6379/0 (Django's built-in RedisCache; needs the `redis` package).
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://django_cache?max_entries=10000")}

# --- Real time ---------------------------------------------------------------------------
# One ASGI application serves HTTP and the WebSocket (doggy.asgi). Events reach the sockets
# through the channel layer: in memory within one process by default, Redis across processes
# and machines when REDIS_URL is set (doggy.core.realtime publishes after commit).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "capacity": 1500, "expiry": 30},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- Auth --------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.EmailModelBackend",
    "accounts.backends.RbacBackend",
    "guardian.backends.ObjectPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# guardian: no anonymous user row; the custom user model has no username.
ANONYMOUS_USER_NAME = None
GUARDIAN_MONKEY_PATCH_USER = False

# --- I18N / time -------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DOGGY_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Email -------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="no-reply@meandmydoggy.invalid")

# --- Encryption of SystemSettings rows with IsEncrypted=1 --------------------------------
# Comma-separated Fernet keys, newest first: MultiFernet encrypts with the first and
# decrypts with any, so a key is rotated by prepending a new one.
DOGGY_SETTINGS_ENCRYPTION_KEYS = env.list("DOGGY_SETTINGS_ENCRYPTION_KEYS", default=[])

# --- Plan backups ------------------------------------------------------------------------
# Where `manage.py plan migrate` writes its pre-phase backups and row-count snapshots.
DOGGY_BACKUP_DIR = Path(env("DOGGY_BACKUP_DIR", default=str(BASE_DIR / "backups")))

# --- Uploads -----------------------------------------------------------------------------
# Dotted path of the virus scanner run after every upload commits (doggy.scanning). Empty: uploads
# wait, unservable, for an out-of-band scanner to record its verdict.
DOGGY_FILE_SCANNER = env("DOGGY_FILE_SCANNER", default="")
# The runner of work after commit (doggy.core.tasks), e.g. the virus scan of an upload.
DOGGY_TASK_RUNNER = env("DOGGY_TASK_RUNNER", default="doggy.core.tasks.InProcessRunner")
# doggy.core.tasks.CeleryRunner queues it on Celery (doggy/celery.py) instead; its broker is
# CELERY_BROKER_URL, else REDIS_URL.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or REDIS_URL
# Report files (plan 041, docs/api/reports.md): kept this many days, then expired and
# deleted by `manage.py expire_report_runs`; a larger file fails its run.
DOGGY_REPORT_EXPORT_DAYS = env.int("DOGGY_REPORT_EXPORT_DAYS", default=7)
DOGGY_REPORT_EXPORT_MAX_BYTES = env.int("DOGGY_REPORT_EXPORT_MAX_BYTES", default=100 * 1024 * 1024)

# --- Notifications: Web Push (VAPID, RFC 8292) ---------------------------------------------
# The private key as pywebpush reads it (base64url raw or DER, or a PEM file path); the public
# key is what browsers subscribe with (the API hands it to clients). No key: no push sent.
DOGGY_VAPID_PRIVATE_KEY = env("DOGGY_VAPID_PRIVATE_KEY", default="")
DOGGY_VAPID_PUBLIC_KEY = env("DOGGY_VAPID_PUBLIC_KEY", default="")
DOGGY_VAPID_SUBJECT = env("DOGGY_VAPID_SUBJECT", default="mailto:support@meandmydoggy.invalid")

# --- AI (ai app, docs/api/ai.md) --------------------------------------------------------
# Health advice: `local` (the rule engine, no network) or `openai` (any OpenAI-compatible API).
DOGGY_AI_PROVIDER = env("DOGGY_AI_PROVIDER", default="local")
# Moderation: `local` (the bundled alt-profanity-check model) or `openai` (/moderations).
DOGGY_AI_MODERATION = env("DOGGY_AI_MODERATION", default="local")
DOGGY_AI_MODERATION_THRESHOLD = env.float("DOGGY_AI_MODERATION_THRESHOLD", default=0.8)
DOGGY_AI_OPENAI_BASE_URL = env("DOGGY_AI_OPENAI_BASE_URL", default="https://api.openai.com/v1")
DOGGY_AI_OPENAI_API_KEY = env("DOGGY_AI_OPENAI_API_KEY", default="")
DOGGY_AI_OPENAI_MODEL = env("DOGGY_AI_OPENAI_MODEL", default="gpt-4o-mini")
DOGGY_AI_OPENAI_MODERATION_MODEL = env(
    "DOGGY_AI_OPENAI_MODERATION_MODEL", default="omni-moderation-latest"
)
DOGGY_AI_CONNECT_TIMEOUT = env.float("DOGGY_AI_CONNECT_TIMEOUT", default=5.0)
DOGGY_AI_READ_TIMEOUT = env.float("DOGGY_AI_READ_TIMEOUT", default=30.0)
# Attempts per call (retryable failures only: 429, 5xx, timeouts) and the first back-off.
DOGGY_AI_MAX_ATTEMPTS = env.int("DOGGY_AI_MAX_ATTEMPTS", default=3)
DOGGY_AI_RETRY_BACKOFF = env.float("DOGGY_AI_RETRY_BACKOFF", default=0.5)
# The billing selector giving a user's live subscription (its plan's entitlements override
# the AI.DailyRequestLimit / AI.DailyTokenLimit settings); empty: the settings alone.
DOGGY_AI_PLAN_SUBSCRIPTION = env(
    "DOGGY_AI_PLAN_SUBSCRIPTION", default="billing.selectors.subscription_get_current"
)
# --- Calls (messaging, plan 020) -------------------------------------------------------
# A call still ringing after this many seconds is missed (`manage.py calls_sweep`).
DOGGY_CALL_RING_TIMEOUT_SECONDS = env.int("DOGGY_CALL_RING_TIMEOUT_SECONDS", default=45)
# TURN relay credentials in coturn's REST API form (`use-auth-secret`): the shared
# secret of `static-auth-secret`, the relay URLs given to clients, and how long one
# credential lasts. Without a secret the credentials route answers 404.
DOGGY_TURN_SECRET = env("DOGGY_TURN_SECRET", default="")
DOGGY_TURN_URLS = env.list("DOGGY_TURN_URLS", default=[])
DOGGY_TURN_TTL_SECONDS = env.int("DOGGY_TURN_TTL_SECONDS", default=3600)

# --- Links in emails ---------------------------------------------------------------------
# Base URL of the web frontend; verification and password-reset emails link to
# <DOGGY_FRONTEND_URL>/verify-email?token=… and …/reset-password?token=….
DOGGY_FRONTEND_URL = env("DOGGY_FRONTEND_URL", default="http://localhost:3000")

# --- Client IP ---------------------------------------------------------------------------
# Number of reverse proxies in front of the app that append to X-Forwarded-For. 0 means
# REMOTE_ADDR is the client and X-Forwarded-For is ignored (it is client-controlled).
DOGGY_TRUSTED_PROXY_COUNT = env.int("DOGGY_TRUSTED_PROXY_COUNT", default=0)
# Plan 034: the request header (its META key) in which the edge proxy or CDN gives the
# client's country as ISO 3166-1 alpha-2, e.g. HTTP_CF_IPCOUNTRY. Analytics events store
# it as CountryCode; empty means no country is recorded (never derived from the IP here).
DOGGY_ANALYTICS_COUNTRY_HEADER = env("DOGGY_ANALYTICS_COUNTRY_HEADER", default="")

# Plan 039: the signing secret of the payment provider's webhook endpoint (Stripe's
# whsec_…) and how old a signed delivery may be, in seconds. Without the secret the
# webhook inbox answers 503 and stores nothing.
DOGGY_STRIPE_WEBHOOK_SECRET = env("DOGGY_STRIPE_WEBHOOK_SECRET", default="")
DOGGY_STRIPE_WEBHOOK_TOLERANCE = env.int("DOGGY_STRIPE_WEBHOOK_TOLERANCE", default=300)

# Plan 042: the bearer token a Prometheus scraper sends to GET /metrics. Without it only
# a signed-in admin session of a system.admin holder can read the metrics.
DOGGY_METRICS_TOKEN = env("DOGGY_METRICS_TOKEN", default="")
# Plan 042 (A23): each worker adds API latency up in memory per minute, route, method and
# status class, and adds it to ApiMetricBuckets every so many seconds or requests (after
# the response is sent) and at exit. PROMETHEUS_MULTIPROC_DIR (an environment variable
# read by prometheus-client itself) switches /metrics to multiprocess mode.
DOGGY_API_LATENCY_BUCKETS = env.bool("DOGGY_API_LATENCY_BUCKETS", default=True)
DOGGY_API_LATENCY_BUCKET_SECONDS = 60
DOGGY_API_LATENCY_FLUSH_SECONDS = env.int("DOGGY_API_LATENCY_FLUSH_SECONDS", default=30)
DOGGY_API_LATENCY_FLUSH_REQUESTS = env.int("DOGGY_API_LATENCY_FLUSH_REQUESTS", default=1000)

# --- REST API ----------------------------------------------------------------------------
# Request bodies (JSON, forms, multipart fields without their files) over this size are
# refused with 413; JSON nested deeper than DOGGY_JSON_MAX_DEPTH with 400 (docs/api/errors.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, 2.5 MiB, stated on purpose
DOGGY_JSON_MAX_DEPTH = 32
REST_FRAMEWORK = {
    # orjson, with DRF's JSON output (doggy.api.renderers); local.py adds the browsable API
    # when DEBUG is on, production never serves it.
    "DEFAULT_RENDERER_CLASSES": ["doggy.api.renderers.ORJSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.authentication.BearerTokenAuthentication"],
    # Per client IP on the sign-in routes (accounts.api.throttling); a first layer only,
    # the lockout in accounts.services.authentication is the real control.
    "DEFAULT_THROTTLE_RATES": {
        "auth": env("DOGGY_AUTH_THROTTLE_RATE", default="60/minute"),
        # The payment provider's webhook deliveries, per source IP (plan 039).
        "webhooks": env("DOGGY_WEBHOOK_THROTTLE_RATE", default="600/minute"),
        # The apps' analytics batches, per client IP (plan 034).
        "analytics": env("DOGGY_ANALYTICS_THROTTLE_RATE", default="120/minute"),
    },
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "doggy.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "doggy.api.filtering.ListFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "doggy.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "doggy.api.exceptions.exception_handler",
    # Bounded JSON (DATA_UPLOAD_MAX_MEMORY_SIZE, DOGGY_JSON_MAX_DEPTH); forms as DRF's.
    "DEFAULT_PARSER_CLASSES": [
        "doggy.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "doggy API",
    "DESCRIPTION": "MeAndMyDoggyV2 REST API for web and mobile clients.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and ReDoc assets come from drf-spectacular-sidecar as our own static
    # files (pinned by the lock), so /api/docs/ works without internet and never changes
    # underneath us the way an unpinned CDN `@latest` does.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models share choice sets with the same field name (Status, Gender, …); one
    # named component per choice class keeps the generated client types stable.
    "ENUM_NAME_OVERRIDES": {
        "UserGenderEnum": "accounts.choices.Gender",
        "KycDocumentTypeEnum": "accounts.choices.KycDocumentType",
        "KycStatusEnum": "accounts.choices.KycStatus",
        "DogGenderEnum": "pets.choices.DogGender",
        "EnergyLevelEnum": "pets.choices.EnergyLevel",
        "SocializationLevelEnum": "pets.choices.SocializationLevel",
        "TrainingLevelEnum": "pets.choices.TrainingLevel",
        "DogAccessLevelEnum": "pets.choices.AccessLevel",
        "VaccineTypeEnum": "pets.choices.VaccineType",
        "VaccinationStatusEnum": "pets.choices.VaccinationStatus",
        "MedicationRouteEnum": "pets.choices.MedicationRoute",
        "MedicationStatusEnum": "pets.choices.MedicationStatus",
        "ConditionClinicalStatusEnum": "pets.choices.ConditionClinicalStatus",
        "ConditionSeverityEnum": "pets.choices.ConditionSeverity",
        "AllergyCategoryEnum": "pets.choices.AllergyCategory",
        "AllergyCriticalityEnum": "pets.choices.AllergyCriticality",
        "AllergyClinicalStatusEnum": "pets.choices.AllergyClinicalStatus",
        "MedicalDocumentTypeEnum": "pets.choices.MedicalDocumentType",
        "WeightSourceEnum": "pets.choices.WeightSource",
        "LevelEnum": "accounts.choices.KycLevel",
        "NotificationLevelEnum": "messaging.choices.NotificationSeverity",
        "PresenceStatusEnum": "messaging.presence.PRESENCE_STATUSES",
        "HeartbeatStatusEnum": "messaging.presence.HEARTBEAT_STATUSES",
        "AppointmentStatusEnum": "scheduling.choices.AppointmentStatus",
        "IncidentStatusEnum": "doggy.choices.IncidentStatus",
        "IncidentSeverityEnum": "doggy.choices.IncidentSeverity",
    },
}

# --- Logging -----------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DOGGY_LOG_LEVEL", default="INFO")},
}
