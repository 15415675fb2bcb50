"""The parsers over the real shared reference files (skipped when they are absent)."""

from __future__ import annotations

import time

from jobcenter.interchange.esco import parse_esco_dir
from jobcenter.interchange.jobposting import parse_posting, parse_postings, posting_to_jsonld
from jobcenter.interchange.jsonresume import parse_seeker, parse_seekers, seeker_to_jsonresume
from jobcenter.interchange.work24_dictionary import parse_dictionary


def test_recommend_dev_postings(shared_data):
    started = time.perf_counter()
    result = parse_postings(shared_data / "benchmarks" / "recommend_dev" / "postings.jsonl")
    elapsed = time.perf_counter() - started
    assert result.errors == []
    assert len(result.records) == 3000
    assert elapsed < 2.0
    assert all(parse_posting(posting_to_jsonld(record)) == record for record in result.values())


def test_recommend_dev_seekers(shared_data):
    result = parse_seekers(shared_data / "benchmarks" / "recommend_dev" / "seekers.jsonl")
    assert result.errors == []
    assert len(result.records) == 1000
    assert all(parse_seeker(seeker_to_jsonresume(record)) == record for record in result.values())


def test_work24_job_dictionary(shared_data):
    started = time.perf_counter()
    result = parse_dictionary(shared_data / "work24_job_dictionary" / "job_dictionary.jsonl")
    elapsed = time.perf_counter() - started
    assert result.errors == []
    assert len(result.records) == 6313
    assert len({record.keco_code for record in result.values()}) == 443
    assert elapsed < 2.0


def test_esco_occupations(shared_data):
    groups, occupations = parse_esco_dir(shared_data / "esco")
    assert groups.errors == [] and occupations.errors == []
    assert len(occupations.records) == 3007
    assert all(record.isco_group in {g.code for g in groups.values()} for record in occupations.values())
