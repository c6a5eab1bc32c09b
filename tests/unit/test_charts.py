"""The admin /stats picture: a real PNG of a fixed size, labelled in the admin's language,
drawn without loading matplotlib into processes that never draw."""

import io
import struct
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.admin.charts import stats_chart, stats_figure
from bot.services.stats import ChartData, FillSeries
from bot.text.messages import t
from domain.pricing import Category

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
DATA = ChartData(
    code=None,
    fills=(
        FillSeries(
            "TD-2026-07",
            76_000,
            ((START, 0), (START + timedelta(days=2), 12_500), (START + timedelta(days=9), 12_500)),
        ),
    ),
    margins=(
        (Category.ELECTRONIQUE, 2_625_000),
        (Category.TEXTILE, 3_025_000),
        (Category.DIVERS, 0),
    ),
)
TITLE_KEYS = ("chart.fill_title", "chart.fill_axis", "chart.date_axis", "chart.margin_axis")


def _texts(data: ChartData, lang: str) -> set[str]:
    from matplotlib.text import Text

    figure = stats_figure(data, lang)
    figure.canvas.draw()  # tick labels exist once drawn
    return {text.get_text() for text in figure.findobj(Text) if text.get_text()}


def test_png_of_the_fixed_size_and_the_same_bytes_each_time():
    from matplotlib.image import imread

    png = stats_chart(DATA, "fr")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (900, 1000)
    assert imread(io.BytesIO(png), format="png").shape[:2] == (1000, 900)
    assert stats_chart(DATA, "fr") == png
    assert stats_chart(DATA, "en") != png


@pytest.mark.parametrize(("lang", "other"), [("en", "fr"), ("fr", "en")])
def test_titles_and_labels_in_the_admin_language(lang, other):
    texts = _texts(DATA, lang)
    for key in TITLE_KEYS:
        assert t(key, lang) in texts
        assert t(key, other) not in texts
    assert t("chart.margin_title", lang, scope=t("chart.scope_all", lang)) in texts
    assert t(f"category.{Category.ELECTRONIQUE.value}", lang) in texts
    assert t(f"category.{Category.ELECTRONIQUE.value}", other) not in texts


def test_amounts_grouped_the_admin_way():
    assert "3\u00a0025\u00a0000\u00a0GNF" in _texts(DATA, "fr")
    assert "3,025,000 GNF".replace(" ", "\u00a0") in _texts(DATA, "en")


def test_no_open_container_is_said_not_drawn():
    empty = ChartData(code="TD-2026-01", fills=(), margins=DATA.margins)
    texts = _texts(empty, "en")
    assert t("chart.no_open_container", "en") in texts
    assert t("chart.margin_title", "en", scope="TD-2026-01") in texts
    assert stats_chart(empty, "en")[:8] == b"\x89PNG\r\n\x1a\n"


def test_admin_commands_do_not_import_matplotlib():
    code = "import sys, bot.admin.commands, bot.admin.charts; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
