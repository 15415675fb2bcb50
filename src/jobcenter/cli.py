"""The `jobcenter` command: Django's management commands under the project's own name.

`jobcenter import esco DIR`, `jobcenter load-reference`, `jobcenter runserver`, `jobcenter migrate`, ...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobcenter.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        # `jobcenter setup-demo` runs the management command `setup_demo`.
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["jobcenter", *args])


if __name__ == "__main__":
    main()
