"""Realistic synthetic data at city scale, deterministic for a seed, loaded with COPY.

At --scale 1: about 3,000 units, 300,000 persons, 1,000,000 nomination lines over ten years with
their decisions and audit records, five years of yearly ratings, initiatives, and ten years of monthly
target figures. Run `seed_directive` first (the command does it).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from campaigns.models import ExemplaryModel, ModelKind, ModelStatus, Movement
from core.datacache import bulk_load
from documents.numbering import skip_to
from legal.models import AwardType
from organisation.models import Unit, UnitEvent
from organisation.text import fold
from targets.models import Target

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
          "Đinh", "Mai", "Trịnh", "Đoàn", "Lương", "Phan"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thành", "Mạnh", "Tiến"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Bích", "Hồng", "Kim", "Phương", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tùng",
           "Việt", "Toàn", "Thắng", "Trung", "Hiếu", "Đạt", "Huy"]
GIVEN_F = ["Anh", "Châu", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Oanh",
           "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Vân", "Yến"]
YEARS = range(2016, 2026)


def _copy(table: str, columns: list[str], rows) -> int:
    """Stream rows into ``table`` with COPY (tab-separated, \\N for NULL)."""
    buffer, count = io.StringIO(), 0

    def flush():
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
        buffer.seek(0)
        buffer.truncate()

    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in row))
        buffer.write("\n")
        count += 1
        if count % 50000 == 0:
            flush()
    flush()
    return count


def _next_id(table: str) -> int:
    """Next free id of ``table`` (a constant of this module, never user input)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # nosec B608
        return cursor.fetchone()[0]


def _reset_sequence(table: str) -> None:
    """Move ``table``'s id sequence past the rows COPY wrote (table names are constants here)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # nosec B608
                       f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")


class Command(BaseCommand):
    help = "Generate synthetic data at city scale (deterministic for --seed)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=0.01)
        parser.add_argument("--seed", type=int, default=2023)

    def handle(self, *args, scale, seed, **options):
        started = time.monotonic()
        call_command("seed_directive", verbosity=0)
        rng = random.Random(seed)
        with transaction.atomic(), bulk_load():  # one version bump at the end, not one per row
            counts = self.generate(rng, scale)
        for table in ("organisation_unit", "organisation_unitversion", "organisation_person", "awards_submission",
                      "awards_nominee", "awards_decision", "awards_workflowevent", "awards_taskrating",
                      "targets_actual", "targets_target"):
            _reset_sequence(table)
        with connection.cursor() as cursor:
            # VACUUM as autovacuum would after such a load (a server may run with it off, as development servers
            # do): the search names' UPDATE leaves a dead row per line, and without a visibility map every
            # index-only count reads the table too (issue 34: the queue's overdue count 13 ms → under 2 at scale 3).
            # (Inside a transaction — a test's — VACUUM cannot run: statistics only.)
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        counts["seconds"] = round(time.monotonic() - started, 1)
        self.stdout.write(" ".join(f"{k}={v}" for k, v in counts.items()))

    def generate(self, rng, scale) -> dict:
        districts = list(Unit.objects.filter(level="district"))
        city = Unit.objects.get(code="ubnd-hai-phong")
        departments = list(Unit.objects.filter(level="city", kind__in=["department", "board", "press"]))
        event = UnitEvent.objects.create(kind="record", effective_on=dt.date(2016, 1, 1), basis="Dữ liệu mô phỏng")

        # Units: wards and communes under the districts, enterprises (non-state) under the city.
        n_units = int(3000 * scale)
        first_unit = _next_id("organisation_unit")
        unit_rows, units = [], []
        for i in range(n_units):
            uid = first_unit + i
            if i % 10 == 9:
                parent, kind, level, sector, name = city, "enterprise", "city", "non_state", f"Công ty TNHH Mô phỏng {i}"
            else:
                parent = districts[i % len(districts)]
                kind, level, sector = ("ward" if parent.kind == "urban_district" else "commune"), "commune", "state"
                name = f"{'Phường' if kind == 'ward' else 'Xã'} Mô phỏng {i}"
            path = f"{parent.path}{uid}/"
            unit_rows.append((uid, f"demo-unit-{uid}", name, "", kind, level, sector, parent.pk, path,
                              "2016-01-01", None, fold(name)))
            units.append((uid, level, sector))
        _copy("organisation_unit", ["id", "code", "name", "short_name", "kind", "level", "sector", "parent_id",
                                    "path", "established_on", "dissolved_on", "search_name"], unit_rows)
        _copy("organisation_unitversion", ["unit_id", "name", "short_name", "kind", "level", "parent_id",
                                           "valid_from", "valid_to", "event_id"],
              ((r[0], r[2], "", r[4], r[5], r[7], "2016-01-01", None, event.pk) for r in unit_rows))
        all_units = [u.pk for u in departments] + [u[0] for u in units]

        # Persons.
        n_persons = int(300_000 * scale)
        first_person = _next_id("organisation_person")

        def person_rows():
            seen = set()  # one current record of a person in a unit (person_once_on_a_staff)
            for i in range(n_persons):
                female = rng.random() < 0.48
                name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F if female else MIDDLE_M)} " \
                       f"{rng.choice(GIVEN_F if female else GIVEN_M)}"
                while True:
                    born = f"{rng.randint(1960, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                    unit = rng.choice(all_units)
                    if (name, born, unit) not in seen:
                        break
                seen.add((name, born, unit))
                yield (first_person + i, name, fold(name), "female" if female else "male", born, unit, "Chuyên viên",
                       rng.choice(["civil_servant", "public_employee", "worker"]), rng.random() < 0.35,
                       rng.random() < 0.1, False, "")

        _copy("organisation_person", ["id", "full_name", "search_name", "sex", "birth_date", "unit_id", "position",
                                      "category", "is_direct_worker", "is_leader", "is_deceased", "left_reason"],
              person_rows())

        # Ratings for the last five years.
        _copy("awards_taskrating", ["person_id", "unit_id", "year", "rating", "source"],
              ((first_person + i, None, y, rng.choices(["HTXSNV", "HTTNV", "HTNV", "KHTNV"], [2, 6, 2, 0.2])[0],
                "mô phỏng") for i in range(n_persons) for y in range(2021, 2026)))

        # Submissions with 20 nominees each, a decision per decided submission, audit events.
        awards = list(AwardType.objects.filter(subject="individual", goes_to_central=False))
        n_lines = int(1_000_000 * scale)
        n_submissions = max(n_lines // 20, 1)
        first_sub, first_dec, first_nom = (_next_id("awards_submission"), _next_id("awards_decision"),
                                           _next_id("awards_nominee"))
        numbers = {y: 0 for y in YEARS}
        golden = {y: 0 for y in YEARS}
        subs, decisions, events, nominees = [], [], [], []
        officer_id = None
        for s in range(n_submissions):
            year = YEARS[s % len(YEARS)]
            sid = first_sub + s
            unit = rng.choice(all_units)
            decided = year < 2025 or rng.random() < 0.5
            status = "decided" if decided else rng.choice(["submitted", "received", "assigned", "appraised"])
            submitted = dt.datetime(year + 1, rng.randint(1, 3), rng.randint(1, 28), 9, 0)
            due = (submitted.date() + dt.timedelta(days=28)) if not decided else None
            subs.append((sid, unit, f"Đề nghị khen thưởng năm {year} số {s}", f"{s}/TTr", "yearly", year, None,
                         "regular", "", status, submitted.isoformat(), submitted.isoformat(), submitted.isoformat(),
                         due, None, None, None))
            decision_id = None
            if decided:
                decision_id = first_dec + len(decisions)
                numbers[year] += 1
                decisions.append((decision_id, year + 1, numbers[year], "award", f"{year + 1}-04-15",
                                  f"Về việc khen thưởng năm {year}", "Nguyễn Văn Tùng", "Chủ tịch", sid, None, None,
                                  submitted.isoformat()))
            for action, frm, to in (("create", "", "draft"), ("submit", "draft", "submitted"),
                                    ("receive", "submitted", "received"), ("assign", "received", "assigned"),
                                    ("appraise", "assigned", "appraised")) + ((("decide", "voted", "decided"),)
                                                                              if decided else ()):
                events.append((sid, officer_id, action, frm, to, "", submitted.isoformat()))
            for k in range(20):
                person = first_person + rng.randrange(max(n_persons, 1))
                award = rng.choice(awards)
                gb = ""
                if decided:
                    golden[year] += 1
                    gb = f"{golden[year]}/{year + 1}"
                nominees.append((first_nom + len(nominees), sid, "individual", person, None, f"Người {k}",
                                 "", award.pk, "Hoàn thành xuất sắc nhiệm vụ", "", "eligible", "", 1, 0, 0,
                                 "awarded" if decided else "pending", decision_id, gb, None, None, "", False, 0, None,
                                 False, None, "", "", "[]"))
        _copy("awards_submission", ["id", "unit_id", "title", "reference", "round_kind", "year", "movement_id",
                                    "commendation_type", "special_category", "status", "created_at", "submitted_at",
                                    "received_at", "due_on", "public_comment_until", "meeting_id", "created_by_id"],
              subs)
        _copy("awards_decision", ["id", "year", "number", "kind", "issued_on", "title", "signer_name", "signer_title",
                                  "submission_id", "revokes_id", "issued_by_id", "created_at"], decisions)
        _copy("awards_workflowevent", ["submission_id", "actor_id", "action", "from_status", "to_status", "note", "at"],
              events)

        for year in YEARS:  # new decisions continue the numbering without a gap
            for name, used in (("decision", numbers[year]), ("golden_book", golden[year])):
                skip_to(name, year + 1, used)
        # Fill names and search names from the persons (one UPDATE, in SQL).
        _copy("awards_nominee", ["id", "submission_id", "subject", "person_id", "collective_unit_id", "name",
                                 "search_name", "award_type_id", "achievement_summary", "achievement_report",
                                 "appraisal", "appraisal_reason", "votes_yes", "votes_no", "votes_abstain", "outcome",
                                 "decision_id", "golden_book_number", "certificate_code", "revoked_by_id",
                                 "revocation_grounds", "certificate_recovered", "bonus_recovered", "recovered_on",
                                 "is_posthumous", "martyrs_count", "service_period", "eligibility",
                                 "eligibility_reasons"], nominees)
        with connection.cursor() as cursor:
            cursor.execute("UPDATE awards_nominee n SET name = p.full_name, search_name = p.search_name "
                           "FROM organisation_person p WHERE n.person_id = p.id AND n.id >= %s", [first_nom])
        # Ten years of monthly figures for every target.
        targets = {t.indicator_id: t for t in Target.objects.filter(year=2023)}
        for year in YEARS:
            for indicator_id, template in targets.items():
                if year != 2023:
                    Target.objects.get_or_create(indicator_id=indicator_id, year=year, defaults={
                        "kind": template.kind, "value_low": template.value_low, "value_high": template.value_high,
                        "is_about": template.is_about, "statement": template.statement,
                        "responsible_unit_id": template.responsible_unit_id})
        actual_rows = []
        for target in Target.objects.filter(kind="numeric", year__in=list(YEARS)):
            if target.actuals.exists():
                continue
            base = float(target.value_low or 1)
            for month in range(1, 13):
                value = base / 12 * rng.uniform(0.8, 1.2) if target.indicator.aggregation == "cumulative" \
                    else base * rng.uniform(0.9, 1.1)
                actual_rows.append((target.pk, "month", month, f"{value:.4f}", "Cục Thống kê (mô phỏng)", "", None,
                                    dt.datetime(target.year, month, 28).isoformat()))
        _copy("targets_actual", ["target_id", "period_kind", "period", "value", "source", "note", "reported_by_id",
                                 "reported_at"], actual_rows)
        models = self.exemplary_models(rng, scale, all_units)
        return {"units": n_units, "persons": n_persons, "submissions": len(subs), "nominees": len(nominees),
                "decisions": len(decisions), "events": len(events), "actuals": len(actual_rows),
                "exemplary_models": models}

    def exemplary_models(self, rng, scale, all_units) -> int:
        """Exemplary models proposed by units over the ten years; about 70 % approved and published."""
        movements = list(Movement.objects.values_list("pk", flat=True)) or [None]
        kinds = [k for k, _ in ModelKind.choices]
        rows = []
        for i in range(int(5000 * scale)):
            year = YEARS[i % len(YEARS)]
            proposed = timezone.make_aware(dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 9))
            approved = rng.random() < 0.7
            rows.append(ExemplaryModel(
                unit_id=rng.choice(all_units), movement_id=rng.choice(movements), kind=kinds[i % len(kinds)],
                title=f"Điển hình mô phỏng số {i + 1}: gương sáng trong phong trào thi đua",
                subject_name=f"Tập thể mô phỏng {i + 1}", summary="Thành tích nổi bật trong năm (dữ liệu mô phỏng).",
                story="Câu chuyện mô phỏng để đo hiệu năng trang công khai.",
                status=ModelStatus.APPROVED if approved else ModelStatus.PROPOSED, proposed_at=proposed,
                reviewed_at=proposed if approved else None, published_at=proposed if approved else None))
        ExemplaryModel.objects.bulk_create(rows, batch_size=2000)
        return len(rows)
