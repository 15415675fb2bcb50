from django.urls import path

from jobcenter.benefits import views

app_name = "benefits"

urlpatterns = [
    path("", views.index, name="index"),
    path("job-seeking/", views.job_seeking, name="job_seeking"),
    path("nesp/", views.nesp, name="nesp"),
]
