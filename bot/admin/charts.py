"""The picture sent with the admin /stats text: the fill of each open container over time
and the margin per category. The text stays the source of truth; this only draws it.

matplotlib is imported inside the functions, never at module level, so the processes that
never draw (webhooks, scheduler, trader chats) neither load it nor hold its memory. The
figure is drawn with the Agg canvas directly, without pyplot and its global state.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.services.stats import ChartData, FillSeries
from bot.text import formatting as fmt
from bot.text.keys import CATEGORY
from bot.text.messages import t
from bot.text.values import Volume

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

# Fixed size so the same data always gives the same picture: 900 x 1000 pixels.
WIDTH_IN, HEIGHT_IN, DPI = 9, 10, 100
COLORS = ("#1f6fb4", "#e07b00", "#2a9d3c", "#c0392b", "#7d4fb0")
MARGIN_COLOR = "#2a9d3c"
# Numeric day/month dates (the admin's language never changes them), Conakry time.
DATE_FORMATS = ["%Y", "%m/%Y", "%d/%m", "%H:%M", "%H:%M", "%H:%M:%S"]
ZERO_FORMATS = ["", "%Y", "%d/%m", "%d/%m", "%H:%M", "%H:%M"]
OFFSET_FORMATS = ["", "%Y", "%m/%Y", "%d/%m/%Y", "%d/%m/%Y", "%d/%m/%Y %H:%M"]


def stats_chart(data: ChartData, lang: str = "fr") -> bytes:
    """The PNG, byte for byte the same for the same data and language."""
    figure = stats_figure(data, lang)
    buffer = io.BytesIO()
    # No "Software" entry: the bytes do not depend on the matplotlib version.
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def stats_figure(data: ChartData, lang: str = "fr") -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    fill_axes, margin_axes = figure.subplots(2, 1, height_ratios=(3, 2))
    _draw_fills(fill_axes, data.fills, lang)
    _draw_margins(margin_axes, data, lang)
    return figure


def _draw_fills(ax: Axes, fills: tuple[FillSeries, ...], lang: str) -> None:
    ax.set_title(t("chart.fill_title", lang), fontweight="bold")
    if not fills:
        ax.text(0.5, 0.5, t("chart.no_open_container", lang), ha="center", va="center")
        ax.set_axis_off()
        return
    for index, series in enumerate(fills):
        moments = [moment for moment, _ in series.points]
        volumes = [litres / 1000 for _, litres in series.points]
        color = COLORS[index % len(COLORS)]
        ax.step(
            moments,  # type: ignore[arg-type]  # matplotlib converts datetimes; stubs want numbers
            volumes,
            where="post",
            color=color,
            linewidth=2,
            label=series.code,
        )
    for capacity_l in sorted({series.capacity_l for series in fills}):
        label = t("chart.capacity", lang, capacity=Volume(capacity_l))
        ax.axhline(capacity_l / 1000, color="dimgray", linestyle="--", label=label)
    ax.set_ylim(0, max(s.capacity_l for s in fills) / 1000 * 1.1)
    ax.set_ylabel(t("chart.fill_axis", lang))
    ax.set_xlabel(t("chart.date_axis", lang))
    _date_axis(ax)
    ax.yaxis.set_major_formatter(_number_formatter(lang, "#,##0.#"))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize="small")


def _date_axis(ax: Axes) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(tz=fmt.CONAKRY)
    formatter = ConciseDateFormatter(
        locator,
        tz=fmt.CONAKRY,
        formats=DATE_FORMATS,
        zero_formats=ZERO_FORMATS,
        offset_formats=OFFSET_FORMATS,
    )
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def _draw_margins(ax: Axes, data: ChartData, lang: str) -> None:
    scope = data.code.strip().upper() if data.code else t("chart.scope_all", lang)
    ax.set_title(t("chart.margin_title", lang, scope=scope), fontweight="bold")
    names = [t(CATEGORY[category], lang) for category, _ in data.margins]
    amounts = [amount for _, amount in data.margins]
    bars = ax.bar(names, amounts, color=MARGIN_COLOR, width=0.6)
    ax.bar_label(bars, labels=[fmt.gnf(amount, lang) for amount in amounts], padding=3)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.margins(y=0.2)
    ax.set_ylabel(t("chart.margin_axis", lang))
    ax.yaxis.set_major_formatter(_number_formatter(lang, "#,##0"))
    ax.grid(axis="y", alpha=0.3)


def _number_formatter(lang: str, pattern: str) -> FuncFormatter:
    """Axis numbers grouped the admin's way: 3 025 000 in French, 3,025,000 in English."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: fmt.decimal(Decimal(str(float(value))), lang, pattern))
