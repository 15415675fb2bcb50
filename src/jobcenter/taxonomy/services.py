"""Loading the vocabulary: the built-in reference set, the Work24 dictionary of occupations and ESCO.

Every loader is idempotent on the source's natural key (scheme+code, job code+seq, certification name).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.db import transaction

from jobcenter.common.imports import (
    ImportReport,
    already_imported,
    file_sha256,
    import_run,
    progress,
)
from jobcenter.taxonomy.models import (
    Certification,
    DictionaryJob,
    EducationLevel,
    EmploymentType,
    Industry,
    Occupation,
    OccupationAlias,
    OccupationCertification,
    Region,
    Scheme,
)
from jobcenter.taxonomy.text import normalize_label

Level = Occupation.Level


def _assign(obj, values: dict) -> list[str]:
    """Set the values that differ (foreign keys compared by id, without a query); return their names."""
    changed = []
    for name, value in values.items():
        field = obj._meta.get_field(name)
        current = getattr(obj, field.attname)
        wanted = (value.pk if value is not None else None) if field.is_relation else value
        if current != wanted:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def _apply(obj, values: dict) -> bool:
    """Set the values that differ and save just those; True when something changed."""
    changed = _assign(obj, values)
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def _upsert(model, lookup: dict, values: dict) -> tuple[object, str]:
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), "created"
    return obj, ("updated" if _apply(obj, values) else "unchanged")


def _alias(occupation: Occupation, label: str, *, kind: str, language: str, source: str) -> bool:
    label = (label or "").strip()
    norm = normalize_label(label)
    if not norm:
        return False
    _, created = OccupationAlias.objects.get_or_create(
        occupation=occupation, normalized=norm, kind=kind, defaults={"label": label, "language": language, "source": source}
    )
    return created


_GRADE_SUFFIXES = ("기술사", "기능장", "산업기사", "기사", "기능사")


def certification_kind_and_grade(name: str) -> tuple[str, str]:
    for suffix in _GRADE_SUFFIXES:
        if name.endswith(suffix):
            return Certification.Kind.NATIONAL_TECHNICAL, suffix
    return Certification.Kind.OTHER, ""


def certification_get_or_create(name: str, *, version: str = "") -> Certification:
    name = name.strip()
    norm = normalize_label(name)
    cert = Certification.objects.filter(normalized=norm).first()
    if cert:
        return cert
    kind, grade = certification_kind_and_grade(name)
    return Certification.objects.create(
        name=name, normalized=norm, kind=kind, grade=grade, **({"version": version} if version else {})
    )


# --------------------------------------------------------------------------------------------- built-in set


@transaction.atomic
def reference_load_builtin() -> ImportReport:
    """Load the small reference set written in the project (jobcenter.taxonomy.reference). Idempotent."""
    from jobcenter.taxonomy import reference as ref

    report = ImportReport(kind="builtin-reference", source=ref.REFERENCE_VERSION)
    version = ref.KECO_VERSION

    def keep(outcome: str) -> None:
        report.count(outcome)

    parents: dict[str, Occupation] = {}
    for level, rows in ((Level.MAJOR, ref.KECO_MAJOR_GROUPS), (Level.MIDDLE, ref.KECO_MIDDLE_GROUPS),
                        (Level.MINOR, ref.KECO_MINOR_GROUPS)):
        for code, name_ko, name_en in rows:
            parent = parents.get(code[:-1]) if len(code) > 1 else None
            obj, outcome = _upsert(
                Occupation,
                {"scheme": Scheme.KECO, "code": code},
                {"version": version, "name": name_ko, "name_en": name_en, "level": level, "parent": parent},
            )
            parents[code] = obj
            keep(outcome)

    for cert in ref.CERTIFICATIONS:
        _, outcome = _upsert(
            Certification,
            {"normalized": normalize_label(cert["name_ko"])},
            {"name": cert["name_ko"], "name_en": cert.get("name_en", ""), "grade": cert.get("grade", ""),
             "issuer": cert.get("issuer", ""), "kind": cert.get("kind", Certification.Kind.OTHER)},
        )
        keep(outcome)

    for occ in ref.OCCUPATIONS:
        code = occ["code"]
        parent = keco_group_get_or_create(code[:3], version=version)
        # Do not overwrite what a fuller source (the dictionary import) already wrote.
        existing = Occupation.objects.filter(scheme=Scheme.KECO, code=code).first()
        values = {"version": version, "level": Level.UNIT, "parent": parent, "isco_code": occ.get("isco", ""),
                  "name_en": occ.get("name_en", "")}
        if existing is None or existing.source == "builtin":
            values |= {"name": occ["name_ko"], "description": occ.get("description_ko", "")}
        obj, outcome = _upsert(Occupation, {"scheme": Scheme.KECO, "code": code}, values)
        keep(outcome)
        for label in occ.get("aliases_ko", []):
            _alias(obj, label, kind=OccupationAlias.Kind.COLLOQUIAL, language="ko", source="builtin")
        for label in occ.get("aliases_en", []):
            _alias(obj, label, kind=OccupationAlias.Kind.COLLOQUIAL, language="en", source="builtin")
        if occ.get("name_en"):
            _alias(obj, occ["name_en"], kind=OccupationAlias.Kind.TRANSLATION, language="en", source="builtin")
        for cert_name in occ.get("certifications", []):
            cert = certification_get_or_create(cert_name)
            OccupationCertification.objects.get_or_create(occupation=obj, certification=cert,
                                                          defaults={"source": "builtin"})

    provinces: dict[str, Region] = {}
    for code, name_ko, name_en, short_ko, lat, lon in ref.PROVINCES:
        obj, outcome = _upsert(
            Region, {"code": code},
            {"name": name_ko, "name_en": name_en, "short_name": short_ko, "level": Region.Level.PROVINCE,
             "parent": None, "latitude": lat, "longitude": lon, "version": ref.REFERENCE_VERSION},
        )
        provinces[code] = obj
        keep(outcome)
    for code, province_code, name_ko, name_en, lat, lon in ref.CITIES:
        _, outcome = _upsert(
            Region, {"code": code},
            {"name": name_ko, "name_en": name_en, "short_name": "", "level": Region.Level.CITY,
             "parent": provinces[province_code], "latitude": lat, "longitude": lon,
             "version": ref.REFERENCE_VERSION},
        )
        keep(outcome)

    for lvl in ref.EDUCATION_LEVELS:
        _, outcome = _upsert(
            EducationLevel, {"code": lvl["code"]},
            {"name": lvl["name_ko"], "name_en": lvl["name_en"], "years": lvl["years"], "rank": lvl["rank"],
             "aliases": list(lvl.get("aliases", []))},
        )
        keep(outcome)
    for et in ref.EMPLOYMENT_TYPES:
        _, outcome = _upsert(EmploymentType, {"code": et["code"]}, {"name": et["name_ko"], "name_en": et["name_en"]})
        keep(outcome)
    for code, name_ko, name_en in ref.KSIC_SECTIONS:
        _, outcome = _upsert(Industry, {"code": code}, {"name": name_ko, "name_en": name_en,
                                                       "version": ref.KSIC_VERSION})
        keep(outcome)
    return report


def keco_group_get_or_create(code: str, *, version: str) -> Occupation | None:
    """The KECO group with this code (1–3 digits), created with its ancestors when a source names an unknown one.
    The dictionary gives no group names, so such a group is labelled by its code until a source names it."""
    if not code:
        return None
    level = {1: Level.MAJOR, 2: Level.MIDDLE, 3: Level.MINOR}[len(code)]
    group = Occupation.objects.filter(scheme=Scheme.KECO, code=code).first()
    if group:
        return group
    parent = keco_group_get_or_create(code[:-1], version=version) if len(code) > 1 else None
    return Occupation.objects.create(
        scheme=Scheme.KECO, code=code, version=version, name=f"KECO {code}", level=level, parent=parent,
        source="generated",
    )


# ------------------------------------------------------------------------------------ Work24 dictionary


def work24_dictionary_import(*, path: str | Path, show_progress: bool = False, force: bool = False) -> ImportReport:
    """Import the Korean Dictionary of Occupations as returned by the Work24 Open API (JSON lines).

    Creates one KECO occupation per 4-digit code (named by the dictionary's KECO name), one DictionaryJob per
    job, the job names and similar names as aliases, and the related licences as certifications.
    """
    from jobcenter.interchange.work24_dictionary import parse_dictionary
    from jobcenter.taxonomy.reference import KECO_VERSION, SKILL_YEARS

    path = Path(path)
    sha = file_sha256(path)
    if not force and already_imported("work24-dictionary", sha):
        return ImportReport(kind="work24-dictionary", source=str(path), skipped_same_file=True)
    parsed = parse_dictionary(path)
    with import_run("work24-dictionary", str(path), sha256=sha) as report:
        for err in parsed.errors:
            report.reject(line=err.line, key=err.key, field=err.field, message=err.message)
        edu_by_alias = _education_alias_map()
        with transaction.atomic():
            occupations = _dictionary_occupations(parsed.records, version=KECO_VERSION, report=report)
            existing_jobs = {(j.job_code, j.seq): j for j in DictionaryJob.objects.all()}
            alias_keys = set(
                OccupationAlias.objects.filter(occupation__scheme=Scheme.KECO).values_list(
                    "occupation_id", "normalized", "kind"
                )
            )
            new_aliases: list[OccupationAlias] = []
            certs = {c.normalized: c for c in Certification.objects.all()}
            links = set(OccupationCertification.objects.values_list("occupation_id", "certification_id"))
            new_links: list[OccupationCertification] = []
            to_create: list[DictionaryJob] = []
            to_update: list[DictionaryJob] = []
            fields = ["name", "occupation", "summary", "duties", "ksco_code", "ksic_code", "education_level",
                      "skill_months", "related_jobs", "inquiry_year"]
            for _, rec in progress(parsed.records, enabled=show_progress, desc="dictionary"):
                occ = occupations[rec.keco_code]
                values = {
                    "name": rec.name, "occupation": occ, "summary": rec.summary or "", "duties": rec.duties or "",
                    "ksco_code": rec.ksco_code or "", "ksic_code": rec.ksic_code or "",
                    "education_level": edu_by_alias.get(normalize_label(rec.education_level or "")),
                    "skill_months": SKILL_YEARS.get(rec.skill_year or ""),
                    "related_jobs": list(rec.related_jobs), "inquiry_year": str(rec.inquiry_year or ""),
                }
                job = existing_jobs.get((rec.job_code, rec.seq))
                if job is None:
                    to_create.append(DictionaryJob(job_code=rec.job_code, seq=rec.seq, **values))
                    report.count("created")
                else:
                    if _assign(job, values):
                        to_update.append(job)
                        report.count("updated")
                    else:
                        report.count("unchanged")
                for label, kind in [(rec.name, OccupationAlias.Kind.JOB_NAME)] + [
                    (s, OccupationAlias.Kind.SIMILAR) for s in rec.similar_names
                ]:
                    norm = normalize_label(label)
                    if norm and (occ.pk, norm, kind) not in alias_keys:
                        alias_keys.add((occ.pk, norm, kind))
                        new_aliases.append(OccupationAlias(occupation=occ, label=label.strip(), normalized=norm,
                                                           kind=kind, language="ko", source="work24"))
                for cert_name in rec.certifications:
                    norm = normalize_label(cert_name)
                    if not norm:
                        continue
                    cert = certs.get(norm)
                    if cert is None:
                        kind, grade = certification_kind_and_grade(cert_name.strip())
                        cert = Certification.objects.create(name=cert_name.strip(), normalized=norm, kind=kind,
                                                            grade=grade, version="work24")
                        certs[norm] = cert
                    if (occ.pk, cert.pk) not in links:
                        links.add((occ.pk, cert.pk))
                        new_links.append(OccupationCertification(occupation=occ, certification=cert,
                                                                 source="work24"))
            DictionaryJob.objects.bulk_create(to_create, batch_size=500)
            DictionaryJob.objects.bulk_update(to_update, fields, batch_size=500)
            OccupationAlias.objects.bulk_create(new_aliases, batch_size=1000)
            OccupationCertification.objects.bulk_create(new_links, batch_size=1000)
    return report


def _education_alias_map() -> dict[str, EducationLevel]:
    mapping: dict[str, EducationLevel] = {}
    for level in EducationLevel.objects.all():
        for label in [level.code, level.name, level.name_en, *level.aliases]:
            if label:
                mapping[normalize_label(label)] = level
    return mapping


def _dictionary_occupations(records, *, version: str, report: ImportReport) -> dict[str, Occupation]:
    """One KECO 4-digit occupation per code; its description is the first job's summary."""
    by_code: dict[str, list] = defaultdict(list)
    for _, rec in records:
        by_code[rec.keco_code].append(rec)
    occupations: dict[str, Occupation] = {}
    for code, recs in sorted(by_code.items()):
        first = recs[0]
        parent = keco_group_get_or_create(code[:3], version=version)
        occ = Occupation.objects.filter(scheme=Scheme.KECO, code=code).first()
        values = {"version": version, "level": Level.UNIT, "parent": parent, "name": first.keco_name or code,
                  "description": first.summary or "", "source": "work24"}
        if occ is None:
            occ = Occupation.objects.create(scheme=Scheme.KECO, code=code, **values)
        else:
            _apply(occ, values)
        occupations[code] = occ
    return occupations


# --------------------------------------------------------------------------------------------------- ESCO

_ESCO_VERSION = "1.1.1"
_ISCO_LEVELS = {1: Level.MAJOR, 2: Level.MIDDLE, 3: Level.MINOR, 4: Level.UNIT}


def esco_import(*, directory: str | Path, show_progress: bool = False, force: bool = False) -> ImportReport:
    """Import ISCO-08 groups and ESCO occupations (preferred and alternative labels) from the ESCO CSV files."""
    from jobcenter.interchange.esco import parse_esco_dir

    directory = Path(directory)
    sha = file_sha256(directory / "occupations.csv")
    if not force and already_imported("esco", sha):
        return ImportReport(kind="esco", source=str(directory), skipped_same_file=True)
    groups, occupations = parse_esco_dir(directory)
    with import_run("esco", str(directory), sha256=sha) as report, transaction.atomic():
        for err in [*groups.errors, *occupations.errors]:
            report.reject(line=err.line, key=err.key, field=err.field, message=err.message)
        isco: dict[str, Occupation] = {}
        for _, g in sorted(groups.records, key=lambda item: item[1].code):
            level = _ISCO_LEVELS.get(len(g.code))
            if level is None:
                continue
            obj, _ = _upsert(
                Occupation, {"scheme": Scheme.ISCO, "code": g.code},
                {"version": "08", "name": g.label, "name_en": g.label, "level": level,
                 "parent": isco.get(g.code[:-1]), "description": g.description or "", "source": "esco"},
            )
            isco[g.code] = obj
        existing = {o.code: o for o in Occupation.objects.filter(scheme=Scheme.ESCO)}
        alias_keys = set(
            OccupationAlias.objects.filter(occupation__scheme=Scheme.ESCO).values_list("occupation_id", "normalized")
        )
        new_aliases: list[OccupationAlias] = []
        for line, rec in progress(occupations.records, enabled=show_progress, desc="esco"):
            values = {"version": _ESCO_VERSION, "name": rec.preferred_label, "name_en": rec.preferred_label,
                      "level": Level.UNIT, "parent": isco.get(rec.isco_group), "isco_code": rec.isco_group or "",
                      "description": rec.description or "", "source": "esco"}
            occ = existing.get(rec.uri)
            if occ is None:
                occ = Occupation.objects.create(scheme=Scheme.ESCO, code=rec.uri, **values)
                report.count("created")
            else:
                report.count("updated" if _apply(occ, values) else "unchanged")
            for label in rec.alt_labels:
                norm = normalize_label(label)
                if norm and (occ.pk, norm) not in alias_keys:
                    alias_keys.add((occ.pk, norm))
                    new_aliases.append(OccupationAlias(occupation=occ, label=label.strip()[:255], normalized=norm[:255],
                                                       kind=OccupationAlias.Kind.ALTERNATIVE, language="en",
                                                       source="esco"))
        OccupationAlias.objects.bulk_create(new_aliases, batch_size=1000)
    return report

