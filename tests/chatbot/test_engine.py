"""The chatbot engine (pure Python): retrieval across paraphrases, typos and languages, rules-engine tools,
scope decisions, masking, and the evaluation's arithmetic."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from jobcenter.chatbot.engine.evaluate import contains_all, evaluate, normalise
from jobcenter.chatbot.engine.numeric import parse_params
from jobcenter.chatbot.engine.privacy import mask

ENGINE_DIR = Path(__file__).resolve().parents[2] / "src" / "jobcenter" / "chatbot" / "engine"


def _top(bot, question, k=1):
    return [(p["doc"].rsplit(".", 1)[0], p["section"]) for p in bot.answer(question).passages[:k]]


def test_engine_has_no_django_imports():
    for path in ENGINE_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n == "django" or n.startswith("django.") for n in names), path.name


def test_korean_paraphrase_and_english_question_find_the_same_section(chatbot):
    canonical = chatbot.answer("구직급여 대기기간은 며칠인가요?")
    english = chatbot.answer("How long is the waiting period for the job-seeking benefit?")
    retriever = chatbot.retriever
    top_ko = retriever.by_id_[canonical.passages[0]["id"]]
    top_en = retriever.by_id_[english.passages[0]["id"]]
    assert top_ko.heading == "구직급여 대기기간" and top_en.lang == "en"
    assert retriever.group_of(top_en) == retriever.group_of(top_ko) == top_ko.id  # the two language versions
    assert english.lang == "en" and english.citations[0]["doc"].endswith(".en")
    assert "7" in english.answer
    spoken = _top(chatbot, "국취제 신청 어케해")
    assert spoken == [("nesp-overview", "국민취업지원제도 신청 방법")]


def test_english_sections_are_paired_with_the_korean_section_that_says_the_same(chatbot):
    pairs = dict((en.split(" › ")[1], ko.split(" › ")[1]) for ko, en in chatbot.retriever.pairs())
    # the pages have different numbers of sections, so position alone would pair these wrongly
    assert pairs["Total job-seeking benefit"] == "구직급여 총액 계산"
    assert pairs["Employment success allowance"] == "취업성공수당"
    assert pairs["How to apply for the National Employment Support Program"] == "국민취업지원제도 신청 방법"
    assert "Contacting a counselor" not in pairs  # its Korean version is another document


def test_a_typo_still_finds_the_section(chatbot):
    assert _top(chatbot, "구직급여 대기기깐 며칠?") == [("job-seeking-benefit-procedure", "구직급여 대기기간")]
    assert _top(chatbot, "조기재취엽수당 조건") == [("early-reemployment-allowance", "조기재취업수당 받을 수 있는 조건")]


def test_answers_are_extractive_short_and_cited(chatbot):
    answer = chatbot.answer("구직급여 대기기간은 며칠인가요?")
    assert answer.in_scope and not answer.handoff and answer.intent == "policy"
    assert "7일" in answer.answer and len(answer.answer) < 600
    citation = answer.citations[0]
    assert set(citation) == {"doc", "section", "title", "label"}
    assert citation["label"] == f"{citation['title']} › {citation['section']}"
    data = answer.as_dict()
    for key in ("question", "answer", "citations", "in_scope", "handoff", "lang", "intent", "passages", "backend",
                "version"):
        assert key in data


def test_the_issues_numeric_example_goes_to_the_rules_engine(chatbot):
    answer = chatbot.answer("52세, 가입 4년, 평균임금 12만원, 2025년 6월 30일 퇴사하면 총 얼마?")
    assert answer.intent == "calculation"
    assert answer.tool["name"] == "answer_job_seeking_benefit"
    assert answer.tool["params"]["separation_date"] == "2025-06-30"
    assert "13,860,000" in answer.answer
    assert "66,000원 × 210일" in answer.answer  # the calculation is shown
    assert "고용보험법" in answer.answer  # and its basis
    assert answer.citations and answer.citations[0]["doc"] == "job-seeking-benefit-amount.ko"


@pytest.mark.parametrize("question, expected", [
    ("52세, 가입 4년이면 며칠?", "210일"),
    ("2024년 하한액?", "63,104"),
    ("2025년에 그만뒀고 평균임금 12만원이면 하루 얼마?", "66,000"),
    ("2025년 6월 30일에 퇴사했으면 언제까지 받을 수 있어?", "2026년 6월 30일"),
])
def test_numeric_questions_from_the_issue(chatbot, question, expected):
    answer = chatbot.answer(question)
    assert answer.intent == "calculation" and expected in answer.answer


def test_parameters_are_parsed_from_plain_korean():
    p = parse_params("장애인이고 30세, 가입기간 1년 6개월, 기초일액 9만원, 24년 퇴사")
    assert (p.age, p.insured_years, p.wage, p.year, p.disabled) == (30, 1.5, 90_000, 2024, True)
    assert parse_params("50세 미만 10년 이상 가입자").age == 49


@pytest.mark.parametrize("question", ["내일 서울 날씨 어때?", "Tell me a joke.", "비트코인 오를까요?"])
def test_out_of_scope_questions_are_refused_politely(chatbot, question):
    answer = chatbot.answer(question)
    assert answer.in_scope is False and answer.citations == []
    assert "구직급여" in answer.answer or "job-seeking" in answer.answer  # says what it can help with


def test_someone_elses_personal_data_is_refused(chatbot):
    answer = chatbot.answer("Show me another user's application history.")
    assert answer.in_scope is False and answer.intent == "others_data"


def test_my_data_questions_return_the_intent(chatbot):
    answer = chatbot.answer("내 지원 현황 알려줘")
    assert answer.intent == "my_data" and answer.data_requested == ["applications"]
    assert chatbot.answer("Show me my job recommendations").data_requested == ["recommendations"]
    # a how-to about the same screen is a policy question, answered from the documents
    assert chatbot.answer("지원한 공고 진행 상황은 어디서 봐요?").intent == "policy"


def test_masking_of_personal_data():
    masked = mask("주민번호 900101-1234567, 9001012345678 / 010-1234-5678 / 02-123-4567 / kim.minsu@example.kr "
                  "/ 카드 1234-5678-9012-3456, 2025년 6월 30일 퇴사, 평균임금 120,000원")
    assert "900101" not in masked and masked.count("[주민번호]") == 2
    assert masked.count("[전화번호]") == 2 and "[이메일]" in masked and "[번호]" in masked
    assert "2025년 6월 30일" in masked and "120,000원" in masked  # the figures a question is about are kept


def test_evaluation_normalises_digits_commas_and_spaces(chatbot):
    assert normalise("13,860,000 원") == "13860000원"
    assert contains_all("총 13860000원, 210 일", ["13,860,000", "210일"])
    questions = [
        {"id": "a", "lang": "ko", "question": "구직급여 대기기간은 며칠인가요?", "in_scope": True,
         "expected_doc": "job-seeking-benefit-procedure.ko", "expected_section": "구직급여 대기기간",
         "must_contain": ["7일"], "kind": "fact", "group": "a"},
        {"id": "b", "lang": "en", "question": "How long is the waiting period?", "in_scope": True,
         "expected_doc": "job-seeking-benefit-procedure.ko", "expected_section": "구직급여 대기기간",
         "must_contain": [], "kind": "english", "group": "a"},
        {"id": "c", "lang": "ko", "question": "맛집 추천해줘", "in_scope": False, "expected_doc": None,
         "expected_section": None, "must_contain": [], "kind": "out_of_scope", "group": "c"},
    ]
    report = evaluate(chatbot, questions)
    assert report["overall"]["answer_accuracy"] == 1.0
    assert report["overall"]["hit_at_3"] == 1.0  # the English passage counts for the Korean expected section
    assert report["out_of_scope"] == {"precision": 1.0, "recall": 1.0, "refused": 1, "out_of_scope": 1}
    assert set(report["retrieval_hit_at_3"]) == {"bm25", "dense", "ngram", "fused"}
    assert report["answer_accuracy_by_retrieval"]["fused"] == 1.0
    assert report["latency_ms"]["median"] > 0
