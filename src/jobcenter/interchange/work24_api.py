"""A small client for the live Work24 (고용24) Open API.

Where the URLs come from: the Work24 Open API service pages,
https://www.work24.go.kr/cm/e/a/0110/selectOpenApiSvcInfo.do (채용정보 목록 and
채용정보 상세 tabs), as transcribed by several public integrations that agree
with each other:

* 채용정보 목록 ``GET {BASE_URL}/callOpenApiSvcInfo210L01.do`` with ``authKey``,
  ``callTp=L``, ``returnType=XML``, ``startPage`` (1-1000), ``display``
  (1-100) and optional filters (:data:`RECRUIT_FILTERS`; several values of
  one filter are joined with ``|``, e.g. ``occupation=024|133100``);
* 채용정보 상세 ``GET {BASE_URL}/callOpenApiSvcInfo210D01.do`` with ``authKey``,
  ``callTp=D``, ``returnType=XML``, ``wantedAuthNo``, ``infoSvc=VALIDATION``
  (``infoSvc`` appears in the documented example URL, not in the parameter
  table).

The dictionary-of-occupations endpoints (:data:`DICTIONARY_LIST_PATH`,
:data:`DICTIONARY_DETAIL_PATH`) and their ``target``/``srchType`` parameters
were only seen in public client code, not on the official page: they must be
checked against the official documentation before use.  The API's error
response format is not documented either; errors are recognised defensively
(see :mod:`.xmlio`).

The auth key is sent as the ``authKey`` query parameter (that is how the API
works), but it never appears in an exception, a log message or ``repr``.
"""

from __future__ import annotations

import http.client
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

from .errors import ParseResult, RecordError
from .jobposting import PostingRecord
from .work24_dictionary import DictionaryJobRecord, DictionaryListResult, parse_dictionary_list_xml, parse_dictionary_xml
from .work24_recruit import parse_recruit_detail, parse_recruit_list
from .xmlio import Work24ApiError

__all__ = [
    "BASE_URL",
    "DICTIONARY_DETAIL_PATH",
    "DICTIONARY_LIST_PATH",
    "RECRUIT_DETAIL_PATH",
    "RECRUIT_FILTERS",
    "RECRUIT_LIST_PATH",
    "Transport",
    "Work24ApiError",
    "Work24Client",
    "Work24TransportError",
    "redact",
    "urllib_transport",
]

BASE_URL = "https://www.work24.go.kr/cm/openApi/call/wk"
RECRUIT_LIST_PATH = "callOpenApiSvcInfo210L01.do"     # documented (채용정보 목록)
RECRUIT_DETAIL_PATH = "callOpenApiSvcInfo210D01.do"   # documented (채용정보 상세)
# NOT confirmed from the official page - check against the official documentation:
DICTIONARY_LIST_PATH = "callOpenApiSvcInfo212L50.do"   # 직업사전 목록 (target=dJobCD)
DICTIONARY_DETAIL_PATH = "callOpenApiSvcInfo212D50.do"  # 직업사전 상세 (target=dJobDTL)

MAX_DISPLAY = 100
MAX_START_PAGE = 1000
#: The documented optional parameters of the recruitment list.
RECRUIT_FILTERS = frozenset({
    "region", "occupation", "salTp", "minPay", "maxPay", "education", "career", "minCareerM",
    "maxCareerM", "pref", "subway", "empTp", "termContractMmcnt", "holidayTp", "coTp", "busino",
    "dtlSmlgntYn", "workStudyJoinYn", "smlgntCoClcd", "workerCnt", "welfare", "certLic", "regDate",
    "keyword", "untilEmpWantedYn", "minWantedAuthDt", "maxWantedAuthDt", "empTpGb", "sortOrderBy",
    "major", "foreignLanguage", "comPreferential", "pfPreferential", "workHrCd",
})

#: Fetches a URL and returns the response body.
Transport = Callable[[str], bytes]


class Work24TransportError(Exception):
    """The API could not be reached or answered with an HTTP error."""


def redact(url: str) -> str:
    """``url`` with the value of ``authKey`` replaced by ``***``."""
    return re.sub(r"(?i)(authKey=)[^&#]*", r"\1***", url)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The request URL carries the key: never hand it to another address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        raise Work24TransportError(f"HTTP {code} redirect from {redact(req.full_url)} refused")


def urllib_transport(timeout: float = 10.0, max_bytes: int = 5_000_000) -> Transport:
    """The default transport: urllib GET with a timeout, a size cap and no redirects."""
    opener = urllib.request.build_opener(_NoRedirect)

    def fetch(url: str) -> bytes:
        request = urllib.request.Request(url, headers={"Accept": "application/xml",
                                                       "User-Agent": "jobcenter-interchange"})
        try:
            with opener.open(request, timeout=timeout) as response:
                data = response.read(max_bytes + 1)
        except urllib.error.HTTPError as exc:
            raise Work24TransportError(f"HTTP {exc.code} from {redact(url)}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            raise Work24TransportError(f"cannot reach {redact(url)}: {redact(str(reason))}") from None
        if len(data) > max_bytes:
            raise Work24TransportError(f"response from {redact(url)} is larger than {max_bytes} bytes")
        return data
    return fetch


def _param(value: Any) -> str:
    if isinstance(value, (list, tuple, set, frozenset)):
        return "|".join(str(item) for item in value)
    return str(value)


class Work24Client:
    """GET requests to the Work24 Open API, parsed into interchange records.

    ``transport`` is a callable ``(url) -> bytes``; tests pass a fake one.
    """

    def __init__(self, auth_key: str, *, base_url: str = BASE_URL,
                 transport: Transport | None = None, timeout: float = 10.0) -> None:
        if not auth_key or not str(auth_key).strip():
            raise ValueError("auth_key is required")
        self._auth_key = str(auth_key).strip()
        self.base_url = base_url.rstrip("/")
        self._transport = transport or urllib_transport(timeout)

    def __repr__(self) -> str:
        return f"Work24Client(base_url={self.base_url!r}, auth_key='***')"

    def build_url(self, path: str, params: dict[str, Any]) -> str:
        """The request URL: ``authKey`` first, then ``params`` without the None values."""
        query = [("authKey", self._auth_key)]
        query += [(name, _param(value)) for name, value in params.items() if value is not None]
        return f"{self.base_url}/{path}?{urlencode(query)}"

    def _get(self, path: str, params: dict[str, Any]) -> bytes:
        url = self.build_url(path, params)
        try:
            return self._transport(url)
        except Work24TransportError:
            raise
        except Exception as exc:  # a custom transport's error must not leak the key
            raise Work24TransportError(f"request to {redact(url)} failed: "
                                       f"{redact(str(exc)).replace(self._auth_key, '***')}") from None

    # -- recruitment (채용정보) ------------------------------------------------

    def recruit_list(self, page: int = 1, display: int = MAX_DISPLAY,
                     **filters: Any) -> tuple[int, list[PostingRecord], list[RecordError]]:
        """One page of the recruitment list: (total, records, errors)."""
        if not 1 <= page <= MAX_START_PAGE:
            raise ValueError(f"page must be between 1 and {MAX_START_PAGE}, got {page}")
        if not 1 <= display <= MAX_DISPLAY:
            raise ValueError(f"display must be between 1 and {MAX_DISPLAY}, got {display}")
        unknown = sorted(set(filters) - RECRUIT_FILTERS)
        if unknown:
            raise ValueError("unknown recruitment filter(s): " + ", ".join(unknown))
        params = {"callTp": "L", "returnType": "XML", "startPage": page, "display": display, **filters}
        result = parse_recruit_list(self._get(RECRUIT_LIST_PATH, params))
        return result.total, result.values(), result.errors

    def recruit_detail(self, wanted_auth_no: str, *,
                       listed: PostingRecord | None = None) -> ParseResult[PostingRecord]:
        """One posting's detail; pass the list record as ``listed`` to complete it."""
        if not wanted_auth_no or not str(wanted_auth_no).strip():
            raise ValueError("wanted_auth_no is required")
        params = {"callTp": "D", "returnType": "XML", "wantedAuthNo": str(wanted_auth_no).strip(),
                  "infoSvc": "VALIDATION"}
        return parse_recruit_detail(self._get(RECRUIT_DETAIL_PATH, params),
                                    wanted_auth_no=str(wanted_auth_no).strip(), listed=listed)

    def iter_recruit(self, *, display: int = MAX_DISPLAY, max_pages: int | None = None,
                     **filters: Any) -> Iterator[PostingRecord | RecordError]:
        """Every posting matching ``filters``, page after page until ``total``.

        Yields records and, for items that did not parse, RecordErrors.  Stops
        at ``total``, at an empty page, at ``max_pages`` or at the API's last
        page (1000).
        """
        page = 1
        while True:
            total, records, errors = self.recruit_list(page, display, **filters)
            yield from records
            yield from errors
            if (not records and not errors) or page * display >= total or page >= MAX_START_PAGE \
                    or (max_pages is not None and page >= max_pages):
                return
            page += 1

    # -- dictionary of occupations (직업사전); endpoints to be checked ----------

    def dictionary_list(self, keyword: str | None = None, *, page: int = 1, display: int = MAX_DISPLAY,
                        srch_type: str = "K", **params: Any) -> DictionaryListResult:
        """Search the dictionary (``srchType=K`` searches by ``keyword``)."""
        query = {"returnType": "XML", "target": "dJobCD", "startPage": page, "display": display,
                 "srchType": srch_type, "keyword": keyword, **params}
        return parse_dictionary_list_xml(self._get(DICTIONARY_LIST_PATH, query))

    def dictionary_detail(self, job_code: str, seq: str | int = 1) -> ParseResult[DictionaryJobRecord]:
        """One dictionary job (dJobCd and dJobCdSeq)."""
        query = {"returnType": "XML", "target": "dJobDTL", "dJobCd": job_code, "dJobCdSeq": seq}
        return parse_dictionary_xml(self._get(DICTIONARY_DETAIL_PATH, query))
