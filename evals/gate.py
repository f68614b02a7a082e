"""The regression gate: metrics against thresholds set a little below measured results."""

from __future__ import annotations


def check(metrics: dict, thresholds: dict) -> list[str]:
    """One line per metric that misses its threshold. Keys ending in ``_max`` are upper bounds."""
    failures = []
    for key, limit in thresholds.items():
        if key.startswith("_"):
            continue
        if key.endswith("_max"):
            name = key[: -len("_max")]
            value = metrics.get(name)
            if value is None or value > limit:
                failures.append(f"{name} = {value} is above the allowed {limit}")
        else:
            value = metrics.get(key)
            if value is None or value < limit:
                failures.append(f"{key} = {value} is below the threshold {limit}")
    return failures
