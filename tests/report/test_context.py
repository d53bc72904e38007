"""ReportContext: ordering, counts, report id, and the documented template contract."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta, nodes

from exposure.catalogue import CATALOGUE
from exposure.model import Confidence, Severity
from exposure.report import build_context, context, places_view, redact, wording, worldmap
from exposure.report.context import CHUNK, FindingView, ReportContext
from exposure.report.html import environment, template_dirs
from exposure.report.html import template_names as language_names

from .factories import (
    PHOTOS,
    PROFILE,
    make_finding,
    make_remediation,
    make_report,
    many_photos_report,
    photo_gps_finding,
)

VIEW_MODULES = (context, worldmap, places_view)  # the template contract's classes live here
VIEW_CLASSES = [
    obj
    for module in VIEW_MODULES
    for obj in vars(module).values()
    if inspect.isclass(obj) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__
]
TOP_LEVEL_NAMES = {"ctx", "csp", *language_names()}  # the language's names too
LOOP_NAMES = {"kind"}  # set by the loop that includes _kind.html


def entries(ctx: ReportContext) -> list[FindingView]:
    """Every checklist line, in page order."""
    return [f for g in ctx.groups for k in g.kinds for f in k.findings]


def test_groups_ordered_by_most_severe_then_name() -> None:
    findings = (
        make_finding(id="a", group="Zebra", severity=Severity.HIGH),
        make_finding(id="b", group="Apple", severity=Severity.LOW),
        make_finding(id="c", group="Mango", severity=Severity.HIGH),
        make_finding(id="d", group="Apple", severity=Severity.MEDIUM),
    )
    ctx = build_context(make_report(findings=findings))
    assert [g.name for g in ctx.groups] == ["Mango", "Zebra", "Apple"]
    (apple,) = ctx.groups[2].kinds  # same kind: one section, most serious first
    assert [f.id for f in apple.findings] == ["d", "b"]
    assert apple.severity == "medium" and apple.count == 2
    assert [g.dom_id for g in ctx.groups] == ["group-1", "group-2", "group-3"]


def test_kinds_ordered_by_severity_then_confidence_then_kind() -> None:
    findings = (
        make_finding(id="1", kind="zz-low", severity=Severity.LOW),
        make_finding(
            id="2", kind="bb-high-unsure", severity=Severity.HIGH, confidence=Confidence.LOW
        ),
        make_finding(id="3", kind="cc-high", severity=Severity.HIGH),
        make_finding(id="4", kind="aa-medium", severity=Severity.MEDIUM),
        make_finding(id="5", kind="cc-high", severity=Severity.LOW),
        make_finding(id="6", kind="ab-high", severity=Severity.HIGH),
    )
    (group,) = build_context(make_report(findings=findings)).groups
    assert [k.kind for k in group.kinds] == [
        "ab-high", "cc-high", "bb-high-unsure", "aa-medium", "zz-low",
    ]  # fmt: skip
    assert [f.id for f in group.kinds[1].findings] == ["3", "5"]
    assert [k.dom_id for k in group.kinds] == [f"kind-{n}" for n in range(1, 6)]


def test_findings_within_a_kind_follow_sort_key() -> None:
    ctx = build_context(make_report())
    assert [g.name for g in ctx.groups] == [PHOTOS, PROFILE]
    by_id = {f.id: f for f in make_report().findings}
    for group in ctx.groups:
        for kind in group.kinds:
            keys = [by_id[f.id].sort_key() for f in kind.findings]
            assert keys == sorted(keys)
            assert {by_id[f.id].kind for f in kind.findings} == {kind.kind}
    dom_ids = [f.dom_id for f in entries(ctx)]
    assert dom_ids == [f"finding-{n}" for n in range(1, len(dom_ids) + 1)]  # page order


def test_shared_advice_is_taken_once_and_differences_are_kept() -> None:
    usual = [photo_gps_finding(n) for n in range(3)]
    odd = replace(
        photo_gps_finding(9),
        why="Other.",
        remediation=make_remediation(),
        confidence=Confidence.LOW,
    )
    (group,) = build_context(make_report(findings=(*usual, odd))).groups
    (kind,) = group.kinds
    reason, more = wording.split_why(usual[0].why)
    assert kind.why == reason and more is not None and "Researchers" in more
    assert kind.more_why == more  # folded under "More about why"
    assert not kind.steps_folded  # high risk: the steps are on show
    assert kind.fix.summary == usual[0].remediation.summary
    assert kind.confidence_label is None  # sure: not worth the words
    assert kind.heading == "4 photos show where they were taken"
    views = {f.id: f for f in kind.findings}
    for finding in usual:
        view = views[finding.id]
        assert (view.why, view.fix, view.confidence_label) == (None, None, None)
    assert views[odd.id].why == "Other."
    assert views[odd.id].fix is not None and views[odd.id].fix.summary == make_remediation().summary
    assert views[odd.id].confidence_label == wording.CONFIDENCE_LABEL[Confidence.LOW]


def test_chunks_cover_every_entry_in_order() -> None:
    count = 2 * CHUNK + 1
    kind = build_context(many_photos_report(count)).groups[0].kinds[0]
    assert [len(c.findings) for c in kind.chunks] == [CHUNK, CHUNK, 1]
    assert [c.full for c in kind.chunks] == [True, True, False]
    assert [f for c in kind.chunks for f in c.findings] == list(kind.findings)
    assert kind.skip_list and kind.has_tools
    assert kind.progress_text == f"0 of {count} done"
    assert kind.tick_all_text == f"Tick all {count} as done"
    single = build_context(many_photos_report(count)).groups[0].kinds[1]
    assert not single.skip_list and not single.has_tools
    assert single.heading == "1 folder of photos records when they were taken and with which camera"


def test_every_catalogue_kind_has_heading_words() -> None:
    """A new kind in exposure/catalogue needs words in report/wording.py KIND_HEADING."""
    missing = sorted(set(CATALOGUE) - set(wording.KIND_HEADING))
    assert not missing, f"add (one, many) section headings to KIND_HEADING for {missing}"
    for kind, (one, many) in wording.KIND_HEADING.items():
        assert wording.kind_heading(kind, 1) == f"1 {one}"
        assert wording.kind_heading(kind, 41) == f"41 {many}"


def test_kind_heading_fallbacks() -> None:
    summary = "A thing holds the place it was made."
    assert wording.kind_heading("new-kind", 3, summary) == (
        "A thing holds the place it was made (3 items)"
    )
    assert wording.kind_heading("new-kind", 1) == "1 finding of the type “new-kind”"


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
    assert [k.count for k in ctx.groups[0].kinds] == [1, 1, 1, 1, 1]
    assert ctx.groups[0].severity_text == "2 high risk, 1 medium risk and 2 low risk"
    assert ctx.summary == (
        "We checked 45 items and found 7 things that could show where you are or have been: "
        "2 high risk, 2 medium risk and 3 low risk. 3 items could not be checked; they are "
        "listed at the end."
    )


def test_null_island_is_not_shown_as_a_place() -> None:
    ctx = build_context(make_report())
    null = next(f for f in entries(ctx) if f.id == "f-null-island")
    assert null.place is None and null.evidence[0].position is None


def test_entry_line_and_details_do_not_repeat_each_other() -> None:
    ctx = build_context(make_report())
    home = next(f for f in entries(ctx) if f.id == "f-home-gps")
    assert home.place == "52.520008, 13.404954"
    assert home.when == "14 June 2023, 07:42 (UTC+02:00)"
    (evidence,) = home.evidence
    assert evidence.position is None and evidence.observed is None and evidence.locator is None
    assert evidence.place_name == "Example Street 12, Berlin"
    shared = build_context(redact(make_report()))
    home = next(f for f in entries(shared) if f.id == "f-home-gps")
    assert (home.place, home.when) == ("52.52, 13.40", "14 June 2023")


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


def test_storage_key_is_namespaced_by_report() -> None:
    ctx = build_context(make_report())
    assert ctx.storage_key == f"exposure:v1:{ctx.report_id}"


def test_confidence_is_words() -> None:
    f = make_finding(confidence=Confidence.LOW)
    kind = build_context(make_report(findings=(f,))).groups[0].kinds[0]
    assert kind.confidence_label == wording.CONFIDENCE_LABEL[Confidence.LOW]
    assert kind.findings[0].confidence_label is None  # said by the section


# -- the template contract -------------------------------------------------------------


def documented_fields() -> set[str]:
    """Names of context fields followed by a docstring (attribute docstrings, read by ast)."""
    trees = [ast.parse(Path(m.__file__ or "").read_text(encoding="utf-8")) for m in VIEW_MODULES]
    names: set[str] = set()
    for cls in (n for tree in trees for n in tree.body if isinstance(n, ast.ClassDef)):
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


def report_template_names() -> list[str]:
    """The report page, the partials it includes (followed through includes) and the style
    and script rendered into it; other pages (summary, handout, serve) have contexts of
    their own and are tested with them."""
    env = environment()
    assert env.loader is not None
    todo = ["report.html", "_style.css.j2", "_script.js.j2"]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source, _, _ = env.loader.get_source(env, name)
        todo.extend(n for n in meta.find_referenced_templates(env.parse(source)) if n)
    return sorted(seen)


def test_templates_use_only_documented_fields() -> None:
    env = environment()
    allowed = documented_fields()
    assert env.loader is not None
    for name in report_template_names():
        source, _, _ = env.loader.get_source(env, name)
        tree = env.parse(source)
        used = {node.attr for node in tree.find_all(nodes.Getattr)}
        assert used <= allowed, (name, used - allowed)
        assert not list(tree.find_all(nodes.Getitem)), name
        own = {n.target.name for n in tree.find_all(nodes.AssignBlock)}  # {% set x %}...
        assert meta.find_undeclared_variables(tree) - own <= TOP_LEVEL_NAMES | LOOP_NAMES, name


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
    # Pages are whole documents; everything else is a partial whose name starts with "_".
    pages = {"report.html", "summary.html", "handout.html", "serve.html"}
    assert all(n in pages or n.startswith("_") for n in names), set(names) - pages
    assert "_kind.html" in report_template_names()
