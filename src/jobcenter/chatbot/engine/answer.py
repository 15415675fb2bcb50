"""Compose answers: extractive from the best section, a rules-engine calculation, a refusal or a hand-off.

Pure Python. An extractive answer is a few units (sentences, list items, table rows with their header) of the
best passage: its first sentence — sections are written to answer on their own, so the first sentence usually is
the answer — and the units sharing most words and numbers with the question, in the document's order, within a
length budget. The question's language decides the page: a Korean question answered from an English passage uses
the Korean version of the same section (same stem and position), and the other way round where one exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .retrieve import Passage

MAX_CHARS = 420
# A section this short is quoted whole: sections are written to answer one question on their own, and a list cut
# in the middle ("다음 네 가지를 모두 갖추어야 합니다" + two of the four) misleads.
WHOLE_SECTION_CHARS = 520

_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_NUMBER = re.compile(r"\d[\d,]*")


@dataclass(frozen=True)
class Unit:
    text: str
    position: int
    header: str = ""  # a table row's header row


def split_units(text: str) -> list[Unit]:
    """Sentences of paragraphs, list items and table rows of a section, in order."""
    units: list[Unit] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].lstrip().startswith("|"):
            rows = [line for line in lines if not _TABLE_SEP.match(line.strip())]
            header = rows[0] if rows else ""
            for row in rows[1:]:
                units.append(Unit(row.strip(), len(units), header.strip()))
            continue
        items: list[str] = []
        for line in lines:
            if _LIST_ITEM.match(line) or not items:
                items.append(line.strip())
            elif line.startswith((" ", "\t")) and _LIST_ITEM.match(items[-1]):
                items[-1] += " " + line.strip()
            elif _LIST_ITEM.match(items[-1]):
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        for item in items:
            if _LIST_ITEM.match(item) or item.startswith("###"):
                units.append(Unit(item.lstrip("# ").strip(), len(units)))
            else:
                for sentence in _SENTENCE_END.split(item):
                    if sentence.strip():
                        units.append(Unit(sentence.strip(), len(units)))
    return units


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def extract(passage: Passage, question_tokens: list[str], question: str, tokenize, max_chars: int = MAX_CHARS) -> str:
    """The most relevant units of ``passage`` for the question, joined in the document's order."""
    units = split_units(passage.text)
    if not units:
        return passage.text.strip()
    if sum(len(u.text) for u in units) <= WHOLE_SECTION_CHARS and not any(u.header for u in units):
        return "\n".join(u.text for u in units)
    wanted = set(question_tokens)
    wanted_numbers = _numbers(question)
    unit_tokens = tokenize([u.text for u in units])
    scored = []
    for unit, tokens in zip(units, unit_tokens):
        overlap = len(wanted & set(tokens))
        numbers = len(wanted_numbers & _numbers(unit.text))
        score = overlap + 2.0 * numbers + (1.5 if unit.position == 0 else 0.0)
        scored.append((score, unit))
    chosen = {units[0].position}
    length = len(units[0].text)
    for score, unit in sorted(scored, key=lambda pair: (-pair[0], pair[1].position)):
        if unit.position in chosen or score <= 0:
            continue
        extra = len(unit.text) + (len(unit.header) if unit.header else 0)
        if length + extra > max_chars and len(chosen) >= 2:
            break
        chosen.add(unit.position)
        length += extra
        if len(chosen) >= 4:
            break
    out: list[str] = []
    header_shown = set()
    for unit in units:
        if unit.position not in chosen:
            continue
        if unit.header and unit.header not in header_shown:
            out.append(unit.header)
            header_shown.add(unit.header)
        out.append(unit.text)
    return "\n".join(out)


REFUSAL = {
    "ko": ("죄송하지만 그 질문에는 답해 드릴 수 없습니다. 저는 고용센터 AI 상담 도우미로, 구직급여(실업급여)의 요건·금액·"
           "기간·신청 절차, 조기재취업수당, 국민취업지원제도와 구직촉진수당, 국민내일배움카드 등 직업훈련, "
           "그리고 이 포털의 회원가입·프로필·일자리 추천·지원 방법과 상담사 연결을 안내해 드릴 수 있습니다."),
    "en": ("Sorry, I can't help with that. I am the job centre's AI assistant: I can answer questions about the "
           "job-seeking (unemployment) benefit — eligibility, amounts, days and how to apply — the early "
           "re-employment allowance, the National Employment Support Program, training support, and how to use this "
           "portal (sign-up, profile, job recommendations, applications) or reach a counselor."),
}
OTHERS_DATA_REFUSAL = {
    "ko": "다른 사람의 개인정보나 다른 이용자의 정보는 알려 드릴 수 없습니다. " ,
    "en": "I can't share anyone else's personal data or another user's information. ",
}
HANDOFF_OFFER = {
    "ko": "정확한 답을 찾지 못했을 수 있습니다. 상담사와 연결해 드릴까요? '상담사 연결'을 누르면 요청이 접수됩니다.",
    "en": "I may not have found the right answer. Would you like to talk to a counselor? Press 'Contact a counselor' "
          "and your request will be passed on.",
}
SIGN_IN = {
    "ko": "내 정보(지원 현황, 추천 일자리, 프로필, 상담 요청)를 보려면 먼저 로그인해 주세요.",
    "en": "Please sign in to see your own information (applications, recommendations, profile, counselor requests).",
}
