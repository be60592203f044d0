"""Gongkai settings: one file, every value from the environment.

Production differs from the demo only by environment variables (see .env.example).
The embedded default is SQLite in WAL mode under var/; PostgreSQL is the scale path.
"""

from pathlib import Path

import environ

from config.secret import load_or_create_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("GONGKAI_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The demo keeps a generated key under var/; production must set DJANGO_SECRET_KEY.
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or (
    load_or_create_secret_key(VAR_DIR / "secret_key")
    if env.bool("GONGKAI_DEMO", default=DEBUG)
    else env.str("DJANGO_SECRET_KEY")
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "gongkai.core",
    "gongkai.organs",
    "gongkai.accounts",
    "gongkai.workdays",
    "gongkai.policies",
    "gongkai.foi",
    "gongkai.convenience",
    "gongkai.reports",
    "gongkai.catalogs",
    "gongkai.interpretations",
    "gongkai.columns",
    "gongkai.portal",
    "gongkai.workbench",
    "gongkai.api",
    "gongkai.search",
    "gongkai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "gongkai.portal.middleware.DisplayPreferencesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.portal.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"),
}
# WAL lets readers work while one writer commits; IMMEDIATE takes the write lock at BEGIN so
# two writers queue on the busy timeout instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": env.int("SQLITE_BUSY_TIMEOUT_SECONDS", default=20),
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The search index as a local SQLite file beside PostgreSQL (gongkai/search/store.py): one per
# host, fed by the outbox in PostgreSQL. Unset, the index lives in the main database.
if SEARCH_INDEX_FILE := env.str("GONGKAI_SEARCH_INDEX", default=""):
    DATABASES["search"] = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": SEARCH_INDEX_FILE,
        "OPTIONS": SQLITE_OPTIONS,
        # A file in tests too, as in production: threads (the live server, a task run on commit)
        # open connections of their own, which a shared in-memory database serves with table locks.
        "TEST": {"NAME": f"{SEARCH_INDEX_FILE}.test"},
    }
DATABASE_ROUTERS = ["gongkai.search.routers.IndexRouter"]
# How long outbox rows are kept for a host that was away; an index file older must be rebuilt.
SEARCH_OUTBOX_RETENTION_DAYS = env.int("SEARCH_OUTBOX_RETENTION_DAYS", default=7)

# --- Accounts ---------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "workbench:login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "workbench:login"
# Staff login locks after repeated failures (等保 2.0 asks for login-failure handling).
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_LOCKOUT_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "workbench/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_COOKIE_HTTPONLY = True

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# --- Email ---------------------------------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="gongkai@localhost")

# --- Background tasks ------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Security (reverse proxy in front; flags on by default outside the demo) -------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env.list("DJANGO_SILENCED_SYSTEM_CHECKS", default=["security.W021"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Platform ------------------------------------------------------------------------------------
# Wraps each organ's seal signing key at rest; defaults to a derivation of SECRET_KEY. Keep it when
# rotating SECRET_KEY, or the stored seal keys can no longer be opened.
GONGKAI_SEAL_KEY_SECRET = env.str("GONGKAI_SEAL_KEY_SECRET", default="") or SECRET_KEY
# Keys the digest that links one applicant's applications (repeats, 109号 monthly count); keep it
# when rotating SECRET_KEY, or earlier applications stop matching later ones.
GONGKAI_APPLICANT_KEY_SECRET = env.str("GONGKAI_APPLICANT_KEY_SECRET", default="") or SECRET_KEY
# The fee procedure's unverified parts (REGULATIONS.md §3; see foi.fees.FeeRules): the payment
# period in working days, whether waiting for payment stops the answer clock, how to pay.
GONGKAI_FEE_PAYMENT_WORKDAYS = env.int("GONGKAI_FEE_PAYMENT_WORKDAYS", default=20)
GONGKAI_FEE_PAUSES_CLOCK = env.bool("GONGKAI_FEE_PAUSES_CLOCK", default=True)
GONGKAI_FEE_HOW_TO_PAY = env.str(
    "GONGKAI_FEE_HOW_TO_PAY",
    default="持本通知到本机关政府信息公开工作机构办理缴费，或者通过非税收入电子缴款渠道缴纳",
)
GONGKAI_SITE_NAME = env.str("GONGKAI_SITE_NAME", default="忻州市人民政府")
GONGKAI_SITE_CODE = env.str("GONGKAI_SITE_CODE", default="1409000001")
GONGKAI_ICP = env.str("GONGKAI_ICP", default="晋ICP备00000000号（演示）")
GONGKAI_PUBLIC_SECURITY_RECORD = env.str(
    "GONGKAI_PUBLIC_SECURITY_RECORD", default="晋公网安备 14090000000000号（演示）"
)
