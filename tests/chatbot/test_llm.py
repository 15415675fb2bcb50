"""The optional generative backend, against a STUB server — a few lines of stdlib ``http.server`` on 127.0.0.1 that
speak the OpenAI ``/v1/chat/completions`` protocol. It is not a language model: it echoes a fixed phrasing and
records what it was sent, so the test can check that only the retrieved passages go out and that the citations
stay the retrieval's."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from jobcenter.chatbot.engine.bot import ChatBot
from jobcenter.chatbot.engine.llm import LLMBackend


class _StubHandler(BaseHTTPRequestHandler):
    mode = "ok"
    received: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append((self.path, body))
        if type(self).mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        reply = {"id": "stub-1", "object": "chat.completion", "model": body.get("model"),
                 "choices": [{"index": 0, "finish_reason": "stop",
                              "message": {"role": "assistant", "content": "STUB: 구직급여 대기기간은 7일입니다."}}]}
        data = json.dumps(reply, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_llm():
    """A stub OpenAI-compatible server on 127.0.0.1, port chosen by the OS."""
    _StubHandler.mode = "ok"
    _StubHandler.received = []
    server = HTTPServer(("127.0.0.1", 0), _StubHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _StubHandler
    server.shutdown()
    server.server_close()


def _bot_with(chatbot, backend):
    return ChatBot(chatbot.retriever, llm=backend, k=chatbot.k)


def test_the_generative_backend_rephrases_from_the_retrieved_passages_only(chatbot, stub_llm):
    url, handler = stub_llm
    bot = _bot_with(chatbot, LLMBackend(url, model="stub-model", timeout=5))
    extractive = chatbot.answer("구직급여 대기기간은 며칠인가요?")
    answer = bot.answer("구직급여 대기기간은 며칠인가요?")
    assert answer.answer.startswith("STUB:")
    assert answer.backend == "llm:stub-model"
    assert answer.citations == extractive.citations  # kept from retrieval, never the model's
    path, body = handler.received[-1]
    assert path == "/v1/chat/completions" and body["model"] == "stub-model"
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    assert "근거 문단만" in system
    assert "구직급여 대기기간" in user  # the passages are sent


def test_on_error_or_timeout_the_extractive_answer_is_kept(chatbot, stub_llm):
    url, handler = stub_llm
    handler.mode = "error"
    backend = LLMBackend(url, timeout=5)
    answer = _bot_with(chatbot, backend).answer("구직급여 대기기간은 며칠인가요?")
    assert answer.backend == "extractive" and "7일" in answer.answer
    assert backend.last_error
    # nothing listening at all
    dead = LLMBackend("http://127.0.0.1:9", timeout=0.5)
    assert _bot_with(chatbot, dead).answer("구직급여 대기기간은 며칠인가요?").backend == "extractive"


def test_the_url_is_completed_to_the_chat_endpoint():
    assert LLMBackend("http://h:1").url == "http://h:1/v1/chat/completions"
    assert LLMBackend("http://h:1/v1/").url == "http://h:1/v1/chat/completions"
    assert LLMBackend("http://h:1/v1/chat/completions").url == "http://h:1/v1/chat/completions"
