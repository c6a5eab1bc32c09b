"""Reports for the admins: /stats (text, then the chart beside it) and /export (CSV)."""

from __future__ import annotations

import logging

from bot.admin.charts import stats_chart
from bot.admin.export import orders_csv
from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services.stats import chart_data, container_stats
from bot.text import formatting as fmt

log = logging.getLogger(__name__)


def cmd_stats(step: AdminStep) -> list[Reply]:
    if len(step.args) > 1:
        return step.usage("stats")
    code = step.args[0].upper()[:20] if step.args else None
    lang = step.lang
    blocks = []
    for stats in container_stats(step.desk.uow_factory(), code):
        c, total = stats.container, stats.total
        lines = [
            step.t(
                "admin.stats_line",
                category=step.t(f"category.{cat.value}"),
                volume=fmt.cbm(sub.volume_l, lang),
                billed=fmt.gnf(sub.billed_gnf, lang),
                margin=fmt.gnf(sub.margin_gnf, lang),
            )
            for cat, sub in sorted(stats.by_category.items())
        ]
        blocks.append(
            step.t(
                "admin.stats",
                code=c.code,
                stage=step.t(f"stage.{c.stage.value}"),
                volume=fmt.cbm(total.volume_l, lang),
                capacity=fmt.cbm(c.capacity_l, lang),
                orders=total.orders,
                billed=fmt.gnf(total.billed_gnf, lang),
                margin=fmt.gnf(total.margin_gnf, lang),
                rate=fmt.percent(total.margin_rate_pct, lang),
                lines="\n".join(lines),
            )
        )
    if not blocks:
        return step.reply("admin.container_unknown", code=code or "?")
    return [Reply("\n\n".join(blocks)), *_chart(step, code)]


def _chart(step: AdminStep, code: str | None) -> list[Reply]:
    """The picture beside the text (which stays the source of truth): a drawing that fails
    is logged with its traceback and the text still answers."""
    data = chart_data(step.desk.uow_factory(), step.desk.clock(), code)
    try:
        png = stats_chart(data, step.lang)
    except Exception:
        log.exception("stats chart could not be drawn")
        return []
    return [Reply(step.t("admin.stats_chart"), photo=png)]


def cmd_export(step: AdminStep) -> list[Reply]:
    count, content = orders_csv(step.desk.uow_factory())
    with step.desk.uow_factory() as uow:
        uow.audit.record(step.actor, "export_orders", {"count": count}, step.desk.clock())
        uow.commit()
    name = f"commandes-{step.desk.clock():%Y%m%d-%H%M}.csv"
    return [Reply(step.t("admin.export", count=count), document=(name, content))]
