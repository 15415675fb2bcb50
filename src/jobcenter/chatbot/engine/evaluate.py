"""Evaluate the chatbot on a questions file (JSON lines): answer accuracy, retrieval hit@3, scope precision/recall.

Pure Python (no Django). Definitions:

- **answer accuracy**: every ``must_contain`` fact is in the answer, after normalising both (NFKC, case folded,
  thousands separators and spaces removed), over in-scope questions that have facts to check;
- **hit@3**: the expected section is among the top 3 passages — the exact ``(doc, heading)`` or its other-language
  version (paired at build time: ``SectionRetriever.group_of``); over questions with an expected section;
- **out-of-scope precision / recall**: a refusal is ``in_scope == False``; precision = refused questions that are
  really out of scope / all refused; recall = out-of-scope questions refused / all out-of-scope;
- **my_data accuracy**: ``my_data`` questions recognised as such (intent ``my_data``);
- **latency**: wall time of ``bot.answer`` per question (median, p95), index built beforehand.
"""

from __future__ import annotations

import json
import statistics
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch != ",")


def contains_all(answer: str, facts: list[str]) -> bool:
    body = normalise(answer)
    return all(normalise(fact) in body for fact in facts)


def load_questions(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _hit(question: dict, ranked, retriever, k: int = 3) -> bool:
    """The expected section, or its other-language version (``retriever.group_of``), is among the top ``k``."""
    expected = {retriever.group_of(p) for p in retriever.passages_
                if p.doc_id == question["expected_doc"] and p.heading == question["expected_section"]}
    for p in ranked[:k]:
        if (p.doc_id, p.heading) == (question["expected_doc"], question["expected_section"]):
            return True
        if retriever.group_of(p) in expected:
            return True
    return False


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))
    return ordered[index]


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def evaluate(bot, questions: list[dict[str, Any]], *, baselines: tuple[str, ...] = ("bm25", "dense", "ngram")
             ) -> dict[str, Any]:
    passages = bot.retriever.passages_
    by_id = {p.id: p for p in passages}
    rows = []
    latencies = []
    for q in questions:
        started = time.perf_counter()
        answer = bot.answer(q["question"])
        latencies.append((time.perf_counter() - started) * 1000)
        ranked = [by_id[p["id"]] for p in answer.passages]
        has_section = bool(q.get("expected_doc") and q.get("expected_section"))
        row = {
            "id": q.get("id"), "kind": q.get("kind"), "lang": q.get("lang"), "in_scope": q.get("in_scope", True),
            "predicted_in_scope": answer.in_scope, "intent": answer.intent, "handoff": answer.handoff,
            "has_facts": bool(q.get("must_contain")) and q.get("in_scope", True),
            "correct": contains_all(answer.answer, q.get("must_contain") or []),
            "has_section": has_section,
            "hit3": _hit(q, ranked, bot.retriever) if has_section else None,
        }
        if not ranked and has_section:  # answers that skip retrieval (my data) still report the ranking
            row["hit3"] = _hit(q, [h.passage for h in bot.retriever.search(q["question"], 3)], bot.retriever)
        rows.append(row)

    def summary(subset: list[dict]) -> dict[str, Any]:
        facts = [r for r in subset if r["has_facts"]]
        sections = [r for r in subset if r["has_section"]]
        return {
            "n": len(subset),
            "answer_accuracy": _rate(sum(r["correct"] for r in facts), len(facts)),
            "answer_n": len(facts),
            "hit_at_3": _rate(sum(bool(r["hit3"]) for r in sections), len(sections)),
            "hit_n": len(sections),
        }

    refused = [r for r in rows if not r["predicted_in_scope"]]
    out = [r for r in rows if not r["in_scope"]]
    my_data = [r for r in rows if r["kind"] == "my_data"]
    report: dict[str, Any] = {
        "questions": len(rows),
        "version": bot.version,
        "overall": summary(rows),
        "out_of_scope": {
            "precision": _rate(sum(not r["in_scope"] for r in refused), len(refused)),
            "recall": _rate(sum(not r["predicted_in_scope"] for r in out), len(out)),
            "refused": len(refused), "out_of_scope": len(out),
        },
        "my_data_recognised": _rate(sum(r["intent"] == "my_data" for r in my_data), len(my_data)),
        "handoff_offered": sum(r["handoff"] for r in rows),
        "by_kind": {}, "by_lang": {},
        "latency_ms": {"median": round(statistics.median(latencies), 2) if latencies else 0.0,
                       "p95": round(_percentile(latencies, 0.95), 2),
                       "max": round(max(latencies), 2) if latencies else 0.0},
        "rows": rows,
    }
    groups_kind, groups_lang = defaultdict(list), defaultdict(list)
    for r in rows:
        groups_kind[r["kind"]].append(r)
        groups_lang[r["lang"]].append(r)
    report["by_kind"] = {k: summary(v) for k, v in sorted(groups_kind.items())}
    report["by_lang"] = {k: summary(v) for k, v in sorted(groups_lang.items())}
    # Baselines in the same run: the whole bot answering with each retrieval signal alone, then the fused ranking.
    retrieval, accuracy = {}, {}
    saved_mode = getattr(bot, "mode", "fused")
    for mode in (*baselines, "fused"):
        hits = total = correct = answered = 0
        bot.mode = mode
        try:
            for q in questions:
                if q.get("expected_doc") and q.get("expected_section"):
                    total += 1
                    hits += _hit(q, [h.passage for h in bot.retriever.search(q["question"], 3, mode=mode)],
                                 bot.retriever)
                if q.get("must_contain") and q.get("in_scope", True):
                    answered += 1
                    correct += contains_all(bot.answer(q["question"]).answer, q["must_contain"])
        finally:
            bot.mode = saved_mode
        retrieval[mode] = _rate(hits, total)
        accuracy[mode] = _rate(correct, answered)
    report["retrieval_hit_at_3"] = retrieval
    report["answer_accuracy_by_retrieval"] = accuracy
    return report


def format_report(report: dict[str, Any]) -> str:
    def pct(value):
        return "–" if value is None else f"{value * 100:.1f}%"

    o = report["overall"]
    lines = [
        f"questions: {report['questions']}   engine: {report['version']}",
        f"answer accuracy (all must_contain facts in the answer): {pct(o['answer_accuracy'])} of {o['answer_n']}",
        f"retrieval hit@3: {pct(o['hit_at_3'])} of {o['hit_n']}",
        "retrieval hit@3 by signal (same run): "
        + ", ".join(f"{k} {pct(v)}" for k, v in report["retrieval_hit_at_3"].items()),
        "answer accuracy by retrieval (same run): "
        + ", ".join(f"{k} {pct(v)}" for k, v in report["answer_accuracy_by_retrieval"].items()),
        f"out-of-scope precision: {pct(report['out_of_scope']['precision'])}  recall: "
        f"{pct(report['out_of_scope']['recall'])}  (refused {report['out_of_scope']['refused']}, "
        f"out of scope {report['out_of_scope']['out_of_scope']})",
        f"my_data recognised: {pct(report['my_data_recognised'])}   hand-off offered: {report['handoff_offered']}",
        f"latency ms: median {report['latency_ms']['median']}  p95 {report['latency_ms']['p95']}  "
        f"max {report['latency_ms']['max']}",
        "",
        f"{'kind/lang':<14}{'n':>5}{'accuracy':>10}{'hit@3':>9}",
    ]
    for title, group in (("kind", report["by_kind"]), ("lang", report["by_lang"])):
        for name, s in group.items():
            lines.append(f"{title + ':' + name:<14}{s['n']:>5}{pct(s['answer_accuracy']):>10}{pct(s['hit_at_3']):>9}")
    return "\n".join(lines)
