from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from jobcenter.interchange.errors import FormatError
from jobcenter.interchange.work24_api import (
    BASE_URL,
    Work24Client,
    Work24TransportError,
    redact,
)
from jobcenter.interchange.xmlio import Work24ApiError

KEY = "TEST-KEY-0000"


class FakeTransport:
    """Returns canned responses and records the URLs it was asked for (no network)."""

    def __init__(self, *responses: bytes) -> None:
        self.responses = list(responses)
        self.urls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.urls.append(url)
        return self.responses.pop(0)


def split(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    query = {name: values[0] for name, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", query


def page(total: int, ids: list[str]) -> bytes:
    items = "".join(f"<wanted><wantedAuthNo>{i}</wantedAuthNo><title>t{i}</title><regDt>25-06-30</regDt>"
                    f"<empTpCd>10</empTpCd></wanted>" for i in ids)
    return (f'<?xml version="1.0" encoding="UTF-8"?><wantedRoot><total>{total}</total><startPage>1</startPage>'
            f"<display>{len(ids)}</display>{items}</wantedRoot>").encode()


def test_recruit_list_builds_the_documented_url(fixtures):
    transport = FakeTransport((fixtures / "work24_recruit_list.xml").read_bytes())
    client = Work24Client(KEY, transport=transport)
    total, records, errors = client.recruit_list(2, 50, region="11000", occupation=["024", "133100"], keyword="간호")
    assert total == 3 and len(records) == 3 and errors == []
    endpoint, query = split(transport.urls[0])
    assert endpoint == "https://www.work24.go.kr/cm/openApi/call/wk/callOpenApiSvcInfo210L01.do"
    assert query == {"authKey": KEY, "callTp": "L", "returnType": "XML", "startPage": "2", "display": "50",
                     "region": "11000", "occupation": "024|133100", "keyword": "간호"}


def test_recruit_detail_url_and_merge(fixtures):
    transport = FakeTransport((fixtures / "work24_recruit_list.xml").read_bytes(),
                              (fixtures / "work24_recruit_detail.xml").read_bytes())
    client = Work24Client(KEY, transport=transport)
    _, records, _ = client.recruit_list()
    result = client.recruit_detail(records[0].identifier, listed=records[0])
    assert result.ok and result.values()[0].openings == 2
    endpoint, query = split(transport.urls[1])
    assert endpoint == f"{BASE_URL}/callOpenApiSvcInfo210D01.do"
    assert query == {"authKey": KEY, "callTp": "D", "returnType": "XML", "wantedAuthNo": "K151612506300001",
                     "infoSvc": "VALIDATION"}


def test_iter_recruit_pages_until_total():
    transport = FakeTransport(page(5, ["K1", "K2"]), page(5, ["K3", "K4"]), page(5, ["K5"]))
    client = Work24Client(KEY, transport=transport)
    got = [record.identifier for record in client.iter_recruit(display=2, region="26000")]
    assert got == ["K1", "K2", "K3", "K4", "K5"]
    assert [split(url)[1]["startPage"] for url in transport.urls] == ["1", "2", "3"]
    assert all(split(url)[1]["display"] == "2" for url in transport.urls)


def test_iter_recruit_stops_on_an_empty_page_and_at_max_pages():
    client = Work24Client(KEY, transport=FakeTransport(page(100, ["K1"]), page(100, [])))
    assert [r.identifier for r in client.iter_recruit(display=1)] == ["K1"]
    client = Work24Client(KEY, transport=FakeTransport(page(100, ["K1"]), page(100, ["K2"])))
    assert [r.identifier for r in client.iter_recruit(display=1, max_pages=2)] == ["K1", "K2"]


def test_bad_items_come_back_as_errors(fixtures):
    transport = FakeTransport((fixtures / "work24_recruit_list_bad_items.xml").read_bytes())
    items = list(Work24Client(KEY, transport=transport).iter_recruit(display=10))
    assert sum(1 for item in items if hasattr(item, "message")) == 3


def test_argument_checks():
    client = Work24Client(KEY, transport=FakeTransport())
    with pytest.raises(ValueError, match="display"):
        client.recruit_list(1, 101)
    with pytest.raises(ValueError, match="page"):
        client.recruit_list(1001, 10)
    with pytest.raises(ValueError, match="unknown recruitment filter"):
        client.recruit_list(1, 10, colour="blue")
    with pytest.raises(ValueError):
        Work24Client("  ")


def test_api_error_and_malformed_responses(fixtures):
    client = Work24Client(KEY, transport=FakeTransport((fixtures / "work24_error.xml").read_bytes(),
                                                       (fixtures / "work24_malformed.xml").read_bytes()))
    with pytest.raises(Work24ApiError, match="006"):
        client.recruit_list()
    with pytest.raises(FormatError, match="malformed XML"):
        client.recruit_list()


def test_the_key_never_leaks():
    def failing(url: str) -> bytes:
        raise OSError(f"connection refused for {url}")

    client = Work24Client(KEY, transport=failing)
    with pytest.raises(Work24TransportError) as info:
        client.recruit_list()
    assert KEY not in str(info.value) and "authKey=***" in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert KEY not in repr(client)
    assert redact(f"https://x/y?authKey={KEY}&a=1") == "https://x/y?authKey=***&a=1"


def test_dictionary_endpoints(fixtures):
    transport = FakeTransport((fixtures / "work24_dictionary_list.xml").read_bytes(),
                              (fixtures / "work24_dictionary_detail.xml").read_bytes())
    client = Work24Client(KEY, transport=transport, base_url="https://example.invalid/wk/")
    assert client.dictionary_list("공무원", display=10).total == 2
    (record,) = client.dictionary_detail("K000007264", 1).values()
    assert record.keco_code == "0111"
    endpoint, query = split(transport.urls[0])
    assert endpoint == "https://example.invalid/wk/callOpenApiSvcInfo212L50.do"
    assert query == {"authKey": KEY, "returnType": "XML", "target": "dJobCD", "startPage": "1", "display": "10",
                     "srchType": "K", "keyword": "공무원"}
    endpoint, query = split(transport.urls[1])
    assert endpoint.endswith("/callOpenApiSvcInfo212D50.do")
    assert query == {"authKey": KEY, "returnType": "XML", "target": "dJobDTL", "dJobCd": "K000007264",
                     "dJobCdSeq": "1"}


class _LocalServer:
    """A loopback HTTP server for the default transport (no outside network)."""

    def __init__(self, status: int, body: bytes = b"", location: str | None = None) -> None:
        import http.server
        import threading

        outer = self
        self.paths: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                outer.paths.append(self.path)
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/wk"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_default_transport_reads_the_response(fixtures):
    server = _LocalServer(200, (fixtures / "work24_recruit_list.xml").read_bytes())
    with server as base_url:
        total, records, _ = Work24Client(KEY, base_url=base_url, timeout=5).recruit_list(1, 10)
    assert total == 3 and len(records) == 3
    assert server.paths[0].startswith("/wk/callOpenApiSvcInfo210L01.do?authKey=")


def test_default_transport_refuses_redirects_and_hides_the_key():
    with _LocalServer(302, location="http://elsewhere.invalid/steal") as base_url:
        with pytest.raises(Work24TransportError, match="redirect") as info:
            Work24Client(KEY, base_url=base_url, timeout=5).recruit_list()
    assert KEY not in str(info.value)
    with _LocalServer(500) as base_url:
        with pytest.raises(Work24TransportError, match="HTTP 500") as info:
            Work24Client(KEY, base_url=base_url, timeout=5).recruit_list()
    assert KEY not in str(info.value)
