"""`python -m bot [command]`: one entry point, one wiring per command."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from datetime import timedelta

from bot.runtime.logs import configure_logging
from bot.runtime.wiring import (
    Services,
    build,
    build_desk,
    build_dispatcher,
    build_engine,
    build_web,
    build_worker,
    connect_channels,
    whatsapp_templates,
)
from bot.services.defaults import load_defaults
from bot.settings import Settings
from bot.text.messages import t


def _init(services: Services) -> list[str]:
    return load_defaults(services.uow_factory(), services.clock(), services.settings.capacity_l)


def cmd_init(services: Services, _args: argparse.Namespace) -> int:
    added = _init(services)
    templates = whatsapp_templates(services)
    if templates is not None:  # WhatsApp with its buttons on
        added += [f"WhatsApp {key}" for key in templates.ensure_all()]
    print(t("cli.initialised") if added else t("cli.already_initialised"))
    for item in added:
        print(f"  + {item}")
    return 0


def cmd_simulate_fill(services: Services, args: argparse.Namespace) -> int:
    from bot.runtime.simulation import simulate_fill

    _init(services)
    ok = simulate_fill(services, seed=args.seed, traders=args.traders, out=print)
    return 0 if ok else 1


def cmd_simulate_voyage(services: Services, args: argparse.Namespace) -> int:
    from bot.runtime.voyage import simulate_voyage

    _init(services)
    ok = simulate_voyage(
        services, seed=args.seed, traders=args.traders, deposit=args.deposit, out=print
    )
    return 0 if ok else 1


def cmd_console(services: Services, args: argparse.Namespace) -> int:
    from bot.runtime.console import run_console

    _init(services)
    return run_console(services, admin=args.admin)


def cmd_telegram(services: Services, args: argparse.Namespace) -> int:
    """The Telegram bot; the outbox is the `worker` process's, unless everything runs in
    this one (`python -m bot` with a token)."""
    from bot.channels.telegram import build_channel, live_limiter, run
    from bot.channels.telegram_inbox import TelegramInbox
    from bot.channels.telegram_push import TelegramSender

    settings = services.settings
    if settings.telegram_bot_token is None:
        print(t("cli.no_telegram"), file=sys.stderr)
        return 2
    _init(services)
    limiter = live_limiter(settings, services.telegram_live_budget)
    channel = build_channel(settings, build_engine(services), build_desk(services), limiter)
    connect_channels(services, TelegramSender(channel))
    if getattr(args, "embedded", False):
        build_dispatcher(services).start()
    lease = timedelta(seconds=settings.telegram_inbox_lease_seconds)
    run(
        channel,
        TelegramInbox(channel.application, services.uow_factory, services.clock, lease=lease),
    )
    return 0


def cmd_worker(services: Services, _args: argparse.Namespace) -> int:
    """The Procfile's `worker`: the stored WhatsApp messages (engine, media, replies) and the
    outbox dispatcher. Several may run: claims are leased to one owner (SKIP LOCKED on
    PostgreSQL), one sender's WhatsApp messages taken one at a time, in order."""
    _init(services)
    worker = build_worker(services)
    build_dispatcher(services).start()
    if worker is None:  # no WhatsApp: the outbox only
        threading.Event().wait()
    else:
        worker.serve_forever()
    return 0


def _serve_web(services: Services) -> Callable[[], None]:
    """The webhook app on PORT in a background thread (gunicorn serves it in production),
    with the WhatsApp worker and the dispatcher in this process (no `worker` process)."""
    from werkzeug.serving import make_server

    app, worker = build_web(services)
    if worker is not None:
        worker.start()
    build_dispatcher(services).start()
    server = make_server("0.0.0.0", services.settings.port, app, threaded=True)
    threading.Thread(target=server.serve_forever, name="web", daemon=True).start()
    return server.shutdown


def _serves_web(settings: Settings) -> bool:
    """WhatsApp's webhooks, or Telegram's in webhook mode."""
    whatsapp = settings.whatsapp_enabled and bool(settings.public_base_url)
    return whatsapp or bool(settings.telegram_webhook_url)


def cmd_web(services: Services, _args: argparse.Namespace) -> int:
    if not _serves_web(services.settings):
        print(t("cli.no_whatsapp"), file=sys.stderr)
        return 2
    _init(services)
    stop = _serve_web(services)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        stop()
    return 0


def cmd_clock(services: Services, _args: argparse.Namespace) -> int:
    from bot.runtime.clock import run_clock

    _init(services)
    run_clock(services)
    return 0


def cmd_run(services: Services, args: argparse.Namespace) -> int:
    """Every channel that is configured; with none, the embedded default: the console."""
    settings = services.settings
    if settings.telegram_bot_token is not None:
        if _serves_web(settings):
            _init(services)
            _serve_web(services)  # with the dispatcher
            return cmd_telegram(services, args)
        args.embedded = True  # the dispatcher in this process
        return cmd_telegram(services, args)
    if _serves_web(settings):
        return cmd_web(services, args)
    # The embedded default: the console, with the scheduler in this process.
    from bot.runtime.clock import start_in_process

    _init(services)
    start_in_process(services)
    args.admin = False
    return cmd_console(services, args)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m bot", description="Tontine Digitale")
    commands = root.add_subparsers(dest="command")
    commands.add_parser("init", help="migrate the database and load the defaults")
    fill = commands.add_parser("simulate-fill", help="fill a container with simulated orders")
    fill.add_argument("--seed", type=int, default=None)
    fill.add_argument("--traders", type=int, default=20, choices=range(1, 1000), metavar="N")
    voyage = commands.add_parser(
        "simulate-voyage", help="run a container from collecte to livré and check the books"
    )
    voyage.add_argument("--seed", type=int, default=None)
    voyage.add_argument("--traders", type=int, default=6, choices=range(1, 100), metavar="N")
    voyage.add_argument(
        "--deposit", type=int, default=None, choices=range(1, 101), metavar="PERCENT",
        help="deposit at order time (default: DEPOSIT_PERCENT)",
    )  # fmt: skip
    console = commands.add_parser("console", help="chat with the bot in this terminal")
    console.add_argument("--admin", action="store_true", help="play the admin chat")
    commands.add_parser("telegram", help="run the Telegram bot (polling, or webhook)")
    commands.add_parser("web", help="serve the WhatsApp webhooks on PORT (development server)")
    commands.add_parser("clock", help="run the scheduler (notifications, reminders, digest)")
    commands.add_parser(
        "worker", help="handle stored WhatsApp messages and send the outbox (Procfile worker)"
    )
    return root


COMMANDS = {
    "init": cmd_init,
    "simulate-fill": cmd_simulate_fill,
    "simulate-voyage": cmd_simulate_voyage,
    "console": cmd_console,
    "telegram": cmd_telegram,
    "web": cmd_web,
    "clock": cmd_clock,
    "worker": cmd_worker,
    None: cmd_run,
}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = Settings()
    if settings.missing_secret_key:
        print(t("cli.no_secret_key", reasons=", ".join(settings.shared_by())), file=sys.stderr)
        return 2
    configure_logging(settings)
    services = build(settings)
    return COMMANDS[args.command](services, args)
