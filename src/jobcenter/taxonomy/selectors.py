"""Reading the vocabulary: look-ups by code, autocomplete searches, and exact matches that normalise free text
to codes at write time.

Every name comparison goes through ``normalize_label`` so "CO2 용접사", "co2용접사" and "CO2-용접사" are one label.
Searches rank in three tiers — exact, then prefix, then contains — and within a tier by code, so the same query
always gives the same list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db.models import Q

from jobcenter.taxonomy.models import (
    Certification,
    EducationLevel,
    EmploymentType,
    Occupation,
    Region,
    Scheme,
)
from jobcenter.taxonomy.text import normalize_label

T = TypeVar("T")

_TIERS = ("exact", "startswith", "contains")


def _tier_of(norm_query: str, labels: Iterable[str]) -> int | None:
    """0 exact, 1 prefix, 2 contains, None no match — the best tier any of ``labels`` reaches."""
    best: int | None = None
    for label in labels:
        norm = normalize_label(label)
        if not norm:
            continue
        if norm == norm_query:
            return 0
        if norm.startswith(norm_query):
            best = 1 if best is None else min(best, 1)
        elif norm_query in norm:
            best = 2 if best is None else best
    return best


def _rank_in_python(items: Iterable[T], norm_query: str, labels: Callable[[T], Iterable[str]],
                    key: Callable[[T], object], limit: int) -> list[T]:
    """For small vocabularies (regions, education levels): tier, then ``key``."""
    scored = []
    for item in items:
        tier = _tier_of(norm_query, labels(item))
        if tier is not None:
            scored.append((tier, key(item), item))
    scored.sort(key=lambda row: (row[0], row[1]))
    return [item for _, _, item in scored[:limit]]


def split_concept_id(concept_id: str, *, default_scheme: str = "KECO") -> tuple[str, str]:
    """``"KECO:8173"`` → ``("KECO", "8173")``; a bare code gets ``default_scheme``. Only the first colon splits,
    so ESCO URIs (``ESCO:http://data.europa.eu/...``) survive."""
    concept_id = (concept_id or "").strip()
    scheme, sep, code = concept_id.partition(":")
    if sep and scheme.upper() in Scheme.values:
        return scheme.upper(), code.strip()
    return default_scheme, concept_id


# --------------------------------------------------------------------------------------------- occupations


def _leaf_occupations(scheme: str | None):
    qs = Occupation.objects.filter(level=Occupation.Level.UNIT)
    return qs.filter(scheme=scheme) if scheme else qs


def _occupation_ids_by_name(norm_query: str, scheme: str | None) -> tuple[set[int], set[int], set[int]]:
    """Leaf occupations whose Korean or English name matches, per tier. Names are not stored normalised, so this
    reads (id, name, name_en) of the leaves — a few thousand short rows at most — and compares in Python."""
    exact: set[int] = set()
    prefix: set[int] = set()
    contains: set[int] = set()
    for pk, name, name_en in _leaf_occupations(scheme).values_list("pk", "name", "name_en"):
        tier = _tier_of(norm_query, (name, name_en))
        if tier == 0:
            exact.add(pk)
        elif tier == 1:
            prefix.add(pk)
        elif tier == 2:
            contains.add(pk)
    return exact, prefix, contains


def occupation_search(*, q: str, scheme: str | None = "KECO", limit: int = 10) -> list[Occupation]:
    """Leaf occupations whose name or an alias matches ``q``: exact matches first, then prefix, then contains;
    each occupation once, ordered by scheme and code within a tier. ``scheme=None`` searches every scheme."""
    norm = normalize_label(q)
    if not norm or limit <= 0:
        return []
    by_name = _occupation_ids_by_name(norm, scheme)
    found: list[Occupation] = []
    seen: set[int] = set()
    for tier, name_ids in zip(_TIERS, by_name, strict=True):
        alias_match = Q(**{f"aliases__normalized__{tier}" if tier != "exact" else "aliases__normalized": norm})
        tier_qs = (
            _leaf_occupations(scheme)
            .filter(alias_match | Q(pk__in=name_ids))
            .exclude(pk__in=seen)
            .select_related("parent")
            .distinct()
            .order_by("scheme", "code")
        )
        for occupation in tier_qs[: limit - len(found)]:
            found.append(occupation)
            seen.add(occupation.pk)
        if len(found) >= limit:
            break
    return found


def occupation_get(*, concept_id: str) -> Occupation:
    """One occupation (any level) by ``SCHEME:code`` or a bare KECO code; ``Occupation.DoesNotExist`` otherwise."""
    scheme, code = split_concept_id(concept_id)
    if not code:
        raise Occupation.DoesNotExist(f"no occupation {concept_id!r}")
    return Occupation.objects.select_related("parent__parent__parent").get(scheme=scheme, code=code)


def occupation_parent_chain(occupation: Occupation) -> list[Occupation]:
    """The groups above an occupation, the broadest first (KECO 8173 → [8, 81, 817])."""
    chain: list[Occupation] = []
    node = occupation.parent
    while node is not None and len(chain) < 10:  # the bound guards against a cycle in bad data
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


def occupation_match_exact(*, text: str, scheme: str = "KECO") -> Occupation | None:
    """The leaf occupation whose name or alias equals ``text`` after normalisation, for normalising free text at
    write time. A name wins over an alias; when the text names several occupations it is ambiguous and the
    answer is ``None`` (that case needs the matching engine, not a dictionary look-up)."""
    norm = normalize_label(text)
    if not norm:
        return None
    name_ids = _occupation_ids_by_name(norm, scheme)[0]
    if len(name_ids) == 1:
        return Occupation.objects.get(pk=next(iter(name_ids)))
    if len(name_ids) > 1:
        return None
    alias_ids = set(
        _leaf_occupations(scheme).filter(aliases__normalized=norm).values_list("pk", flat=True).distinct()[:2]
    )
    if len(alias_ids) == 1:
        return Occupation.objects.get(pk=next(iter(alias_ids)))
    return None


def occupation_codes_under(*, concept_id: str) -> tuple[str, str]:
    """Validate a filter value naming an occupation or a group and return ``(scheme, code)``. Raises
    ``Occupation.DoesNotExist`` when no occupation has or starts with that code."""
    scheme, code = split_concept_id(concept_id)
    if not code:
        raise Occupation.DoesNotExist(concept_id)
    qs = Occupation.objects.filter(scheme=scheme)
    exists = qs.filter(code__startswith=code).exists() if scheme == Scheme.KECO else qs.filter(code=code).exists()
    if not exists:
        raise Occupation.DoesNotExist(concept_id)
    return scheme, code


# --------------------------------------------------------------------------------------------- certifications


def certification_match(*, name: str) -> Certification | None:
    norm = normalize_label(name)
    if not norm:
        return None
    return Certification.objects.filter(normalized=norm).first()


def certification_search(*, q: str, limit: int = 10) -> list[Certification]:
    norm = normalize_label(q)
    if not norm or limit <= 0:
        return []
    found: list[Certification] = []
    seen: set[int] = set()
    for tier in _TIERS:
        lookup = "normalized" if tier == "exact" else f"normalized__{tier}"
        for cert in Certification.objects.filter(**{lookup: norm}).exclude(pk__in=seen).order_by("name")[
            : limit - len(found)
        ]:
            found.append(cert)
            seen.add(cert.pk)
        if len(found) >= limit:
            break
    return found


# --------------------------------------------------------------------------------------------- regions

_CITY_SUFFIXES = ("시", "군", "구")


def _region_labels(region: Region) -> list[str]:
    return [label for label in (region.name, region.short_name, region.name_en) if label]


def _city_labels(city: Region) -> list[str]:
    """A city answers to its name and to its name without the 시/군/구 suffix ("수원시" and "수원")."""
    labels = _region_labels(city)
    if len(city.name) > 2 and city.name.endswith(_CITY_SUFFIXES):
        labels.append(city.name[:-1])
    return labels


def _find(regions: Iterable[Region], text: str, labels: Callable[[Region], list[str]]) -> list[Region]:
    norm = normalize_label(text)
    if not norm:
        return []
    return [r for r in regions if norm in {normalize_label(label) for label in labels(r)}]


def region_match(*, region: str | None, locality: str | None) -> Region | None:
    """Resolve an address's region and locality to the most precise ``Region`` known.

    The province by name or short name ("부산광역시" / "부산"), then a city under it ("수원시", also "수원");
    a metropolitan city's locality that repeats the province ("부산광역시" / "부산") is the province itself; a
    locality not found under the province leaves the province. ``region`` may also carry both ("경기도 수원시").
    Without a province, a locality naming exactly one city in the country gives that city.
    """
    region = (region or "").strip()
    locality = (locality or "").strip()
    all_regions = list(Region.objects.select_related("parent"))
    provinces = [r for r in all_regions if r.level == Region.Level.PROVINCE]
    cities = [r for r in all_regions if r.level == Region.Level.CITY]

    province = None
    if region:
        matches = _find(provinces, region, _region_labels)
        if not matches and " " in region:
            head, rest = region.split(None, 1)
            matches = _find(provinces, head, _region_labels)
            locality = f"{rest} {locality}".strip()
        province = matches[0] if matches else None
    if province is None and not locality:
        return None

    if locality:
        # "수원시 장안구" → try the whole text, then each word, so the first known city wins.
        candidates = [locality, *locality.split()] if " " in locality else [locality]
        if province is not None:
            if _find([province], locality, _region_labels):
                return province
            under = [c for c in cities if c.parent_id == province.pk]
            for text in candidates:
                found = _find(under, text, _city_labels)
                if found:
                    return found[0]
            return province
        for text in candidates:
            found = _find(provinces, text, _region_labels)
            if len(found) == 1:
                return found[0]
            found = _find(cities, text, _city_labels)
            if len(found) == 1:
                return found[0]
    return province


def region_search(*, q: str, limit: int = 10) -> list[Region]:
    """Provinces and cities whose name, short name or full name ("경기도 수원시") matches, exact first."""
    norm = normalize_label(q)
    if not norm or limit <= 0:
        return []
    regions = Region.objects.select_related("parent")
    return _rank_in_python(
        regions, norm, lambda r: [*_city_labels(r), r.full_name], key=lambda r: (r.level != "province", r.code),
        limit=limit,
    )


def region_get(*, code: str) -> Region:
    """A region by its code (``11``, ``41110``) or concept id (``KR-ADM:41110``); ``Region.DoesNotExist`` if none."""
    code = (code or "").strip()
    if ":" in code:
        code = code.split(":", 1)[1]
    return Region.objects.select_related("parent").get(code=code)


# --------------------------------------------------------------------------------------------- education levels


def education_level_match(*, text: str) -> EducationLevel | None:
    """The education level whose code, name, English name or any alias equals ``text`` after normalisation."""
    norm = normalize_label(text)
    if not norm:
        return None
    for level in EducationLevel.objects.all():
        labels = [level.code, level.name, level.name_en, *(level.aliases or [])]
        if norm in {normalize_label(str(label)) for label in labels if label}:
            return level
    return None


def education_level_get(*, code: str) -> EducationLevel:
    code = (code or "").strip()
    if ":" in code:
        code = code.split(":", 1)[1]
    return EducationLevel.objects.get(code=code)


# --------------------------------------------------------------------------------------------- employment types


def employment_type_labels() -> dict[str, str]:
    """schema.org employmentType code → Korean name, from the vocabulary table (may be empty before loading)."""
    return dict(EmploymentType.objects.values_list("code", "name"))
