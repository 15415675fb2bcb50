"""The chatbot in the portal: answer a question (filling "my data" for a signed-in user), log it masked, and open
a counselor request. The engine (``jobcenter.chatbot.engine``) is built once per process (``get_bot``)."""

from __future__ import annotations

import threading
from typing import Any

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from jobcenter.chatbot.engine.bot import Answer, ChatBot
from jobcenter.chatbot.engine.privacy import mask
from jobcenter.chatbot.models import ChatLog, CounselorRequest

_bot: ChatBot | None = None
_bot_lock = threading.Lock()


def get_bot() -> ChatBot:
    """The engine, built on first use (index + cached passage vectors under ``<var>/cache``)."""
    global _bot
    with _bot_lock:
        if _bot is None:
            from jobcenter.conf import var_dir

            _bot = ChatBot.from_knowledge_base(cache_dir=var_dir() / "cache")
        return _bot


def set_bot(bot: ChatBot | None) -> None:
    """Replace the engine (tests share one built per session)."""
    global _bot
    with _bot_lock:
        _bot = bot


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def _my_recommendations(user, ko: bool, lines: list[str]) -> dict[str, Any]:
    """The signed-in seeker's top recommendations from the recommendation service (logged there as shown in
    the chat), with the first reason of each, and the link to the full page."""
    from jobcenter.recommendations import services as recommendation_services

    link = _url("recommendations:mine")
    profile = getattr(user, "seeker_profile", None)
    if profile is None:
        lines.append("구직자 프로필이 있어야 추천 일자리를 볼 수 있습니다." if ko
                     else "Recommendations need a job-seeker profile.")
        return {"url": link, "items": []}
    result = recommendation_services.recommend_jobs_for_seeker(
        seeker=profile, viewer=user, top=3, surface="chat", with_next_steps=False)
    if not result.enabled:
        lines.append(("AI 추천이 꺼져 있습니다. 추천 일자리 화면에서 다시 켤 수 있습니다: " if ko
                      else "AI-assisted recommendations are turned off; you can turn them on again here: ") + link)
        return {"url": link, "enabled": False, "items": []}
    items = []
    for item in result.items:
        reasons = item.explanation.reasons if item.explanation else []
        reason = next((r for r in reasons if r.positive), reasons[0] if reasons else None)
        because = (reason.text_ko if ko else reason.text_en) if reason else ""
        items.append({"posting_id": item.posting.pk, "title": item.posting.title,
                      "company": getattr(item.posting.company, "name", ""), "reason": because})
    if items:
        lines.append("AI가 추천한 일자리 (상위 %d건):" % len(items) if ko
                     else "Jobs the AI-assisted recommender suggests (top %d):" % len(items))
        lines += [f"- {i['title']} ({i['company']})" + (f" — {i['reason']}" if i["reason"] else "") for i in items]
    else:
        lines.append("지금은 추천할 일자리가 없습니다. 프로필에 경력과 자격을 더하면 추천이 늘어납니다." if ko
                     else "No recommendations right now; adding careers and licences to your profile helps.")
    lines.append(("전체 추천과 이유 보기: " if ko else "All recommendations and their reasons: ") + link)
    return {"url": link, "enabled": True, "items": items}


def _my_data(answer: Answer, user) -> dict[str, Any]:
    """Fill the data a my-data question asks for from the portal's selectors (the user's own data only)."""
    from jobcenter.jobs.selectors import application_list_for_seeker

    data: dict[str, Any] = {}
    lines: list[str] = []
    ko = answer.lang == "ko"
    for topic in answer.data_requested:
        if topic == "applications":
            rows = [{"id": a.pk, "posting": a.posting.title, "company": getattr(a.posting.company, "name", ""),
                     "status": a.get_status_display(), "applied_at": a.created_at.date().isoformat()}
                    for a in application_list_for_seeker(user=user)[:20]]
            data["applications"] = rows
            if rows:
                lines.append(("지원 현황 (%d건):" if ko else "Your applications (%d):") % len(rows))
                lines += [f"- {r['posting']} ({r['company']}): {r['status']} · {r['applied_at']}" for r in rows]
            else:
                lines.append("아직 지원한 공고가 없습니다." if ko else "You have not applied to any posting yet.")
            link = _url("seeker-applications")
            if link:
                lines.append(("자세히 보기: " if ko else "Details: ") + link)
        elif topic == "counselor_requests":
            rows = [{"id": r.pk, "status": r.get_status_display(), "created_at": r.created_at.date().isoformat()}
                    for r in CounselorRequest.objects.filter(user=user)[:10]]
            data["counselor_requests"] = rows
            if rows:
                lines.append(("상담 요청 %d건:" if ko else "Counselor requests (%d):") % len(rows))
                lines += [f"- #{r['id']} {r['status']} · {r['created_at']}" for r in rows]
            else:
                lines.append("접수된 상담 요청이 없습니다." if ko else "You have no counselor requests.")
        elif topic == "recommendations":
            data[topic] = _my_recommendations(user, ko, lines)
        elif topic == "profile":
            link = _url("seeker-profile")
            data[topic] = {"url": link}
            lines.append(("등록한 프로필은 여기서 볼 수 있습니다: " if ko else "Your profile: ") + link)
    answer.answer = "\n".join(lines)
    return data


def chat_answer(*, question: str, user=None, session_key: str = "") -> dict[str, Any]:
    """Answer one question and log it (question masked). Returns the engine's answer as a dict, with ``log_id``
    and, for my-data questions, ``data`` (signed in) or ``sign_in: true`` (anonymous)."""
    answer = get_bot().answer(question)
    signed_in = bool(getattr(user, "is_authenticated", False))
    extra: dict[str, Any] = {}
    if answer.intent == "my_data":
        if signed_in:
            extra["data"] = _my_data(answer, user)
        else:
            extra["sign_in"] = True
            extra["sign_in_url"] = _url("login")
    log = ChatLog.objects.create(
        user=user if signed_in else None, session_key=session_key or "", question=mask(question)[:4000],
        lang=answer.lang, intent=answer.intent, passages=answer.passages, answer=mask(answer.answer),
        citations=answer.citations, in_scope=answer.in_scope, handoff=answer.handoff, backend=answer.backend,
        version=answer.version[:128], latency_ms=answer.latency_ms,
    )
    result = answer.as_dict()
    result.update(extra, log_id=log.pk)
    return result


@transaction.atomic
def counselor_request_create(*, question: str = "", contact: str = "", user=None, chat_log_id: int | None = None,
                             note: str = "") -> CounselorRequest:
    """Open a request for a counselor. A signed-in user is linked (the counselor sees who asked); an anonymous
    contact is stored masked — the counselor calls back through the job centre, not from the log."""
    signed_in = bool(getattr(user, "is_authenticated", False))
    log = ChatLog.objects.filter(pk=chat_log_id).first() if chat_log_id else None
    if log is not None and log.user_id and (not signed_in or log.user_id != user.pk):
        log = None  # never attach someone else's conversation
    return CounselorRequest.objects.create(
        user=user if signed_in else None,
        contact=(contact or "")[:255] if signed_in else mask(contact)[:255],
        question=mask(question or (log.question if log else "")),
        chat_log=log,
        note=note,
    )


def handoff_message(lang: str = "ko") -> str:
    return _("Your request has been received. A counselor will review it and get back to you.")
