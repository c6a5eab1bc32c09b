"""gunicorn's entry point: `gunicorn "webhooks.wsgi:make_app()"` (Procfile `web:`)."""

from __future__ import annotations

from flask import Flask

from bot.logs import configure_logging
from bot.services.defaults import load_defaults
from bot.settings import Settings
from bot.wiring import build, build_dispatcher, build_web


def make_app() -> Flask:
    settings = Settings()
    configure_logging(settings)
    services = build(settings, migrate=False)  # the release step migrates
    load_defaults(services.uow_factory(), services.clock(), settings.capacity_l)
    app, worker = build_web(services)
    worker.start()
    build_dispatcher(services).start()
    return app
