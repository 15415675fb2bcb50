"""Template helpers of the recommendation pages: the engine's bilingual texts in the active language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jobcenter.geo import round_km

register = template.Library()


def _korean() -> bool:
    return (get_language() or "ko").startswith("ko")


@register.filter
def localized(value) -> str:
    """A Reason or NextStep (``text_ko`` / ``text_en``) in the active language."""
    if value is None:
        return ""
    ko, en = getattr(value, "text_ko", ""), getattr(value, "text_en", "")
    return (ko or en) if _korean() else (en or ko)


def _feature_names() -> dict[str, str]:
    return {
        "occ_same": _("same occupation"),
        "occ_minor": _("same occupation group"),
        "occ_related": _("related occupation"),
        "occ_desired": _("desired occupation"),
        "text_sim": _("similar work history and duties"),
        "dense_sim": _("similar meaning"),
        "licence_match": _("licences held match"),
        "licence_missing": _("required licence missing"),
        "licence_related": _("licence of this occupation held"),
        "education_gap": _("education below the requirement"),
        "experience_fit": _("experience"),
        "experience_gap": _("experience short of the requirement"),
        "wage_fit": _("wage"),
        "distance_fit": _("distance"),
        "beyond_commute": _("beyond the commute limit"),
        "employment_type_ok": _("employment type"),
        "freshness": _("recently posted"),
        "congestion": _("spreading applications"),
        "stretch": _("stretch"),
    }


@register.filter
def feature_label(name: str) -> str:
    return _feature_names().get(str(name), str(name).replace("_", " "))


def _gap_names() -> dict[str, str]:
    return {
        "licence": _("required licence"),
        "licences": _("required licence"),
        "licence_missing": _("required licence"),
        "commute": _("commute distance"),
        "distance": _("commute distance"),
        "beyond_commute": _("commute distance"),
        "employment_type": _("employment type"),
        "education": _("education"),
        "experience": _("experience"),
        "wage": _("wage"),
    }


@register.filter
def gap_label(name: str) -> str:
    return _gap_names().get(str(name), str(name).replace("_", " "))


@register.filter
def km(value) -> str:
    if value is None:
        return ""
    return str(round_km(float(value)))


@register.filter
def experience(months) -> str:
    """Months of experience as years and months, in words."""
    months = int(months or 0)
    if months <= 0:
        return _("no experience recorded")
    years, rest = divmod(months, 12)
    if years and rest:
        return _("%(years)d yr %(months)d mo") % {"years": years, "months": rest}
    if years:
        return _("%(years)d yr") % {"years": years}
    return _("%(months)d mo") % {"months": rest}


@register.filter
def signed_percent(value) -> str:
    try:
        return f"{float(value):+.2f}"
    except (TypeError, ValueError):
        return ""


def coarse_km_value(value) -> int | None:
    """A distance rounded to 5 km steps (at least 5): enough to judge a commute, too coarse to locate a home."""
    if value is None:
        return None
    return max(5, int(round(float(value) / 5.0)) * 5)


@register.filter
def coarse_km(value) -> str:
    rounded = coarse_km_value(value)
    return "" if rounded is None else str(rounded)
