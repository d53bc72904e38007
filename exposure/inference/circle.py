"""Fitting a circle to points on a plane (metres): algebraic fit, then geometric refinement.

Kasa's algebraic fit (least squares on ``x² + y² + Dx + Ey + F = 0``) gives a start even
from an arc; a few Gauss-Newton steps then minimise the distances to the circle itself,
which is what GPS noise perturbs.  Pure Python: a 3x3 linear solve per step.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Circle:
    """A fitted circle and how well the points sit on it."""

    x: float
    y: float
    r: float
    rms: float
    """Root mean square distance of the points from the circle (metres)."""


def _solve3(a: list[list[float]], b: list[float]) -> list[float] | None:
    """Solve the 3x3 system ``a x = b`` (Gaussian elimination, partial pivoting)."""
    m = [row[:] + [v] for row, v in zip(a, b, strict=True)]
    for col in range(3):
        pivot = max(range(col, 3), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            return None
        m[col], m[pivot] = m[pivot], m[col]
        for row in range(col + 1, 3):
            f = m[row][col] / m[col][col]
            for k in range(col, 4):
                m[row][k] -= f * m[col][k]
    x = [0.0, 0.0, 0.0]
    for row in (2, 1, 0):
        x[row] = (m[row][3] - sum(m[row][k] * x[k] for k in range(row + 1, 3))) / m[row][row]
    return x


def _normal(rows: Sequence[tuple[float, float, float]], rhs: Sequence[float]) -> list[float] | None:
    ata = [[sum(r[i] * r[j] for r in rows) for j in range(3)] for i in range(3)]
    atb = [sum(r[i] * v for r, v in zip(rows, rhs, strict=True)) for i in range(3)]
    return _solve3(ata, atb)


def fit_circle(points: Sequence[Point], steps: int = 20) -> Circle | None:
    """The circle nearest to ``points`` (at least three, not on one line), or None."""
    if len(points) < 3:
        return None
    solved = _normal([(x, y, 1.0) for x, y in points], [-(x * x + y * y) for x, y in points])
    if solved is None:
        return None
    d, e, f = solved
    cx, cy = -d / 2, -e / 2
    r2 = cx * cx + cy * cy - f
    if r2 <= 0:
        return None
    r = math.sqrt(r2)
    for _ in range(steps):
        rows, rhs = [], []
        for x, y in points:
            dist = math.hypot(x - cx, y - cy) or 1e-9
            rows.append(((cx - x) / dist, (cy - y) / dist, -1.0))
            rhs.append(r - dist)
        delta = _normal(rows, rhs)
        if delta is None:
            break
        cx, cy, r = cx + delta[0], cy + delta[1], r + delta[2]
        if math.hypot(*delta[:2]) < 0.01 and abs(delta[2]) < 0.01:
            break
    rms = math.sqrt(sum((math.hypot(x - cx, y - cy) - r) ** 2 for x, y in points) / len(points))
    return Circle(cx, cy, abs(r), rms)


def largest_gap(points: Sequence[Point], cx: float, cy: float) -> float:
    """The widest angle (degrees) around ``(cx, cy)`` with no point in it."""
    angles = sorted(math.degrees(math.atan2(y - cy, x - cx)) % 360 for x, y in points)
    if not angles:
        return 360.0
    gaps = [b - a for a, b in zip(angles, angles[1:], strict=False)]
    gaps.append(angles[0] + 360 - angles[-1])
    return max(gaps)
