"""The employer's company page and its workplaces. Only the company's members see and edit them; another
company is simply not found (404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from jobcenter.employers import services as employer_services
from jobcenter.employers.models import Company, Workplace
from jobcenter.employers.selectors import (
    companies_for_user,
    company_get_for_member,
    workplace_get_for_member,
    workplace_list,
)
from jobcenter.employers.validators import mask_business_number
from jobcenter.web import forms
from jobcenter.web.views import employer_required


def _company_or_404(request: HttpRequest, company_id: int) -> Company:
    try:
        return company_get_for_member(user=request.user, company_id=company_id)
    except Company.DoesNotExist:
        raise Http404 from None


@employer_required
def company_home(request: HttpRequest) -> HttpResponse:
    """"Our company": the company page itself, or the list when the user recruits for several."""
    companies = list(companies_for_user(user=request.user))
    if len(companies) == 1:
        return redirect("employer-company", company_id=companies[0].pk)
    for company in companies:
        company.masked_number = mask_business_number(company.business_number)
    return render(request, "web/employer_companies.html", {"companies": companies})


@employer_required
def company_detail(request: HttpRequest, company_id: int) -> HttpResponse:
    company = _company_or_404(request, company_id)
    return render(
        request,
        "web/employer_company.html",
        {
            "company": company,
            "masked_number": mask_business_number(company.business_number),
            "workplaces": workplace_list(company=company),
        },
    )


@employer_required
def company_edit(request: HttpRequest, company_id: int) -> HttpResponse:
    company = _company_or_404(request, company_id)
    initial = {
        "name": company.name,
        "industry": company.industry,
        "size_band": company.size_band,
        "website": company.website,
        "description": company.description,
    }
    form = forms.CompanyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            employer_services.company_update(company=company, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            forms.add_service_errors(form, exc)
        else:
            messages.success(request, _("The company details were saved."))
            return redirect("employer-company", company_id=company.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "web/employer_company_form.html",
        {"form": form, "company": company, "masked_number": mask_business_number(company.business_number)},
        status=status,
    )


def _workplace_form_page(request: HttpRequest, company: Company, workplace: Workplace | None) -> HttpResponse:
    initial = {}
    if workplace is not None:
        initial = {
            "name": workplace.name,
            "address": workplace.address,
            "postal_code": workplace.postal_code,
            "region": workplace.region,
            "latitude": workplace.latitude,
            "longitude": workplace.longitude,
        }
    form = forms.WorkplaceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if workplace is None:
                employer_services.workplace_create(company=company, **form.cleaned_data)
                messages.success(request, _("The workplace was added."))
            else:
                employer_services.workplace_update(workplace=workplace, by=request.user, **form.cleaned_data)
                messages.success(request, _("The workplace was saved."))
        except ValidationError as exc:
            forms.add_service_errors(form, exc)
        else:
            return redirect("employer-company", company_id=company.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "web/employer_workplace_form.html",
        {"form": form, "company": company, "workplace": workplace},
        status=status,
    )


@employer_required
def workplace_create(request: HttpRequest, company_id: int) -> HttpResponse:
    return _workplace_form_page(request, _company_or_404(request, company_id), None)


@employer_required
def workplace_edit(request: HttpRequest, workplace_id: int) -> HttpResponse:
    try:
        workplace = workplace_get_for_member(user=request.user, workplace_id=workplace_id)
    except Workplace.DoesNotExist:
        raise Http404 from None
    return _workplace_form_page(request, workplace.company, workplace)
