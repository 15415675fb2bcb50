"""The chatbot in the portal: API, masked logs, counselor requests in the back office, my data, pages, CLIs."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from jobcenter.accounts.roles import Role
from jobcenter.chatbot.models import ChatLog, CounselorRequest

pytestmark = pytest.mark.django_db

ASK = "/api/v1/chatbot/ask"
HANDOFF = "/api/v1/chatbot/handoff"


def _post(client, url, payload):
    return client.post(url, data=json.dumps(payload), content_type="application/json")


def test_api_ask_answers_with_citations_and_logs_masked(client, portal_bot):
    question = "52세, 가입 4년, 평균임금 12만원, 2025년 6월 30일 퇴사하면 총 얼마? 제 번호는 010-1234-5678, 900101-1234567"
    response = _post(client, ASK, {"question": question})
    assert response.status_code == 200, response.content
    body = response.json()
    assert "13,860,000" in body["answer"] and body["in_scope"] is True and body["handoff"] is False
    assert body["citations"][0]["doc"] == "job-seeking-benefit-amount.ko"
    log = ChatLog.objects.get(pk=body["log_id"])
    assert "010-1234-5678" not in log.question and "900101" not in log.question
    assert "[전화번호]" in log.question and "[주민번호]" in log.question
    assert log.citations == body["citations"] and log.passages and log.version and log.backend == "extractive"


def test_api_out_of_scope(client, portal_bot):
    body = _post(client, ASK, {"question": "What is the capital of France?"}).json()
    assert body["in_scope"] is False and body["citations"] == []


def test_api_handoff_opens_a_counselor_request_masked_for_anonymous(client, portal_bot):
    response = _post(client, HANDOFF, {"question": "상담 원해요 kim@example.kr", "contact": "010-9876-5432"})
    assert response.status_code == 200, response.content
    item = CounselorRequest.objects.get(pk=response.json()["id"])
    assert item.user is None and item.status == "open"
    assert item.contact == "[전화번호]" and "[이메일]" in item.question


def test_handoff_of_a_signed_in_user_links_the_user(client, make_user, portal_bot):
    user = make_user(Role.SEEKER)
    client.force_login(user)
    response = _post(client, HANDOFF, {"question": "상담사 연결해 주세요", "contact": "010-9876-5432"})
    item = CounselorRequest.objects.get(pk=response.json()["id"])
    assert item.user == user and item.contact == "010-9876-5432"


def test_counselor_requests_and_logs_are_visible_in_the_back_office(client, make_user, portal_bot):
    from jobcenter.chatbot.services import chat_answer, counselor_request_create

    chat_answer(question="구직급여 대기기간은 며칠인가요?")
    counselor_request_create(question="실업인정일을 바꾸고 싶어요", contact="010-1111-2222")
    staff = make_user(Role.SEEKER, email="staff@example.kr")
    staff.is_staff = True
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    page = client.get("/admin/chatbot/counselorrequest/?status__exact=open")
    assert page.status_code == 200 and "실업인정일을 바꾸고 싶어요" in page.content.decode()
    logs = client.get("/admin/chatbot/chatlog/?in_scope__exact=1")
    assert logs.status_code == 200 and "구직급여 대기기간은 며칠인가요?" in logs.content.decode()


def test_my_data_for_a_signed_in_seeker_lists_their_applications(client, seeker, posting, portal_bot):
    from jobcenter.jobs.services import application_create

    application_create(posting=posting, seeker=seeker)
    client.force_login(seeker.user)
    body = _post(client, ASK, {"question": "내 지원 현황 알려줘"}).json()
    assert body["intent"] == "my_data" and body["sign_in"] is False
    assert [row["posting"] for row in body["data"]["applications"]] == [posting.title]
    assert posting.title in body["answer"]


def test_my_data_for_an_anonymous_user_asks_to_sign_in(client, portal_bot):
    body = _post(client, ASK, {"question": "What is the status of my applications?"}).json()
    assert body["intent"] == "my_data" and body["sign_in"] is True and body["data"] is None
    assert "sign in" in body["answer"].lower()


def test_chat_page_and_widget_fragment(client, portal_bot):
    page = client.get("/chat/")
    assert page.status_code == 200
    fragment = client.post("/chat/ask/", {"question": "구직급여 대기기간은 며칠인가요?"}, HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "7일" in html and "구직급여 대기기간" in html  # answer and its source
    done = client.post("/chat/handoff/", {"question": "상담 요청"}, HTTP_HX_REQUEST="true")
    assert done.status_code == 200 and CounselorRequest.objects.count() == 1


def test_widget_says_it_is_an_ai_assistant(rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ko"):
        html = render_to_string("chatbot/_widget.html")
    assert "AI 상담 도우미 — 답변은 참고용이며 근거 문서를 함께 보여 드립니다" in html
    with translation.override("en"):
        assert "AI assistant — answers are for reference" in render_to_string("chatbot/_widget.html")


def test_chat_cli_reads_questions_and_writes_json_lines(portal_bot):
    out = io.StringIO()
    call_command("chat", json=True, stdin=io.StringIO("구직급여 대기기간은 며칠인가요?\n\nTell me a joke.\n"), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2
    for key in ("question", "answer", "citations", "in_scope", "handoff"):
        assert key in lines[0]
    assert lines[0]["in_scope"] is True and lines[1]["in_scope"] is False
    assert ChatLog.objects.count() == 0  # the CLI does not log


def test_eval_cli_prints_the_figures(tmp_path, portal_bot):
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "a", "lang": "ko", "question": "2024년 하한액?", "in_scope": True,
         "expected_doc": "job-seeking-benefit-amount.ko", "expected_section": "연도별 구직급여 상한액·하한액 표",
         "must_contain": ["63,104"], "kind": "numeric", "group": "a"},
        {"id": "b", "lang": "en", "question": "Tell me a joke.", "in_scope": False, "expected_doc": None,
         "expected_section": None, "must_contain": [], "kind": "out_of_scope", "group": "b"},
    ]), encoding="utf-8")
    out = io.StringIO()
    call_command("eval_chatbot", str(questions), json=True, stdout=out)
    report = json.loads(out.getvalue())
    assert report["overall"]["answer_accuracy"] == 1.0
    assert report["out_of_scope"]["recall"] == 1.0
    assert {"median", "p95"} <= set(report["latency_ms"]) and report["machine"]
    text = io.StringIO()
    call_command("eval_chatbot", str(questions), stdout=text)
    assert "answer accuracy" in text.getvalue() and "hit@3" in text.getvalue()


def test_my_recommendations_come_from_the_recommendation_service_and_are_logged(client, seeker, posting, vocab,
                                                                              portal_bot):
    from jobcenter.audit.models import RecommendationLog
    from jobcenter.seekers.models import WorkExperience

    WorkExperience.objects.create(seeker=seeker, title="웹 개발자", occupation=vocab["web_dev"],
                                  duties="Django로 웹 서비스를 개발")
    client.force_login(seeker.user)
    body = _post(client, ASK, {"question": "내 추천 일자리 보여줘"}).json()
    assert body["intent"] == "my_data" and body["sign_in"] is False
    recommended = body["data"]["recommendations"]
    assert [item["posting_id"] for item in recommended["items"]][:1] == [posting.pk]
    assert posting.title in body["answer"] and "/me/recommendations/" in body["answer"]
    log = RecommendationLog.objects.get(surface="chat")
    assert log.viewer == seeker.user and log.items[0]["id"] == posting.pk


def test_my_recommendations_turned_off_are_not_computed(client, seeker, posting, portal_bot):
    from jobcenter.audit.models import RecommendationLog

    seeker.recommendations_enabled = False
    seeker.save()
    client.force_login(seeker.user)
    body = _post(client, ASK, {"question": "내 추천 일자리 보여줘"}).json()
    assert body["data"]["recommendations"]["enabled"] is False and "꺼져" in body["answer"]
    assert not RecommendationLog.objects.exists()
