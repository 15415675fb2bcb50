#!/usr/bin/env python3
"""Copy the few built front-end files the portal needs from node_modules into the Django static tree.

    npm ci && python scripts/vendor_assets.py

What is copied, and only that (about 1.5 MB, committed so that ``make run`` works without npm):

- KRDS (npm ``krds-uiux``): the built component sheet with the design tokens inlined, the icons it refers to
  (relative ``../../img/...`` paths are kept so they resolve), and the Pretendard GOV fonts (woff2 only).
- htmx (npm ``htmx.org``): ``htmx.min.js``.

axe-core is not vendored: only the browser tests use it, straight from ``node_modules/axe-core/axe.min.js``.
Run it again after changing a version in package.json; it rewrites ``src/jobcenter/web/static/vendor/``.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
VENDOR = ROOT / "src" / "jobcenter" / "web" / "static" / "vendor"

KRDS = NODE / "krds-uiux" / "resources"
KRDS_FILES = {
    "css/token/krds_tokens.css": "krds/css/token/krds_tokens.css",
    "css/component/output.css": "krds/css/component/krds.css",
    "fonts/PretendardGOV-Regular.subset.woff2": "krds/fonts/PretendardGOV-Regular.subset.woff2",
    "fonts/PretendardGOV-Bold.subset.woff2": "krds/fonts/PretendardGOV-Bold.subset.woff2",
}
HTMX_FILES = {"dist/htmx.min.js": "htmx/htmx.min.js"}
EXPECTED = {"krds-uiux": "1.1.0", "htmx.org": "2."}

_URL = re.compile(r"url\((?!['\"]?data:)['\"]?([^'\")]+)['\"]?\)")


def _version(package: str) -> str:
    return json.loads((NODE / package / "package.json").read_text())["version"]


def _copy(src: Path, dest: Path) -> int:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    return dest.stat().st_size


def main() -> int:
    for package, prefix in EXPECTED.items():
        if not (NODE / package / "package.json").exists():
            print(f"vendor_assets: node_modules/{package} is missing; run `npm ci` first.", file=sys.stderr)
            return 1
        if not _version(package).startswith(prefix):
            print(f"vendor_assets: {package} is {_version(package)}, expected {prefix}", file=sys.stderr)
            return 1
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    total = 0
    for src, dest in KRDS_FILES.items():
        total += _copy(KRDS / src, VENDOR / dest)
    for src, dest in HTMX_FILES.items():
        total += _copy(NODE / "htmx.org" / src, VENDOR / dest)
    # One stylesheet instead of two: the tokens the sheet @imports are put in its place (an @import is an extra
    # round trip, and tools that re-resolve it against the page URL then ask for a wrong path).
    sheet_text = (VENDOR / "krds/css/component/krds.css").read_text(encoding="utf-8")
    tokens = (VENDOR / "krds/css/token/krds_tokens.css").read_text(encoding="utf-8")
    sheet_text = sheet_text.replace('@import "../../css/token/krds_tokens.css";', tokens.replace('@charset "UTF-8";', ""), 1)
    (VENDOR / "krds/css/component/krds.css").write_text(sheet_text, encoding="utf-8")
    (VENDOR / "krds/css/token/krds_tokens.css").unlink()
    (VENDOR / "krds/css/token").rmdir()
    total += len(tokens.encode())
    # The icons the component sheet refers to (relative to its own folder), so every url() resolves and
    # Django's manifest storage, when used, finds them all.
    sheet = VENDOR / "krds/css/component/krds.css"
    for ref in sorted(set(_URL.findall(sheet.read_text(encoding="utf-8")))):
        if ref.startswith(("http:", "https:", "#")):
            continue
        source = (KRDS / "css/component" / ref).resolve()
        target = (sheet.parent / ref).resolve()
        if not source.is_file():
            # KRDS 1.1.0's sheet has a handful of typo'd paths (img/img/...); those rules simply get no icon.
            continue
        total += _copy(source, target)
    (VENDOR / "VERSIONS.txt").write_text(
        "".join(f"{p} {_version(p)}\n" for p in EXPECTED) + "Copied by scripts/vendor_assets.py; do not edit.\n"
    )
    print(f"vendor_assets: wrote {VENDOR.relative_to(ROOT)} ({total / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
