from django.urls import path

from jobcenter.chatbot import views

app_name = "chatbot"

urlpatterns = [
    path("", views.chat, name="chat"),
    path("ask/", views.ask, name="ask"),
    path("handoff/", views.handoff, name="handoff"),
]
