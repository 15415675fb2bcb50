"""Calendar arithmetic the law uses: months added per the Civil Code, inclusive day counts, full years."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day-of-month ``months`` later, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb)."""
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def period_end(start: dt.date, months: int) -> dt.date:
    """Last day of a period of ``months`` months that begins on ``start`` (민법 제157조·제160조).

    The period ends on the day before the day corresponding to ``start`` in the last month; when that month has
    no corresponding day, it ends on the month's last day. 2025-07-01 + 12 months → 2026-06-30;
    2024-02-29 + 12 months → 2025-02-28; 2025-01-31 + 1 month → 2025-02-28.
    """
    month_index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, start.day) - dt.timedelta(days=1)


def inclusive_days(first: dt.date, last: dt.date) -> int:
    """Days from ``first`` to ``last``, both counted (0 when ``last`` is before ``first``)."""
    return max(0, (last - first).days + 1)


def full_years(first: dt.date, last: dt.date) -> int:
    """Completed years in the period ``first`` … ``last`` (both inclusive): 2021-07-01 … 2025-06-30 is 4."""
    years = 0
    while period_end(first, 12 * (years + 1)) <= last:
        years += 1
    return years
