"""The portal's posting search: Korean morpheme matching with relevance order, sorting, facet counts and the
distance line, on top of ``jobs.selectors.posting_list`` (which holds the visibility rules and the filters).

Free text (``filters["q"]``) goes through the morpheme index (``jobs.search_index``: Kiwi morphemes, BM25):
"용접" finds "용접원" and "배관용접", "간호" finds "간호사", and every word of a longer query must match. The
matching ids filter the listing (``pk__in``), so the other filters and the visibility rules apply as before,
and ``"relevance"`` orders by the BM25 score. A query with nothing to match on as morphemes (only particles or
punctuation) falls back to ``posting_filter``'s substring match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, IntegerField, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.translation import gettext as _

from jobcenter.geo import haversine_km
from jobcenter.jobs import selectors as job_selectors
from jobcenter.jobs.models import EmploymentTypeCode, JobPosting
from jobcenter.seekers.models import WageUnit
from jobcenter.taxonomy.models import Occupation, Region

# Sort key → ordering. Postings without a closing date ("until filled") or a wage come last.
SORTS = {
    "newest": (F("posted_on").desc(), F("id").desc()),
    "closing": (F("closes_on").asc(nulls_last=True), F("posted_on").desc(), F("id").desc()),
    "wage": (F("best_wage").desc(nulls_last=True), F("posted_on").desc(), F("id").desc()),
    "relevance": (F("relevance_rank").asc(), F("posted_on").desc(), F("id").desc()),
    "distance": (F("distance_sq").asc(nulls_last=True), F("posted_on").desc(), F("id").desc()),
}
DEFAULT_SORT = "newest"
# With keywords the best matches come first unless another order is asked for.
DEFAULT_SORT_WITH_QUERY = "relevance"


def default_sort(q: str | None) -> str:
    return DEFAULT_SORT_WITH_QUERY if (q or "").strip() else DEFAULT_SORT

# Months' worth of each wage unit, to sort postings paid by the hour, day, week, month and year together:
# 209 hours is the statutory monthly standard (40 h a week plus paid weekly rest, as used to state the minimum
# wage per month); 21.7 working days and 4.345 weeks a month. Only for ordering: pages show the wage as posted.
MONTHLY_FACTOR = {WageUnit.HOUR: 209.0, WageUnit.DAY: 21.7, WageUnit.WEEK: 4.345, WageUnit.MONTH: 1.0,
                  WageUnit.YEAR: 1 / 12}


# Kilometres per degree of latitude, and of longitude at the equator (WGS84, rounded): the distance filter and
# sort use a flat projection around the seeker's home, which is within 1 % of the great-circle distance over
# commuting distances in Korea, and needs only arithmetic the database can do (SQLite has no trigonometry).
KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON = 111.32


def _with_distance(qs: QuerySet[JobPosting], origin: tuple[float, float]) -> QuerySet[JobPosting]:
    lat0, lon0 = origin
    lon_scale = KM_PER_DEGREE_LON * math.cos(math.radians(lat0))
    dy = (F("latitude") - Value(lat0)) * Value(KM_PER_DEGREE_LAT)
    dx = (F("longitude") - Value(lon0)) * Value(lon_scale)
    return qs.alias(distance_sq=ExpressionWrapper(dy * dy + dx * dx, output_field=FloatField()))


def home_point(profile) -> tuple[float, float] | None:
    """The seeker's home coordinates, else their region's hall; ``None`` when neither is known."""
    if profile is None:
        return None
    return _point(profile.home_latitude, profile.home_longitude, profile.home_region)


def posting_search(*, filters: dict | None = None, sort: str | None = None, origin: tuple[float, float] | None = None,
                   within_km: float | None = None) -> QuerySet[JobPosting]:
    """Public postings matching ``filters`` (see ``jobs.selectors.posting_filter``; ``q`` through the morpheme
    index), in ``sort`` order: newest, closing, wage, relevance (the default when ``q`` is given; without
    ``q`` relevance means newest) or distance from ``origin`` (the seeker's home). ``within_km`` keeps the
    postings at most that far from ``origin`` (postings with no known place are left out)."""
    from jobcenter.jobs.search_index import posting_index

    if (sort == "distance" or within_km is not None) and origin is None:
        raise ValidationError({"sort" if sort == "distance" else "within_km":
                               _("Distance needs your home region: sign in and add it to your profile.")})
    if within_km is not None and within_km <= 0:
        raise ValidationError({"within_km": _("The distance must be more than 0 km.")})
    filters = dict(filters or {})
    q = str(filters.get("q") or "").strip()
    sort = sort or default_sort(q)
    hits = None
    if q:
        hits = posting_index().search(q)
        if hits is not None:
            filters.pop("q")  # matched as morphemes below; None: nothing to match on, substrings then
    qs = job_selectors.posting_list(filters=filters)
    if hits is not None:
        qs = qs.filter(pk__in=[pk for pk, _score in hits])
    if sort == "relevance":
        if not hits:
            sort = DEFAULT_SORT
        else:
            # The index's order as a rank the database can sort by (an alias: not selected, not grouped by).
            qs = qs.alias(
                relevance_rank=Case(
                    *(When(pk=pk, then=Value(rank)) for rank, (pk, _score) in enumerate(hits)),
                    default=Value(len(hits)),
                    output_field=IntegerField(),
                )
            )
    if origin is not None and (sort == "distance" or within_km is not None):
        qs = _with_distance(qs, origin)
        if within_km is not None:
            qs = qs.filter(latitude__isnull=False, longitude__isnull=False, distance_sq__lte=within_km * within_km)
    if sort == "wage":
        factor = Case(
            *(When(wage_unit=unit, then=Value(f)) for unit, f in MONTHLY_FACTOR.items()),
            default=Value(1.0),
            output_field=FloatField(),
        )
        qs = qs.annotate(best_wage=Cast(Coalesce("wage_max", "wage_min"), FloatField()) * factor)
    return qs.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


@dataclass(frozen=True)
class FacetValue:
    param: str  # the search form's field
    value: str  # its value when this facet is chosen
    label: str
    count: int


def facet_counts(qs: QuerySet[JobPosting]) -> dict[str, list[FacetValue]]:
    """Counts of the postings in ``qs`` per KECO major occupation group, per province and per employment type,
    biggest first. Three grouped queries whatever the number of postings."""
    base = qs.order_by()

    groups = (
        base.filter(occupation__scheme="KECO")
        .annotate(group=Substr("occupation__code", 1, 1))
        .values("group")
        .annotate(n=Count("id"))
    )
    group_counts = {row["group"]: row["n"] for row in groups}
    names = dict(
        Occupation.objects.filter(scheme="KECO", code__in=list(group_counts), level=Occupation.Level.MAJOR)
        .values_list("code", "name")
    )
    occupation = [
        FacetValue("occupation", f"KECO:{code}", names.get(code, code), n) for code, n in group_counts.items()
    ]

    provinces = (
        base.exclude(region__isnull=True)
        .annotate(province=Coalesce("region__parent__code", "region__code"))
        .values("province")
        .annotate(n=Count("id"))
    )
    province_counts = {row["province"]: row["n"] for row in provinces}
    region_names = dict(Region.objects.filter(code__in=list(province_counts)).values_list("code", "name"))
    region = [FacetValue("region", code, region_names.get(code, code), n) for code, n in province_counts.items()]

    labels = dict(EmploymentTypeCode.choices)
    types = base.values("employment_type").annotate(n=Count("id"))
    employment = [
        FacetValue("employment_type", row["employment_type"], str(labels.get(row["employment_type"], row["employment_type"])), row["n"])
        for row in types
    ]

    def ordered(values: list[FacetValue]) -> list[FacetValue]:
        return sorted(values, key=lambda f: (-f.count, f.label))

    return {"occupation": ordered(occupation), "region": ordered(region), "employment_type": ordered(employment)}


def _point(lat, lon, region: Region | None) -> tuple[float, float] | None:
    if lat is not None and lon is not None:
        return float(lat), float(lon)
    if region is not None:
        return region.latitude, region.longitude
    return None


def posting_distance_km(*, profile, posting: JobPosting) -> float | None:
    """Kilometres from the seeker's home to the workplace, or ``None`` when either is unknown. The posting's own
    coordinates, else its workplace's, else its region's hall; the seeker's home coordinates, else their region's
    hall (the page says the distance is approximate)."""
    if profile is None:
        return None
    home = _point(profile.home_latitude, profile.home_longitude, profile.home_region)
    workplace = getattr(posting, "workplace", None)
    work = _point(posting.latitude, posting.longitude, None)
    if work is None and workplace is not None:
        work = _point(getattr(workplace, "latitude", None), getattr(workplace, "longitude", None), None)
    if work is None:
        work = _point(None, None, posting.region)
    if home is None or work is None:
        return None
    if (profile.home_latitude is None and work == _point(None, None, posting.region)
            and posting.region_id == profile.home_region_id):
        # Both ends fall back to the same region's hall: "0 km" would say nothing true.
        return None
    return haversine_km(*home, *work)
