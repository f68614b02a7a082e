"""Altair charts of judgement data (from ``assistant/judgements.py``): authorities' grades over
time against every authority inspected in the same years, the grades by year across the library,
and a chart as PNG bytes for a briefing (vl-convert, offline)."""

from __future__ import annotations

from index.ofsted import GRADES

from .judgements import area_label

PICK = "pick"  # the timeline's point selection: chosen points carry their passage id
GRADES_BEST_FIRST = [grade.capitalize() for grade, _ in GRADES]
_COLOURS = ["#1a7f37", "#7cc36b", "#f0b400", "#f5d76e", "#cf222e", "#b0b0b0"]
# the scale's axis labels: each score named by its first grade ("requires improvement", not "adequate")
_LABELS = {score: grade.capitalize() for grade, score in reversed(GRADES) if score is not None}
_LABEL_EXPR = " : ".join(f"datum.value == {score} ? '{label}'" for score, label in sorted(_LABELS.items(), reverse=True)) + " : ''"


def _years_scale(values: list[int]):
    import altair as alt

    low, high = (min(values), max(values)) if values else (2013, 2026)
    return alt.Scale(domain=[low - 0.5, high + 0.5], nice=False)


def timeline_chart(data: dict[str, list[dict]], area: str = "overall_effectiveness", width: int = 640, height: int = 300):
    """The chosen authorities' grades (lines and points, one colour each; choosing a point selects
    its passage id under ``PICK``) over grey circles: how many inspections of all authorities were
    given each grade in the same years."""
    import altair as alt

    points, others = data["points"], data["others"]
    years = [p["year"] for p in points] + [o["year"] for o in others]
    x = alt.X("year:Q", title="Year inspected", scale=_years_scale(years),
              axis=alt.Axis(format="d", tickMinStep=1, values=sorted(set(years)) or None))
    y = alt.Y("score:Q", title=area_label(area), scale=alt.Scale(domain=[0.5, 4.5]),
              axis=alt.Axis(values=[1, 2, 3, 4], labelExpr=_LABEL_EXPR, labelLimit=200))
    background = (
        alt.Chart(alt.Data(values=others))
        .mark_circle(color="#9e9e9e", opacity=0.35)
        .encode(
            x=x, y=y,
            size=alt.Size("count:Q", title="All authorities: inspections", scale=alt.Scale(range=[60, 900], zero=True),
                          legend=alt.Legend(format="d", tickMinStep=1)),
            tooltip=[alt.Tooltip("year:Q", title="Year", format="d"), alt.Tooltip("grade:N", title="Grade"),
                     alt.Tooltip("count:Q", title="Inspections (all authorities)")],
        )
    )
    colour = alt.Color("authority:N", title="Authority")
    line = alt.Chart(alt.Data(values=points)).mark_line(strokeWidth=2).encode(x=x, y=y, color=colour, detail="authority:N")
    pick = alt.selection_point(name=PICK, fields=["passage_id"], on="click")
    marks = (
        alt.Chart(alt.Data(values=points))
        .mark_point(filled=True, size=140)
        .encode(
            x=x, y=y, color=colour,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.6)),
            tooltip=[alt.Tooltip("authority:N", title="Authority"), alt.Tooltip("inspected:N", title="Inspected"),
                     alt.Tooltip("grade:N", title="Grade"), alt.Tooltip("passage_id:N", title="Source")],
        )
        .add_params(pick)
    )
    return alt.layer(background, line, marks).properties(width=width, height=height)


def distribution_chart(rows: list[dict], area: str = "overall_effectiveness", width: int = 640, height: int = 260):
    """Stacked bars: the number of inspections given each grade for ``area``, by year inspected."""
    import altair as alt

    present = {r["grade"] for r in rows}
    domain = [g for g in GRADES_BEST_FIRST if g in present] + sorted(present - set(GRADES_BEST_FIRST))
    colours = [_COLOURS[GRADES_BEST_FIRST.index(g)] if g in GRADES_BEST_FIRST else "#808080" for g in domain]
    values = [dict(r, rank=domain.index(r["grade"])) for r in rows]
    return (
        alt.Chart(alt.Data(values=values))
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year inspected", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title="Inspections", stack="zero", axis=alt.Axis(format="d", tickMinStep=1)),
            color=alt.Color("grade:N", title=area_label(area), scale=alt.Scale(domain=domain, range=colours)),
            order=alt.Order("rank:Q", sort="ascending"),
            tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("grade:N", title="Grade"),
                     alt.Tooltip("count:Q", title="Inspections"), alt.Tooltip("share:Q", title="Share", format=".0%")],
        )
        .properties(width=width, height=height)
    )


def chart_png(chart, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes, drawn by vl-convert (bundled Vega; nothing is downloaded)."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_dict(), scale=scale)

