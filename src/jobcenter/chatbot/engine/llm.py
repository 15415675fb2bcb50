"""Optional generative backend: an OpenAI-compatible ``/v1/chat/completions`` endpoint rephrases the answer.

Pure Python (stdlib ``urllib``, no Django). Enabled when ``JOBCENTER_LLM_URL`` is set (e.g.
``http://127.0.0.1:8000`` for vLLM or ``http://127.0.0.1:11434`` for Ollama; ``/v1/chat/completions`` is appended
unless the URL already ends with it). ``JOBCENTER_LLM_MODEL`` names the model, ``JOBCENTER_LLM_TIMEOUT`` the
timeout in seconds (default 8).

The model only rephrases: it gets the retrieved passages and the extractive answer, and the system prompt tells
it to use nothing else. The citations are the retrieval's, never the model's. Any error, timeout or empty reply
returns None, and the caller keeps the extractive answer.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

SYSTEM_PROMPT = {
    "ko": ("당신은 고용센터의 AI 상담 도우미입니다. 아래에 주어진 근거 문단만 사용해 질문에 짧고 쉬운 한국어로 답하세요. "
           "근거 문단에 없는 사실, 숫자, 제도는 절대 덧붙이지 마세요. 근거로 답할 수 없으면 '근거 문서에서 답을 찾지 "
           "못했습니다'라고만 하세요. 출처 표시는 시스템이 붙이므로 쓰지 마세요."),
    "en": ("You are the job centre's AI assistant. Answer the question briefly and in plain English using ONLY the "
           "passages given below. Never add facts, figures or programmes that are not in the passages. If the "
           "passages do not answer it, say only that the source documents do not answer it. Do not write "
           "citations: the system attaches them."),
}


class LLMBackend:
    def __init__(self, url: str, model: str | None = None, timeout: float | None = None):
        url = url.rstrip("/")
        if not url.endswith("/chat/completions"):
            url = url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")
        self.url = url
        self.model = model or os.environ.get("JOBCENTER_LLM_MODEL", "default")
        self.timeout = timeout if timeout is not None else float(os.environ.get("JOBCENTER_LLM_TIMEOUT", "8"))
        self.last_error: str | None = None

    def messages(self, question: str, lang: str, draft: str, passages) -> list[dict[str, str]]:
        sources = "\n\n".join(f"[{i + 1}] {p.label}\n{p.text}" for i, p in enumerate(passages))
        user = (f"근거 문단:\n{sources}\n\n초안 답변(근거에서 뽑은 문장):\n{draft}\n\n질문: {question}" if lang == "ko"
                else f"Passages:\n{sources}\n\nDraft answer (sentences taken from the passages):\n{draft}\n\n"
                     f"Question: {question}")
        return [{"role": "system", "content": SYSTEM_PROMPT[lang]}, {"role": "user", "content": user}]

    def rephrase(self, question: str, lang: str, draft: str, passages) -> str | None:
        body = {"model": self.model, "messages": self.messages(question, lang, draft, passages),
                "temperature": 0, "max_tokens": 400}
        request = urllib.request.Request(self.url, data=json.dumps(body).encode("utf-8"),
                                         headers={"Content-Type": "application/json"}, method="POST")
        api_key = os.environ.get("JOBCENTER_LLM_API_KEY")
        if api_key:
            request.add_header("Authorization", f"Bearer {api_key}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = json.loads(response.read().decode("utf-8"))
            content = payload["choices"][0]["message"]["content"]
        except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            return None
        content = (content or "").strip()
        if not content:
            self.last_error = "empty reply"
            return None
        self.last_error = None
        return content
