"""A city decision with many awardees issued end to end, stage by stage (issue 34, target 5: 500 awardees in under
60 s on one worker).

    .venv/bin/python bench/heavy_decision.py [--awardees 500] [--database postgres://…/name] [--rounds 1]
                                             [--rebuild] [--profile DIR]

The database (``--database``, else DATABASE_URL's server with the name ``hptd_bench_decision_<awardees>``) is
created, migrated and seeded with the directive's data and the demo accounts (``seed_directive``,
``create_demo_accounts``); a dossier of ``--awardees`` individual nominees ("Bằng khen của Chủ tịch UBND thành
phố") is driven through the real services up to the Council's passed vote, and the database is kept as a template
(``<name>_ready``; ``--rebuild`` makes it again). Each round copies the template and, in one process (what one
Celery worker process does, run in-process: the signing jobs are run by ``documents.signing_jobs.run``, the task's
own body, and the certificates by the task's body, ``awards.certificates.run``), times:

1. issuing the decision (``services.issue_decision``: the numbers of the decision and of each golden-book entry,
   bonuses, the dossier's step), as the officer's POST does;
2. the decision PDF with its annex (the draft ``signed_documents.served_pdf`` serves before it is signed);
3. every awardee's certificate (one PDF of all of them, the officer's "all certificates" job);
4. the payment list (PDF and Excel);
5. the signer's signature (the signing job: the decision rendered again, signed, stored, the fund debited);
6. the records clerk's signature and seal (the signing job).

Per stage: wall seconds, CPU seconds of this process (PostgreSQL's own work is not in it), queries, and the peak
resident memory of the process so far. Prints a Markdown table for bench/results.md. ``--profile DIR`` writes a
cProfile file per stage (``DIR/<stage>.prof``, read with ``python -m pstats``) and prints each stage's top functions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
sys.path.insert(0, str(ROOT))

STAGES = [
    ("issue", "issue the decision (numbers, bonuses, step)"),
    ("decision_pdf", "decision PDF with its annex"),
    ("certificates", "certificates of every awardee (one PDF)"),
    ("payment_list", "payment list (PDF + Excel)"),
    ("sign", "signer's signature (signing job)"),
    ("seal", "records clerk's seal (signing job)"),
]


def database_url(args) -> str:
    if args.database:
        return args.database
    base = os.environ.get("DATABASE_URL")
    if not base:
        sys.exit("Give --database or set DATABASE_URL (a PostgreSQL server the bench may create databases on).")
    return base.rsplit("/", 1)[0] + f"/hptd_bench_decision_{args.awardees}"


def env_for(url: str) -> dict:
    return dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="haiphong_thidua.settings.local", DEBUG="0",
                SECRET_KEY="bench-only-secret-key-not-for-production", LOG_LEVEL="WARNING",
                CELERY_TASK_ALWAYS_EAGER="0", SIGNING_HOST="1")  # the worker runs the signing jobs: it is the signing host


def _admin(url: str):
    import psycopg2

    conn = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    conn.autocommit = True
    return conn


def _exists(url: str, name: str) -> bool:
    conn = _admin(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cur.fetchone() is not None
    finally:
        conn.close()


def _sql(url: str, *statements: str) -> None:
    conn = _admin(url)
    try:
        with conn.cursor() as cur:
            for statement in statements:
                cur.execute(statement)
    finally:
        conn.close()


def prepare(url: str, awardees: int, rebuild: bool) -> str:
    """The template database holding the dossier the Council passed; returns its name."""
    name = url.rsplit("/", 1)[1]
    ready = f"{name}_ready"
    if _exists(url, ready) and not rebuild:  # kept; migrated to this code's models (a no-op when it is)
        subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env_for(url.rsplit("/", 1)[0] + "/" + ready),
                       check=True, stdout=subprocess.DEVNULL)
        return ready
    started = time.perf_counter()
    _sql(url, f'DROP DATABASE IF EXISTS "{ready}" WITH (FORCE)', f'CREATE DATABASE "{ready}"')
    env = env_for(url.rsplit("/", 1)[0] + "/" + ready)
    for command in (["migrate", "-v0"], ["seed_directive", "-v0"], ["create_demo_accounts"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([PY, __file__, "--child-build", "--awardees", str(awardees)], cwd=ROOT, env=env, check=True)
    print(f"template database {ready} made in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return ready


# --- in the child process (Django set up on the bench's database) -----------------------------------------------

def _setup():
    import django

    django.setup()


def _dates():
    today = dt.date.today()
    meeting = min(dt.date(today.year, 1, 10), today)
    return today.year - 1, meeting, min(meeting + dt.timedelta(days=5), today)


def build(awardees: int) -> None:
    """A dossier of ``awardees`` nominees, through the real services, up to the Council's passed vote."""
    _setup()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from awards import services
    from awards.models import Appraisal, CouncilMeeting, Outcome
    from legal.models import AwardType
    from organisation.models import Person, PersonCategory, Sex, Unit, User

    users = {u.username: u for u in User.objects.filter(username__startswith="demo_")}
    staff, officer, council = users["demo_staff"], users["demo_officer"], users["demo_council"]
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    year, meeting_day, _ = _dates()
    award = AwardType.objects.get(code="bang-khen-chu-tich")
    submission = services.create_submission(staff, unit=unit, title=f"Đề nghị tặng Bằng khen năm {year}",
                                            reference="15/TTr-SKHĐT", round_kind="yearly", year=year,
                                            commendation_type="regular")
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middle = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu"]
    given = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Khánh", "Linh", "Nam", "Phương", "Quân", "Sơn",
             "Trang", "Tuấn", "Yến"]
    for i in range(awardees):
        name = f"{family[i % 10]} {middle[i // 10 % 8]} {given[i // 80 % 16]} {i + 1}"
        person = Person.objects.create(full_name=name, sex=Sex.FEMALE if i % 2 else Sex.MALE, unit=unit,
                                       category=PersonCategory.CIVIL_SERVANT, position="Chuyên viên")
        services.save_nominee(staff, submission, subject=award.subject, name=name, award_type=award, person=person,
                              achievement_summary=f"Hoàn thành xuất sắc nhiệm vụ năm {year}, dẫn đầu phong trào "
                                                  "thi đua của đơn vị")
        if (i + 1) % 100 == 0:
            print(f"  {i + 1} nominees", file=sys.stderr)
    pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    for kind in award.required_attachments:
        services.add_attachment(staff, submission, kind=kind,
                                upload=SimpleUploadedFile(f"{kind}.pdf", pdf, content_type="application/pdf"))
    services.submit(staff, submission)
    services.receive(officer, submission)
    services.assign(officer, submission, officer)
    services.appraise(officer, submission, {n.pk: (Appraisal.ELIGIBLE, "Đã thẩm định hồ sơ")
                                            for n in submission.nominees.all()})
    meeting = CouncilMeeting.objects.create(held_on=meeting_day, title=f"Phiên họp Hội đồng {submission.pk}")
    services.send_to_council(officer, submission, meeting)
    services.cast_votes(council, submission, {n.pk: "yes" for n in submission.nominees.all()})
    services.close_vote(officer, submission)
    passed = submission.nominees.filter(outcome=Outcome.PASSED).count()
    if passed != awardees:
        raise SystemExit(f"only {passed} of {awardees} nominees passed the Council")
    print(f"dossier {submission.pk}: {passed} nominees passed the Council", file=sys.stderr)


class Counter:
    def __init__(self):
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)


def measure(profile_dir: str | None, only: list[str] | None = None) -> list[dict]:
    """Run each stage once on the copied database; returns one row per stage."""
    _setup()
    import cProfile
    import io
    import pstats

    from django.db import connection, transaction

    from awards import documents, services, signed_documents
    from awards.models import Decision, Nominee, Outcome, SignedDocument, Submission

    try:
        from awards import certificates
    except ImportError:
        certificates = None
    from awards.payments import payment_pdf, payment_xlsx
    from documents import signing_jobs
    from documents.models import SigningStatus
    from organisation.models import User

    users = {u.username: u for u in User.objects.filter(username__startswith="demo_")}
    submission = Submission.objects.filter(nominees__outcome=Outcome.PASSED).distinct().get()
    _, _, issued_on = _dates()
    state: dict = {}
    started = time.perf_counter()
    from weasyprint import HTML

    HTML(string="<p style='font-family: serif'>Khởi động</p>").write_pdf()  # as any worker has: WeasyPrint loaded
    warmup = time.perf_counter() - started

    def issue():
        state["decision"] = services.issue_decision(users["demo_officer"], submission, issued_on=issued_on,
                                                    signer_name="Nguyễn Văn Tùng", signer_title="Chủ tịch",
                                                    accept_overdraft=True)
        return f"{state['decision'].awardees.count()} awardees, decision {state['decision'].code}"

    def decision_pdf():
        content = signed_documents.served_pdf(Decision.objects.get(pk=state["decision"].pk))
        return f"{len(content) // 1024} KiB"

    def all_certificates():
        if certificates is None:  # before the "all certificates" job: each awardee's certificate, as its link serves it
            sizes = 0
            for pk in state["decision"].awardees.values_list("pk", flat=True):
                nominee = Nominee.objects.select_related("decision", "award_type", "submission__unit").get(pk=pk)
                sizes += len(documents.certificate_pdf(nominee))
            return f"{state['decision'].awardees.count()} certificates (one PDF each), {sizes // 1024} KiB"
        with transaction.atomic():
            batch = certificates.request(users["demo_officer"], state["decision"])
        certificates.run(batch.pk)
        batch.refresh_from_db()
        if not batch.done:
            raise SystemExit(f"certificates failed: {batch.reason}")
        return f"{batch.total} certificates, {batch.file.size // 1024} KiB"

    def payment_list():
        decision = Decision.objects.get(pk=state["decision"].pk)
        return f"PDF {len(payment_pdf(decision)) // 1024} KiB, Excel {len(payment_xlsx(decision)) // 1024} KiB"

    def signature(user, step):
        def run():
            decision = Decision.objects.get(pk=state["decision"].pk)
            with transaction.atomic():
                job = step(users[user], decision)
            status = signing_jobs.run(job.pk)  # the signing task's body, as the signing host's worker runs it
            job.refresh_from_db()
            if status != SigningStatus.DONE:
                raise SystemExit(f"signing job {job.step} {status}: {job.reason}")
            return SignedDocument.objects.get(decision=decision).get_status_display()
        return run

    work = {"issue": issue, "decision_pdf": decision_pdf, "certificates": all_certificates,
            "payment_list": payment_list, "sign": signature("demo_signer", signed_documents.request_sign),
            "seal": signature("demo_clerk", signed_documents.request_seal)}
    rows = [{"stage": "warmup", "wall": warmup, "cpu": 0.0, "queries": 0, "note": "WeasyPrint loaded (not counted)",
             "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}]
    for key, _label in STAGES:
        if only and key not in only and key != "issue":  # every other stage needs the decision
            continue
        counter = Counter()
        profiler = cProfile.Profile() if profile_dir else None
        wall, cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(counter):
            if profiler:
                profiler.enable()
            note = work[key]()
            if profiler:
                profiler.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rows.append({"stage": key, "wall": wall, "cpu": cpu, "queries": counter.queries, "note": note,
                     "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
        if profiler:
            Path(profile_dir).mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(str(Path(profile_dir) / f"{key}.prof"))
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
            print(f"\n=== {key} ===\n" + out.getvalue(), file=sys.stderr)
        print(f"  {key}: {wall:.1f} s ({note})", file=sys.stderr)
    return rows


def table(rounds: list[list[dict]]) -> str:
    """The median of the rounds (min–max where there are several)."""
    labels = dict(STAGES)
    lines = ["| stage | wall s | CPU s (this process) | queries | peak RSS MiB | result |", "|---|---|---|---|---|---|"]

    def figure(values) -> str:
        spread = f" ({min(values):.1f}–{max(values):.1f})" if len(values) > 1 else ""
        return f"{statistics.median(values):.1f}{spread}"

    for index, row in enumerate(rounds[0]):
        if row["stage"] == "warmup":
            continue
        lines.append(f"| {labels[row['stage']]} | {figure([r[index]['wall'] for r in rounds])} | "
                     f"{statistics.median(r[index]['cpu'] for r in rounds):.1f} | {row['queries']:,} | "
                     f"{max(r[index]['rss'] for r in rounds):.0f} | {row['note']} |")
    walls = [sum(row["wall"] for row in r if row["stage"] != "warmup") for r in rounds]
    cpus = [sum(row["cpu"] for row in r if row["stage"] != "warmup") for r in rounds]
    lines.append(f"| **total** | **{figure(walls)}** | {statistics.median(cpus):.1f} | "
                 f"{sum(row['queries'] for row in rounds[0]):,} | {max(row['rss'] for r in rounds for row in r):.0f} |"
                 " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--awardees", type=int, default=500)
    parser.add_argument("--database", help="postgres://user@host:port/name (default: DATABASE_URL's server)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds, each on a fresh copy of the template")
    parser.add_argument("--rebuild", action="store_true", help="make the template database again")
    parser.add_argument("--profile", metavar="DIR", help="cProfile each stage into DIR (slower)")
    parser.add_argument("--stages", help="only these stages, comma-separated (the decision is always issued): "
                        + ", ".join(key for key, _label in STAGES))
    parser.add_argument("--child-build", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        return build(args.awardees)
    if args.child_measure:
        import json

        rows = measure(args.profile, args.stages.split(",") if args.stages else None)
        print("ROWS " + json.dumps(rows))
        return None
    import json

    url = database_url(args)
    ready = prepare(url, args.awardees, args.rebuild)
    name = url.rsplit("/", 1)[1]
    rounds = []
    for number in range(1, args.rounds + 1):
        _sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}" TEMPLATE "{ready}"')
        print(f"round {number}:", file=sys.stderr)
        command = [PY, __file__, "--child-measure"] + (["--profile", args.profile] if args.profile else []) + (
            ["--stages", args.stages] if args.stages else [])
        out = subprocess.run(command, cwd=ROOT, env=env_for(url), check=True, stdout=subprocess.PIPE, text=True).stdout
        rounds.append(json.loads(next(line for line in out.splitlines() if line.startswith("ROWS "))[5:]))
    cores = os.cpu_count()
    print(f"\nMeasured {time.strftime('%Y-%m-%d %H:%M')} UTC on {platform.node() or 'this machine'}: {cores} cores "
          f"({platform.processor() or platform.machine()}), Python {platform.python_version()}, PostgreSQL on the "
          f"same machine; {args.awardees} awardees; {args.rounds} round(s), median (min–max); one process, as one "
          f"worker (signing and certificate jobs run by their task bodies in-process).\n")
    print(table(rounds))


if __name__ == "__main__":
    main()
