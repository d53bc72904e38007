"""ReportContext: ordering, counts, report id, and the documented template contract."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta, nodes

from exposure.model import Confidence, Severity
from exposure.report import build_context, context, redact, wording
from exposure.report.html import environment, template_dirs

from .factories import PHOTOS, PROFILE, make_finding, make_report

VIEW_CLASSES = [
    obj
    for obj in vars(context).values()
    if inspect.isclass(obj) and dataclasses.is_dataclass(obj) and obj.__module__ == context.__name__
]
TOP_LEVEL_NAMES = {"ctx", "csp"}
LOOP_NAMES = {"finding"}  # set by the loop that includes _finding.html


def test_groups_ordered_by_most_severe_then_name() -> None:
    findings = (
        make_finding(id="a", group="Zebra", severity=Severity.HIGH),
        make_finding(id="b", group="Apple", severity=Severity.LOW),
        make_finding(id="c", group="Mango", severity=Severity.HIGH),
        make_finding(id="d", group="Apple", severity=Severity.MEDIUM),
    )
    ctx = build_context(make_report(findings=findings))
    assert [g.name for g in ctx.groups] == ["Mango", "Zebra", "Apple"]
    assert [f.id for f in ctx.groups[2].findings] == ["d", "b"]
    assert [g.dom_id for g in ctx.groups] == ["group-1", "group-2", "group-3"]


def test_findings_within_a_group_follow_sort_key() -> None:
    ctx = build_context(make_report())
    assert [g.name for g in ctx.groups] == [PHOTOS, PROFILE]
    by_id = {f.id: f for f in make_report().findings}
    for group in ctx.groups:
        keys = [by_id[f.id].sort_key() for f in group.findings]
        assert keys == sorted(keys)
    dom_ids = [f.dom_id for g in ctx.groups for f in g.findings]
    assert len(set(dom_ids)) == len(dom_ids)


def test_counts_and_wording() -> None:
    ctx = build_context(make_report())
    assert [(c.severity, c.label, c.count) for c in ctx.severity_counts] == [
        ("high", "High risk", 2),
        ("medium", "Medium risk", 2),
        ("low", "Low risk", 3),
    ]
    assert ctx.total_findings == 7 and ctx.could_not_check == 3 and ctx.items_checked == 45
    assert ctx.progress_text == "0 of 7 done"
    assert ctx.groups[0].count_text == "5 things to fix"
    assert ctx.groups[0].severity_text == "2 high risk, 1 medium risk and 2 low risk"
    assert ctx.summary == (
        "We checked 45 items and found 7 things that could show where you are or have been: "
        "2 high risk, 2 medium risk and 3 low risk. 3 items could not be checked; they are "
        "listed at the end."
    )


def test_null_island_is_not_shown_as_a_place() -> None:
    ctx = build_context(make_report())
    null = next(f for g in ctx.groups for f in g.findings if f.id == "f-null-island")
    assert null.evidence[0].position is None


@pytest.mark.parametrize(
    ("items", "counts", "skipped", "expected"),
    [
        (1, {}, 0, "We checked 1 item and found nothing that shows where you are."),
        (
            0,
            {Severity.LOW: 1},
            1,
            "We found 1 thing that could show where you are or have been: 1 low risk. 1 item could not",
        ),
    ],
)
def test_summary_sentence(
    items: int, counts: dict[Severity, int], skipped: int, expected: str
) -> None:
    full = {s: counts.get(s, 0) for s in Severity}
    assert wording.summary_sentence(items, full, skipped).startswith(expected)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2024, 5, 1, 14, 3), "1 May 2024, 14:03"),
        (datetime(2024, 5, 1, 14, 3, tzinfo=UTC), "1 May 2024, 14:03 UTC"),
        (
            datetime(2024, 5, 1, 14, 3, tzinfo=timezone(timedelta(hours=-3, minutes=-30))),
            "1 May 2024, 14:03 (UTC-03:30)",
        ),
        (
            datetime(2024, 5, 1, 14, 3, tzinfo=timezone(timedelta(hours=5, minutes=45))),
            "1 May 2024, 14:03 (UTC+05:45)",
        ),
    ],
)
def test_moment_text(moment: datetime, expected: str) -> None:
    assert wording.moment_text(moment, date_only=False) == expected
    assert wording.moment_text(moment, date_only=True) == "1 May 2024"


def test_report_id_depends_only_on_the_set_of_findings() -> None:
    report = make_report()
    same = make_report(
        findings=report.findings[::-1], skipped=(), generated_at=datetime(2025, 1, 1)
    )
    other = make_report(findings=report.findings[1:])
    assert build_context(report).report_id == build_context(same).report_id
    assert build_context(report).report_id != build_context(other).report_id
    assert build_context(report).report_id == build_context(redact(report)).report_id
    assert len(build_context(report).report_id) == 16


def test_storage_keys_are_namespaced_by_report() -> None:
    ctx = build_context(make_report())
    finding = ctx.groups[0].findings[0]
    assert finding.storage_key == f"exposure:v1:{ctx.report_id}:{finding.id}"


def test_confidence_is_words() -> None:
    f = make_finding(confidence=Confidence.LOW)
    view = build_context(make_report(findings=(f,))).groups[0].findings[0]
    assert view.confidence_label == wording.CONFIDENCE_LABEL[Confidence.LOW]


# -- the template contract -------------------------------------------------------------


def documented_fields() -> set[str]:
    """Names of context fields followed by a docstring (attribute docstrings, read by ast)."""
    tree = ast.parse(Path(context.__file__).read_text(encoding="utf-8"))
    names: set[str] = set()
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        body = cls.body
        for stmt, after in zip(body, [*body[1:], None], strict=True):
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                documented = (
                    isinstance(after, ast.Expr)
                    and isinstance(after.value, ast.Constant)
                    and isinstance(after.value.value, str)
                )
                assert documented, f"{cls.name}.{stmt.target.id} has no docstring"
                names.add(stmt.target.id)
    return names


def test_every_context_field_has_a_docstring() -> None:
    fields = {f.name for cls in VIEW_CLASSES for f in dataclasses.fields(cls)}
    assert fields == documented_fields()
    assert all(cls.__doc__ for cls in VIEW_CLASSES)


def template_names() -> list[str]:
    (folder, *_) = template_dirs()
    return sorted(p.name for p in folder.iterdir() if p.is_file())


def test_templates_use_only_documented_fields() -> None:
    env = environment()
    allowed = documented_fields()
    assert env.loader is not None
    for name in template_names():
        source, _, _ = env.loader.get_source(env, name)
        tree = env.parse(source)
        used = {node.attr for node in tree.find_all(nodes.Getattr)}
        assert used <= allowed, (name, used - allowed)
        assert not list(tree.find_all(nodes.Getitem)), name
        assert meta.find_undeclared_variables(tree) <= TOP_LEVEL_NAMES | LOOP_NAMES, name


def test_templates_never_mark_data_safe() -> None:
    env = environment()
    assert env.loader is not None
    for name in template_names():
        source, _, _ = env.loader.get_source(env, name)
        filters = {node.name for node in env.parse(source).find_all(nodes.Filter)}
        assert not filters & {"safe", "tojson"}, name
        assert "autoescape false" not in source


def test_environment_is_strict() -> None:
    env = environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ ctx.no_such_field }}").render(ctx=build_context(make_report()))


def test_css_and_js_live_in_template_files_not_python() -> None:
    names = template_names()
    assert "_style.css.j2" in names and "_script.js.j2" in names
    assert "report.html" in names
    assert all(n == "report.html" or n.startswith("_") for n in names)
