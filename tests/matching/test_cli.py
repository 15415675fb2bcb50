"""The CLIs read files and standard input only: no `db` fixture here, so a database query would fail the test."""

from __future__ import annotations

import io
import json

from django.core.management import call_command


def test_match_titles_reads_stdin_and_writes_json_lines(data_dir, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("배관용접공\n\n요리사\nnurse\n"))
    out = io.StringIO()
    call_command("match", "titles", "--scheme", "keco", "--top", "2", "--methods", "exact,tfidf",
                 "--data-dir", str(data_dir), stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["query"] for row in rows] == ["배관용접공", "요리사", "nurse"]
    assert [row["candidates"][0]["code"] for row in rows] == ["7430", "4213", "3040"]
    assert set(rows[0]["candidates"][0]) == {"code", "label", "score"}
    assert len(rows[0]["candidates"]) == 2


def test_match_titles_esco_preferred_labels(data_dir, tmp_path):
    titles = tmp_path / "titles.txt"
    titles.write_text("MIG welder\nward nurse\n", encoding="utf-8")
    out = io.StringIO()
    call_command("match", "titles", "--scheme", "esco", "--labels", "preferred", "--methods", "tfidf",
                 "--input", str(titles), "--evidence", "--data-dir", str(data_dir), stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["candidates"][0]["code"] == "http://data.europa.eu/esco/occupation/w1"
    assert rows[1]["candidates"][0]["code"] == "http://data.europa.eu/esco/occupation/n1"
    assert rows[0]["candidates"][0]["evidence"][0]["signal"] == "tfidf"


def test_eval_titles_prints_every_method(data_dir, tmp_path):
    bench = tmp_path / "bench.csv"
    bench.write_text("query,keco_code\n배관용접공,7430\n한식 요리사,4213\n간호원,3040\n", encoding="utf-8")
    out = io.StringIO()
    call_command("eval", "titles", "--scheme", "keco", "--bench", str(bench), "--methods", "tfidf,exact,fused",
                 "--fuse", "exact,tfidf", "--data-dir", str(data_dir), "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["n"] == 3
    assert set(figures["methods"]) == {"tfidf", "exact", "fused"}
    assert figures["methods"]["fused"]["top1"] == 1.0
    text = io.StringIO()
    call_command("eval", "titles", "--scheme", "keco", "--bench", str(bench), "--methods", "tfidf",
                 "--data-dir", str(data_dir), stdout=text)
    assert "MRR" in text.getvalue() and "tfidf" in text.getvalue()


def test_a_cold_fit_reports_on_stderr_and_keeps_stdout_to_results(data_dir, tmp_path, monkeypatch):
    from jobcenter.matching import normalize

    monkeypatch.setenv("JOBCENTER_VAR_DIR", str(tmp_path))  # an empty cache: the fit has vectors to embed
    monkeypatch.setitem(normalize.DENSE_MODELS, "use", ("hash", {"dim": 32}))
    monkeypatch.setattr("sys.stdin", io.StringIO("배관용접공\n요리사\n"))
    out, err = io.StringIO(), io.StringIO()
    call_command("match", "titles", "--scheme", "keco", "--methods", "exact,tfidf,use",
                 "--data-dir", str(data_dir), stdout=out, stderr=err)
    assert [json.loads(line)["query"] for line in out.getvalue().splitlines()] == ["배관용접공", "요리사"]
    assert "# use: embedding " in err.getvalue()
    err = io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO("배관용접공\n"))
    call_command("match", "titles", "--scheme", "keco", "--methods", "exact,tfidf,use",
                 "--data-dir", str(data_dir), stdout=io.StringIO(), stderr=err)
    assert "embedding" not in err.getvalue()  # warm: nothing slow to report
