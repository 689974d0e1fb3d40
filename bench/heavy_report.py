"""Issue 34, target 5: heavy work a person waits for — the yearly report at a scale, and a 10,000-row Excel import.

    .venv/bin/python bench/heavy_report.py report --scale 3 [--year 2024] [--repeat 3] [--profile]
    .venv/bin/python bench/heavy_report.py import --scale 3 [--rows 10000] [--kinds nominees ratings] [--profile]

``report``: for each yearly kind (``yearly_statistics``, the calendar year's summary with the fund; ``circular_forms``,
forms 0601–0605 of the circular over its reporting year 01/12–30/11) the worker's own function
(``reports.tasks._generate``: figures in SQL, the PDF, the Excel workbook, both stored) runs in a child process of
its own, inside a transaction that is rolled back (the scale's database is left as it was; the files go to a
temporary folder, removed afterwards). Measured per run: wall time, the child's CPU time (Python's side only:
PostgreSQL works in its own processes, whose share shows in the SQL time), the SQL time and query count (from
Django's execute wrapper), each phase (figures, PDF, Excel) and the child's peak resident set (``ru_maxrss`` of
the child, which is the whole process: Django and its imports included; the idle process's is shown beside it).

``import``: a valid workbook of ``--rows`` rows is made for each importer of ``core.import_jobs.IMPORTERS`` named
(``nominees``: a year-end dossier of a large unit, individuals with their person codes and collectives with their
unit codes, awards the city decides; ``ratings``: the Board's sheet of task ratings for a year), stored as an
``ImportJob`` and run with ``core.import_jobs.run`` — what the worker's task does — in a child process, inside a
transaction rolled back at the end. The limits that refuse a sheet this long (``IMPORT_MAX_ROWS``, 5,000 by
default; the nominee list's own ``MAX_ROWS``, 2,000) are raised for the child only, and the output says so.
Measured: wall, CPU, SQL, queries, peak RSS, and when the progress page last counted the rows read and the rows
checked and saved (importers that count that stage: the nominee list).

``--profile`` adds a cProfile of the measured call (the top functions by cumulative and by own time) below the
table. ``--database NAME`` runs on another database than the scale's (``hptd_bench_<scale>``, made by bench/run.py).
Prints Markdown for bench/results.md. Timings on a shared machine are noisy: take ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))
from run import PY, env_for  # noqa: E402

YEARLY_KINDS = ("yearly_statistics", "circular_forms")


# --- the child processes -----------------------------------------------------------------------------------------

def _peak_mb() -> float:
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # kilobytes on Linux


class _Meter:
    """Wall, CPU and SQL time of a block, with its query count and named phases."""

    def __init__(self):
        self.sql_seconds, self.queries, self.phases = 0.0, 0, {}

    def sql(self, execute, sql, params, many, context):
        import time

        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql_seconds += time.perf_counter() - started
            self.queries += 1

    def phase(self, module, name: str, label: str):
        """Wrap ``module.name`` so that its calls add to phase ``label``."""
        import functools
        import time

        original = getattr(module, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.phases[label] = self.phases.get(label, 0.0) + time.perf_counter() - started

        setattr(module, name, timed)


def _profiled(call, profile_path: str):
    if not profile_path:
        return call()
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    try:
        return profiler.runcall(call)
    finally:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs()
        out.write("By cumulative time:\n")
        stats.sort_stats("cumulative").print_stats(35)
        out.write("By own time:\n")
        stats.sort_stats("tottime").print_stats(25)
        with open(profile_path, "w") as handle:
            handle.write(out.getvalue())


def child_report(spec: dict) -> dict:
    import time

    import django

    django.setup()
    from django.db import connection, transaction

    from reports import data, periods, render, tasks
    from reports.models import Report, ReportStatus

    idle_mb = _peak_mb()
    meter = _Meter()
    meter.phase(data, "collect", "figures")
    meter.phase(render, "pdf_bytes", "pdf")
    meter.phase(render, "xlsx_bytes", "xlsx")
    start, end = periods.bounds(spec["kind"], spec["year"])
    with transaction.atomic():
        report, _ = Report.objects.get_or_create(kind=spec["kind"], period_start=start,
                                                 defaults={"period_end": end})
        Report.objects.filter(pk=report.pk).update(status=ReportStatus.QUEUED, period_end=end, finished_at=None)
        with connection.execute_wrapper(meter.sql):
            wall, cpu = time.perf_counter(), time.process_time()
            result = _profiled(lambda: tasks._generate(report.pk), spec.get("profile", ""))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        report.refresh_from_db()
        assert report.status == ReportStatus.DONE, (result, report.error)
        with report.pdf.open("rb") as pdf, report.xlsx.open("rb") as xlsx:
            pdf_bytes, xlsx_bytes = len(pdf.read()), len(xlsx.read())
        transaction.set_rollback(True)
    return {"wall": wall, "cpu": cpu, "sql": meter.sql_seconds, "queries": meter.queries, "phases": meter.phases,
            "peak_mb": _peak_mb(), "idle_mb": idle_mb, "pdf_bytes": pdf_bytes, "xlsx_bytes": xlsx_bytes,
            "period": f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"}


def _nominee_sheet(rows: int, year: int):
    """The rows of a year-end list of the smallest unit with ``rows`` people under it (not the city itself; else the
    largest): individuals with their person codes (each person once while there are enough), a collective with a
    unit code every tenth row. Nothing is written."""
    from django.db.models import Count

    from awards.imports import HEADERS
    from organisation.models import Person, Unit

    direct = dict(Person.objects.values_list("unit__path").annotate(n=Count("pk")).values_list("unit__path", "n"))
    under = {}  # persons under each unit's path, its own included
    for path, n in direct.items():
        ids = path.strip("/").split("/")
        for depth in range(1, len(ids) + 1):
            prefix = "/" + "/".join(ids[:depth]) + "/"
            under[prefix] = under.get(prefix, 0) + n
    candidates = Unit.objects.filter(dissolved_on=None).exclude(parent=None)
    sizes = sorted((under.get(u.path, 0), u.pk) for u in candidates.only("path"))
    enough = [size for size in sizes if size[0] >= rows]
    best = Unit.objects.get(pk=(enough[0] if enough else sizes[-1])[1])  # the smallest unit with enough people
    people = list(Person.objects.filter(unit__path__startswith=best.path).order_by("pk").values_list(
        "pk", "full_name")[: rows])
    collectives = list(Unit.objects.filter(path__startswith=best.path).order_by("pk").values_list("code", "name"))
    individual_awards, collective_awards = ("bang-khen-chu-tich", "cstd-thanh-pho"), ("bang-khen-chu-tich-tap-the",
                                                                                      "tap-the-ldxs")
    sheet = [HEADERS]
    for i in range(rows):
        values = [None] * len(HEADERS)
        if i % 10 == 9:
            code, name = collectives[i % len(collectives)]
            values[0], values[1], values[2], values[6] = "Tập thể", name, collective_awards[i % 2], code
        else:
            pk, name = people[i % len(people)]
            values[0], values[1], values[2], values[5] = "Cá nhân", name, individual_awards[i % 2], pk
        values[3] = f"Hoàn thành xuất sắc nhiệm vụ năm {year}, dẫn đầu phong trào thi đua của đơn vị (dòng {i + 2})"
        sheet.append(values)
    return sheet, {"unit": best.code, "persons": len(people), "collectives": len(collectives)}


def _nominee_dossier(unit_code: str, year: int):
    """The unit's staff account and its draft year-end dossier (inside the measuring child's transaction)."""
    from django.contrib.auth.models import Group

    from awards.services import create_submission
    from organisation.models import Unit, User
    from organisation.roles import Role

    unit = Unit.objects.get(code=unit_code)
    user = User.objects.create_user("bench_import_staff", password=None, unit=unit)
    user.groups.set([Group.objects.get(name=Role.UNIT_STAFF)])
    return user, create_submission(user, unit=unit, title="Bench: year-end list", year=year, round_kind="yearly",
                                   commendation_type="regular")


def _ratings_sheet(rows: int, year: int):
    from awards.ratings import HEADERS
    from organisation.models import Person

    people = list(Person.objects.order_by("pk").values_list("pk", "full_name")[:rows])
    grades = ("HTXSNV", "HTTNV", "HTNV", "HTTNV")
    sheet = [HEADERS] + [[pk, name, "", year, grades[i % 4]] for i, (pk, name) in enumerate(people)]
    return sheet, {"persons": len(people)}


def child_sheet(spec: dict) -> dict:
    """The workbook, made in a child of its own (so that the measuring child's peak memory is the import's), saved
    to ``spec["path"]`` as a unit would send it (not write-only: the file says how many rows it has)."""
    import django

    django.setup()
    from openpyxl import Workbook

    rows, about = (_nominee_sheet if spec["kind"] == "nominees" else _ratings_sheet)(spec["rows"], spec["year"])
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(spec["path"])
    return about


def child_import(spec: dict) -> dict:
    import time

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.files.base import ContentFile
    from django.db import connection, transaction

    from awards import imports
    from core import import_jobs
    from core.models import ImportStatus

    imports.MAX_ROWS = max(imports.MAX_ROWS, spec["rows"])  # raised for this child only (said in the output)
    idle_mb = _peak_mb()
    meter, moves = _Meter(), {False: [], True: []}  # the page's counter: rows read, rows checked and saved
    counter = import_jobs.progress_counter

    def watched(job_id):
        report = counter(job_id)

        def progress(rows, saved=False):
            report(rows, saved=saved)
            if rows % import_jobs.PROGRESS_EVERY == 0:
                moves[saved].append((rows, time.perf_counter()))

        return progress

    import_jobs.progress_counter = watched
    with transaction.atomic():
        if spec["kind"] == "nominees":
            user, submission = _nominee_dossier(spec["about"]["unit"], spec["year"])
        else:  # the Board: the whole city
            user, submission = get_user_model().objects.get(username="demo_officer"), None
        with open(spec["path"], "rb") as handle:
            content = handle.read()
        upload = ContentFile(content, name=f"bench-{spec['kind']}.xlsx")
        job = import_jobs.queue(user, f"awards.{spec['kind']}", upload, submission.pk if submission else None)
        with connection.execute_wrapper(meter.sql):
            wall, cpu = time.perf_counter(), time.process_time()
            _profiled(lambda: import_jobs.run(job.pk), spec.get("profile", ""))
            wall_end = time.perf_counter()
            wall, cpu = wall_end - wall, time.process_time() - cpu
        job.refresh_from_db()
        started = wall_end - wall
        result = {"wall": wall, "cpu": cpu, "sql": meter.sql_seconds, "queries": meter.queries, "peak_mb": _peak_mb(),
                  "idle_mb": idle_mb, "status": job.status, "imported": job.imported, "errors": job.errors[:5],
                  "rows_total": job.rows_total, "xlsx_bytes": len(content), "about": spec["about"],
                  "read_by": round(moves[False][-1][1] - started, 2) if moves[False] else None,
                  "saved_last": round(moves[True][-1][1] - started, 2) if moves[True] else None,
                  "bar_moves": len(moves[False]) + len(moves[True])}
        cache.delete(f"import-progress-{job.pk}")
        transaction.set_rollback(True)
    assert result["status"] == ImportStatus.DONE, result
    return result


# --- the parent ----------------------------------------------------------------------------------------------------

def _child(mode: str, spec: dict, env: dict) -> dict:
    out = subprocess.run([PY, __file__, "--child", mode, json.dumps(spec)], cwd=ROOT, env=env, capture_output=True,
                         text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-4000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _env(args) -> dict:
    env = dict(env_for(args.scale), PYTHONPATH=str(ROOT))
    if args.database:
        env["DATABASE_URL"] = env["DATABASE_URL"].rsplit("/", 1)[0] + "/" + args.database
    return env


def _median(runs, key):
    return statistics.median(r[key] for r in runs)


def _spread(runs, key, digits=2):
    values = [r[key] for r in runs]
    middle = round(statistics.median(values), digits)
    return f"{middle}" if len(values) == 1 else f"{middle} ({round(min(values), digits)}–{round(max(values), digits)})"


def machine() -> str:
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    return (f"{platform.node()}: {cores} cores (shared with other sessions), Python {platform.python_version()}, "
            f"load average {load:.1f} at the start")


def main_report(args, env, media):
    print(f"Yearly reports, year {args.year}, database {env['DATABASE_URL'].rsplit('/', 1)[1]}; {machine()}; "
          f"{args.repeat} run(s) each, each in a fresh child process, median (min–max):\n")
    print("| kind | period | wall s | CPU s (Python) | SQL s | queries | figures s | PDF s | Excel s | peak RSS MB "
          "(idle process) | PDF bytes | Excel bytes |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    profiles = []
    for kind in args.kinds:
        runs = []
        for i in range(args.repeat):
            profile = str(media / f"profile-{kind}.txt") if args.profile and i == 0 else ""
            runs.append(_child("report", {"kind": kind, "year": args.year, "profile": profile}, env))
            if profile:
                profiles.append((kind, Path(profile).read_text()))
        phase = {p: statistics.median(r["phases"].get(p, 0) for r in runs) for p in ("figures", "pdf", "xlsx")}
        last = runs[-1]
        print(f"| {kind} | {last['period']} | {_spread(runs, 'wall')} | {_spread(runs, 'cpu')} | "
              f"{_spread(runs, 'sql')} | {last['queries']} | {phase['figures']:.2f} | {phase['pdf']:.2f} | "
              f"{phase['xlsx']:.2f} | {_spread(runs, 'peak_mb', 0)} ({_median(runs, 'idle_mb'):.0f}) | "
              f"{last['pdf_bytes']} | {last['xlsx_bytes']} |", flush=True)
    for kind, text in profiles:
        print(f"\ncProfile of {kind}:\n\n```\n{text}```")


def main_import(args, env, media):
    limits = max(args.rows, 5000)
    env = dict(env, IMPORT_MAX_ROWS=str(limits))
    print(f"Excel imports of {args.rows} rows run as the worker runs them (core.import_jobs.run), database "
          f"{env['DATABASE_URL'].rsplit('/', 1)[1]}; {machine()}; limits raised for the bench: IMPORT_MAX_ROWS="
          f"{limits}, awards.imports.MAX_ROWS={max(args.rows, 2000)}; {args.repeat} run(s) each, median (min–max):\n")
    print("| import | rows imported | wall s | CPU s (Python) | SQL s | queries | page: all rows read at s | "
          "page: last count of rows saved at s | peak RSS MB (idle process) | workbook bytes |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    profiles, abouts = [], []
    for kind in args.kinds:
        runs, path = [], str(media / f"bench-{kind}.xlsx")
        about = _child("sheet", {"kind": kind, "rows": args.rows, "year": args.year, "path": path}, env)
        for i in range(args.repeat):
            profile = str(media / f"profile-{kind}.txt") if args.profile and i == 0 else ""
            runs.append(_child("import", {"kind": kind, "rows": args.rows, "year": args.year, "profile": profile,
                                          "path": path, "about": about}, env))
            if profile:
                profiles.append((kind, Path(profile).read_text()))
        last = runs[-1]
        abouts.append((kind, last["about"]))
        print(f"| {kind} | {last['imported']} | {_spread(runs, 'wall')} | {_spread(runs, 'cpu')} | "
              f"{_spread(runs, 'sql')} | {last['queries']} | {last['read_by']} | {last['saved_last'] or '—'} | "
              f"{_spread(runs, 'peak_mb', 0)} ({_median(runs, 'idle_mb'):.0f}) | {last['xlsx_bytes']} |", flush=True)
    print()
    for kind, about in abouts:
        print(f"- {kind}: {about}")
    for kind, text in profiles:
        print(f"\ncProfile of the {kind} import:\n\n```\n{text}```")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        spec = json.loads(sys.argv[3])
        result = {"report": child_report, "sheet": child_sheet, "import": child_import}[sys.argv[2]](spec)
        print(json.dumps(result, default=str))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("report", "import"):
        sub = commands.add_parser(name)
        sub.add_argument("--scale", type=float, default=3)
        sub.add_argument("--database", default="", help="another database than hptd_bench_<scale>")
        sub.add_argument("--repeat", type=int, default=3 if name == "report" else 1)
        sub.add_argument("--profile", action="store_true")
        if name == "report":
            sub.add_argument("--year", type=int, default=2024)
            sub.add_argument("--kinds", nargs="+", default=list(YEARLY_KINDS), choices=YEARLY_KINDS + (
                "quarterly", "monthly"))
        else:
            sub.add_argument("--year", type=int, default=2025, help="the dossier's and the ratings' year")
            sub.add_argument("--rows", type=int, default=10_000)
            sub.add_argument("--kinds", nargs="+", default=["nominees", "ratings"], choices=("nominees", "ratings"))
    args = parser.parse_args()
    media = Path(tempfile.mkdtemp(prefix="heavy-report-"))
    env = dict(_env(args), MEDIA_ROOT=str(media))  # the stored files of the runs, removed below
    try:
        (main_report if args.command == "report" else main_import)(args, env, media)
    finally:
        shutil.rmtree(media, ignore_errors=True)


if __name__ == "__main__":
    main()
