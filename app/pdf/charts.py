"""Q6: one picture of a report for the screen and the PDF.

A :class:`~app.reports.base.Chart` becomes a reportlab ``Drawing`` (bars or lines, a legend,
labelled axes). The PDF embeds the Drawing as it is; the window shows the same Drawing
rendered to SVG (:func:`chart_svg`), so both show exactly one definition. Its title and series
names are said by a :class:`~app.reports.wording.Voice`: the window's language on screen, the
business's in a PDF.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from app.pdf.text import BOLD, REGULAR, register_fonts, visual
from app.reports.base import CHART_HEIGHT, CHART_WIDTH, Chart
from app.reports.wording import ENGLISH, Voice

PALETTE = ("#2c6fbb", "#e67e22", "#1e7b3c", "#8e44ad", "#b03a2e", "#16a085")
WIDTH, HEIGHT = CHART_WIDTH, CHART_HEIGHT
MAX_LABEL = 14  # characters of a category label under the axis; longer ones are shortened with "…"


def _short(label: str, shaped: bool = True) -> str:
    label = str(label)
    label = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
    return visual(label) if shaped else label


def _number(value) -> float:
    return float(value) if isinstance(value, (int, Decimal, float)) else 0.0


def _axis_step(top: float) -> float:
    """A round step giving about five gridlines up to ``top``."""
    if top <= 0:
        return 1
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(1, factor * magnitude)
    return 10 * magnitude


def _value_labels(step: float):
    """Axis numbers: in thousands ("15k") once the steps are thousands, whole numbers below."""
    if step >= 1000:
        return lambda value: f"{value / 1000:,.{0 if step % 1000 == 0 else 1}f}k" if value else "0"
    return lambda value: f"{value:,.0f}"


def chart_drawing(chart: Chart, width: float = WIDTH, height: float = HEIGHT, voice: Voice = ENGLISH,
                  shaped: bool = True) -> Drawing:
    """The chart as a reportlab Drawing ``width`` x ``height`` points: title, legend under it, plot.

    ``shaped``: right-to-left text joined and put in drawing order, as reportlab's PDF needs; an SVG for
    the window keeps it in reading order (Qt lays it out itself)."""
    register_fonts()
    shown = visual if shaped else str
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    drawing.add(String(width / 2, height - 14, shown(voice.text(chart.title)), fontName=BOLD, fontSize=11,
                       textAnchor="middle"))
    several = len(chart.series) > 1
    slanted = len(chart.categories) > 8  # many months or packages: slanted so they do not run together
    legend_room = 14 if several else 0
    plot = HorizontalLineChart() if chart.kind == "line" else VerticalBarChart()
    plot.x, plot.y = 46, 56 if slanted else 22
    plot.width, plot.height = width - plot.x - 14, height - plot.y - 28 - legend_room
    plot.data = [[_number(v) for v in values] or [0] for _name, values in chart.series] or [[0]]
    top = max([max(values) for values in plot.data] + [0])
    bottom = min([min(values) for values in plot.data] + [0])
    step = _axis_step(max(top, -bottom))
    plot.valueAxis.valueMin = bottom if bottom < 0 else 0
    plot.valueAxis.valueMax = max(step, (int(top / step) + 1) * step if top > 0 else step)
    plot.valueAxis.valueStep = step
    plot.valueAxis.labels.fontName = REGULAR
    plot.valueAxis.labels.fontSize = 8
    plot.valueAxis.labelTextFormat = _value_labels(step)
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    plot.categoryAxis.categoryNames = [_short(voice.text(c), shaped) for c in chart.categories] or [""]
    plot.categoryAxis.labels.fontName = REGULAR
    plot.categoryAxis.labels.fontSize = 8
    if slanted:
        plot.categoryAxis.labels.angle = 35
        plot.categoryAxis.labels.boxAnchor = "ne"
        plot.categoryAxis.labels.dx = 4
    for index in range(len(plot.data)):
        colour = colors.HexColor(PALETTE[index % len(PALETTE)])
        if chart.kind == "line":
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 2
        else:
            plot.bars[index].fillColor = colour
            plot.bars[index].strokeColor = None
    drawing.add(plot)
    names = [voice.text(name) for name, _values in chart.series]
    if several:
        legend = Legend()
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = max(5 * len(name) for name in names) + 34
        legend.x, legend.y = max(plot.x, (width - legend.deltax * len(chart.series)) / 2), height - 22
        legend.fontName = REGULAR
        legend.fontSize = 8
        legend.boxAnchor = "nw"
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), shown(name))
                                 for i, name in enumerate(names)]
        drawing.add(legend)
    return drawing


def chart_svg(chart: Chart, width: float = WIDTH, height: float = HEIGHT, voice: Voice = ENGLISH) -> bytes:
    """The same Drawing as SVG, for the window (QSvgWidget), its words said by ``voice``."""
    svg = renderSVG.drawToString(chart_drawing(chart, width, height, voice, shaped=False))
    return svg.replace("fill: None", "fill: none").encode("utf-8")  # Qt's SVG reads only the lower-case keyword
