"""Forms of the portal pages. They check shape and format; the services check the rules and the forms show
what the services refuse next to the field it names (``add_service_errors``)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from jobcenter.employers.models import Company
from jobcenter.employers.validators import validate_business_number
from jobcenter.jobs.models import ApplicationStatus, EmploymentTypeCode
from jobcenter.seekers.models import WageUnit
from jobcenter.taxonomy.models import EducationLevel, Industry, Region


FORM_TEMPLATE = "web/forms/div.html"


def krds_widgets(form: forms.BaseForm) -> None:
    """Give each control its KRDS class (``krds-input``, ``krds-form-select``); checkboxes stay native."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, (forms.HiddenInput, forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)):
            continue
        css = "krds-form-select" if isinstance(widget, forms.Select) else "krds-input"
        existing = widget.attrs.get("class", "").split()
        widget.attrs["class"] = " ".join(existing + [c for c in (css, "medium") if c not in existing])


class PortalForm(forms.Form):
    error_css_class = "field--error"
    required_css_class = "field--required"
    template_name = FORM_TEMPLATE

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # KRDS labels carry no colon
        super().__init__(*args, **kwargs)
        krds_widgets(self)


def add_service_errors(form: forms.BaseForm, exc: ValidationError, field_map: dict[str, str] | None = None) -> None:
    """Put a service's ``ValidationError`` on the form: each message on the field it names when the form has
    that field (after ``field_map`` renames), else on the form as a whole."""
    field_map = field_map or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for name, messages in exc.message_dict.items():
        target = field_map.get(name, name)
        if target == NON_FIELD_ERRORS or target not in form.fields:
            form.add_error(None, messages)
        else:
            form.add_error(target, messages)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AutocompleteInput(forms.TextInput):
    """A text input that asks the server for matching names as the person types (htmx) and lists them below;
    picking one puts the exact name in the box, anything else typed is kept as written. ``suggest_url`` names
    the URL of the suggestion fragment."""

    template_name = "web/widgets/occupation_autocomplete.html"
    suggest_url = "occupation-suggest"

    def get_context(self, name, value, attrs):
        from django.urls import reverse

        context = super().get_context(name, value, attrs)
        widget_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        list_id = f"{widget_id}-suggestions"
        context["widget"]["attrs"].update(
            {
                "autocomplete": "off",
                "aria-controls": list_id,
                "aria-autocomplete": "list",
                "hx-get": reverse(self.suggest_url),
                "hx-trigger": "input changed delay:200ms",
                "hx-target": f"#{list_id}",
                "hx-vals": f'{{"field": "{name}", "target": "{widget_id}"}}',
                "hx-sync": "this:replace",
            }
        )
        context["list_id"] = list_id
        return context


class OccupationAutocompleteInput(AutocompleteInput):
    """Occupations of the classification (``/occupations/suggest/``)."""

    suggest_url = "occupation-suggest"


class CertificationAutocompleteInput(AutocompleteInput):
    """Licences and certifications of the certification list (``/certifications/suggest/``)."""

    suggest_url = "certification-suggest"


class RegionChoiceField(forms.ModelChoiceField):
    """Provinces and, under each, its cities and districts (codes sort that way: 11, 11110, ..., 26, ...)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Region.objects.select_related("parent").order_by("code"))
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", _("Anywhere"))
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Region) -> str:
        return f"— {obj.name}" if obj.parent_id else obj.name


class RegionMultipleChoiceField(forms.ModelMultipleChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Region.objects.select_related("parent").order_by("code"))
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Region) -> str:
        return f"— {obj.name}" if obj.parent_id else obj.name


# --------------------------------------------------------------------------------------------- accounts


class LoginForm(AuthenticationForm):
    """Log in with the e-mail address (stored lower-case)."""

    error_css_class = "field--error"
    required_css_class = "field--required"
    template_name = FORM_TEMPLATE

    def __init__(self, request=None, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget = forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
        krds_widgets(self)

    def clean_username(self) -> str:
        return (self.cleaned_data.get("username") or "").strip().lower()


class _SignUpForm(PortalForm):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            try:
                password_validation.validate_password(p1)
            except ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class SeekerSignUpForm(_SignUpForm):
    display_name = forms.CharField(
        label=_("Name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    field_order = ["email", "display_name", "password1", "password2"]


class EmployerSignUpForm(_SignUpForm):
    display_name = forms.CharField(
        label=_("Your name"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    company_name = forms.CharField(
        label=_("Company name"), max_length=255, widget=forms.TextInput(attrs={"autocomplete": "organization"})
    )
    business_number = forms.CharField(
        label=_("Business registration number"),
        max_length=12,
        help_text=_("10 digits, e.g. 123-45-67890."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    field_order = ["email", "display_name", "company_name", "business_number", "password1", "password2"]

    def clean_business_number(self) -> str:
        value = self.cleaned_data["business_number"].strip()
        validate_business_number(value)
        return value


# --------------------------------------------------------------------------------------------- seekers


class ProfileForm(PortalForm):
    display_name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("Contact e-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=32, required=False)
    home_region = RegionChoiceField(label=_("Where you live"), empty_label=_("Not given"))
    summary = forms.CharField(label=_("About me"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    discoverable = forms.BooleanField(
        label=_("Employers may find my profile"),
        required=False,
        help_text=_("Until you apply or turn this on, employers see only an anonymised summary."),
    )
    recommendations_enabled = forms.BooleanField(label=_("Show AI-assisted recommendations"), required=False)


class WorkExperienceForm(PortalForm):
    title = forms.CharField(
        label=_("Job title"),
        max_length=255,
        widget=OccupationAutocompleteInput(),
        help_text=_("Type a few letters, e.g. 용접, and pick an occupation from the list, or keep your own words."),
    )
    employer_name = forms.CharField(label=_("Employer"), max_length=255, required=False)
    start_date = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end_date = forms.DateField(
        label=_("To"), required=False, widget=DateInput(), help_text=_("Leave empty if you still work there.")
    )
    duties = forms.CharField(label=_("Duties"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CertificateForm(PortalForm):
    name = forms.CharField(
        label=_("Certificate or licence"),
        max_length=255,
        widget=CertificationAutocompleteInput(),
        help_text=_("Type a few letters, e.g. 용접, and pick a licence from the list, or keep your own words."),
    )
    issuer = forms.CharField(label=_("Issuer"), max_length=255, required=False)
    acquired_on = forms.DateField(label=_("Acquired on"), required=False, widget=DateInput())


class EducationForm(PortalForm):
    level = forms.ModelChoiceField(
        label=_("Level"), queryset=EducationLevel.objects.order_by("rank"), required=False,
        empty_label=_("Choose"),
    )
    institution = forms.CharField(label=_("School"), max_length=255, required=False)
    major = forms.CharField(label=_("Major"), max_length=255, required=False)
    end_date = forms.DateField(label=_("Graduated on"), required=False, widget=DateInput())


class TrainingForm(PortalForm):
    course_name = forms.CharField(label=_("Course"), max_length=255)
    provider = forms.CharField(label=_("Training provider"), max_length=255, required=False)
    start_date = forms.DateField(label=_("From"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("To"), required=False, widget=DateInput())
    completed = forms.NullBooleanField(label=_("Completed"), required=False, widget=forms.NullBooleanSelect())


class PreferenceForm(PortalForm):
    """Job preferences. Desired occupations are several boxes with the occupation autocomplete (one each), so
    the keyboard and screen readers handle them like any other field."""

    OCCUPATION_BOXES = 3

    regions = RegionMultipleChoiceField(
        label=_("Where I want to work"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Choose one or more; hold Ctrl (⌘ on a Mac) to choose several. None: anywhere."),
    )
    max_commute_km = forms.FloatField(
        label=_("Longest commute (km)"), required=False, min_value=0, max_value=500,
        widget=forms.NumberInput(attrs={"step": 1, "inputmode": "decimal"}),
    )
    desired_wage = forms.IntegerField(
        label=_("Desired wage (KRW)"), required=False, min_value=0,
        widget=forms.NumberInput(attrs={"step": 10000, "inputmode": "numeric"}),
    )
    desired_wage_unit = forms.ChoiceField(label=_("Wage paid"), choices=WageUnit.choices, initial=WageUnit.MONTH)
    employment_types = forms.MultipleChoiceField(
        label=_("Employment types"), required=False, choices=EmploymentTypeCode.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    available_from = forms.DateField(label=_("Available from"), required=False, widget=DateInput())

    def __init__(self, *args, occupation_boxes: int = OCCUPATION_BOXES, **kwargs):
        super().__init__(*args, **kwargs)
        boxes = {}
        for i in range(1, max(occupation_boxes, self.OCCUPATION_BOXES) + 1):
            boxes[f"desired_occupation_{i}"] = forms.CharField(
                label=_("Desired occupation %(number)s") % {"number": i},
                max_length=255,
                required=False,
                widget=OccupationAutocompleteInput(),
                help_text=_("Type a few letters, e.g. 용접, and pick an occupation from the list, or keep your own "
                            "words.") if i == 1 else "",
            )
        # The occupation boxes first, then the rest in declaration order.
        self.fields = {**boxes, **self.fields}
        krds_widgets(self)

    def occupation_texts(self) -> list[str]:
        return [
            self.cleaned_data[name].strip()
            for name in self.fields
            if name.startswith("desired_occupation_") and (self.cleaned_data.get(name) or "").strip()
        ]

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "desired_occupations": self.occupation_texts(),
            "regions": list(data.get("regions") or []),
            "max_commute_km": data.get("max_commute_km"),
            "desired_wage": data.get("desired_wage"),
            "desired_wage_unit": data.get("desired_wage_unit") or WageUnit.MONTH,
            "employment_types": data.get("employment_types") or [],
            "available_from": data.get("available_from"),
        }

    # Service field → form field, for errors the services raise.
    SERVICE_FIELDS = {"desired_occupations": "desired_occupation_1"}


class ResumeImportForm(PortalForm):
    MAX_BYTES = 1_000_000

    file = forms.FileField(
        label=_("JSON Resume file"),
        help_text=_("A .json file in the JSON Resume format (jsonresume.org), at most 1 MB. What you have already "
                    "entered is kept; items already in your profile are not added twice."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("The file is larger than 1 MB; a résumé is much smaller."))
        return upload


class ApplyForm(PortalForm):
    cover_note = forms.CharField(
        label=_("Message to the employer"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Never write your resident registration number."),
    )


# --------------------------------------------------------------------------------------------- companies


class CompanyForm(PortalForm):
    name = forms.CharField(label=_("Company name"), max_length=255)
    industry = forms.ModelChoiceField(
        label=_("Industry (KSIC section)"), queryset=Industry.objects.order_by("code"), required=False,
        empty_label=_("Not given"),
    )
    size_band = forms.ChoiceField(label=_("Number of employees"), choices=Company.SizeBand.choices)
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    description = forms.CharField(
        label=_("About the company"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the company does, shown to job seekers with your postings."),
    )


class WorkplaceForm(PortalForm):
    name = forms.CharField(label=_("Workplace name"), max_length=255, help_text=_("e.g. 본사, 평택 공장."))
    address = forms.CharField(
        label=_("Address"), max_length=255, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postal_code = forms.CharField(
        label=_("Postal code"), max_length=8, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )
    region = RegionChoiceField(label=_("Region"), empty_label=_("Choose"), required=True)
    latitude = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("Optional. Without coordinates the region's hall is used for commute distances."),
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )


# --------------------------------------------------------------------------------------------- postings


class PostingSearchForm(PortalForm):
    q = forms.CharField(label=_("Keywords"), required=False, max_length=100)
    region = RegionChoiceField(label=_("Region"))
    occupation = forms.CharField(
        label=_("Occupation"), required=False, max_length=100, help_text=_("A name such as 웹 개발자, or a code.")
    )
    employment_type = forms.ChoiceField(
        label=_("Employment type"), required=False, choices=[("", _("Any"))] + list(EmploymentTypeCode.choices)
    )
    wage_min = forms.IntegerField(
        label=_("Monthly wage at least (KRW)"), required=False, min_value=0, widget=forms.NumberInput(attrs={"step": 10000})
    )
    education = forms.ModelChoiceField(
        label=_("My education"), required=False, queryset=EducationLevel.objects.order_by("rank"),
        to_field_name="code", empty_label=_("Any"),
        help_text=_("Postings that ask for at most this, or for nothing in particular."),
    )
    experience_max = forms.TypedChoiceField(
        label=_("Experience asked for"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any")), ("0", _("None (new entrants welcome)")), ("12", _("Up to 1 year")),
                 ("36", _("Up to 3 years")), ("60", _("Up to 5 years"))],
    )
    closes_after = forms.DateField(label=_("Still open on"), required=False, widget=DateInput())
    within_km = forms.TypedChoiceField(
        label=_("Distance from home"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any")), ("5", _("Within 5 km")), ("10", _("Within 10 km")), ("20", _("Within 20 km")),
                 ("30", _("Within 30 km")), ("50", _("Within 50 km"))],
        help_text=_("From the home in your profile (straight line)."),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("relevance", _("Best match")),
            ("newest", _("Newest")),
            ("closing", _("Closing soonest")),
            ("wage", _("Highest wage")),
            ("distance", _("Nearest to home")),
        ],
    )


class PostingForm(PortalForm):
    company = forms.ModelChoiceField(label=_("Company"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    occupation_text = forms.CharField(
        label=_("Occupation"),
        max_length=255,
        required=False,
        widget=OccupationAutocompleteInput(),
        help_text=_("The occupation's name as in the classification, e.g. 웹 개발자."),
    )
    employment_type = forms.ChoiceField(
        label=_("Employment type"), choices=EmploymentTypeCode.choices, initial=EmploymentTypeCode.FULL_TIME
    )
    wage_min = forms.IntegerField(label=_("Minimum wage (KRW)"), required=False)
    wage_max = forms.IntegerField(label=_("Maximum wage (KRW)"), required=False)
    wage_unit = forms.ChoiceField(label=_("Wage paid"), choices=WageUnit.choices, initial=WageUnit.MONTH)
    experience_months = forms.IntegerField(label=_("Months of experience required"), initial=0, required=False)
    education_level = forms.ModelChoiceField(
        label=_("Education required"), queryset=EducationLevel.objects.order_by("rank"), required=False,
        empty_label=_("Not required"),
    )
    licence_1 = forms.CharField(
        label=_("Required licence"), max_length=120, required=False, widget=CertificationAutocompleteInput(),
        help_text=_("Pick it from the certification list as you type; a licence not on the list is kept as written."),
    )
    licence_2 = forms.CharField(label=_("Second required licence"), max_length=120, required=False,
                                widget=CertificationAutocompleteInput())
    licence_3 = forms.CharField(label=_("Third required licence"), max_length=120, required=False,
                                widget=CertificationAutocompleteInput())
    region = RegionChoiceField(label=_("Region"), empty_label=_("Choose"))
    workplace = forms.ModelChoiceField(
        label=_("Workplace"),
        queryset=None,
        required=False,
        empty_label=_("Not given"),
        help_text=_("Its address and coordinates give job seekers the distance from home. Add workplaces on the "
                    "company page."),
    )
    working_hours = forms.CharField(label=_("Working hours"), max_length=255, required=False)
    closes_on = forms.DateField(label=_("Closes on"), required=False, widget=DateInput())
    openings = forms.IntegerField(label=_("Openings"), initial=1)
    how_to_apply = forms.CharField(
        label=_("How to apply"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    # Service field → form field, for errors the services raise.
    SERVICE_FIELDS = {"occupation": "occupation_text", "education_text": "education_level"}

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        from jobcenter.employers.models import Workplace

        self.fields["workplace"].queryset = (
            Workplace.objects.filter(company__in=companies).select_related("company").order_by("company__name", "name")
            if companies is not None else Workplace.objects.none()
        )
        if not self.fields["workplace"].queryset.exists():
            del self.fields["workplace"]
        self._only_company = companies[0] if companies is not None and len(companies) == 1 else None
        if self._only_company is not None:
            # One company: nothing to choose, so the field is neither shown nor required.
            self.fields["company"].widget = forms.HiddenInput()
            self.fields["company"].required = False
            self.fields["company"].initial = self._only_company.pk

    def clean_company(self):
        return self.cleaned_data.get("company") or self._only_company

    def clean_occupation_text(self):
        from jobcenter.taxonomy.selectors import occupation_match_exact, occupation_search

        text = self.cleaned_data.get("occupation_text", "").strip()
        self.cleaned_data["occupation"] = None
        if not text:
            return text
        occupation = occupation_match_exact(text=text)
        if occupation is None:
            suggestions = ", ".join(o.name for o in occupation_search(q=text, limit=5))
            if suggestions:
                raise ValidationError(
                    _("No occupation is called exactly that. Did you mean: %(names)s?"), params={"names": suggestions}
                )
            raise ValidationError(_("No occupation is called that. Try a shorter or more common name."))
        self.cleaned_data["occupation"] = occupation
        return text

    LICENCE_FIELDS = ("licence_1", "licence_2", "licence_3")

    @staticmethod
    def licence_initial(posting) -> dict:
        """The licence fields of an existing posting: listed licences first, then those kept only as written."""
        from jobcenter.interchange.jobposting import split_qualifications
        from jobcenter.taxonomy.text import normalize_label

        names = [c.name for c in posting.required_certifications.order_by("name")]
        seen = {normalize_label(n) for n in names}
        for name in split_qualifications(posting.qualifications_text or ""):
            if normalize_label(name) not in seen:
                names.append(name)
                seen.add(normalize_label(name))
        return dict(zip(PostingForm.LICENCE_FIELDS, names))

    def clean(self):
        """Licences: each matched to the certification list where it is on it; all kept as written too."""
        from jobcenter.taxonomy.selectors import certification_match
        from jobcenter.taxonomy.text import normalize_label

        cleaned = super().clean()
        names: list[str] = []
        seen: set[str] = set()
        for field in self.LICENCE_FIELDS:
            name = " ".join((cleaned.get(field) or "").split())
            if name and normalize_label(name) not in seen:
                seen.add(normalize_label(name))
                names.append(name)
        certifications = [c for c in (certification_match(name=n) for n in names) if c is not None]
        cleaned["required_certifications"] = list({c.pk: c for c in certifications}.values())
        cleaned["qualifications_text"] = ", ".join(names)[:512]
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned data as keyword arguments of ``posting_create`` / ``posting_update``."""
        data = dict(self.cleaned_data)
        for field in self.LICENCE_FIELDS:
            data.pop(field, None)
        data.pop("company", None)
        data.pop("occupation_text", None)
        data["occupation"] = self.cleaned_data.get("occupation")
        if data.get("experience_months") is None:
            data["experience_months"] = 0
        for text_field in ("working_hours", "how_to_apply"):
            data[text_field] = data.get(text_field) or ""
        return data


class ExtendForm(PortalForm):
    closes_on = forms.DateField(label=_("New closing date"), widget=DateInput())


class ApplicationMoveForm(PortalForm):
    to_status = forms.ChoiceField(label=_("Move to"))
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, allowed: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = allowed or []
        self.fields["to_status"].choices = [
            (value, label) for value, label in ApplicationStatus.choices if value in allowed
        ]
