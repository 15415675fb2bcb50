"""Parsers and writers for the formats of the employment-service ecosystem.

Pure Python (no Django): the Django import services call these and store the
records.  Every parser takes a file path, bytes, text or an iterable, and
returns the records that parsed plus a list of :class:`RecordError` naming the
record (line and/or natural key) and the field, in plain English; a bad record
never stops the others.

* :mod:`.jobposting` — schema.org JobPosting JSON-LD ↔ :class:`PostingRecord`
* :mod:`.jsonresume` — JSON Resume + ``x-jobcenter`` ↔ :class:`SeekerRecord`
* :mod:`.work24_dictionary` — Work24 Dictionary of Occupations (JSON lines, XML)
* :mod:`.esco` — ESCO v1.1.1 occupations and ISCO groups (CSV)
* :mod:`.work24_recruit` — Work24 recruitment list/detail XML → PostingRecord
* :mod:`.work24_api` — a client for the live Work24 Open API

Whole-file problems raise :class:`FormatError` with one clear message: a file
that is not UTF-8 ("file is not UTF-8 encoded (byte 0x.. at offset N)") or
cannot be read, malformed XML (with the parser's message), a missing ESCO file
or column; :class:`Work24ApiError` (a FormatError) is an API error response.
A JSON line that is not JSON is only that record's error.
"""

from .errors import FormatError, ParseResult, RecordError
from .esco import EscoOccupationRecord, IscoGroupRecord, parse_esco_dir, parse_esco_occupations, parse_isco_groups
from .jobposting import PostingRecord, parse_posting, parse_postings, posting_to_jsonld
from .jsonresume import (
    CertificateRecord,
    EducationRecord,
    SeekerRecord,
    TrainingRecord,
    WorkRecord,
    parse_seeker,
    parse_seekers,
    seeker_to_jsonresume,
)
from .textio import iter_json_records, read_text
from .work24_api import Work24Client, Work24TransportError
from .work24_dictionary import DictionaryJobRecord, parse_dictionary, parse_dictionary_xml
from .work24_recruit import parse_recruit_detail, parse_recruit_list, parse_recruit_xml
from .xmlio import Work24ApiError

__all__ = [
    "CertificateRecord",
    "DictionaryJobRecord",
    "EducationRecord",
    "EscoOccupationRecord",
    "FormatError",
    "IscoGroupRecord",
    "ParseResult",
    "PostingRecord",
    "RecordError",
    "SeekerRecord",
    "TrainingRecord",
    "Work24ApiError",
    "Work24Client",
    "Work24TransportError",
    "WorkRecord",
    "iter_json_records",
    "parse_dictionary",
    "parse_dictionary_xml",
    "parse_esco_dir",
    "parse_esco_occupations",
    "parse_isco_groups",
    "parse_posting",
    "parse_postings",
    "parse_recruit_detail",
    "parse_recruit_list",
    "parse_recruit_xml",
    "parse_seeker",
    "parse_seekers",
    "posting_to_jsonld",
    "read_text",
    "seeker_to_jsonresume",
]
