from django.urls import path

from jobcenter.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
