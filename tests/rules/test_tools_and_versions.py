"""The chatbot's tool entry points, the rule registry and the docs' list of values to confirm."""

from __future__ import annotations

import json
from pathlib import Path

from jobcenter.conf import project_root
from jobcenter.rules.tools import (
    TOOL_SPECS,
    TOOLS,
    answer_job_seeking_benefit,
    answer_nesp,
    answer_recognition_schedule,
    tool_schemas,
)
from jobcenter.rules.versions import all_rules, values_to_verify


def test_job_seeking_tool_answers_json():
    answer = answer_job_seeking_benefit(separation_date="2025-06-30", age=52, insured_years=4,
                                        average_daily_wage=120000)
    assert answer["ok"] is True
    assert (answer["daily_amount"], answer["days"], answer["total"]) == (66000, 210, 13860000)
    assert json.loads(json.dumps(answer, ensure_ascii=False)) == answer


def test_tools_return_field_errors_instead_of_raising():
    answer = answer_job_seeking_benefit(separation_date="2025-06-30", age=5, insured_years=4,
                                        average_daily_wage=-1)
    assert answer["ok"] is False and set(answer["errors"]) == {"age", "average_daily_wage"}
    assert answer_nesp(application_date="nope", age=40)["ok"] is False
    assert answer_recognition_schedule(claim_date="2025-07-02")["errors"].keys() == {"days"}


def test_nesp_and_recognition_tools_are_json():
    for answer in (
        answer_nesp(application_date="2025-03-01", age=40, household_income_ratio=40, work_days_2y=200,
                    plan_date="2025-03-10", activity_reports=[True]),
        answer_recognition_schedule(claim_date="2025-07-02", days=120, daily_amount=66000),
    ):
        assert answer["ok"] and json.loads(json.dumps(answer)) == answer


def test_tool_specs_are_complete_and_serialisable():
    assert set(TOOLS) == {"answer_job_seeking_benefit", "answer_nesp", "answer_recognition_schedule"}
    json.dumps(tool_schemas())
    for spec in TOOL_SPECS:
        for required in spec["parameters"]["required"]:
            assert required in spec["parameters"]["properties"]


def test_every_rule_version_has_a_basis_and_ordered_dates():
    for rule in all_rules():
        assert rule.versions, rule.key
        for version in rule.versions:
            assert version.basis.law, version.version_id
            assert version.effective_to is None or version.effective_to >= version.effective_from
        ids = [v.version_id for v in rule.versions]
        assert len(ids) == len(set(ids))


def test_docs_list_every_value_to_confirm():
    docs = Path(project_root()) / "docs" / "benefit-rules.md"
    text = docs.read_text(encoding="utf-8")
    section = text.split("## Values to confirm before production", 1)[1]
    missing = [version.version_id for _, version in values_to_verify() if version.version_id not in section]
    assert not missing, f"add these (verify) versions to docs/benefit-rules.md: {missing}"
