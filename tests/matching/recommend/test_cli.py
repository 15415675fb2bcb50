"""`jobcenter match recommend` and `jobcenter eval recommend` read files only (no `db` fixture: no database)."""

from __future__ import annotations

import io
import json

from django.core.management import call_command

from jobcenter.interchange.jsonresume import parse_seeker

POSTINGS = [
    {"@context": "https://schema.org", "@type": "JobPosting", "identifier": f"P{i}", "title": title,
     "description": desc, "occupationalCategory": code, "qualifications": quals,
     "educationRequirements": "high school", "experienceRequirements": {"monthsOfExperience": 12},
     "employmentType": "FULL_TIME", "datePosted": "2026-11-10", "validThrough": "2026-12-31",
     "jobLocation": {"@type": "Place", "address": {"addressRegion": "서울특별시", "addressCountry": "KR"},
                     "geo": {"latitude": lat, "longitude": 126.978}},
     "baseSalary": {"currency": "KRW", "value": {"minValue": 2500000, "maxValue": 3000000, "unitText": "MONTH"}}}
    for i, (title, desc, code, quals, lat) in enumerate([
        ("용접원", "철판을 용접한다.", "7430", "용접기능사", 37.57),
        ("조리사", "음식을 조리한다.", "4213", None, 37.57),
        ("용접공", "배관을 용접한다.", None, None, 38.4),
    ])
]
SEEKERS = [
    {"id": "S1", "basics": {"name": "구직자"}, "work": [{"name": "A", "position": "용접공", "startDate": "2020-01-01",
                                                    "endDate": "2024-01-01", "summary": "철판 용접"}],
     "education": [{"studyType": "고등학교 졸업"}], "certificates": [{"name": "용접기능사"}],
     "x-jobcenter": {"desiredOccupations": ["용접원"], "region": {"latitude": 37.5665, "longitude": 126.978},
                     "maxCommuteKm": 30, "desiredMonthlyWage": 3200000, "employmentTypes": ["FULL_TIME"]}},
    {"id": "S2", "basics": {"name": "구직자"}, "work": [], "education": [], "certificates": [],
     "x-jobcenter": {"desiredOccupations": ["요리사"], "region": {"latitude": 37.5665, "longitude": 126.978},
                     "maxCommuteKm": 15, "desiredWage": {"amount": 12000, "unit": "HOUR"}}},
]


def write_inputs(tmp_path):
    postings, seekers = tmp_path / "postings.jsonl", tmp_path / "seekers.jsonl"
    postings.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in POSTINGS), encoding="utf-8")
    seekers.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in SEEKERS), encoding="utf-8")
    return postings, seekers


def test_match_recommend_writes_a_tsv(tmp_path, data_dir):
    postings, seekers = write_inputs(tmp_path)
    out = io.StringIO()
    call_command("match", "recommend", "--postings", str(postings), "--seekers", str(seekers), "--top", "2",
                 "--titles", "lexical", "--data-dir", str(data_dir), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "seeker_id\tposting_id\trank\tscore"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 4 for row in rows)
    assert [r[:3] for r in rows if r[0] == "S1"] == [["S1", "P0", "1"], ["S1", "P1", "2"]]
    assert rows[0][0] == "S1" and float(rows[0][3]) > float(rows[1][3])
    assert [r[1] for r in rows if r[0] == "S2"][0] == "P1"


def test_match_recommend_explain_column(tmp_path, data_dir):
    postings, seekers = write_inputs(tmp_path)
    out = io.StringIO()
    call_command("match", "recommend", "--postings", str(postings), "--seekers", str(seekers), "--top", "3",
                 "--explain", "--titles", "exact", "--data-dir", str(data_dir), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == ["seeker_id", "posting_id", "rank", "score", "explain"]
    first = lines[1].split("\t")
    explanation = json.loads(first[4])
    assert explanation["matched_licences"] == ["용접기능사"]
    assert any(r["kind"] == "distance" for r in explanation["reasons"])
    far = [json.loads(line.split("\t")[4]) for line in lines[1:] if line.split("\t")[1] == "P2"][0]
    assert far["stretch"] and far["gaps"] == ["commute"]


def test_eval_recommend_prints_engine_and_baselines(tmp_path, data_dir):
    postings, seekers = write_inputs(tmp_path)
    (tmp_path / "qrels.tsv").write_text("seeker_id\tposting_id\tgrade\nS1\tP0\t2\nS1\tP2\t1\nS2\tP1\t2\n",
                                        encoding="utf-8")
    out = io.StringIO()
    call_command("eval", "recommend", "--bench", str(tmp_path), "--json", "--titles", "exact",
                 "--data-dir", str(data_dir), stdout=out)
    figures = json.loads(out.getvalue())
    systems = figures["systems"]
    assert {"baseline: text only", "baseline: text + commute radius", "engine (congestion on)"} <= set(systems)
    assert systems["engine (congestion on)"]["ndcg10"] > 0.9
    assert set(systems["engine (congestion on)"]) >= {"ndcg10", "recall50", "mrr2", "gini10", "p50_ms", "p95_ms"}


def test_hourly_wage_is_monthly_in_the_engine():
    from jobcenter.matching.recommend.io import education_rank, seeker_doc

    record = parse_seeker(SEEKERS[1])
    assert seeker_doc(record).desired_monthly_wage == 12000 * 209
    assert education_rank("대학원 졸업") == 6 and education_rank("bachelor degree") == 5
    assert education_rank("고졸 이상") == 3 and education_rank(None) is None and education_rank("???") is None


def test_careers_are_most_recent_first():
    from datetime import date

    from jobcenter.matching.recommend.io import seeker_doc

    record = parse_seeker({"id": "a", "work": [
        {"position": "A", "startDate": "2010-01-01", "endDate": "2012-01-01"},
        {"position": "B", "startDate": "2015-01-01"},
        {"position": "C", "startDate": "2013-01-01", "endDate": "2014-06-01"}]})
    careers = seeker_doc(record, date(2026, 1, 1)).careers
    assert [c.title for c in careers] == ["B", "C", "A"] and [c.months for c in careers] == [132, 17, 24]
