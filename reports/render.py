"""Turn a report's data into a PDF (official layout) and an Excel workbook."""

from __future__ import annotations

from django.conf import settings

from documents.pdf import render_pdf
from utilities.excel import add_table, workbook_bytes

from . import charts
from .models import Report, ReportKind

STATUS_VI = {"on_track": "Đúng tiến độ", "at_risk": "Có nguy cơ chậm", "off_track": "Chậm tiến độ",
             "no_data": "Chưa có số liệu", "done": "Đã hoàn thành", "not_done": "Chưa hoàn thành"}
MOVEMENT_KINDS_VI = {"regular": "Thường xuyên", "thematic": "Theo đợt, chuyên đề", "five_year": "5 năm",
                     "special": "Đặc biệt"}


def _enrich(report: Report, data: dict) -> dict:
    context = {"report": report, **data, "status_vi": STATUS_VI, "kinds_vi": MOVEMENT_KINDS_VI,
               "signer_name": getattr(settings, "REPORT_SIGNER_NAME", "")}
    if report.kind == ReportKind.YEARLY_STATISTICS:
        context["fund_rows"] = fund_rows(data["stats"]["fund"])
    else:
        context["pipeline_chart"] = charts.bar_chart([(r["status"], r["n"]) for r in data["nominations"]["pipeline"]])
        context["target_rows"] = [
            {"row": row, "trend": charts.trend([(m, float(v)) for m, v in row.progress.series],
                                               float(row.target.value_low) if row.target.value_low else None),
             "status": STATUS_VI[row.progress.status]}
            for row in data["targets"]
        ]
        totals = data["nominations"]["totals"]
        individuals = totals["individuals"] or 0

        def share(n, of):
            return f"{100 * n / of:.1f}".replace(".", ",") + "%" if of else "—"

        context["fairness"] = [
            ("Nữ trong số cá nhân được khen thưởng", totals["women"], share(totals["women"], individuals)),
            ("Người trực tiếp lao động, công tác", totals["direct"], share(totals["direct"], individuals)),
            ("Tập thể được khen thưởng", totals["collectives"], share(totals["collectives"], totals["all"])),
            ("Đơn vị cấp cơ sở (xã, phường)", totals["grassroots"], share(totals["grassroots"], totals["all"])),
            ("Khu vực ngoài nhà nước", totals["non_state"], share(totals["non_state"], totals["all"])),
        ]
    return context


PDF_TEMPLATES = {ReportKind.YEARLY_STATISTICS: "reports/pdf/statistics.html",
                 ReportKind.CIRCULAR_FORMS: "reports/pdf/circular_forms.html"}


def pdf_bytes(report: Report, data: dict) -> bytes:
    if report.kind == ReportKind.CIRCULAR_FORMS:
        return render_pdf(PDF_TEMPLATES[report.kind], {"report": report, **data, **form_tables(data["circular_forms"])})
    return render_pdf(PDF_TEMPLATES.get(report.kind, "reports/pdf/progress.html"), _enrich(report, data))


NO_CIRCULAR = "Kỳ báo cáo này kết thúc trước ngày Thông tư số 02/2023/TT-BNV có hiệu lực: Cổng chưa có biểu mẫu áp dụng."


def form_tables(content: dict) -> dict:
    """Each form as printed: its header lines, and rows of (label, code, unit, cells as text, heading)."""
    circular = content["circular"]
    tables = []
    for item in content["forms"]:
        form = item["form"]
        has_units = any(row.unit for row in form.rows)
        rows = [{"label": r["line"].label, "code": r["line"].code or "", "unit": r["line"].unit,
                 "heading": r["line"].heading,
                 "cells": ["" if v is None else f"{v:,}".replace(",", ".") for v in r["cells"]]}
                for r in item["rows"]]
        letters = ["A", "B", *(["C"] if has_units else [])]
        tables.append({"form": form, "has_units": has_units, "rows": rows,
                       "numbering": letters + [c.code for c in form.columns]})
    return {"circular": circular, "tables": tables}


KIND_TITLES = {ReportKind.MONTHLY: "BÁO CÁO TIẾN ĐỘ THÁNG", ReportKind.QUARTERLY: "BÁO CÁO TIẾN ĐỘ QUÝ",
               ReportKind.YEARLY_STATISTICS: "BÁO CÁO THỐNG KÊ NĂM (NĂM DƯƠNG LỊCH, GIẢN LƯỢC)",
               ReportKind.CIRCULAR_FORMS: "BIỂU MẪU THỐNG KÊ THI ĐUA, KHEN THƯỞNG NĂM"}
SUBJECTS_VI = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
COUNT, PERCENT, VALUE = "#,##0", "#,##0.0", "#,##0.00"


def xlsx_bytes(report: Report, data: dict) -> bytes:
    """Every sheet with a title row naming the report, its period and number, a frozen bold header, number formats
    and widths; every label Vietnamese."""
    from openpyxl import Workbook  # noqa: PLC0415 — heavy (openpyxl), only when a workbook is read or written

    title = f"{KIND_TITLES[report.kind]} {report.period_label} – Số {report.code}"
    period = (f"Kỳ báo cáo: từ ngày {report.period_start:%d/%m/%Y} đến ngày {report.figures_to:%d/%m/%Y}; "
              f"Ban Thi đua - Khen thưởng thành phố Hải Phòng")
    if report.kind == ReportKind.CIRCULAR_FORMS:
        sheets = circular_sheets(data["circular_forms"])
    elif report.kind == ReportKind.YEARLY_STATISTICS:
        stats = data["stats"]
        sheets = [
            ("0601", ["Loại phong trào", "Số phong trào"],
             [(MOVEMENT_KINDS_VI.get(r["kind"], r["kind"]), r["n"]) for r in stats["f0601"]], [40, 16], {1: COUNT}),
            ("0602", ["Hình thức khen thưởng cấp Nhà nước (đã trình)", "Số lượng"],
             [(r["award_type__name"], r["n"]) for r in stats["f0602"]], [60, 14], {1: COUNT}),
            ("0603", ["Hình thức khen thưởng cấp thành phố", "Đối tượng", "Số lượng"],
             [(r["award_type__name"], SUBJECTS_VI.get(r["subject"], r["subject"]), r["n"]) for r in stats["f0603"]],
             [60, 16, 14], {2: COUNT}),
            ("0604", ["Chỉ tiêu", "Số lượng"], [("Ban Thi đua - Khen thưởng", stats["f0604"]["boards"]),
                                               ("Thành viên Hội đồng TĐKT", stats["f0604"]["council_members"])],
             [50, 14], {1: COUNT}),
            ("0605", ["Chỉ tiêu", "Số lượng"], [("Công chức làm công tác TĐKT (tài khoản chuyên viên)",
                                                 stats["f0605"]["officers"])], [50, 14], {1: COUNT}),
            ("Quy TDKT", ["Quỹ thi đua, khen thưởng", "Số tiền (đồng)"], fund_rows(stats["fund"]), [50, 20],
             {1: COUNT}),
        ]
    else:
        sheets = [
            ("Phong trào", ["Phong trào", "Đơn vị đăng ký", "Chương trình hành động", "Báo cáo nhận trong kỳ"],
             [(r["name"], r["registered"], r["programme_count"], r["report_count"]) for r in data["movements"]["rows"]],
             [60, 16, 18, 18], {1: COUNT, 2: COUNT, 3: COUNT}),
            ("Hồ sơ", [f"Trạng thái đến ngày {report.figures_to:%d/%m/%Y}", "Số hồ sơ"],
             [(r["status"], r["n"]) for r in data["nominations"]["pipeline"]], [40, 14], {1: COUNT}),
            ("Chỉ tiêu", ["Chỉ tiêu", "Đơn vị tính", "Thực hiện đến cuối kỳ", "% kế hoạch năm", "Dự báo cả năm",
                          "Tình trạng"],
             [(r.target.statement, r.target.indicator.measure, _f(r.progress.year_value), _f(r.progress.percent),
               _f(r.progress.projected), STATUS_VI[r.progress.status]) for r in data["targets"]],
             [60, 14, 18, 14, 16, 18], {2: VALUE, 3: PERCENT, 4: VALUE}),
        ]
    book = Workbook()
    book.remove(book.active)
    for name, header, rows, widths, formats, *rest in sheets:
        add_table(book, title=title, subtitle=period + (f"; {rest[0]}" if rest else ""), headers=header, rows=rows,
                  widths=widths, formats=formats, sheet_name=name, footer=rest[1] if rest else ())
    return workbook_bytes(book)


def circular_sheets(content: dict) -> list:
    """One sheet per form: the row's label, its code (Mã số), its unit, then one column per numbered column; the
    first row under the header repeats the form's letters and numbers (A, B, C, 1, 2, …)."""
    circular = content["circular"]
    if circular is None:
        return [("Biểu mẫu", ["Nội dung"], [(NO_CIRCULAR,)], [90], {})]
    sheets = []
    for item in content["forms"]:
        form = item["form"]
        header = ["Chỉ tiêu", "Mã số", "Đơn vị tính", *(f"({c.code}) {c.label}" for c in form.columns)]
        rows = [("A", "B", "C", *(c.code for c in form.columns))]
        rows += [(r["line"].label, r["line"].code or "", r["line"].unit, *r["cells"]) for r in item["rows"]]
        about = (f"Biểu số {form.symbol}, ban hành theo Thông tư số {circular.number} ngày "
                 f"{circular.signed_on:%d/%m/%Y}; ngày nhận báo cáo {content['due_on']:%d/%m/%Y}")
        footer = [(f"Ghi chú: {form.note}",)] if form.note else []
        sheets.append((form.number, header, rows, [60, 8, 12, *([16] * len(form.columns))],
                       {3 + j: COUNT for j in range(len(form.columns))}, about, footer))
    return sheets


def fund_rows(summary: dict) -> list[tuple[str, int]]:
    """The fund's year in the yearly statistics: opening, income by source, spending, recoveries, closing."""
    rows = [("Số dư đầu năm", int(summary["opening"]))]
    rows += [(f"Thu: {label}", int(total)) for label, total in summary["sources"]]
    rows += [("Chi tiền thưởng", int(summary["spending"])), ("Thu hồi tiền thưởng", int(summary["recoveries"])),
             ("Bút toán điều chỉnh", int(summary["reversals"])), ("Số dư cuối năm", int(summary["closing"]))]
    return rows


def _f(value):
    return float(value) if value is not None else None
