"""Response shapes of the JSON API and the functions that fill them from models.

Every coded value is ``{concept_id, label}`` (the JobTech convention), so a client never has to know which
table a code lives in. Seeker output is built field by field from an explicit list: protected attributes (sex,
birth year, disability) have no schema here and therefore cannot leak through the API.
"""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from jobcenter.jobs.models import Application, ApplicationStatus, EmploymentTypeCode, JobPosting
from jobcenter.jobs.selectors import posting_jsonld, posting_url
from jobcenter.seekers.models import SeekerProfile, WageUnit

# --------------------------------------------------------------------------------------------- shared


class Concept(Schema):
    concept_id: str = Field(..., examples=["KECO:8173"])
    label: str = Field(..., examples=["용접원"])


def concept(obj, label: str | None = None) -> dict | None:
    """Any taxonomy row (with ``concept_id``) → ``{concept_id, label}``; ``None`` stays ``None``."""
    if obj is None:
        return None
    return {"concept_id": obj.concept_id, "label": label if label is not None else obj.name}


def region_concept(region) -> dict | None:
    return concept(region, region.full_name) if region is not None else None


def employment_type_concept(code: str, labels: dict[str, str] | None = None) -> dict:
    labels = labels or {}
    try:
        fallback = str(EmploymentTypeCode(code).label)
    except ValueError:
        fallback = code
    return {"concept_id": f"SCHEMA.ORG:{code}", "label": labels.get(code) or fallback}


class Problem(Schema):
    """An error: ``detail`` is a message, or a list of ``{loc, msg, type}`` naming the offending field."""

    detail: str | list[dict]


# --------------------------------------------------------------------------------------------- postings


class CompanyRef(Schema):
    id: int
    name: str


class Wage(Schema):
    min: int | None
    max: int | None
    unit: str = Field(..., description="HOUR, DAY, WEEK, MONTH or YEAR")
    currency: str = "KRW"


class PostingListItem(Schema):
    id: int
    title: str
    company: CompanyRef
    occupation: Concept | None
    region: Concept | None
    employment_type: Concept
    wage: Wage
    experience_months: int
    education: Concept | None
    posted_on: dt.date
    closes_on: dt.date | None
    url: str = Field(..., description="path of the posting's page on the portal")


class PostingPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[PostingListItem]


class PostingDetail(PostingListItem):
    status: str
    description: str
    required_certifications: list[Concept]
    qualifications_text: str
    working_hours: str
    openings: int
    how_to_apply: str
    address: str
    jsonld: dict = Field(..., description="the posting as schema.org JobPosting (JSON-LD)")


def posting_item(posting: JobPosting, employment_labels: dict[str, str] | None = None) -> dict:
    return {
        "id": posting.pk,
        "title": posting.title,
        "company": {"id": posting.company_id, "name": posting.company.name},
        "occupation": concept(posting.occupation),
        "region": region_concept(posting.region),
        "employment_type": employment_type_concept(posting.employment_type, employment_labels),
        "wage": {"min": posting.wage_min, "max": posting.wage_max, "unit": posting.wage_unit, "currency": "KRW"},
        "experience_months": posting.experience_months,
        "education": concept(posting.education_level),
        "posted_on": posting.posted_on,
        "closes_on": posting.closes_on,
        "url": posting_url(posting),
    }


def posting_detail(posting: JobPosting, employment_labels: dict[str, str] | None = None, *,
                   base_url: str = "") -> dict:
    return {
        **posting_item(posting, employment_labels),
        "status": posting.status,
        "description": posting.description,
        "required_certifications": [concept(c) for c in posting.required_certifications.all()],
        "qualifications_text": posting.qualifications_text,
        "working_hours": posting.working_hours,
        "openings": posting.openings,
        "how_to_apply": posting.how_to_apply,
        "address": posting.address,
        "jsonld": posting_jsonld(posting, base_url=base_url),
    }


# --------------------------------------------------------------------------------------------- vocabulary


class OccupationItem(Concept):
    scheme: str
    code: str
    level: str
    parent: Concept | None


class AliasOut(Schema):
    label: str
    kind: str
    language: str


class OccupationDetail(OccupationItem):
    name_en: str
    version: str
    isco_code: str
    description: str
    duties: str
    parents: list[Concept] = Field(..., description="the groups above, broadest first")
    children: list[Concept]
    aliases: list[AliasOut]
    certifications: list[Concept]


def occupation_item(occupation) -> dict:
    return {
        **concept(occupation),
        "scheme": occupation.scheme,
        "code": occupation.code,
        "level": occupation.level,
        "parent": concept(occupation.parent),
    }


# --------------------------------------------------------------------------------------------- applications


class StatusChange(Schema):
    from_status: str
    to_status: str
    changed_at: dt.datetime


class StatusChangeWithNote(StatusChange):
    note: str


class PostingRef(Schema):
    id: int
    title: str
    company: CompanyRef
    url: str


class MyApplication(Schema):
    id: int
    posting: PostingRef
    status: Concept
    created_at: dt.datetime
    updated_at: dt.datetime
    status_history: list[StatusChange]


class Applicant(Schema):
    profile_id: int
    display_name: str


class PostingApplication(Schema):
    id: int
    applicant: Applicant
    status: Concept
    cover_note: str
    created_at: dt.datetime
    updated_at: dt.datetime
    status_history: list[StatusChangeWithNote]


def status_concept(status: str) -> dict:
    try:
        label = str(ApplicationStatus(status).label)
    except ValueError:
        label = status
    return {"concept_id": f"APPLICATION-STATUS:{status}", "label": label}


def my_application(application: Application) -> dict:
    """What a seeker sees of their own application. Employer notes on status changes stay with the employer."""
    posting = application.posting
    return {
        "id": application.pk,
        "posting": {
            "id": posting.pk,
            "title": posting.title,
            "company": {"id": posting.company_id, "name": posting.company.name},
            "url": posting_url(posting),
        },
        "status": status_concept(application.status),
        "created_at": application.created_at,
        "updated_at": application.updated_at,
        "status_history": [
            {"from_status": c.from_status, "to_status": c.to_status, "changed_at": c.changed_at}
            for c in application.status_history.all()
        ],
    }


def posting_application(application: Application) -> dict:
    """What the hiring company sees: who applied (name only — contact comes through the portal), the message
    and the status history. Never protected attributes."""
    return {
        "id": application.pk,
        "applicant": {"profile_id": application.seeker_id, "display_name": application.seeker.display_name},
        "status": status_concept(application.status),
        "cover_note": application.cover_note,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
        "status_history": [
            {"from_status": c.from_status, "to_status": c.to_status, "changed_at": c.changed_at, "note": c.note}
            for c in application.status_history.all()
        ],
    }


# --------------------------------------------------------------------------------------------- seeker profile


class Contact(Schema):
    email: str
    phone: str


class WorkExperienceOut(Schema):
    title: str
    employer_name: str
    start_date: dt.date | None
    end_date: dt.date | None
    duties: str
    occupation: Concept | None = Field(None, description="the occupation the job title was normalised to")


class EducationOut(Schema):
    level: Concept | None
    level_text: str
    institution: str
    major: str
    end_date: dt.date | None


class CertificateOut(Schema):
    name: str
    certification: Concept | None
    issuer: str
    acquired_on: dt.date | None


class TrainingRecordOut(Schema):
    course_name: str
    provider: str
    start_date: dt.date | None
    end_date: dt.date | None
    completed: bool | None


class DesiredWage(Schema):
    amount: int | None
    unit: str
    currency: str = "KRW"


class PreferencesOut(Schema):
    desired_occupations: list[Concept]
    desired_occupation_texts: list[str]
    regions: list[Concept]
    max_commute_km: float | None
    desired_wage: DesiredWage
    employment_types: list[Concept]
    available_from: dt.date | None


class MyProfile(Schema):
    id: int
    display_name: str
    contact: Contact
    home_region: Concept | None
    summary: str
    discoverable: bool
    recommendations_enabled: bool
    work_experiences: list[WorkExperienceOut]
    educations: list[EducationOut]
    certificates: list[CertificateOut]
    training_records: list[TrainingRecordOut]
    preferences: PreferencesOut | None


def my_profile(profile: SeekerProfile, employment_labels: dict[str, str] | None = None) -> dict:
    try:
        pref = profile.preference
    except SeekerProfile.preference.RelatedObjectDoesNotExist:
        pref = None
    preferences = None
    if pref is not None:
        preferences = {
            "desired_occupations": [concept(o) for o in pref.desired_occupations.all()],
            "desired_occupation_texts": [str(t) for t in (pref.desired_occupation_texts or [])],
            "regions": [region_concept(r) for r in pref.regions.all()],
            "max_commute_km": pref.max_commute_km,
            "desired_wage": {
                "amount": pref.desired_wage,
                "unit": pref.desired_wage_unit or WageUnit.MONTH,
                "currency": "KRW",
            },
            "employment_types": [employment_type_concept(str(t), employment_labels)
                                 for t in (pref.employment_types or [])],
            "available_from": pref.available_from,
        }
    return {
        "id": profile.pk,
        "display_name": profile.display_name,
        "contact": {"email": profile.email, "phone": profile.phone},
        "home_region": region_concept(profile.home_region),
        "summary": profile.summary,
        "discoverable": profile.discoverable,
        "recommendations_enabled": profile.recommendations_enabled,
        "work_experiences": [
            {
                "title": w.title,
                "employer_name": w.employer_name,
                "start_date": w.start_date,
                "end_date": w.end_date,
                "duties": w.duties,
                "occupation": concept(w.occupation),
            }
            for w in profile.work_experiences.all()
        ],
        "educations": [
            {
                "level": concept(e.level),
                "level_text": e.level_text,
                "institution": e.institution,
                "major": e.major,
                "end_date": e.end_date,
            }
            for e in profile.educations.all()
        ],
        "certificates": [
            {"name": c.name, "certification": concept(c.certification), "issuer": c.issuer,
             "acquired_on": c.acquired_on}
            for c in profile.certificates.all()
        ],
        "training_records": [
            {"course_name": t.course_name, "provider": t.provider, "start_date": t.start_date,
             "end_date": t.end_date, "completed": t.completed}
            for t in profile.training_records.all()
        ],
        "preferences": preferences,
    }
