"""The chatbot's knowledge base and evaluation set: parseable, consistent with the policy facts, and complete.

Pure Python (no Django, no database): the documents are content, and these checks are what keeps that content
honest — the benefit tables must equal the statute's numbers, every value still to be confirmed must say so, and
every question in the evaluation set must point at a passage that exists.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from jobcenter.chatbot.knowledge.loader import (
    LANGUAGES,
    VERIFY_MARKERS,
    Document,
    KnowledgeFormatError,
    load_documents,
    parse_document,
)

REPO = Path(__file__).resolve().parents[2]
EVAL_FILE = REPO / "src" / "jobcenter" / "chatbot" / "eval" / "questions.jsonl"
DOCS_FILE = REPO / "docs" / "chatbot-knowledge.md"
ANNEX1_CSV = REPO.parent / "shared" / "data" / "law" / "benefit_days_annex1.csv"

# The "key pages" that must exist in English as well as in Korean.
ENGLISH_KEY_PAGES = {
    "job-seeking-benefit-eligibility",
    "job-seeking-benefit-amount",
    "job-seeking-benefit-days",
    "job-seeking-benefit-procedure",
    "nesp-overview",
    "nesp-allowance",
    "about-service",
    "portal-recommendations",
}

# ---------------------------------------------------------------------------------------------- policy facts
# From /work/shared/policy-facts.md (tests carry their own copy so a changed document cannot change the answer).

ANNEX1_UNDER_50 = [120, 150, 180, 210, 240]
ANNEX1_50_PLUS_OR_DISABLED = [120, 180, 210, 240, 270]
UPPER_LIMIT = {2018: 60_000, **{y: 66_000 for y in range(2019, 2026)}, 2026: 68_100}
LOWER_LIMIT = {
    2018: 54_216,  # 7,530 × 8 × 90%; the 2018 minimum wage is not in the facts file → marked (확인 필요)
    2019: 60_120,
    2020: 60_120,
    2021: 60_120,
    2022: 60_120,
    2023: 61_568,
    2024: 63_104,
    2025: 64_192,
    2026: 66_048,
}
MINIMUM_WAGE = {
    2018: 7_530,
    2019: 8_350,
    2020: 8_590,
    2021: 8_720,
    2022: 9_160,
    2023: 9_620,
    2024: 9_860,
    2025: 10_030,
    2026: 10_320,
}
# Table rows whose figures are (verify) values and must carry the marker.
VERIFY_YEARS = {2018, 2026}

# Every value the facts file marks (verify) — plus the two figures the knowledge base adds that are not in it —
# as (pattern found in a body, key that a `verify` entry must contain). A document that states the value must
# mark it in the same paragraph (or table row / list item) and list it in its front matter.
VERIFY_VALUES = {
    "ko": [
        (r"68,100", "68,100"),
        (r"7,530", "7,530"),
        (r"54,216", "54,216"),
        (r"5억", "5억"),
        (r"120%", "120%"),
        (r"100%", "100%"),
        (r"소득 제한 없", "소득 제한 없"),
        (r"함께 받을 수 없", "함께 받을 수 없"),
        (r"400,000", "400,000"),
        (r"1,500,000", "1,500,000"),
        (r"참여수당 금액", "참여수당 금액"),
        (r"5차", "5차"),
        (r"16,000,000", "16,000,000"),
        (r"30,000,000", "30,000,000"),
        (r"5,000,000", "5,000,000"),
        (r"5년간 3,000,000", "3,000,000"),
    ],
    "en": [
        (r"68,100", "68,100"),
        (r"7,530", "7,530"),
        (r"54,216", "54,216"),
        (r"500 million", "500 million"),
        (r"120%", "120%"),
        (r"100%", "100%"),
        (r"no income limit", "no income limit"),
        (r"400,000", "400,000"),
        (r"1,500,000", "1,500,000"),
        (r"participation allowance amounts", "participation allowance amounts"),
        (r"5th", "5th"),
        (r"16,000,000", "16,000,000"),
        (r"30,000,000", "30,000,000"),
        (r"5,000,000", "5,000,000"),
        (r"3,000,000 KRW (?:of training|over 5 years)", "3,000,000"),
    ],
}

EVAL_KEYS = {"id", "lang", "question", "in_scope", "expected_doc", "expected_section", "must_contain", "kind", "group"}
EVAL_KINDS = {"fact", "numeric", "howto", "paraphrase", "typo", "english", "out_of_scope", "my_data"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return load_documents()


@pytest.fixture(scope="module")
def by_id(documents) -> dict[str, Document]:
    return {d.id: d for d in documents}


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    rows = []
    for number, line in enumerate(EVAL_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"questions.jsonl:{number}: not JSON: {exc}")
    return rows


# --------------------------------------------------------------------------------------------- the loader


def test_loader_parses_front_matter_and_sections():
    doc = parse_document(
        "---\nid: x.ko\ntitle: 제목\nlang: ko\nsources:\n  - 고용보험법 제40조\neffective_from: 2019-10-01\n"
        "effective_to:\nlast_reviewed: 2026-11-25\nverify: []\nrelated: [a.ko, \"b.ko\"]\n---\n\n# 제목\n\n소개\n\n"
        "## 첫째\n\n본문 1\n\n### 작은 제목\n\n본문 2\n\n## 둘째\n\n본문 3\n"
    )
    assert doc.id == "x.ko" and doc.stem == "x" and doc.lang == "ko"
    assert doc.sources == ["고용보험법 제40조"] and doc.verify == [] and doc.related == ["a.ko", "b.ko"]
    assert doc.effective_from == dt.date(2019, 10, 1) and doc.effective_to is None
    assert [s.heading for s in doc.sections] == ["첫째", "둘째"]
    assert "### 작은 제목" in doc.sections[0].text and doc.intro.endswith("소개")
    assert doc.citation(doc.sections[1]) == "제목 › 둘째"
    assert doc.in_force(dt.date(2026, 1, 1)) and not doc.in_force(dt.date(2019, 9, 30))


_GOOD_FRONT = (
    "id: x\ntitle: t\nlang: ko\nsources: []\neffective_from: 2020-01-01\neffective_to:\n"
    "last_reviewed: 2026-11-25\nverify: []\nrelated: []\n"
)


@pytest.mark.parametrize(
    "front, message",
    [
        ("id: x\ntitle: t\nlang: ko\n", "lacks"),
        (_GOOD_FRONT.replace("lang: ko", "lang: fr"), "lang"),
        (_GOOD_FRONT.replace("2020-01-01", "2020-13-01"), "effective_from"),
        (_GOOD_FRONT.replace("last_reviewed: 2026-11-25", "last_reviewed:"), "last_reviewed"),
        (_GOOD_FRONT.replace("sources: []", "sources: a"), "sources"),
        (_GOOD_FRONT.replace("effective_to:", "effective_to: 2019-01-01"), "before"),
        ("id: x\nid: y\n", "twice"),
        ("just text\n", "key: value"),
        (_GOOD_FRONT + "owner: me\n", "unknown"),
    ],
)
def test_loader_rejects_bad_front_matter(front, message):
    with pytest.raises(KnowledgeFormatError, match=message):
        parse_document(f"---\n{front}---\n\n## s\n\ntext\n")


def test_loader_accepts_the_good_front_matter():
    assert parse_document(f"---\n{_GOOD_FRONT}---\n\n## s\n\ntext\n").sections[0].text == "text"


def test_loader_rejects_a_document_without_front_matter():
    with pytest.raises(KnowledgeFormatError):
        parse_document("# title\n\n## s\n\ntext\n")


def test_loader_rejects_duplicate_ids(tmp_path):
    text = (
        "---\nid: same.ko\ntitle: t\nlang: ko\nsources: [s]\neffective_from: 2020-01-01\neffective_to:\n"
        "last_reviewed: 2026-11-25\nverify: []\nrelated: []\n---\n\n## s\n\ntext\n"
    )
    (tmp_path / "a.ko.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.ko.md").write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeFormatError, match="also used"):
        load_documents(tmp_path)


# --------------------------------------------------------------------------------------------- documents


def test_knowledge_base_size(documents):
    langs = Counter(d.lang for d in documents)
    assert langs["ko"] >= 15, langs
    assert langs["en"] >= 8, langs


def test_every_document_is_well_formed(documents):
    for doc in documents:
        assert doc.path is not None
        name = doc.path.name
        assert name == f"{doc.id}.md", f"{name}: id {doc.id!r} must be the file name without .md"
        assert name.endswith(f".{doc.lang}.md"), f"{name}: lang {doc.lang!r} does not match the file suffix"
        assert doc.lang in LANGUAGES
        assert doc.title.strip()
        assert doc.sources and all(isinstance(s, str) and s.strip() for s in doc.sources), name
        assert isinstance(doc.effective_from, dt.date)
        assert doc.effective_to is None or isinstance(doc.effective_to, dt.date)
        assert isinstance(doc.last_reviewed, dt.date)
        assert doc.last_reviewed == dt.date(2026, 11, 25), name
        assert all(isinstance(v, str) and v.strip() for v in doc.verify), name
        assert all(isinstance(r, str) and r.strip() for r in doc.related), name
        assert doc.sections, f"{name}: no '## ' section"
        headings = [s.heading for s in doc.sections]
        assert len(headings) == len(set(headings)), f"{name}: repeated section heading"
        for section in doc.sections:
            assert section.text.strip(), f"{name} › {section.heading}: empty section"


def test_ids_are_unique_and_related_ids_exist(documents, by_id):
    assert len(by_id) == len(documents)
    for doc in documents:
        for related in doc.related:
            assert related in by_id, f"{doc.id}: related id {related!r} does not exist"
            assert related != doc.id


def test_documents_in_one_language_only(documents):
    """A document uses its own language's verify marker, and an English page has no Korean sentence in it."""
    for doc in documents:
        other = VERIFY_MARKERS["en" if doc.lang == "ko" else "ko"]
        assert other not in doc.body, f"{doc.id}: uses the {other!r} marker of the other language"


def test_every_english_page_has_a_korean_counterpart(documents):
    stems = {(d.stem, d.lang) for d in documents}
    for stem, lang in stems:
        if lang == "en":
            assert (stem, "ko") in stems, f"{stem}.en has no Korean page {stem}.ko"
    for stem in ENGLISH_KEY_PAGES:
        assert (stem, "ko") in stems and (stem, "en") in stems, f"key page {stem} needs .ko and .en"


def test_counterparts_agree(documents):
    """A Korean page and its English version cover the same dates and state the same amounts."""
    by_stem: dict[str, dict[str, Document]] = {}
    for doc in documents:
        by_stem.setdefault(doc.stem, {})[doc.lang] = doc
    amount = re.compile(r"\d{1,3}(?:,\d{3})+")
    for stem, pair in by_stem.items():
        if len(pair) == 2:
            ko, en = pair["ko"], pair["en"]
            assert (ko.effective_from, ko.effective_to) == (en.effective_from, en.effective_to), stem
            missing = set(amount.findall(en.body)) - set(amount.findall(ko.body))
            assert not missing, f"{stem}: the English page states {sorted(missing)}, the Korean page does not"


def _units(body: str) -> list[str]:
    """Paragraphs; a table row or a list item is a unit of its own (continuation lines stay with their item)."""
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        lines = paragraph.splitlines()
        if any(re.match(r"^\s*(\||- |\d+\. )", line) for line in lines):
            current: list[str] = []
            for line in lines:
                if re.match(r"^(\||- |\d+\. )", line) and current:
                    units.append("\n".join(current))
                    current = []
                current.append(line)
            if current:
                units.append("\n".join(current))
        else:
            units.append(paragraph)
    return units


def _unquoted_markers(text: str, marker: str) -> int:
    """Markers used as markers; a quoted marker ("(확인 필요)"가 붙은 값은…) only explains the convention."""
    return text.count(marker) - len(re.findall(r"[\"'“‘]" + re.escape(marker) + r"[\"'”’]", text))


def test_verify_values_are_marked_and_listed(documents):
    for doc in documents:
        marker = VERIFY_MARKERS[doc.lang]
        for unit in _units(doc.body):
            for pattern, key in VERIFY_VALUES[doc.lang]:
                if re.search(pattern, unit):
                    assert marker in unit, f"{doc.id}: {key!r} is a (verify) value; mark it {marker} in: {unit!r}"
                    assert any(key in entry for entry in doc.verify), f"{doc.id}: list {key!r} under verify"
        markers = _unquoted_markers(doc.body, marker)
        if doc.verify:
            assert markers, f"{doc.id}: lists verify values but the body marks none with {marker}"
        else:
            assert not markers, f"{doc.id}: the body marks a value {marker} but verify is empty"


def test_every_verify_entry_names_a_known_value_that_the_body_states(documents):
    for doc in documents:
        body = _norm(doc.body)
        for entry in doc.verify:
            keys = [key for _pattern, key in VERIFY_VALUES[doc.lang] if key in entry]
            assert keys, f"{doc.id}: verify entry {entry!r} is not a known (verify) value; add it to VERIFY_VALUES"
            assert any(_norm(key) in body for key in keys), f"{doc.id}: verify entry {entry!r} is not in the body"


def test_verify_values_are_listed_in_the_docs(documents):
    text = DOCS_FILE.read_text(encoding="utf-8")
    for doc in documents:
        for entry in doc.verify:
            assert entry in text, f"docs/chatbot-knowledge.md must list {entry!r} ({doc.id})"


# ------------------------------------------------------------------------------------------ benefit tables


def _table(section_text: str) -> list[list[str]]:
    rows = []
    for line in section_text.splitlines():
        line = line.strip()
        if line.startswith("|") and not re.match(r"^\|[\s:|-]+\|$", line):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _int(cell: str) -> int:
    digits = re.match(r"^\s*([\d,]+)", cell)
    assert digits, f"no number in table cell {cell!r}"
    return int(digits.group(1).replace(",", ""))


LIMIT_SECTIONS = {
    "job-seeking-benefit-amount.ko": "연도별 구직급여 상한액·하한액 표",
    "job-seeking-benefit-amount.en": "Limits by year",
}
DAYS_SECTIONS = {
    "job-seeking-benefit-days.ko": "소정급여일수 표",
    "job-seeking-benefit-days.en": "Benefit days table (Annex 1)",
}


@pytest.mark.parametrize("doc_id", sorted(LIMIT_SECTIONS))
def test_limits_table_equals_the_facts(by_id, doc_id):
    doc = by_id[doc_id]
    section = doc.section(LIMIT_SECTIONS[doc_id])
    assert section is not None
    header, *rows = _table(section.text)
    assert len(header) == 4
    seen = {}
    for row in rows:
        year = int(row[0])
        seen[year] = (_int(row[1]), _int(row[2]), _int(row[3]))
        marked = VERIFY_MARKERS[doc.lang] in " ".join(row)
        assert marked == (year in VERIFY_YEARS), f"{doc_id} {year}: verify marker {'missing' if not marked else 'wrong'}"
    assert sorted(seen) == list(range(2018, 2027)), "one row per year 2018–2026"
    for year, (wage, floor, cap) in seen.items():
        assert wage == MINIMUM_WAGE[year], year
        assert floor == LOWER_LIMIT[year], year
        assert cap == UPPER_LIMIT[year], year
    # The floors from 2023 follow the 80% rule; 2019's transitional 60,120 is the old 90% rule on 8,350.
    for year in range(2023, 2027):
        assert LOWER_LIMIT[year] == MINIMUM_WAGE[year] * 8 * 80 // 100
    assert LOWER_LIMIT[2019] == MINIMUM_WAGE[2019] * 8 * 90 // 100
    assert LOWER_LIMIT[2018] == MINIMUM_WAGE[2018] * 8 * 90 // 100


@pytest.mark.parametrize("doc_id", sorted(DAYS_SECTIONS))
def test_benefit_days_table_equals_annex1(by_id, doc_id):
    section = by_id[doc_id].section(DAYS_SECTIONS[doc_id])
    assert section is not None
    header, under_50, over_50 = _table(section.text)
    assert len(header) == 6
    assert [_int(c) for c in under_50[1:]] == ANNEX1_UNDER_50
    assert [_int(c) for c in over_50[1:]] == ANNEX1_50_PLUS_OR_DISABLED


def test_annex1_facts_equal_the_shared_csv():
    if not ANNEX1_CSV.exists():
        pytest.skip(f"the law's Annex 1 table ({ANNEX1_CSV}) is not on this machine (no JOBCENTER_DATA_DIR or "
                    "../shared/data); the knowledge base is still checked against the rules engine's built-in "
                    "copy by test_tables_agree_with_the_rules_engine")
    rows = ANNEX1_CSV.read_text(encoding="utf-8").splitlines()[1:]
    days = [int(r.split(",")[2]) for r in rows if r.strip()]
    assert days == ANNEX1_UNDER_50 + ANNEX1_50_PLUS_OR_DISABLED


_UNIT = r"(?:원|일|시간|개월| KRW| days| hours)?"
_CHAIN = re.compile(r"((?:[\d,]+%?" + _UNIT + r" [×÷] )+[\d,]+%?" + _UNIT + r") = ([\d,]+)", re.IGNORECASE)


def _evaluate(chain: str) -> int:
    """Left to right, in whole won: the way the pages write "9,860원 × 8시간 × 80% = 63,104원"."""
    tokens = re.findall(r"([×÷])|([\d,]+)(%?)", chain)
    value = None
    operator = "×"
    for op, number, percent in tokens:
        if op:
            operator = op
            continue
        n = int(number.replace(",", ""))
        if value is None:
            value = n
        elif percent:
            value = value * n // 100
        elif operator == "×":
            value *= n
        else:
            value //= n
    return value


def test_worked_examples_add_up(documents):
    """Every "a × b [× c%] = d" in the knowledge base is arithmetic that holds."""
    checked = 0
    for doc in documents:
        for chain, result in _CHAIN.findall(_norm(doc.body)):
            assert _evaluate(chain) == int(result.replace(",", "")), f"{doc.id}: {chain} ≠ {result}"
            checked += 1
    assert checked >= 15


def test_markers_are_not_split_across_lines(documents):
    for doc in documents:
        text = doc.path.read_text(encoding="utf-8")
        for marker in VERIFY_MARKERS.values():
            first, _, rest = marker.partition(" ")
            assert not re.search(re.escape(first) + r"\s*\n\s*" + re.escape(rest), text), f"{doc.id}: {marker} split"
        assert not re.search(r"\n\(확인 필요\)|\n\(to be confirmed\)", text), f"{doc.id}: marker apart from its value"


def test_tables_agree_with_the_rules_engine(by_id):
    """The knowledge base and the rules engine state the same limits and days."""
    from jobcenter.rules import tools

    for year in range(2018, 2027):
        low = tools.answer_job_seeking_benefit(
            separation_date=f"{year}-11-01", age=30, insured_years=5, average_daily_wage=1_000
        )
        high = tools.answer_job_seeking_benefit(
            separation_date=f"{year}-11-01", age=30, insured_years=5, average_daily_wage=1_000_000
        )
        assert low["ok"] and high["ok"], (low, high)
        assert low["daily_amount"] == LOWER_LIMIT[year], year
        assert high["daily_amount"] == UPPER_LIMIT[year], year
    for age, row in ((30, ANNEX1_UNDER_50), (55, ANNEX1_50_PLUS_OR_DISABLED)):
        for years, expected in zip((0.5, 2, 4, 7, 12), row):
            result = tools.answer_job_seeking_benefit(
                separation_date="2025-11-01", age=age, insured_years=years, average_daily_wage=100_000
            )
            assert result["ok"] and result["days"] == expected, (age, years, result.get("errors"))


# --------------------------------------------------------------------------------------------- eval set


def test_eval_rows_are_well_formed(questions):
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for q in questions:
        assert set(q) == EVAL_KEYS, (q["id"], set(q) ^ EVAL_KEYS)
        assert re.fullmatch(r"q\d{3,}", q["id"])
        assert q["lang"] in LANGUAGES
        assert isinstance(q["question"], str) and q["question"].strip()
        assert isinstance(q["in_scope"], bool)
        assert q["kind"] in EVAL_KINDS, q["id"]
        assert isinstance(q["must_contain"], list) and all(isinstance(m, str) and m for m in q["must_contain"])
        assert isinstance(q["group"], str)
        has_hangul = bool(HANGUL.search(q["question"]))
        assert has_hangul == (q["lang"] == "ko"), f"{q['id']}: lang {q['lang']} but question {q['question']!r}"


def test_eval_set_size_and_mix(questions):
    kinds = Counter(q["kind"] for q in questions)
    assert len(questions) >= 170
    assert sum(not q["in_scope"] for q in questions) >= 25
    assert sum(q["lang"] == "en" for q in questions) >= 30
    assert kinds["paraphrase"] + kinds["typo"] >= 20
    assert kinds["numeric"] >= 15 and kinds["my_data"] >= 5 and kinds["howto"] >= 10


def test_eval_scope_and_kinds_agree(questions):
    for q in questions:
        if q["kind"] == "out_of_scope":
            assert q["in_scope"] is False, q["id"]
        if not q["in_scope"]:
            assert q["kind"] == "out_of_scope", q["id"]
            assert q["expected_doc"] is None and q["expected_section"] is None and q["must_contain"] == [], q["id"]
        elif q["kind"] == "my_data":
            # Answered from the signed-in user's own data through the portal's services, not from a document.
            assert q["expected_doc"] is None and q["expected_section"] is None, q["id"]
        else:
            assert q["expected_doc"] and q["expected_section"] and q["must_contain"], q["id"]
        if q["kind"] == "english":
            assert q["lang"] == "en", q["id"]


def test_eval_expected_passages_exist_and_hold_the_facts(questions, by_id):
    for q in questions:
        if not q["expected_doc"]:
            continue
        doc = by_id.get(q["expected_doc"])
        assert doc is not None, f"{q['id']}: no document {q['expected_doc']!r}"
        section = doc.section(q["expected_section"])
        assert section is not None, f"{q['id']}: {q['expected_doc']} has no section {q['expected_section']!r}"
        if q["kind"] == "numeric":
            # A rule computes these; each expected fact still has to be a figure.
            assert all(re.search(r"\d", m) or m in ("확인 필요", "to be confirmed") for m in q["must_contain"])
            continue
        text = _norm(f"{section.heading} {section.text}")
        for fact in q["must_contain"]:
            assert _norm(fact) in text, f"{q['id']}: {fact!r} is not in {doc.id} › {section.heading}"


def test_eval_groups(questions):
    by_qid = {q["id"]: q for q in questions}
    sizes = Counter(q["group"] for q in questions)
    for q in questions:
        assert q["group"] in by_qid, f"{q['id']}: group {q['group']!r} does not exist"
        canonical = by_qid[q["group"]]
        assert canonical["group"] == canonical["id"], f"{q['id']}: group must name a canonical question"
        if q["kind"] in ("paraphrase", "typo"):
            assert q["group"] != q["id"], f"{q['id']}: a {q['kind']} question belongs to another's group"
        if q["group"] != q["id"] and q["in_scope"]:
            assert canonical["in_scope"], q["id"]
    assert sum(1 for n in sizes.values() if n >= 3) >= 20, "paraphrase groups of 3+ questions"


def test_eval_numbers_are_hand_computed_from_the_facts(questions):
    """Spot-check the numeric answers against the facts (the arithmetic the answer must show)."""
    expected = {
        "52세, 가입 4년이면 며칠?": ["210일"],
        "2024년 하한액?": ["63,104"],
        "2025년에 그만뒀고 평균임금 12만원이면 하루 얼마?": ["66,000"],
    }
    by_question = {q["question"]: q for q in questions}
    for question, facts in expected.items():
        assert by_question[question]["must_contain"] == facts
    # 2024, 40 years old, 2 insured years, base daily wage 90,000: 54,000 < floor → 63,104 × 150 days.
    assert 90_000 * 60 // 100 < LOWER_LIMIT[2024] and LOWER_LIMIT[2024] * 150 == 9_465_600
    assert UPPER_LIMIT[2025] * 210 == 13_860_000
    assert 150 * 60_000 // 2 == 4_500_000
