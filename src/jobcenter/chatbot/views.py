"""The chat page (/chat/) and the htmx endpoints of the chat widget shown on every page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from jobcenter.chatbot import services


def _session_key(request: HttpRequest) -> str:
    return request.session.session_key or "" if hasattr(request, "session") else ""


@require_http_methods(["GET", "POST"])
def chat(request: HttpRequest) -> HttpResponse:
    result = None
    if request.method == "POST":
        question = (request.POST.get("question") or "").strip()[:2000]
        if question:
            result = services.chat_answer(question=question, user=request.user, session_key=_session_key(request))
    return render(request, "chatbot/chat.html", {"result": result})


@require_POST
def ask(request: HttpRequest) -> HttpResponse:
    """The answer fragment for the widget (htmx), or the full page without JavaScript."""
    question = (request.POST.get("question") or "").strip()[:2000]
    result = services.chat_answer(question=question, user=request.user, session_key=_session_key(request)) \
        if question else None
    template = "chatbot/_answer.html" if request.headers.get("HX-Request") else "chatbot/chat.html"
    return render(request, template, {"result": result})


@require_POST
def handoff(request: HttpRequest) -> HttpResponse:
    log_id = request.POST.get("log_id")
    item = services.counselor_request_create(
        question=(request.POST.get("question") or "")[:2000], contact=(request.POST.get("contact") or "")[:255],
        user=request.user, chat_log_id=int(log_id) if (log_id or "").isdigit() else None,
    )
    template = "chatbot/_handoff_done.html" if request.headers.get("HX-Request") else "chatbot/chat.html"
    return render(request, template, {"handoff": item, "result": None})
