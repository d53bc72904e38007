"""The built-in inference steps (registered in ``INFERENCE_STEPS``, run in that order)."""

from __future__ import annotations

from dataclasses import replace

from exposure.inference.base import Inference, InferenceStep
from exposure.inference.grid import cluster_points
from exposure.inference.roles import assign_roles


class PlacesStep(InferenceStep):
    """Clusters every located point into places of tens of metres (grid + haversine)."""

    name = "places"

    def run(self, state: Inference) -> Inference:
        found = cluster_points(state.points)
        notes = list(state.notes)
        if found.imprecise:
            notes.append(
                f"{found.imprecise:,} imprecise positions (more than 250 m either way) "
                "were left out of the places."
            )
        return replace(state, clusters=found.clusters, notes=tuple(notes))


class RolesStep(InferenceStep):
    """Says which place is home, work, regular or a one-off visit, with a reason."""

    name = "roles"

    def run(self, state: Inference) -> Inference:
        return replace(state, clusters=assign_roles(state.clusters))
