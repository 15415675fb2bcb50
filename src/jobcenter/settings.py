"""Django settings. Everything a deployment changes comes from JOBCENTER_* environment variables."""

from __future__ import annotations

import os

import dj_database_url
from django.utils.translation import gettext_lazy as _

from jobcenter.conf import PACKAGE_DIR, var_dir


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("JOBCENTER_DEBUG", False)
_INSECURE_DEV_KEY = "insecure-dev-key-only-for-local-demo-never-in-production"
SECRET_KEY = os.environ.get("JOBCENTER_SECRET_KEY", _INSECURE_DEV_KEY)
if SECRET_KEY == _INSECURE_DEV_KEY and _env_bool("JOBCENTER_PRODUCTION", False):
    raise RuntimeError("JOBCENTER_SECRET_KEY must be set when JOBCENTER_PRODUCTION is on")
ALLOWED_HOSTS = _env_list("JOBCENTER_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = _env_list("JOBCENTER_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "jobcenter.accounts",
    "jobcenter.taxonomy",
    "jobcenter.employers",
    "jobcenter.seekers",
    "jobcenter.jobs",
    "jobcenter.training",
    "jobcenter.audit",
    "jobcenter.common",
    "jobcenter.benefits",
    "jobcenter.chatbot",
    "jobcenter.recommendations",
    "jobcenter.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "jobcenter.urls"
WSGI_APPLICATION = "jobcenter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("JOBCENTER_DATABASE_URL", f"sqlite:///{var_dir() / 'jobcenter.sqlite3'}"),
        conn_max_age=int(os.environ.get("JOBCENTER_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the dev server read while an import writes; a busy timeout instead of "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = var_dir() / "static"

EMAIL_BACKEND = os.environ.get("JOBCENTER_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("JOBCENTER_DEFAULT_FROM_EMAIL", "jobcenter <no-reply@jobcenter.localhost>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("JOBCENTER_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Live Work24 Open API: only used when a key is configured.
WORK24_AUTH_KEY = os.environ.get("JOBCENTER_WORK24_AUTH_KEY", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("JOBCENTER_LOG_LEVEL", "WARNING")},
}

# Celery (jobcenter/celery.py): eager, in-process, unless a broker is configured.
CELERY_BROKER_URL = os.environ.get("JOBCENTER_CELERY_BROKER_URL", "memory://")
CELERY_RESULT_BACKEND = os.environ.get(
    "JOBCENTER_CELERY_RESULT_BACKEND",
    CELERY_BROKER_URL if CELERY_BROKER_URL.startswith(("redis://", "rediss://")) else "cache+memory://",
)
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("JOBCENTER_CELERY_BROKER_URL")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
