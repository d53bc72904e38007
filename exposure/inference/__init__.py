"""What a stranger can work out: places, their roles, and the findings that follow.

``infer(points)`` runs ``INFERENCE_STEPS`` in order over the audit's located points and
returns the places (``exposure.model.Place``) and findings it concluded; the contract is in
``base.py``.  Steps are an explicit registry, like detectors: each has a name, a docstring
and the finding kinds it can produce (``tests/test_registry.py`` checks them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from exposure.inference.base import Inference, InferenceStep
from exposure.inference.places import to_places
from exposure.inference.steps import (
    NamesStep,
    PlacesStep,
    PlatformLabelStep,
    PrivacyZoneStep,
    RolesStep,
    TimePatternStep,
)
from exposure.model import LocatedPoint
from exposure.pointstore import PointStore

INFERENCE_STEPS: tuple[type[InferenceStep], ...] = (
    PlacesStep,
    PrivacyZoneStep,
    PlatformLabelStep,
    RolesStep,
    TimePatternStep,
    NamesStep,
)


def infer(
    points: PointStore | Iterable[LocatedPoint], groups: Mapping[str, str] | None = None
) -> Inference:
    """Run every step over ``points``; the result holds ``places`` and ``findings``.

    ``points`` is a :class:`~exposure.pointstore.PointStore` (what the audit collects), or
    any ``LocatedPoint`` records, put in a store first.

    ``groups`` maps finding ids to their groups (where the user acts), so a finding made
    from others (a privacy zone from route ends) lands in the same group."""
    state = Inference(points=PointStore.of(points), groups=groups or {})
    for step in INFERENCE_STEPS:
        state = step().run(state)
    return replace(state, places=to_places(state.clusters))


def inference_kinds() -> tuple[str, ...]:
    """Every finding kind the registered steps can produce."""
    return tuple(kind for step in INFERENCE_STEPS for kind in step.kinds)


__all__ = ["INFERENCE_STEPS", "Inference", "InferenceStep", "infer", "inference_kinds"]
