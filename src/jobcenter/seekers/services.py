"""Writes for job seekers: the profile, its career, schooling, licences, training and job preferences.

Free text is normalised to taxonomy codes here, once, and kept beside the text the person wrote. No text that
looks like a resident registration number (주민등록번호) is ever stored: the service refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jobcenter.accounts.models import User
from jobcenter.accounts.roles import Role
from jobcenter.accounts.services import user_create
from jobcenter.seekers.models import (
    Education,
    JobPreference,
    SeekerCertificate,
    SeekerProfile,
    TrainingRecord,
    WageUnit,
    WorkExperience,
)
from jobcenter.taxonomy.models import Certification, EducationLevel, Occupation, Region

# YYMMDD, optional hyphen, a 1–4 gender/century digit, six more digits.
RESIDENT_NUMBER_RE = re.compile(r"\d{6}-?[1-4]\d{6}")


def resident_number_reject(fields: Mapping[str, Any]) -> None:
    """Raise a ValidationError naming every text field that contains a resident registration number."""
    errors = {
        name: [_("Do not enter a resident registration number; the service never stores one.")]
        for name, value in fields.items()
        if isinstance(value, str) and RESIDENT_NUMBER_RE.search(value)
    }
    if errors:
        raise ValidationError(errors)


def _dates_ordered(start: date | None, end: date | None, *, end_field: str = "end_date") -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("The end date cannot be before the start date.")})


def _occupation_for_text(text: str) -> tuple[Occupation | None, float | None]:
    """The KECO occupation whose name or alias is exactly this text (confidence 1.0), else nothing."""
    from jobcenter.taxonomy.selectors import occupation_match_exact

    occupation = occupation_match_exact(text=text) if (text or "").strip() else None
    return (occupation, 1.0) if occupation is not None else (None, None)


def _set_fields(instance, fields: Mapping[str, Any], allowed: set[str]) -> list[str]:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"cannot set {', '.join(sorted(unknown))} on {type(instance).__name__}")
    for name, value in fields.items():
        setattr(instance, name, value)
    return list(fields)


PROFILE_FIELDS = {
    "display_name",
    "email",
    "phone",
    "home_region",
    "home_latitude",
    "home_longitude",
    "summary",
    "discoverable",
    "recommendations_enabled",
}
_PROFILE_TEXT_FIELDS = ("display_name", "email", "phone", "summary")


def _home_coordinates(profile: SeekerProfile, fields: Mapping[str, Any]) -> None:
    """Coordinates follow the home region unless the caller gave their own."""
    if "home_latitude" in fields or "home_longitude" in fields:
        if (profile.home_latitude is None) != (profile.home_longitude is None):
            raise ValidationError({"home_longitude": _("Give both latitude and longitude, or neither.")})
        return
    if "home_region" in fields:
        region = profile.home_region
        profile.home_latitude = region.latitude if region else None
        profile.home_longitude = region.longitude if region else None


@transaction.atomic
def seeker_profile_create(
    *,
    user: User | None = None,
    display_name: str,
    email: str = "",
    phone: str = "",
    home_region: Region | None = None,
    home_latitude: float | None = None,
    home_longitude: float | None = None,
    summary: str = "",
    discoverable: bool = False,
    recommendations_enabled: bool = True,
    source: str = "portal",
    source_key: str = "",
) -> SeekerProfile:
    """Create a profile with its (empty) job preference. Home coordinates default to the home region's."""
    resident_number_reject({"display_name": display_name, "email": email, "phone": phone, "summary": summary})
    if user is not None and SeekerProfile.objects.filter(user=user).exists():
        raise ValidationError({"user": _("This account already has a job-seeker profile.")})
    if home_latitude is None and home_longitude is None and home_region is not None:
        home_latitude, home_longitude = home_region.latitude, home_region.longitude
    profile = SeekerProfile(
        user=user,
        display_name=(display_name or "").strip(),
        email=email or (user.email if user else ""),
        phone=phone,
        home_region=home_region,
        home_latitude=home_latitude,
        home_longitude=home_longitude,
        summary=summary,
        discoverable=discoverable,
        recommendations_enabled=recommendations_enabled,
        source=source,
        source_key=source_key,
    )
    profile.full_clean()
    profile.save()
    JobPreference.objects.create(seeker=profile)
    return profile


@transaction.atomic
def seeker_profile_update(*, profile: SeekerProfile, **fields: Any) -> SeekerProfile:
    resident_number_reject({k: fields[k] for k in _PROFILE_TEXT_FIELDS if k in fields})
    _set_fields(profile, fields, PROFILE_FIELDS)
    _home_coordinates(profile, fields)
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def seeker_register(
    *, email: str, password: str, display_name: str, preferred_language: str = "ko"
) -> tuple[User, SeekerProfile]:
    """Job-seeker sign-up: the account with the seeker role and its profile, all or nothing."""
    resident_number_reject({"display_name": display_name})
    if User.objects.filter(email__iexact=(email or "").strip()).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    user = user_create(
        email=email, password=password, role=Role.SEEKER, first_name=display_name,
        preferred_language=preferred_language,
    )
    profile = seeker_profile_create(user=user, display_name=display_name, email=user.email)
    return user, profile


def _work_experience_write(experience: WorkExperience, *, title: str, employer_name: str, start_date: date | None,
                          end_date: date | None, duties: str) -> WorkExperience:
    """Validate and store a job; the title is normalised (again: a changed title may name another occupation)."""
    resident_number_reject({"title": title, "employer_name": employer_name, "duties": duties})
    _dates_ordered(start_date, end_date)
    experience.title = (title or "").strip()
    experience.employer_name = employer_name
    experience.start_date = start_date
    experience.end_date = end_date
    experience.duties = duties
    experience.occupation, experience.occupation_confidence = _occupation_for_text(title)
    experience.full_clean()
    experience.save()
    return experience


@transaction.atomic
def work_experience_add(
    *,
    seeker: SeekerProfile,
    title: str,
    employer_name: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
    duties: str = "",
) -> WorkExperience:
    """A past or current job; the title is normalised to a KECO occupation when it names one exactly."""
    return _work_experience_write(WorkExperience(seeker=seeker), title=title, employer_name=employer_name,
                                  start_date=start_date, end_date=end_date, duties=duties)


def _education_write(education: Education, *, level: EducationLevel | None, level_text: str, institution: str,
                     major: str, end_date: date | None) -> Education:
    from jobcenter.taxonomy.selectors import education_level_match

    resident_number_reject({"level_text": level_text, "institution": institution, "major": major})
    if level is None and level_text.strip():
        level = education_level_match(text=level_text)
    if level is None and not level_text.strip() and not institution.strip():
        raise ValidationError({"level_text": _("Give the level of education or the school.")})
    education.level = level
    education.level_text = level_text or (level.name if level else "")
    education.institution = institution
    education.major = major
    education.end_date = end_date
    education.full_clean()
    education.save()
    return education


@transaction.atomic
def education_add(
    *,
    seeker: SeekerProfile,
    level: EducationLevel | None = None,
    level_text: str = "",
    institution: str = "",
    major: str = "",
    end_date: date | None = None,
) -> Education:
    """Schooling; a level written as text ("대졸", "4년제 대학") is normalised to an education level."""
    return _education_write(Education(seeker=seeker), level=level, level_text=level_text,
                            institution=institution, major=major, end_date=end_date)


def _certificate_write(certificate: SeekerCertificate, *, name: str, issuer: str, acquired_on: date | None,
                       certification: Certification | None) -> SeekerCertificate:
    from jobcenter.taxonomy.selectors import certification_match

    resident_number_reject({"name": name, "issuer": issuer})
    if certification is None and (name or "").strip():
        certification = certification_match(name=name)
    certificate.name = (name or "").strip()
    certificate.certification = certification
    certificate.issuer = issuer or (certification.issuer if certification else "")
    certificate.acquired_on = acquired_on
    certificate.full_clean()
    certificate.save()
    return certificate


@transaction.atomic
def certificate_add(
    *,
    seeker: SeekerProfile,
    name: str,
    issuer: str = "",
    acquired_on: date | None = None,
    certification: Certification | None = None,
) -> SeekerCertificate:
    """A licence the person holds, normalised to the certification list where the name is known."""
    return _certificate_write(SeekerCertificate(seeker=seeker), name=name, issuer=issuer, acquired_on=acquired_on,
                              certification=certification)


def _training_record_write(record: TrainingRecord, *, course_name: str, provider: str, start_date: date | None,
                           end_date: date | None, completed: bool | None) -> TrainingRecord:
    resident_number_reject({"course_name": course_name, "provider": provider})
    _dates_ordered(start_date, end_date)
    record.course_name = (course_name or "").strip()
    record.provider = provider
    record.start_date = start_date
    record.end_date = end_date
    record.completed = completed
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def training_record_add(
    *,
    seeker: SeekerProfile,
    course_name: str,
    provider: str = "",
    course=None,
    start_date: date | None = None,
    end_date: date | None = None,
    completed: bool | None = None,
) -> TrainingRecord:
    return _training_record_write(TrainingRecord(seeker=seeker, course=course), course_name=course_name,
                                  provider=provider, start_date=start_date, end_date=end_date, completed=completed)


@transaction.atomic
def preference_update(
    *,
    seeker: SeekerProfile,
    desired_occupations: Iterable[Occupation | str] = (),
    regions: Iterable[Region] = (),
    max_commute_km: float | None = None,
    desired_wage: int | None = None,
    desired_wage_unit: str = WageUnit.MONTH,
    employment_types: Iterable[str] = (),
    available_from: date | None = None,
) -> JobPreference:
    """Replace the job preference. Desired occupations may be occupations or typed text; text is kept and
    normalised where it names an occupation exactly."""
    from jobcenter.jobs.models import EmploymentTypeCode

    errors: dict[str, list[str]] = {}
    occupations: list[Occupation] = []
    texts: list[str] = []
    for item in desired_occupations:
        if isinstance(item, Occupation):
            if not item.is_assignable:
                errors.setdefault("desired_occupations", []).append(
                    _("Choose an occupation, not a group: %(name)s") % {"name": item.name}
                )
            occupations.append(item)
        else:
            text = str(item).strip()
            if not text:
                continue
            resident_number_reject({"desired_occupations": text})
            texts.append(text)
            occupation, _confidence = _occupation_for_text(text)
            if occupation is not None:
                occupations.append(occupation)
    types = [str(t) for t in employment_types]
    bad_types = [t for t in types if t not in EmploymentTypeCode.values]
    if bad_types:
        errors["employment_types"] = [_("Unknown employment type: %(value)s") % {"value": ", ".join(bad_types)}]
    if max_commute_km is not None and max_commute_km < 0:
        errors["max_commute_km"] = [_("The commute distance cannot be negative.")]
    if desired_wage is not None and desired_wage < 0:
        errors["desired_wage"] = [_("The wage cannot be negative.")]
    if desired_wage_unit not in WageUnit.values:
        errors["desired_wage_unit"] = [_("Unknown wage unit.")]
    if errors:
        raise ValidationError(errors)

    preference, _created = JobPreference.objects.get_or_create(seeker=seeker)
    preference.max_commute_km = max_commute_km
    preference.desired_wage = desired_wage
    preference.desired_wage_unit = desired_wage_unit
    preference.employment_types = list(dict.fromkeys(types))
    preference.available_from = available_from
    preference.desired_occupation_texts = texts
    preference.full_clean()
    preference.save()
    preference.desired_occupations.set(list({o.pk: o for o in occupations}.values()))
    preference.regions.set(list(regions))
    return preference


# --------------------------------------------------------------------------------------------- editing items


@transaction.atomic
def work_experience_update(
    *,
    experience: WorkExperience,
    title: str,
    employer_name: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
    duties: str = "",
) -> WorkExperience:
    """Rewrite a job; the title is normalised again (a changed title may name another occupation)."""
    return _work_experience_write(experience, title=title, employer_name=employer_name, start_date=start_date,
                                  end_date=end_date, duties=duties)


@transaction.atomic
def work_experience_delete(*, experience: WorkExperience) -> None:
    experience.delete()


@transaction.atomic
def education_update(
    *,
    education: Education,
    level: EducationLevel | None = None,
    level_text: str = "",
    institution: str = "",
    major: str = "",
    end_date: date | None = None,
) -> Education:
    return _education_write(education, level=level, level_text=level_text, institution=institution, major=major,
                            end_date=end_date)


@transaction.atomic
def education_delete(*, education: Education) -> None:
    education.delete()


@transaction.atomic
def certificate_update(
    *, certificate: SeekerCertificate, name: str, issuer: str = "", acquired_on: date | None = None
) -> SeekerCertificate:
    """Rewrite a licence; the name is matched to the certification list again, free text kept otherwise."""
    return _certificate_write(certificate, name=name, issuer=issuer, acquired_on=acquired_on, certification=None)


@transaction.atomic
def certificate_delete(*, certificate: SeekerCertificate) -> None:
    certificate.delete()


@transaction.atomic
def training_record_update(
    *,
    record: TrainingRecord,
    course_name: str,
    provider: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
    completed: bool | None = None,
) -> TrainingRecord:
    return _training_record_write(record, course_name=course_name, provider=provider, start_date=start_date,
                                  end_date=end_date, completed=completed)


@transaction.atomic
def training_record_delete(*, record: TrainingRecord) -> None:
    record.delete()


# --------------------------------------------------------------------------------------------- JSON Resume


def _norm(text: str | None) -> str:
    from jobcenter.taxonomy.text import normalize_label

    return normalize_label(text or "")


def _work_key(title, employer, start) -> tuple:
    return (_norm(title), _norm(employer), start)


def _education_key(level_text, institution, major, end) -> tuple:
    return (_norm(level_text), _norm(institution), _norm(major), end)


def _training_key(name, provider, start) -> tuple:
    return (_norm(name), _norm(provider), start)


@transaction.atomic
def seeker_profile_import_jsonresume(*, seeker: SeekerProfile, record) -> dict[str, int]:
    """Merge a parsed JSON Resume (``interchange.jsonresume.SeekerRecord``) into the person's own profile.

    What is already there stays: jobs, schools, licences and courses are added only when the profile does not
    hold the same one (same title, employer and start; same school, major and end; same licence; same course,
    provider and start), so importing the same file twice adds nothing. Empty basic fields (contact, home) and
    empty preferences are filled; filled ones are kept. Consent (``discoverable``) is never changed by a file.
    Returns how many items were added per section and how many were already there (``"skipped"``).
    All or nothing: an item the profile cannot hold refuses the whole file, naming the field.
    """
    from jobcenter.taxonomy.selectors import certification_match, occupation_get, region_match

    errors: dict[str, list[str]] = {}
    for i, work in enumerate(record.work):
        if not (work.position or "").strip():
            errors[f"work[{i}].position"] = [_("Each job needs its position (the job title).")]
    for i, school in enumerate(record.education):
        if not ((school.study_type or "").strip() or (school.institution or "").strip()):
            errors[f"education[{i}].institution"] = [_("Give the level of education or the school.")]
    if errors:
        raise ValidationError(errors)

    added = {"work": 0, "education": 0, "certificates": 0, "training": 0, "skipped": 0}

    have_work = {_work_key(w.title, w.employer_name, w.start_date) for w in seeker.work_experiences.all()}
    for i, work in enumerate(record.work):
        key = _work_key(work.position, work.employer, work.start_date)
        if key in have_work:
            added["skipped"] += 1
            continue
        have_work.add(key)
        experience = work_experience_add(
            seeker=seeker, title=work.position, employer_name=work.employer or "", start_date=work.start_date,
            end_date=work.end_date, duties=work.summary or "",
        )
        if work.occupation_code and experience.occupation is None:
            try:
                occupation = occupation_get(concept_id=work.occupation_code)
            except Occupation.DoesNotExist:
                raise ValidationError(
                    {f"work[{i}].x-occupationCode": _("Unknown occupation code: %(code)s") % {"code": work.occupation_code}}
                ) from None
            experience.occupation, experience.occupation_confidence = occupation, 1.0
            experience.save(update_fields=["occupation", "occupation_confidence"])
        added["work"] += 1

    have_schools = {
        _education_key(e.level_text, e.institution, e.major, e.end_date) for e in seeker.educations.all()
    }
    for school in record.education:
        key = _education_key(school.study_type, school.institution, school.area, school.end_date)
        if key in have_schools:
            added["skipped"] += 1
            continue
        have_schools.add(key)
        education_add(
            seeker=seeker, level_text=school.study_type or "", institution=school.institution or "",
            major=school.area or "", end_date=school.end_date,
        )
        added["education"] += 1

    def certificate_key(name: str):
        certification = certification_match(name=name)
        return ("cert", certification.pk) if certification else ("text", _norm(name))

    have_certificates = {
        ("cert", c.certification_id) if c.certification_id else ("text", _norm(c.name))
        for c in seeker.certificates.all()
    }
    for item in record.certificates:
        key = certificate_key(item.name)
        if key in have_certificates:
            added["skipped"] += 1
            continue
        have_certificates.add(key)
        certificate_add(seeker=seeker, name=item.name, issuer=item.issuer or "", acquired_on=item.date)
        added["certificates"] += 1

    have_training = {_training_key(t.course_name, t.provider, t.start_date) for t in seeker.training_records.all()}
    for item in record.training:
        key = _training_key(item.name, item.provider, item.start_date)
        if key in have_training:
            added["skipped"] += 1
            continue
        have_training.add(key)
        training_record_add(
            seeker=seeker, course_name=item.name, provider=item.provider or "", start_date=item.start_date,
            end_date=item.end_date, completed=item.completed,
        )
        added["training"] += 1

    # Basics: fill what is empty.
    basics: dict[str, Any] = {}
    if not seeker.email and record.email:
        basics["email"] = record.email
    if not seeker.phone and record.phone:
        basics["phone"] = record.phone
    if seeker.home_region_id is None:
        home = region_match(region=record.pref_region or record.region, locality=record.pref_locality or record.city)
        if home is not None:
            basics["home_region"] = home
            if record.pref_latitude is not None and record.pref_longitude is not None:
                basics["home_latitude"], basics["home_longitude"] = record.pref_latitude, record.pref_longitude
    if basics:
        seeker_profile_update(profile=seeker, **basics)

    # Preferences: add desired occupations and employment types; fill empty values.
    preference, _created = JobPreference.objects.get_or_create(seeker=seeker)
    texts = list(preference.desired_occupation_texts or [])
    known = {_norm(t) for t in texts}
    texts += [t for t in record.desired_occupations if _norm(t) and _norm(t) not in known]
    types = list(dict.fromkeys([*(preference.employment_types or []), *record.employment_types]))
    has_wage = preference.desired_wage is not None
    preference_update(
        seeker=seeker,
        desired_occupations=[*preference.desired_occupations.all(), *texts],
        regions=list(preference.regions.all()),
        max_commute_km=preference.max_commute_km if preference.max_commute_km is not None else record.max_commute_km,
        desired_wage=preference.desired_wage if has_wage else record.desired_wage,
        desired_wage_unit=preference.desired_wage_unit if has_wage else (record.desired_wage_unit or WageUnit.MONTH),
        employment_types=types,
        available_from=preference.available_from or record.available_from,
    )
    return added
