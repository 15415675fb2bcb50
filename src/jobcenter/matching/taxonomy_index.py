"""Occupation knowledge bases, read from files (no database): what the taxonomy knows about each code.

One :class:`Occupation` per code of a scheme, with every way the taxonomy names it (:class:`Label`, each with a
``kind``), its descriptions (duties) and related licences.

Label kinds, from the most to the least authoritative:

- ``preferred``: the scheme's own name for the code (KECO: the 4-digit group's name and the dictionary job
  names under it; ESCO: the preferred label).
- ``alias``: alternative names (KECO: ``similarNm``; ESCO: ``ALTLABELS``; built-in set: ``aliases_*``).
- ``related``: names of related jobs (KECO ``connectJob``); usually but not always in the same code.
- ``group``: parts of a KECO group name ("의회의원·고위공무원 및 공공단체임원" → "의회의원", ...).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

KECO_DICTIONARY = Path("work24_job_dictionary") / "job_dictionary.jsonl"
ESCO_OCCUPATIONS = Path("esco") / "occupations.csv"

LABEL_KINDS = ("preferred", "alias", "related", "group")
_GROUP_SPLIT = re.compile(r"\s*(?:·|ㆍ|,|및|/)\s*")


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    kind: str = "preferred"


@dataclass(slots=True)
class Occupation:
    code: str
    label: str
    scheme: str = "keco"
    labels: list[Label] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    isco: str | None = None

    def add_label(self, text: str | None, kind: str) -> None:
        text = " ".join((text or "").split())
        if text and all(label.text != text for label in self.labels):
            self.labels.append(Label(text, kind))


@dataclass(slots=True)
class KnowledgeBase:
    scheme: str
    occupations: list[Occupation]
    source: str = ""

    def __len__(self) -> int:
        return len(self.occupations)

    def by_code(self) -> dict[str, Occupation]:
        return {occupation.code: occupation for occupation in self.occupations}


def _group_parts(name: str) -> list[str]:
    return [part for part in _GROUP_SPLIT.split(name or "") if len(part) >= 2]


def keco_from_dictionary(path: str | Path) -> KnowledgeBase:
    """The Work24 dictionary of occupations grouped by KECO 4-digit code."""
    from jobcenter.interchange.work24_dictionary import parse_dictionary

    result = parse_dictionary(Path(path))
    occupations: "OrderedDict[str, Occupation]" = OrderedDict()
    for job in result.values():
        occupation = occupations.get(job.keco_code)
        if occupation is None:
            occupation = Occupation(code=job.keco_code, label=job.keco_name or job.keco_code, scheme="keco")
            occupations[job.keco_code] = occupation
            occupation.add_label(job.keco_name, "preferred")
            for part in _group_parts(job.keco_name or ""):
                occupation.add_label(part, "group")
        occupation.add_label(job.name, "preferred")
        for alias in job.similar_names:
            occupation.add_label(alias, "alias")
        for related in job.related_jobs:
            occupation.add_label(related, "related")
        text = " ".join(part for part in (job.name, job.summary, job.duties) if part)
        if text:
            occupation.descriptions.append(text)
        for licence in job.certifications:
            if licence not in occupation.certifications:
                occupation.certifications.append(licence)
    return KnowledgeBase("keco", list(occupations.values()), source=str(path))


def esco_from_csv(path: str | Path) -> KnowledgeBase:
    """ESCO occupations: URI as the code, preferred and alternative labels, description."""
    from jobcenter.interchange.esco import parse_esco_occupations

    occupations = []
    for record in parse_esco_occupations(Path(path)).values():
        occupation = Occupation(code=record.uri, label=record.preferred_label, scheme="esco",
                                isco=record.isco_group)
        occupation.add_label(record.preferred_label, "preferred")
        for alias in record.alt_labels:
            occupation.add_label(alias, "alias")
        if record.description:
            occupation.descriptions.append(record.description)
        occupations.append(occupation)
    return KnowledgeBase("esco", occupations, source=str(path))


def from_reference(occupations: list[dict], scheme: str = "keco") -> KnowledgeBase:
    """The built-in reference set (``jobcenter.taxonomy.reference.OCCUPATIONS``-shaped dicts)."""
    out: "OrderedDict[str, Occupation]" = OrderedDict()
    korean = scheme == "keco"
    for item in occupations:
        code = str(item["code"]).split(":")[-1]
        name = item.get("name_ko") if korean else item.get("name_en")
        name = name or item.get("name_en") or item.get("name_ko") or code
        occupation = out.setdefault(code, Occupation(code=code, label=name, scheme=scheme, isco=item.get("isco")))
        occupation.add_label(item.get("name_ko"), "preferred")
        occupation.add_label(item.get("name_en"), "preferred")
        for alias in list(item.get("aliases_ko") or []) + list(item.get("aliases_en") or []):
            occupation.add_label(alias, "alias")
        for licence in item.get("certifications") or []:
            licence = licence if isinstance(licence, str) else str(licence.get("name", ""))
            if licence and licence not in occupation.certifications:
                occupation.certifications.append(licence)
        if item.get("description"):
            occupation.descriptions.append(str(item["description"]))
    return KnowledgeBase(scheme, list(out.values()), source="jobcenter.taxonomy.reference")


def builtin_reference(scheme: str = "keco") -> KnowledgeBase:
    from jobcenter.taxonomy.reference import OCCUPATIONS  # plain data, no Django

    return from_reference(list(OCCUPATIONS), scheme)


def load_knowledge_base(scheme: str = "keco", data_dir: str | Path | None = None) -> KnowledgeBase:
    """The richest knowledge base available: the shared data folder, else (KECO only) the built-in reference set.

    ``data_dir`` defaults to ``jobcenter.conf.data_dir()`` (``JOBCENTER_DATA_DIR`` or ``../shared/data``).
    The built-in set carries KECO codes, not ESCO URIs, so ESCO needs the data folder (LookupError otherwise).
    """
    if scheme not in ("keco", "esco"):
        raise ValueError(f"unknown scheme {scheme!r} (keco or esco)")
    if data_dir is None:
        from jobcenter.conf import data_dir as configured

        data_dir = configured()
    if data_dir is not None:
        path = Path(data_dir) / (KECO_DICTIONARY if scheme == "keco" else ESCO_OCCUPATIONS)
        if path.is_file():
            return keco_from_dictionary(path) if scheme == "keco" else esco_from_csv(path)
    if scheme == "esco":
        raise LookupError(f"ESCO occupations need {ESCO_OCCUPATIONS} in the shared data folder "
                          f"(JOBCENTER_DATA_DIR); the built-in reference set has KECO codes only")
    return builtin_reference(scheme)
