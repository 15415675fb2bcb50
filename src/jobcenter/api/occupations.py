"""The vocabulary: occupations, certifications and regions, for search boxes and for clients that map codes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router

from jobcenter.api.permissions import PUBLIC
from jobcenter.api.schemas import (
    Concept,
    OccupationDetail,
    OccupationItem,
    Problem,
    concept,
    occupation_item,
    region_concept,
)
from jobcenter.taxonomy.models import Scheme
from jobcenter.taxonomy.selectors import (
    certification_search,
    occupation_get,
    occupation_parent_chain,
    occupation_search,
    region_search,
)

router = Router(tags=["vocabulary"])

AUTOCOMPLETE_LIMIT = 10


def _scheme(value: str | None) -> str | None:
    if value is None or value.strip() == "" or value.strip().lower() == "any":
        return None
    scheme = value.strip().upper()
    if scheme not in Scheme.values:
        raise ValidationError({"scheme": f"must be one of {', '.join(Scheme.values)} or 'any'"})
    return scheme


@router.get(
    "/occupations",
    response={200: list[OccupationItem], 422: Problem},
    auth=PUBLIC,  # public: the occupation classification is published reference data
    summary="Search occupations by name or alias (exact, then prefix, then contains)",
)
def occupations_search(
    request: HttpRequest,
    q: str,
    scheme: str | None = "KECO",
    limit: int = 10,
):
    if not 1 <= limit <= 50:
        raise ValidationError({"limit": "must be between 1 and 50"})
    return [occupation_item(o) for o in occupation_search(q=q, scheme=_scheme(scheme), limit=limit)]


@router.get(
    "/occupations/autocomplete",
    response={200: list[Concept], 422: Problem},
    auth=PUBLIC,  # public: the occupation classification is published reference data
    summary="Occupation suggestions for an input box",
)
def occupations_autocomplete(request: HttpRequest, q: str = ""):
    return [concept(o) for o in occupation_search(q=q, scheme="KECO", limit=AUTOCOMPLETE_LIMIT)]


# Registered after /autocomplete: a concept id may contain "/" (ESCO URIs), so this route takes the rest of the path.
@router.get(
    "/occupations/{path:concept_id}",
    response={200: OccupationDetail, 404: Problem},
    auth=PUBLIC,  # public: the occupation classification is published reference data
    summary="One occupation or group, with its parents, aliases and related certifications",
)
def occupations_detail(request: HttpRequest, concept_id: str):
    occupation = occupation_get(concept_id=concept_id)
    return {
        **occupation_item(occupation),
        "name_en": occupation.name_en,
        "version": occupation.version,
        "isco_code": occupation.isco_code,
        "description": occupation.description,
        "duties": occupation.duties,
        "parents": [concept(p) for p in occupation_parent_chain(occupation)],
        "children": [concept(c) for c in occupation.children.order_by("code")],
        "aliases": [
            {"label": a.label, "kind": a.kind, "language": a.language}
            for a in occupation.aliases.order_by("kind", "label")
        ],
        "certifications": [concept(c) for c in occupation.certifications.order_by("name")],
    }


@router.get(
    "/certifications/autocomplete",
    response={200: list[Concept]},
    auth=PUBLIC,  # public: the list of national certifications is published reference data
    summary="Certification suggestions for an input box",
)
def certifications_autocomplete(request: HttpRequest, q: str = ""):
    return [concept(c) for c in certification_search(q=q, limit=AUTOCOMPLETE_LIMIT)]


@router.get(
    "/regions/autocomplete",
    response={200: list[Concept]},
    auth=PUBLIC,  # public: administrative regions are published reference data
    summary="Region suggestions (provinces and cities) for an input box",
)
def regions_autocomplete(request: HttpRequest, q: str = ""):
    return [region_concept(r) for r in region_search(q=q, limit=AUTOCOMPLETE_LIMIT)]
