from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChatbotConfig(AppConfig):
    name = "jobcenter.chatbot"
    label = "chatbot"
    verbose_name = _("AI assistant")
    default_auto_field = "django.db.models.BigAutoField"
