"""Writes for employers: companies, their workplaces and the people who recruit for them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jobcenter.accounts.models import User
from jobcenter.accounts.roles import Role
from jobcenter.accounts.services import role_grant, user_create
from jobcenter.employers.models import Company, CompanyMember, Workplace
from jobcenter.employers.validators import normalize_business_number, validate_business_number
from jobcenter.taxonomy.models import Industry, Region


def _business_number_clean(business_number: str | None) -> str | None:
    """Digits only, check digit verified; ``None`` for an organisation known without one (imports)."""
    if business_number is None or not str(business_number).strip():
        return None
    try:
        validate_business_number(str(business_number))
    except ValidationError as exc:
        raise ValidationError({"business_number": exc.messages}) from exc
    return normalize_business_number(str(business_number))


@transaction.atomic
def company_create(
    *,
    name: str,
    business_number: str | None,
    owner: User | None = None,
    industry: Industry | None = None,
    size_band: str = Company.SizeBand.UNKNOWN,
    website: str = "",
    description: str = "",
    source: str = "portal",
    source_key: str = "",
) -> Company:
    """Register a company. The owner, when given, becomes its OWNER member and holds the employer role."""
    digits = _business_number_clean(business_number)
    if digits and Company.objects.filter(business_number=digits).exists():
        raise ValidationError(
            {"business_number": _("A company with this business registration number is already registered.")}
        )
    company = Company(
        name=(name or "").strip(),
        business_number=digits,
        industry=industry,
        size_band=size_band,
        website=website,
        description=description,
        source=source,
        source_key=source_key,
    )
    company.full_clean()
    company.save()
    if owner is not None:
        company_member_add(company=company, user=owner, role=CompanyMember.Role.OWNER)
    return company


@transaction.atomic
def company_member_add(
    *, company: Company, user: User, role: str = CompanyMember.Role.RECRUITER
) -> CompanyMember:
    """Add (or re-role) a member; every member holds the employer role so the employer pages open for them."""
    if role not in CompanyMember.Role.values:
        raise ValidationError({"role": _("Unknown company role: %(role)s") % {"role": role}})
    member, created = CompanyMember.objects.get_or_create(company=company, user=user, defaults={"role": role})
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    if not user.has_role(Role.EMPLOYER):
        role_grant(user=user, role=Role.EMPLOYER)
    return member


@transaction.atomic
def workplace_create(
    *,
    company: Company,
    name: str,
    address: str = "",
    postal_code: str = "",
    region: Region | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Workplace:
    """A place of work; without coordinates it takes its region's (the municipal hall), good enough for
    commute estimates until the address is geocoded."""
    latitude, longitude = _workplace_place(name=name, region=region, latitude=latitude, longitude=longitude)
    _workplace_name_free(company=company, name=name)
    workplace = Workplace(
        company=company,
        name=(name or "").strip(),
        address=address,
        postal_code=postal_code,
        region=region,
        latitude=latitude,
        longitude=longitude,
    )
    workplace.full_clean()
    workplace.save()
    return workplace


def _check_member(*, company: Company, by: User | None) -> None:
    from django.core.exceptions import PermissionDenied

    from jobcenter.accounts.selectors import user_is_back_office

    if by is None:
        return  # the system (imports, the back office's own tools)
    if user_is_back_office(by) or CompanyMember.objects.filter(company=company, user=by).exists():
        return
    raise PermissionDenied(_("Only the company's members may change it."))


COMPANY_FIELDS = {"name", "industry", "size_band", "website", "description"}


@transaction.atomic
def company_update(*, company: Company, by: User | None, **fields) -> Company:
    """Edit a company's public details. The business registration number is not editable here: it identifies
    the company (a change goes through the back office)."""
    _check_member(company=company, by=by)
    unknown = set(fields) - COMPANY_FIELDS
    if unknown:
        raise TypeError(f"cannot set {', '.join(sorted(unknown))} on a company")
    if "name" in fields and not (fields["name"] or "").strip():
        raise ValidationError({"name": _("Enter the company name.")})
    for name, value in fields.items():
        setattr(company, name, value.strip() if isinstance(value, str) and name == "name" else value)
    if company.size_band not in Company.SizeBand.values:
        raise ValidationError({"size_band": _("Unknown company size.")})
    company.full_clean()
    company.save()
    return company


def _workplace_place(
    *, name: str, region: Region | None, latitude: float | None, longitude: float | None
) -> tuple[float | None, float | None]:
    if not (name or "").strip():
        raise ValidationError({"name": _("Give the workplace a name, e.g. 본사 or 평택 공장.")})
    if (latitude is None) != (longitude is None):
        field = "longitude" if longitude is None else "latitude"
        raise ValidationError({field: _("Give both latitude and longitude, or neither.")})
    if latitude is None and region is not None:
        latitude, longitude = region.latitude, region.longitude
    return latitude, longitude


def _workplace_name_free(*, company: Company, name: str, exclude_pk: int | None = None) -> None:
    if company.workplaces.filter(name=(name or "").strip()).exclude(pk=exclude_pk).exists():
        raise ValidationError({"name": _("This company already has a workplace with this name.")})


@transaction.atomic
def workplace_update(
    *,
    workplace: Workplace,
    by: User | None,
    name: str,
    address: str = "",
    postal_code: str = "",
    region: Region | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Workplace:
    """Edit a workplace; without coordinates it takes its region's, like ``workplace_create``. Postings keep the
    coordinates they copied when they were written."""
    _check_member(company=workplace.company, by=by)
    latitude, longitude = _workplace_place(name=name, region=region, latitude=latitude, longitude=longitude)
    _workplace_name_free(company=workplace.company, name=name, exclude_pk=workplace.pk)
    workplace.name = name.strip()
    workplace.address = address
    workplace.postal_code = postal_code
    workplace.region = region
    workplace.latitude = latitude
    workplace.longitude = longitude
    workplace.full_clean()
    workplace.save()
    return workplace


@transaction.atomic
def employer_register(
    *,
    email: str,
    password: str,
    company_name: str,
    business_number: str,
    first_name: str = "",
    last_name: str = "",
    preferred_language: str = "ko",
) -> tuple[User, Company]:
    """Employer sign-up: the user account, the company and the owner membership, all or nothing."""
    errors: dict[str, list[str]] = {}
    if not (business_number or "").strip():
        errors["business_number"] = [_("Enter the business registration number.")]
    if not (company_name or "").strip():
        errors["company_name"] = [_("Enter the company name.")]
    if User.objects.filter(email__iexact=(email or "").strip()).exists():
        errors["email"] = [_("An account with this e-mail address already exists.")]
    if errors:
        raise ValidationError(errors)
    user = user_create(
        email=email,
        password=password,
        role=Role.EMPLOYER,
        first_name=first_name,
        last_name=last_name,
        preferred_language=preferred_language,
    )
    try:
        company = company_create(name=company_name, business_number=business_number, owner=user)
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "name" in exc.error_dict:
            exc.error_dict["company_name"] = exc.error_dict.pop("name")
        raise
    return user, company
