from django.contrib.auth import views as auth_views
from django.urls import path

from jobcenter.web import company_views, forms, profile_views, views

# Django's admin app ships templates named registration/password_reset_*.html and comes first in
# INSTALLED_APPS, so the portal's own password-reset templates have names of their own.
auth_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=forms.LoginForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="registration/reset_form.html",
            email_template_name="registration/reset_email.txt",
            subject_template_name="registration/reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="registration/reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/reset_complete.html"),
        name="password_reset_complete",
    ),
    path("signup/", views.signup, name="signup"),
    path("signup/seeker/", views.signup_seeker, name="signup-seeker"),
    path("signup/employer/", views.signup_employer, name="signup-employer"),
]

public_patterns = [
    path("", views.home, name="home"),
    path("postings/", views.posting_list, name="posting-list"),
    path("postings/<int:posting_id>/", views.posting_detail, name="posting-detail"),
    path("postings/<int:posting_id>/apply/", views.posting_apply, name="posting-apply"),
    path("occupations/suggest/", views.occupation_suggest, name="occupation-suggest"),
    path("certifications/suggest/", profile_views.certification_suggest, name="certification-suggest"),
]

seeker_patterns = [
    path("me/", views.seeker_profile, name="seeker-profile"),
    path("me/edit/", views.seeker_profile_edit, name="seeker-profile-edit"),
    path("me/experience/", views.seeker_experience_add, name="seeker-experience-add"),
    path("me/certificates/", views.seeker_certificate_add, name="seeker-certificate-add"),
    path("me/education/", views.seeker_education_add, name="seeker-education-add"),
    path("me/training/", views.seeker_training_add, name="seeker-training-add"),
    path("me/preferences/", profile_views.seeker_preferences, name="seeker-preferences"),
    path("me/import/", profile_views.seeker_resume_import, name="seeker-resume-import"),
    path(
        "me/<str:kind>/<int:item_id>/edit/",
        profile_views.seeker_item_edit,
        name="seeker-item-edit",
    ),
    path(
        "me/<str:kind>/<int:item_id>/delete/",
        profile_views.seeker_item_delete,
        name="seeker-item-delete",
    ),
    path("me/applications/", views.seeker_applications, name="seeker-applications"),
    path("me/applications/<int:application_id>/", views.seeker_application_detail, name="seeker-application-detail"),
    path(
        "me/applications/<int:application_id>/withdraw/",
        views.seeker_application_withdraw,
        name="seeker-application-withdraw",
    ),
    path("seekers/<int:profile_id>/", views.seeker_profile_detail, name="seeker-profile-detail"),
]

employer_patterns = [
    path("employer/company/", company_views.company_home, name="employer-company-home"),
    path("employer/companies/<int:company_id>/", company_views.company_detail, name="employer-company"),
    path("employer/companies/<int:company_id>/edit/", company_views.company_edit, name="employer-company-edit"),
    path(
        "employer/companies/<int:company_id>/workplaces/new/",
        company_views.workplace_create,
        name="employer-workplace-create",
    ),
    path(
        "employer/workplaces/<int:workplace_id>/edit/",
        company_views.workplace_edit,
        name="employer-workplace-edit",
    ),
    path("employer/postings/", views.employer_postings, name="employer-postings"),
    path("employer/postings/new/", views.employer_posting_create, name="employer-posting-create"),
    path("employer/postings/<int:posting_id>/edit/", views.employer_posting_edit, name="employer-posting-edit"),
    path(
        "employer/postings/<int:posting_id>/publish/", views.employer_posting_publish, name="employer-posting-publish"
    ),
    path("employer/postings/<int:posting_id>/close/", views.employer_posting_close, name="employer-posting-close"),
    path("employer/postings/<int:posting_id>/extend/", views.employer_posting_extend, name="employer-posting-extend"),
    path(
        "employer/postings/<int:posting_id>/duplicate/",
        views.employer_posting_duplicate,
        name="employer-posting-duplicate",
    ),
    path(
        "employer/postings/<int:posting_id>/applications/",
        views.employer_posting_applications,
        name="employer-posting-applications",
    ),
    path(
        "employer/applications/<int:application_id>/",
        views.employer_application_detail,
        name="employer-application-detail",
    ),
    path(
        "employer/applications/<int:application_id>/move/",
        views.employer_application_move,
        name="employer-application-move",
    ),
]

urlpatterns = public_patterns + auth_patterns + seeker_patterns + employer_patterns
