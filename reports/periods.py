import datetime as dt

from .circulars import reporting_year


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * quarter - 2, 1)
    return start, month_bounds(year, 3 * quarter)[1]


def previous_period(kind: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The last complete month, quarter or year before ``today``."""
    if kind == "monthly":
        last = today.replace(day=1) - dt.timedelta(days=1)
        return month_bounds(last.year, last.month)
    if kind == "quarterly":
        quarter = (today.month - 1) // 3 + 1
        year, quarter = (today.year, quarter - 1) if quarter > 1 else (today.year - 1, 4)
        return quarter_bounds(year, quarter)
    if kind == "circular_forms":  # the last reporting year (01/12–30/11) ended before today
        year = today.year if today > reporting_year(today.year)[1] else today.year - 1
        return reporting_year(year)
    return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)


def bounds(kind: str, year: int, number: int = 1) -> tuple[dt.date, dt.date]:
    if kind == "monthly":
        return month_bounds(year, number)
    if kind == "quarterly":
        return quarter_bounds(year, number)
    if kind == "circular_forms":
        return reporting_year(year)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
