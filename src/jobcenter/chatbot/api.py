"""JSON API of the policy chatbot, mounted at ``/api/v1/chatbot`` (``api.add_router("/chatbot",
"jobcenter.chatbot.api.router")``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from jobcenter.api.permissions import PUBLIC
from jobcenter.chatbot import services

router = Router(tags=["chatbot"])


class AskIn(Schema):
    question: str = Field(min_length=1, max_length=2000, description="질문 (한국어 또는 영어)")


class Citation(Schema):
    doc: str
    section: str
    title: str
    label: str


class AskOut(Schema):
    question: str
    answer: str
    citations: list[Citation]
    in_scope: bool
    handoff: bool
    lang: str
    intent: str
    passages: list[dict[str, Any]]
    backend: str
    version: str
    log_id: int | None = None
    sign_in: bool = False
    data: dict[str, Any] | None = None


class HandoffIn(Schema):
    question: str = Field("", max_length=2000)
    contact: str = Field("", max_length=255, description="연락처 (로그인하지 않은 경우; 마스킹되어 저장)")
    log_id: int | None = None


class HandoffOut(Schema):
    id: int
    status: str
    message: str


def _session_key(request: HttpRequest) -> str:
    session = getattr(request, "session", None)
    return (session.session_key or "") if session is not None else ""


# Public: answers come only from the published knowledge base and law; "my data" is filled only for the caller's own
# signed-in session (anonymous callers are asked to sign in). Nothing personal is returned to anyone else.
@router.post("/ask", response=AskOut, auth=PUBLIC)
def ask(request: HttpRequest, payload: AskIn):
    return services.chat_answer(question=payload.question, user=request.user, session_key=_session_key(request))


# Public: anyone may ask for a counselor; an anonymous contact is stored masked, a signed-in user is linked.
@router.post("/handoff", response=HandoffOut, auth=PUBLIC)
def handoff(request: HttpRequest, payload: HandoffIn):
    item = services.counselor_request_create(question=payload.question, contact=payload.contact,
                                             user=request.user, chat_log_id=payload.log_id)
    return {"id": item.pk, "status": item.status, "message": services.handoff_message()}
