"""gunicorn's entry point: `gunicorn "webhooks.wsgi:make_app()"` (Procfile `web:`).

The web process validates, stores and acknowledges; the `worker` process (Procfile
`worker:`, `python -m bot worker`) handles what is stored and runs the outbox dispatcher.
"""

from __future__ import annotations

import sys

from flask import Flask

from bot.runtime.infrastructure import build
from bot.runtime.logs import configure_logging
from bot.runtime.web import build_web
from bot.services.defaults import load_defaults
from bot.settings import Settings
from bot.text.messages import t

APP_LOAD_ERROR = 4  # gunicorn's exit code for an app that cannot load: the master halts


def make_app() -> Flask:
    settings = Settings()
    if settings.missing_secret_key:
        print(t("cli.no_secret_key", reasons=", ".join(settings.shared_by())), file=sys.stderr)
        raise SystemExit(APP_LOAD_ERROR)  # gunicorn stops instead of restarting the worker
    configure_logging(settings)
    services = build(settings, migrate=False)  # the release step migrates
    load_defaults(services.uow_factory(), services.clock(), settings.capacity_l)
    app, _worker = build_web(services, embedded=False)
    return app
