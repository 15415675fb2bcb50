"""In-memory lookups for bulk imports: one query per vocabulary instead of several per record."""

from __future__ import annotations

from functools import cached_property

from jobcenter.taxonomy.models import Certification, EducationLevel, Occupation, OccupationAlias, Region
from jobcenter.taxonomy.text import normalize_label


class VocabularyCache:
    """Resolves codes and names to taxonomy rows during one import. Build it once per import run."""

    @cached_property
    def occupations(self) -> dict[tuple[str, str], Occupation]:
        return {(o.scheme, o.code): o for o in Occupation.objects.filter(level=Occupation.Level.UNIT)}

    @cached_property
    def occupation_labels(self) -> dict[str, Occupation]:
        """Normalised KECO names and aliases → occupation; a label shared by several occupations is ambiguous
        and left out (normalising it needs the matching engine, not a dictionary lookup)."""
        seen: dict[str, set[int]] = {}
        rows = {o.pk: o for o in self.occupations.values() if o.scheme == "KECO"}
        for pk, occ in rows.items():
            seen.setdefault(normalize_label(occ.name), set()).add(pk)
        for occ_id, norm in OccupationAlias.objects.filter(occupation__scheme="KECO").values_list(
            "occupation_id", "normalized"
        ):
            if occ_id in rows:
                seen.setdefault(norm, set()).add(occ_id)
        return {norm: rows[next(iter(ids))] for norm, ids in seen.items() if len(ids) == 1}

    @cached_property
    def certifications(self) -> dict[str, Certification]:
        return {c.normalized: c for c in Certification.objects.all()}

    @cached_property
    def education_levels(self) -> dict[str, EducationLevel]:
        mapping: dict[str, EducationLevel] = {}
        for level in EducationLevel.objects.all():
            for label in [level.code, level.name, level.name_en, *level.aliases]:
                if label:
                    mapping[normalize_label(label)] = level
        return mapping

    @cached_property
    def _regions(self) -> tuple[dict[str, Region], dict[tuple[int, str], Region]]:
        provinces: dict[str, Region] = {}
        cities: dict[tuple[int, str], Region] = {}
        for region in Region.objects.all():
            if region.level == Region.Level.PROVINCE:
                for label in (region.name, region.short_name, region.name_en):
                    if label:
                        provinces[normalize_label(label)] = region
            else:
                cities[(region.parent_id, normalize_label(region.name))] = region
        return provinces, cities

    def occupation(self, code: str | None, scheme: str = "KECO") -> Occupation | None:
        if not code:
            return None
        if ":" in code:
            scheme, code = code.split(":", 1)
        return self.occupations.get((scheme.upper(), code.strip()))

    def occupation_by_label(self, text: str | None) -> Occupation | None:
        return self.occupation_labels.get(normalize_label(text or "")) if text else None

    def certification(self, name: str | None) -> Certification | None:
        return self.certifications.get(normalize_label(name or "")) if name else None

    def education_level(self, text: str | None) -> EducationLevel | None:
        return self.education_levels.get(normalize_label(text or "")) if text else None

    def region(self, region: str | None, locality: str | None) -> Region | None:
        """Province by name or short name, then a city under it; a metropolitan city's locality that repeats the
        province ("부산광역시" / "부산") is the province itself."""
        provinces, cities = self._regions
        province = provinces.get(normalize_label(region or ""))
        if province is None:
            return None
        if locality:
            norm = normalize_label(locality)
            city = cities.get((province.pk, norm))
            if city:
                return city
        return province
