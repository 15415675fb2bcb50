"""What every importer shares: an ImportRun row that records counts and each rejected record with its reason.

A record is written inside its own savepoint, so a failing record changes nothing already stored and never
costs its valid neighbours.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

T = TypeVar("T")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validation_messages(exc: ValidationError) -> list[tuple[str | None, str]]:
    """(field, message) pairs from a ValidationError, whatever its shape."""
    if hasattr(exc, "error_dict"):
        return [(name, msg) for name, errors in exc.message_dict.items() for msg in errors]
    return [(None, msg) for msg in exc.messages]


@dataclass
class ImportReport:
    kind: str
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)
    skipped_same_file: bool = False
    run_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.rejected

    def reject(self, *, line: int | None, key: str | None, field: str | None, message: str) -> None:
        self.rejected.append({"line": line, "key": key, "field": field, "message": message})

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary(self) -> str:
        if self.skipped_same_file:
            return f"{self.kind}: {self.source} already imported with the same content; nothing to do"
        return (
            f"{self.kind}: {self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected"
        )

    def error_lines(self) -> Iterator[str]:
        for r in self.rejected:
            where = f"line {r['line']}" if r["line"] is not None else "record"
            key = f" ({r['key']})" if r["key"] else ""
            fld = f" field '{r['field']}'" if r["field"] else ""
            yield f"{where}{key}{fld}: {r['message']}"


@contextmanager
def import_run(kind: str, source: str, *, sha256: str = ""):
    """Record one run in ImportRun; the run is marked failed if the body raises."""
    from jobcenter.taxonomy.models import ImportRun

    run = ImportRun.objects.create(kind=kind, source=source, sha256=sha256)
    report = ImportReport(kind=kind, source=source, run_id=run.pk)
    try:
        yield report
    except BaseException:
        run.status = ImportRun.Status.FAILED
        run.finished_at = timezone.now()
        run.errors = report.rejected[:1000]
        run.save()
        raise
    run.status = ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.created, run.updated, run.unchanged = report.created, report.updated, report.unchanged
    run.rejected = len(report.rejected)
    run.errors = report.rejected[:1000]
    run.save()


def already_imported(kind: str, sha256: str) -> bool:
    from jobcenter.taxonomy.models import ImportRun

    return ImportRun.objects.filter(kind=kind, sha256=sha256, status=ImportRun.Status.DONE, rejected=0).exists()


def save_record(report: ImportReport, *, line: int | None, key: str | None, write) -> None:
    """Run ``write()`` (returning "created" / "updated" / "unchanged") in a savepoint; on a validation or
    integrity error, roll the record back and report it."""
    try:
        with transaction.atomic():
            outcome = write()
    except ValidationError as exc:
        for fld, msg in validation_messages(exc):
            report.reject(line=line, key=key, field=fld, message=msg)
        return
    except IntegrityError as exc:
        report.reject(line=line, key=key, field=None, message=f"database constraint failed: {exc}")
        return
    report.count(outcome)


def progress(iterable: Iterable[T], *, enabled: bool, total: int | None = None, desc: str = "") -> Iterable[T]:
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="rec")
