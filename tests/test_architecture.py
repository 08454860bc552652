"""The shape of the code: the floors contract (.importlinter) and a ceiling on complexity.

Neither needs the database; both read the source as it is on disk.
"""

from __future__ import annotations

from pathlib import Path

from importlinter.cli import lint_imports
from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "core", "remiss", "accounts", "notifications", "opendata", "benchmarks")
MAX_COMPLEXITY = 20
# A function may stay above the ceiling when a comment at it says why: "# complexity: <reason>".
WHY = "# complexity:"


def test_the_floors_contract_is_kept():
    assert lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True) == 0


def _functions(path: Path):
    source = path.read_text()
    lines = source.splitlines()
    for block in cc_visit(source):
        for item in [block, *getattr(block, "methods", [])]:
            if item.letter in ("F", "M"):
                name = f"{item.classname}.{item.name}" if getattr(item, "classname", None) else item.name
                # the comment may stand on the lines just above the def or within its first lines
                near = "\n".join(lines[max(item.lineno - 4, 0) : item.lineno + 3])
                yield name, item.complexity, WHY in near


def test_no_function_is_more_complex_than_the_ceiling():
    files = [p for package in PACKAGES for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]
    assert len(files) > 50  # the walk found the code
    too_complex = []
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        for name, complexity, explained in _functions(path):
            if complexity > MAX_COMPLEXITY and not explained:
                too_complex.append(f"{relative}: {name} ({complexity})")
    assert too_complex == [], f"split these, or say why at the function ({WHY} …)"


def test_no_test_clears_the_shared_cache():
    """The suite runs on several processes sharing one Redis database (cache, broker, results):
    clearing the cache is FLUSHDB there and wipes the others' rate-limit counters and queued tasks.
    Each test already counts in a namespace of its own (conftest ``_own_rate_limits``)."""
    flush = "cache" + ".clear()"  # not spelled out here, or this file would find itself
    offenders = [path.name for path in Path(__file__).parent.glob("test_*.py") if flush in path.read_text()]
    assert offenders == []


# Rules that have one home: a status tuple spelled out again elsewhere is a second definition.
ONE_HOME = {
    r"RemissStatus\.PUBLISHED,\s*RemissStatus\.CLOSED": "Remiss.accepts_answers or RemissStatus.ANSWERABLE",
    r"RemissStatus\.CLOSED,\s*RemissStatus\.ARCHIVED": "Remiss.objects.public() or RemissStatus.PUBLIC",
    r"ResponseStatus\.SUBMITTED,\s*ResponseStatus\.DECLINED": "Response.is_final or ResponseStatus.FINAL",
    r"ResponseStatus\.DECLINED,\s*ResponseStatus\.SUBMITTED": "Response.is_final or ResponseStatus.FINAL",
    r"\"submitted\",\s*\"declined\"": "ResponseStatus.FINAL",
    r"\"published\",\s*\"closed\"": "RemissStatus.ANSWERABLE",
    r"def has_passed\(": "deadline_has_passed (remiss.models) through Remiss/Recipient.deadline_passed",
    r"def newest_per_response\(": "Submission.objects.newest_per_response()",
    r"SUPPORTS, PARTLY, OPPOSES, NO_VIEW = \"supports\"": "Stance (remiss.models.responses)",
}


def test_each_rule_has_one_definition():
    import re

    home = {ROOT / "remiss" / "models" / "remisser.py", ROOT / "remiss" / "models" / "responses.py"}
    files = [
        p
        for package in PACKAGES
        for p in (ROOT / package).rglob("*.py")
        if "migrations" not in p.parts and p not in home
    ]
    assert len(files) > 50
    copies = [
        f"{path.relative_to(ROOT)}: use {where}"
        for path in files
        for pattern, where in ONE_HOME.items()
        if re.search(pattern, path.read_text())
    ]
    assert copies == []


def test_no_reference_leads_outside_the_repository():
    """Docstrings and comments point to docs/ (architecture, glossary, decisions), never to a design
    brief or an issue tracker a reader of the repository cannot open."""
    import re

    pattern = re.compile("DESI" + r"GN §|\bissue \d+|\bissue #\d+", re.IGNORECASE)  # split: not found here
    suffixes = {".py", ".html", ".txt", ".sh", ".md"}
    places = [ROOT / name for name in (*PACKAGES, "tests", "templates", "scripts", "docs")]
    files = [p for place in places for p in place.rglob("*") if p.suffix in suffixes and p.is_file()]
    files += [ROOT / ".importlinter", ROOT / "README.md", ROOT / "Makefile"]
    assert len(files) > 100
    found = [f"{p.relative_to(ROOT)}" for p in files if pattern.search(p.read_text(errors="replace"))]
    assert found == []


def test_every_task_is_queued_by_name_through_core_jobs():
    """Background work is queued with ``core.jobs.enqueue`` (after commit) or ``core.jobs.send``, by the
    task's name: no module imports a task to call ``.delay`` on it."""
    import re

    pattern = re.compile(r"\.delay\(|\.apply_async\(")
    apps = [package for package in PACKAGES if package != "benchmarks"]  # a benchmark may use its own pools
    files = [p for package in apps for p in (ROOT / package).rglob("*.py") if p != ROOT / "core" / "jobs.py"]
    assert len(files) > 50
    assert [str(p.relative_to(ROOT)) for p in files if pattern.search(p.read_text())] == []


def test_no_module_is_longer_than_500_lines():
    """A module reads in one sitting; split by concern when it grows (migrations are generated)."""
    apps = [package for package in PACKAGES if package != "benchmarks"]
    files = [p for package in apps for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]
    assert len(files) > 50
    long = [f"{p.relative_to(ROOT)} ({n})" for p in files if (n := len(p.read_text().splitlines())) > 500]
    assert long == []


def test_every_audited_action_has_a_swedish_label():
    """The admin shows audit events as Swedish phrases: an action recorded anywhere needs one."""
    import re

    from accounts.audit_labels import ACTION_LABELS

    pattern = re.compile(r"audit\.record\(\s*[\"']([a-z_]+\.[a-z_.]+)[\"']")
    apps = [package for package in PACKAGES if package != "benchmarks"]
    recorded = {m for package in apps for p in (ROOT / package).rglob("*.py") for m in pattern.findall(p.read_text())}
    assert len(recorded) > 20
    assert sorted(recorded - set(ACTION_LABELS)) == []
