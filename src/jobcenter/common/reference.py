"""Loading all reference data: the built-in set always, the shared real data when it is present."""

from __future__ import annotations

from collections.abc import Callable

from jobcenter.common.imports import ImportReport
from jobcenter.conf import data_dir


def reference_setup(*, use_shared_data: bool = True, show_progress: bool = False,
                    echo: Callable[[str], None] = lambda _: None) -> list[ImportReport]:
    from jobcenter.accounts.services import roles_sync
    from jobcenter.taxonomy.services import esco_import, reference_load_builtin, work24_dictionary_import

    roles_sync()
    reports = [reference_load_builtin()]
    echo(reports[-1].summary())
    root = data_dir() if use_shared_data else None
    if root is None:
        echo("no shared data folder (JOBCENTER_DATA_DIR): running on the built-in reference set")
        return reports
    dictionary = root / "work24_job_dictionary" / "job_dictionary.jsonl"
    if dictionary.exists():
        reports.append(work24_dictionary_import(path=dictionary, show_progress=show_progress))
        echo(reports[-1].summary())
    esco = root / "esco"
    if (esco / "occupations.csv").exists():
        reports.append(esco_import(directory=esco, show_progress=show_progress))
        echo(reports[-1].summary())
    return reports
