"""The chatbot engine: question in, ``Answer`` out. Pure Python (no Django).

Order of decisions for one question:

1. **someone else's personal data** ("옆집 사람 연락처", "another user's applications"): refused.
2. **my data** ("내 지원 현황 알려줘"): intent ``my_data`` with the data asked for; the caller (the Django layer)
   fills it for a signed-in user or asks an anonymous one to sign in.
3. **a calculation** a rule can answer (``numeric.route``): the rules engine's figures and steps, cited.
4. **retrieval**: the fused section ranking. Out of scope when no policy word of the knowledge base is in the
   question *and* the dense similarity is low, or when an off-topic keyword is present and retrieval is weak;
   a hand-off is offered when the question is in scope but the best passage is a weak match.
5. Optionally the generative backend rephrases the extractive answer from the same passages (``llm.py``).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import answer as compose
from .numeric import route
from .retrieve import Hit, Passage, SectionRetriever, build_retriever, detect_lang

ENGINE_VERSION = "chatbot-engine-1"

# Thresholds on the retrieval signals (cosine of USE vectors; BM25 over morphemes). Set by hand as round values
# and checked once against the evaluation set's scope figures; not fitted to it. See docs/benchmarks.md.
DENSE_IN_SCOPE = 0.45      # this similar to some section: in scope whatever the words
DENSE_FLOOR = 0.25         # below this: out of scope unless policy words carry it
HANDOFF_DENSE = 0.32       # in scope but a weak match: offer a counselor

_MY = r"(?:내|나|제|저|나한테|내가|제가|my|me|mine)"
_MY_DATA_TOPICS = {
    "applications": re.compile(r"지원\s*(?:한|현황|내역|상태)|면접|application|interview", re.IGNORECASE),
    "recommendations": re.compile(r"추천\s*(?:된|받은|해\s*준|일자리|공고|목록)|recommendation", re.IGNORECASE),
    "profile": re.compile(r"프로필|이력서|profile|resume", re.IGNORECASE),
    "counselor_requests": re.compile(r"상담\s*요청|상담\s*신청|counselor request", re.IGNORECASE),
}
_DATA_ASK = re.compile(r"알려\s*줘|보여\s*줘|됐어|됐나|되었|있어\?|있나요|뭐가|등록돼|목록|show me|what is the status|"
                       r"status of my|list my|do i have", re.IGNORECASE)
_HOWTO = re.compile(r"어디서|어떻게\s*(?:하|해|만들|추가|등록|설정|지원)|왜|하려면|방법|무슨 뜻|how (?:do|can|to)|why|"
                    r"where (?:do|can)", re.IGNORECASE)
_OTHERS = re.compile(r"다른\s*(?:지원자|사람|이용자|사용자|회원)|남의|친구|옆집|이웃|another user|other (?:users|people|"
                     r"applicants)|someone else|other person|(?:his|her|wife|husband)'?s?\b", re.IGNORECASE)
_PERSONAL = re.compile(r"주민(?:등록)?번호|연락처|전화\s*번호|주소|이력서|지원\s*(?:내역|현황)|phone|address|resume|"
                       r"application|e-?mail", re.IGNORECASE)
# Topics this bot never answers; only decisive together with weak retrieval (a policy question that mentions
# "세금" still reaches its passage).
_OFF_TOPIC = re.compile(r"날씨|주식|코인|비트코인|로또|맛집|농담|환율|축구|야구|요리|레시피|weather|stock|bitcoin|crypto|"
                        r"lottery|joke|poem|recipe|restaurant|football|soccer|capital of", re.IGNORECASE)


@dataclass
class Answer:
    question: str
    answer: str
    citations: list[dict[str, str]] = field(default_factory=list)
    in_scope: bool = True
    handoff: bool = False
    lang: str = "ko"
    intent: str = "policy"  # policy | calculation | my_data | out_of_scope | others_data
    passages: list[dict[str, Any]] = field(default_factory=list)
    backend: str = "extractive"
    version: str = ENGINE_VERSION
    data_requested: list[str] = field(default_factory=list)
    tool: dict[str, Any] | None = None
    latency_ms: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def my_data_request(question: str) -> list[str]:
    """Which of the user's own data the question asks for (empty when it is not such a question)."""
    if _HOWTO.search(question):
        return []
    topics = [name for name, pattern in _MY_DATA_TOPICS.items() if pattern.search(question)]
    if not topics:
        return []
    mine = re.search(rf"(?:^|\s){_MY}(?:\s|$|가|는|한테|의)", question, re.IGNORECASE) or re.search(r"\bmy\b", question, re.IGNORECASE)
    if mine or _DATA_ASK.search(question):
        return topics
    return []


def asks_for_others_data(question: str) -> bool:
    return bool(_OTHERS.search(question) and _PERSONAL.search(question))


class ChatBot:
    def __init__(self, retriever: SectionRetriever, llm=None, k: int = 3, mode: str = "fused"):
        self.retriever = retriever
        self.mode = mode  # "fused"; "bm25" / "dense" / "ngram" rank by one signal (the evaluation's baselines)
        self.llm = llm
        self.k = k

    @classmethod
    def from_knowledge_base(cls, knowledge_dir: str | Path | None = None, *, cache_dir: str | Path | None = None,
                            embedder: str = "use", llm_url: str | None = None, fusion: str = "weighted",
                            **kwargs) -> ChatBot:
        from jobcenter.chatbot.knowledge.loader import load_documents

        from .llm import LLMBackend

        documents = load_documents(knowledge_dir)
        retriever = build_retriever(documents, embedder=embedder, cache_dir=cache_dir, fusion=fusion)
        url = llm_url if llm_url is not None else os.environ.get("JOBCENTER_LLM_URL", "")
        return cls(retriever, llm=LLMBackend(url) if url else None, **kwargs)

    @property
    def version(self) -> str:
        return f"{ENGINE_VERSION}/{self.retriever.version}"

    # ------------------------------------------------------------------ helpers
    def _in_language(self, passage: Passage, lang: str) -> Passage:
        return self.retriever.in_language(passage, lang)

    def _passage_for(self, stem: str, heading: str, lang: str) -> Passage | None:
        for p in self.retriever.passages_:
            if p.stem == stem and p.heading == heading:
                return self._in_language(p, lang)
        return None

    def _scope(self, question: str, hits: list[Hit], tokens: list[str]) -> tuple[bool, bool]:
        """(in scope, offer hand-off) from the retrieval signals and the question's words."""
        top = hits[0]
        dense = max(h.dense for h in hits)
        known = sum(t in self.retriever.vocab_ for t in tokens) / len(tokens) if tokens else 0.0
        policy_words = top.bm25 > 0 and known >= 0.5
        off_topic = bool(_OFF_TOPIC.search(question))
        if dense >= DENSE_IN_SCOPE and not off_topic:
            in_scope = True
        elif off_topic:
            in_scope = False
        elif dense < DENSE_FLOOR:
            in_scope = policy_words and top.bm25 >= 5.0
        else:
            in_scope = policy_words
        # In scope on its words alone, with no section close in meaning: the answer may miss; offer a counselor.
        handoff = in_scope and dense < HANDOFF_DENSE
        return in_scope, handoff

    # ------------------------------------------------------------------ answering
    def answer(self, question: str, *, user_context: dict[str, Any] | None = None) -> Answer:
        started = time.perf_counter()
        question = (question or "").strip()
        lang = detect_lang(question)
        result = self._answer(question, lang)
        result.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        return result

    def _answer(self, question: str, lang: str) -> Answer:
        base = {"question": question, "lang": lang, "version": self.version}
        if not question:
            return Answer(answer=compose.REFUSAL[lang], in_scope=False, intent="out_of_scope", **base)
        # Someone else's data first: "show me another user's applications" is not a my-data question.
        if asks_for_others_data(question):
            return Answer(answer=compose.OTHERS_DATA_REFUSAL[lang] + compose.REFUSAL[lang], in_scope=False,
                          intent="others_data", **base)
        data = my_data_request(question)
        if data:
            return Answer(answer=compose.SIGN_IN[lang], intent="my_data", data_requested=data, **base)
        tool = route(question)
        hits = self.retriever.search(question, k=max(self.k, 5), mode=self.mode)
        passages = [h.as_dict() for h in hits[: self.k]]
        if tool is not None:
            cited = self._passage_for(tool.doc_stem, tool.section_hint, lang)
            citations = [cited.citation()] if cited else []
            return Answer(answer=tool.text(lang), citations=citations, intent="calculation", passages=passages,
                          tool={"name": tool.tool, "params": tool.params, "basis": tool.basis}, **base)
        tokens = self.retriever.tokenizer_.tokenize(question)
        in_scope, handoff = self._scope(question, hits, tokens)
        if not in_scope:
            return Answer(answer=compose.REFUSAL[lang], in_scope=False, intent="out_of_scope", passages=passages,
                          **base)
        best = self._in_language(hits[0].passage, lang)
        text = compose.extract(best, tokens, question, self.retriever.tokenizer_.tokenize_many)
        citations = [best.citation()]
        if handoff:
            text = text + "\n\n" + compose.HANDOFF_OFFER[lang]
        result = Answer(answer=text, citations=citations, handoff=handoff, passages=passages, **base)
        if self.llm is not None:
            context = [self._in_language(h.passage, lang) for h in hits[: self.k]]
            phrased = self.llm.rephrase(question, lang, text, context)
            if phrased:
                result.answer = phrased + ("\n\n" + compose.HANDOFF_OFFER[lang] if handoff else "")
                result.backend = f"llm:{self.llm.model}"
        return result
