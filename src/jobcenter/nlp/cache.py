"""A small content-addressed disk cache for derived artefacts (token lists, fitted models, vectors)."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any, Callable, Iterable


def content_key(*parts: Any, texts: Iterable[str] = ()) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8") + b"\x01")
    for text in texts:
        digest.update(b"\x00" + text.encode("utf-8"))
    return digest.hexdigest()[:24]


def cached(cache_dir: str | os.PathLike | None, name: str, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per key; the result is pickled under ``cache_dir`` (skipped when it is None)."""
    if cache_dir is None:
        return compute()
    path = Path(cache_dir) / f"{name}-{key}.pkl"
    if path.exists():
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    value = compute()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
