"""gunicorn's entry point: `gunicorn "webhooks.wsgi:make_app()"` (Procfile `web:`)."""

from __future__ import annotations

import logging

from flask import Flask

from bot.services.defaults import load_defaults
from bot.settings import Settings
from bot.wiring import build, build_dispatcher, build_web


def make_app() -> Flask:
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    services = build(settings, migrate=False)  # the release step migrates
    load_defaults(services.uow_factory(), services.clock(), settings.capacity_l)
    app, worker = build_web(services)
    worker.start()
    build_dispatcher(services).start()
    return app
