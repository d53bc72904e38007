"""The inference contract: located points in, places and findings out.

A stalker does not read a checklist line by line: they put the traces together.  The
inference does the same with located points (a position, a time, a precision and the
finding kind it backs, kept in the columns of an ``exposure.pointstore.PointStore``), in a
fixed sequence of steps::

    points --places--> clusters --privacy-zone--> (+ route-privacy-zone finding)
           --platform-labels--> --roles--> home / work / regular / visited
           --time-pattern--> (+ time-pattern finding) --names--> "near <town>"
           --> Place records (``exposure.model.Place``)

Each step is an :class:`InferenceStep`: it takes the :class:`Inference` so far and returns a
new one.  Steps are pure (no input or output, no clock, no randomness) and deterministic
(ties are broken by position or id, never by order in memory), so the same points always
give the same places.  ``INFERENCE_STEPS`` in ``exposure/inference/__init__.py`` is the
explicit registry; like detectors, each step declares the finding ``kinds`` it produces.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from exposure.inference.cluster import Cluster
from exposure.model import Finding, Place
from exposure.pointstore import PointStore


@dataclass(frozen=True)
class Inference:
    """What the steps pass along: the points, the clusters so far, and what was concluded."""

    points: PointStore
    """Every located observation kept by the audit, in columns (never copied)."""
    groups: Mapping[str, str] = field(default_factory=dict)
    """Finding id -> its group (where the user acts), for findings made from others."""
    clusters: tuple[Cluster, ...] = ()
    """Places found so far, densest first, with their time statistics and (after the
    ``roles`` step) their role."""
    findings: tuple[Finding, ...] = ()
    """Findings the steps made (``route-privacy-zone``, ``time-pattern``)."""
    places: tuple[Place, ...] = ()
    """The final places (made from the clusters once every step has run)."""


class InferenceStep(ABC):
    """One step of the inference.  Subclasses set ``name`` and ``kinds`` and write
    :meth:`run` as a pure function of the :class:`Inference` it is given."""

    name: ClassVar[str]
    kinds: ClassVar[tuple[str, ...]] = ()
    """Finding kinds this step can produce (each needs a catalogue entry and docs)."""

    @abstractmethod
    def run(self, state: Inference) -> Inference:
        """Return the next state (``dataclasses.replace`` of ``state``)."""
