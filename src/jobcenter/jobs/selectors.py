"""Reading postings and applications, with the rules of who may see what.

- The public sees open postings that have not passed their closing date (the Asia/Seoul date).
- Members of a company see all of its postings and the applications to them.
- A seeker sees their own applications.
- Counselors, staff and administrators see everything.

A caller that may not see an object gets ``DoesNotExist``, the same as for an object that does not exist, so ids
cannot be probed; only ``application_list_for_posting`` answers ``PermissionDenied``, because a company member
asking about a posting is told plainly that it is not theirs.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from jobcenter.accounts.selectors import user_is_back_office as _is_back_office
from jobcenter.employers.models import CompanyMember
from jobcenter.jobs.models import Application, EmploymentTypeCode, JobPosting, PostingStatus
from jobcenter.seekers.models import WageUnit
from jobcenter.taxonomy.models import EducationLevel, Occupation, Region, Scheme
from jobcenter.taxonomy.selectors import occupation_codes_under

SEOUL = ZoneInfo("Asia/Seoul")

POSTING_FILTERS = (
    "q",
    "occupation",
    "region",
    "employment_type",
    "wage_min",
    "wage_unit",
    "education",
    "experience_max",
    "closes_after",
    "company",
)



def _postings() -> QuerySet[JobPosting]:
    return JobPosting.objects.select_related(
        "company", "occupation", "region__parent", "education_level", "workplace"
    )


def _public_q(today: dt.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(status=PostingStatus.OPEN) & (Q(closes_on__isnull=True) | Q(closes_on__gte=today))


def posting_is_public(posting: JobPosting) -> bool:
    """Open and not past its closing date (the closing day itself still counts, Asia/Seoul)."""
    return posting.status == PostingStatus.OPEN and (
        posting.closes_on is None or posting.closes_on >= timezone.localdate()
    )


# --------------------------------------------------------------------------------------------- filters


def _as_int(field: str, value, *, minimum: int = 0) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError({field: "must be a whole number"}) from None
    if number < minimum:
        raise ValidationError({field: f"must be at least {minimum}"})
    return number


def _as_date(field: str, value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError({field: "must be a date as YYYY-MM-DD"}) from None


def _filter_occupation(qs: QuerySet[JobPosting], value) -> QuerySet[JobPosting]:
    try:
        scheme, code = occupation_codes_under(concept_id=str(value))
    except Occupation.DoesNotExist:
        raise ValidationError({"occupation": f"unknown occupation or group {value!r}"}) from None
    if scheme == Scheme.KECO:
        # KECO codes nest by prefix: 8 ⊃ 81 ⊃ 817 ⊃ 8173.
        return qs.filter(occupation__scheme=scheme, occupation__code__startswith=code)
    return qs.filter(occupation__scheme=scheme, occupation__code=code)


def _filter_region(qs: QuerySet[JobPosting], value) -> QuerySet[JobPosting]:
    code = str(value).strip()
    if ":" in code:
        code = code.split(":", 1)[1]
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise ValidationError({"region": f"unknown region code {value!r}"})
    # A province includes its cities; the hierarchy has two levels.
    return qs.filter(Q(region=region) | Q(region__parent=region))


def _filter_education(qs: QuerySet[JobPosting], value) -> QuerySet[JobPosting]:
    code = str(value).strip()
    if ":" in code:
        code = code.split(":", 1)[1]
    level = EducationLevel.objects.filter(code=code).first()
    if level is None:
        raise ValidationError({"education": f"unknown education level {value!r}"})
    # The seeker's level: postings that ask for at most that, or for nothing in particular.
    return qs.filter(Q(education_level__isnull=True) | Q(education_level__rank__lte=level.rank))


def posting_filter(qs: QuerySet[JobPosting], filters: dict | None) -> QuerySet[JobPosting]:
    """Apply listing filters to any posting queryset. Empty values (``None``, ``""``) count as not given;
    unknown keys and bad values raise ``ValidationError({field: message})``."""
    filters = {k: v for k, v in (filters or {}).items() if v is not None and v != ""}
    unknown = sorted(set(filters) - set(POSTING_FILTERS))
    if unknown:
        raise ValidationError({key: "unknown filter" for key in unknown})

    if "q" in filters:
        q = str(filters["q"]).strip()
        if q:
            qs = qs.filter(
                Q(title__icontains=q)
                | Q(description__icontains=q)
                | Q(company__name__icontains=q)
                | Q(occupation__name__icontains=q)
            )
    if "occupation" in filters:
        qs = _filter_occupation(qs, filters["occupation"])
    if "region" in filters:
        qs = _filter_region(qs, filters["region"])
    if "employment_type" in filters:
        value = str(filters["employment_type"]).strip().upper()
        if value not in EmploymentTypeCode.values:
            raise ValidationError(
                {"employment_type": f"must be one of {', '.join(EmploymentTypeCode.values)}"}
            )
        qs = qs.filter(employment_type=value)
    if "wage_unit" in filters and "wage_min" not in filters:
        raise ValidationError({"wage_unit": "only used together with wage_min"})
    if "wage_min" in filters:
        wage = _as_int("wage_min", filters["wage_min"])
        unit = str(filters.get("wage_unit") or WageUnit.MONTH).strip().upper()
        if unit not in WageUnit.values:
            raise ValidationError({"wage_unit": f"must be one of {', '.join(WageUnit.values)}"})
        # The best the posting offers (its maximum, else its minimum) must reach the wage asked for; postings
        # paid in another unit are left out rather than converted with guessed hours.
        qs = qs.alias(best_wage=Coalesce("wage_max", "wage_min")).filter(wage_unit=unit, best_wage__gte=wage)
    if "education" in filters:
        qs = _filter_education(qs, filters["education"])
    if "experience_max" in filters:
        qs = qs.filter(experience_months__lte=_as_int("experience_max", filters["experience_max"]))
    if "closes_after" in filters:
        # Still open on that day: closing on or after it, or with no closing date.
        day = _as_date("closes_after", filters["closes_after"])
        qs = qs.filter(Q(closes_on__isnull=True) | Q(closes_on__gte=day))
    if "company" in filters:
        qs = qs.filter(company_id=_as_int("company", filters["company"], minimum=1))
    return qs


# --------------------------------------------------------------------------------------------- postings


def posting_list(*, filters: dict | None = None) -> QuerySet[JobPosting]:
    """The public listing: open, unexpired postings, newest first, filtered (see ``posting_filter``)."""
    return posting_filter(_postings().filter(_public_q()), filters)


def posting_get(*, posting_id: int, user=None) -> JobPosting:
    """A posting the caller may see: an open, unexpired one for anyone; any status for the company's members and
    for counselors, staff and administrators. Otherwise ``JobPosting.DoesNotExist``."""
    posting = _postings().prefetch_related("required_certifications").get(pk=posting_id)
    if posting_is_public(posting):
        return posting
    if user is not None and getattr(user, "is_authenticated", False):
        if _is_back_office(user) or CompanyMember.objects.filter(user=user, company_id=posting.company_id).exists():
            return posting
    raise JobPosting.DoesNotExist(f"posting {posting_id} is not visible")


def company_posting_list(*, user) -> QuerySet[JobPosting]:
    """Every posting (any status) of the companies the user is a member of."""
    if not getattr(user, "is_authenticated", False):
        return JobPosting.objects.none()
    return _postings().filter(company__members__user=user)


# --------------------------------------------------------------------------------------------- applications


def _applications() -> QuerySet[Application]:
    return Application.objects.select_related(
        "posting__company", "posting__occupation", "posting__region__parent", "seeker"
    ).prefetch_related("status_history")


def application_list_for_seeker(*, user) -> QuerySet[Application]:
    """The user's own applications, through their seeker profile; empty when they have none."""
    if not getattr(user, "is_authenticated", False):
        return Application.objects.none()
    return _applications().filter(seeker__user=user)


def application_list_for_posting(*, user, posting_id: int) -> QuerySet[Application]:
    """Applications to one posting, for the company's members and for counselors, staff and administrators.
    Anyone else gets ``PermissionDenied`` — also for a posting that does not exist, so ids cannot be probed."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied("sign in as a member of the posting's company")
    if _is_back_office(user):
        if not JobPosting.objects.filter(pk=posting_id).exists():
            raise JobPosting.DoesNotExist(f"no posting {posting_id}")
    elif not CompanyMember.objects.filter(user=user, company__postings__pk=posting_id).exists():
        raise PermissionDenied("only members of the posting's company may see its applications")
    return _applications().filter(posting_id=posting_id)


def application_get(*, user, application_id: int) -> Application:
    """One application for its applicant, the posting company's members, and counselors, staff and
    administrators; otherwise ``Application.DoesNotExist`` (existence is not revealed)."""
    if not getattr(user, "is_authenticated", False):
        raise Application.DoesNotExist(application_id)
    qs = _applications().filter(pk=application_id)
    if not _is_back_office(user):
        qs = qs.filter(Q(seeker__user=user) | Q(posting__company__members__user=user)).distinct()
    return qs.get()


# --------------------------------------------------------------------------------------------- schema.org


def posting_url(posting: JobPosting) -> str:
    """The portal page of a posting (a path; prefix it with the site's origin where an absolute URL is needed)."""
    return f"/postings/{posting.pk}/"


def _drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def posting_jsonld(posting: JobPosting, *, base_url: str = "") -> dict:
    """The posting as a schema.org ``JobPosting`` (the shape Google for Jobs reads). ``base_url`` ("https://...")
    makes ``url`` absolute."""
    occupation = posting.occupation
    region = posting.region
    workplace = posting.workplace
    if region is not None and region.level == Region.Level.CITY and region.parent_id:
        locality, province = region.name, region.parent.name
    else:
        locality, province = "", (region.name if region else "")

    address = _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": posting.address or (workplace.address if workplace else ""),
            "addressLocality": locality,
            "addressRegion": province,
            "postalCode": workplace.postal_code if workplace else "",
            "addressCountry": "KR",
        }
    )
    place: dict = {"@type": "Place", "address": address}
    latitude, longitude = posting.latitude, posting.longitude
    if latitude is None and region is not None:
        # No workplace coordinates: the region's hall is the best public approximation.
        latitude, longitude = region.latitude, region.longitude
    if latitude is not None and longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}

    data: dict = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "identifier": {"@type": "PropertyValue", "name": posting.company.name, "value": str(posting.pk)},
        "title": posting.title,
        "description": posting.description,
        "datePosted": posting.posted_on.isoformat(),
        "employmentType": posting.employment_type,
        "hiringOrganization": _drop_empty(
            {"@type": "Organization", "name": posting.company.name, "sameAs": posting.company.website}
        ),
        "jobLocation": place,
        "url": f"{base_url.rstrip('/')}{posting_url(posting)}",
        "totalJobOpenings": posting.openings,
    }
    if posting.closes_on:
        data["validThrough"] = dt.datetime.combine(posting.closes_on, dt.time(23, 59, 59), tzinfo=SEOUL).isoformat()
    if posting.wage_min is not None or posting.wage_max is not None:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "KRW",
            "value": _drop_empty(
                {
                    "@type": "QuantitativeValue",
                    "minValue": posting.wage_min,
                    "maxValue": posting.wage_max,
                    "unitText": posting.wage_unit,
                }
            ),
        }
    if occupation is not None:
        data["occupationalCategory"] = occupation.code if occupation.scheme == Scheme.KECO else occupation.concept_id
    if posting.experience_months:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": posting.experience_months,
        }
    else:
        data["experienceRequirements"] = "no requirements"
    if posting.education_level is not None:
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": posting.education_level.name,
        }
    if posting.qualifications_text:
        data["qualifications"] = posting.qualifications_text
    if posting.working_hours:
        data["workHours"] = posting.working_hours
    return data


def posting_tombstone_get(*, posting_id: int) -> JobPosting | None:
    """A posting that was public once and is not any more (closed, expired, removed, or past its date), so an
    old link can say it has closed. Drafts never were public, so they are simply not found."""
    return JobPosting.objects.select_related("company").filter(pk=posting_id).exclude(status=PostingStatus.DRAFT).first()
