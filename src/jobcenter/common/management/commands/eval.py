"""`jobcenter eval titles --scheme keco|esco --bench FILE [--methods ...] [--limit N]`: measure title normalisation.

`jobcenter eval titles --pseudo [--folds 5] [--search-weights]` measures on pseudo-queries made from the taxonomy's
own aliases instead (each ranked with its occupation's aliases held out, see `jobcenter.matching.pseudo`), and can
re-derive the fusion weights on them by coordinate ascent.

Prints top-1, R@5, R@10, MRR and the per-query latency (p50/p95 ms) of each method on the benchmark, the
baselines and the fused normaliser measured in the same run. Reads files only; never touches the database.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from django.core.management.base import BaseCommand, CommandError

from jobcenter.conf import machine_description

from .match import build_normalizer, report_progress

DEFAULT_METHODS = "tfidf,bm25,use,e5,fused"


class Command(BaseCommand):
    help = "Evaluate on a benchmark file: `eval titles` (title normalisation), `eval chatbot FILE` (policy chatbot)."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        titles = sub.add_parser("titles", help="title → occupation code benchmark (CSV)")
        titles.add_argument("--scheme", choices=["keco", "esco"], default="keco")
        titles.add_argument("--bench", default=None,
                            help="CSV: query,keco_code (KECO) or vacancyTitle,conceptUri (ESCO); "
                                 "required unless --pseudo")
        titles.add_argument("--pseudo", action="store_true",
                            help="rank the taxonomy's own aliases, each with its occupation's aliases held out "
                                 "(k folds by occupation; the normaliser is refitted per fold)")
        titles.add_argument("--folds", type=int, default=5, help="folds of --pseudo (default 5)")
        titles.add_argument("--search-weights", action="store_true",
                            help="with --pseudo: coordinate ascent over the fused signals' weights "
                                 "(grid 0,0.1,0.25,0.5,1,2,4) on MRR; prints the best weights")
        titles.add_argument("--labels", choices=["all", "preferred"], default="all")
        titles.add_argument("--methods", default=DEFAULT_METHODS,
                            help=f"comma-separated signals to report alone and/or 'fused' (default {DEFAULT_METHODS})")
        titles.add_argument("--fuse", default=None,
                            help="signals the fused method combines (default: the normaliser's measured best set)")
        titles.add_argument("--limit", type=int, default=None, help="a fixed-seed sample of N rows")
        titles.add_argument("--seed", type=int, default=13)
        titles.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        titles.add_argument("--data-dir", default=None)
        recommend = sub.add_parser("recommend", help="seeker → posting recommendation benchmark (folder)")
        recommend.add_argument("--bench", required=True,
                               help="folder with postings.jsonl, seekers.jsonl and qrels.tsv (recommend_dev)")
        recommend.add_argument("--titles", choices=["exact", "lexical", "normalizer"], default="lexical",
                               help="how the engine codes free-text titles (see `match recommend --help`)")
        recommend.add_argument("--ablations", action="store_true",
                               help="also measure the engine without each of its main parts")
        recommend.add_argument("--dense", default="",
                               help="comma-separated embedders (use,e5) to measure as a baseline and as an "
                                    "extra engine feature (dense_sim); embeddings are cached in var/cache")
        recommend.add_argument("--limit", type=int, default=None, help="a fixed-seed sample of N seekers")
        recommend.add_argument("--seed", type=int, default=13)
        recommend.add_argument("--json", action="store_true", help="print the figures as one JSON object")
        recommend.add_argument("--data-dir", default=None)
        chatbot = sub.add_parser("chatbot", help="policy chatbot evaluation set (JSON lines), as eval-chatbot")
        chatbot.add_argument("file")
        chatbot.add_argument("--json", action="store_true")

    def _progress(self, line: str) -> None:
        report_progress(self, line)

    def handle(self, *args, what: str, **options):
        if what == "titles":
            return self._titles(**options)
        if what == "recommend":
            return self._recommend(**options)
        if what == "chatbot":
            from django.core.management import call_command

            return call_command("eval_chatbot", options["file"], json=options["json"], stdout=self.stdout)
        raise CommandError(f"unknown target {what!r}")  # pragma: no cover

    def _titles(self, *, scheme, bench, labels, methods, fuse, limit, seed, json: bool, data_dir,
                pseudo=False, folds=5, search_weights=False, **_):
        from jobcenter.matching.evaluate import evaluate_titles, format_table, read_title_bench, sample_rows
        from jobcenter.matching.normalize import SIGNALS

        import json as jsonlib

        report_methods = [m.strip() for m in methods.split(",") if m.strip()]
        unknown = [m for m in report_methods if m not in SIGNALS and m != "fused"]
        if unknown:
            raise CommandError(f"unknown methods {unknown}; choose from {', '.join(SIGNALS)}, fused")
        singles = [m for m in report_methods if m != "fused"]
        if "fused" in report_methods:
            if fuse:
                fused_set = [m.strip() for m in fuse.split(",") if m.strip()]
            else:
                from jobcenter.matching.normalize import default_methods

                fused_set = list(default_methods(scheme))
            signals = list(dict.fromkeys(fused_set + singles))
        else:
            fused_set, signals = [], singles
        if pseudo:
            return self._pseudo(scheme, labels, report_methods, fused_set, signals, folds, limit, seed, json,
                                data_dir, search_weights)
        if not bench:
            raise CommandError("give --bench FILE (or --pseudo)")
        if search_weights:
            raise CommandError("--search-weights needs --pseudo (weights are never searched on a benchmark)")
        try:
            rows = sample_rows(read_title_bench(bench, scheme), limit, seed)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        started = time.perf_counter()
        normalizer, kb = build_normalizer(scheme, labels, ",".join(signals), data_dir, progress=self._progress)
        if fused_set:
            # single signals outside the fused set are reported but do not enter the fusion
            normalizer.weights_ = {k: (v if k in fused_set else 0.0) for k, v in normalizer.weights_.items()}
        fit_s = time.perf_counter() - started
        reports = evaluate_titles(normalizer, rows, report_methods)
        if json:
            out = {"scheme": scheme, "bench": bench, "labels": labels, "n": len(rows), "limit": limit,
                   "seed": seed, "fused": fused_set, "weights": normalizer.weights_, "fit_seconds": fit_s,
                   "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   "machine": machine_description(),
                   "methods": {name: r.metrics() for name, r in reports.items()}}
            self.stdout.write(jsonlib.dumps(out, ensure_ascii=False))
            return
        self.stdout.write(f"# {scheme} titles on {bench} ({len(rows)} queries"
                          f"{f', sample of {limit}, seed {seed}' if limit else ''}), labels={labels}")
        self.stdout.write(f"# knowledge base: {len(kb)} occupations from {kb.source}; fit {fit_s:.1f} s")
        self.stdout.write(f"# fused = {'+'.join(f'{m}×{normalizer.weights_.get(m, 0):g}' for m in fused_set)}")
        self.stdout.write(f"# {datetime.now(timezone.utc).isoformat(timespec='seconds')} on {machine_description()}")
        self.stdout.write(format_table(reports))

    def _pseudo(self, scheme, labels, report_methods, fused_set, signals, folds, limit, seed, json: bool, data_dir,
                search_weights: bool):
        import json as jsonlib

        from jobcenter.conf import var_dir
        from jobcenter.matching.evaluate import format_table
        from jobcenter.matching.normalize import TitleNormalizer
        from jobcenter.matching.pseudo import cache_signals, evaluate_pseudo, pseudo_queries
        from jobcenter.matching.pseudo import search_weights as coordinate_ascent
        from jobcenter.matching.taxonomy_index import load_knowledge_base

        if search_weights and not fused_set:
            raise CommandError("--search-weights searches the weights of the fused set: add 'fused' to --methods")
        try:
            kb = load_knowledge_base(scheme, data_dir=data_dir)
            fold_list = pseudo_queries(kb, folds=folds, seed=seed, limit=limit)
        except (LookupError, ValueError) as error:
            raise CommandError(str(error)) from error

        def make():
            return TitleNormalizer(scheme=scheme, labels=labels, methods=tuple(signals),
                                   cache_dir=var_dir() / "cache", progress=self._progress)

        weights: dict = {}

        def prepare(normalizer):
            if fused_set:  # as for --bench: signals reported alone but outside the fused set get no weight
                normalizer.weights_ = {k: (v if k in fused_set else 0.0) for k, v in normalizer.weights_.items()}
            weights.update(normalizer.weights_)

        started = time.perf_counter()
        try:
            reports = evaluate_pseudo(make, kb, report_methods, fold_list=fold_list, prepare=prepare)
        except ValueError as error:
            raise CommandError(str(error)) from error
        run_s = time.perf_counter() - started
        n = sum(len(f.queries) for f in fold_list)
        when = datetime.now(timezone.utc).isoformat(timespec="seconds")

        def search(log):
            return coordinate_ascent(cache_signals(make, fold_list), weights, fused_set, log=log)

        if json:
            out = {"scheme": scheme, "pseudo": True, "folds": folds, "labels": labels, "n": n, "limit": limit,
                   "seed": seed, "fused": fused_set, "weights": weights, "seconds": run_s, "date": when,
                   "machine": machine_description(), "methods": {name: r.metrics() for name, r in reports.items()}}
            if search_weights:
                found, score = search(None)
                out["search"] = {"weights": found, "mrr": score}
            self.stdout.write(jsonlib.dumps(out, ensure_ascii=False))
            return
        self.stdout.write(f"# {scheme} titles: pseudo-queries from the dictionary's own aliases, {folds} folds "
                          f"({n} queries{f', sample of {limit}, seed {seed}' if limit else f', seed {seed}'}), "
                          f"labels={labels}")
        self.stdout.write(f"# knowledge base: {len(kb)} occupations from {kb.source}, each fold without its "
                          f"occupations' aliases; {len(fold_list)} fits + ranking {run_s:.1f} s")
        self.stdout.write(f"# fused = {'+'.join(f'{m}×{weights.get(m, 0):g}' for m in fused_set)}")
        self.stdout.write(f"# {when} on {machine_description()}")
        self.stdout.write(format_table(reports))
        if search_weights:
            found, score = search(lambda line: self.stdout.write(f"# search {line}"))
            self.stdout.write(f"# coordinate ascent on MRR from the weights above: MRR {score:.3f} with "
                              + " ".join(f"{m}={w:g}" for m, w in found.items()))

    def _recommend(self, *, bench, titles, ablations, dense, limit, seed, json: bool, data_dir, **_):
        import json as jsonlib
        from pathlib import Path

        from jobcenter.interchange.errors import FormatError
        from jobcenter.matching.evaluate import sample_rows
        from jobcenter.matching.recommend.evaluate import Variant, format_table, read_qrels, run_benchmark
        from jobcenter.matching.recommend.io import read_postings, read_seekers

        from .match import build_recommender

        folder = Path(bench)
        try:
            postings, _ = read_postings(folder / "postings.jsonl")
            dates = [p.posted_on for p in postings if p.posted_on]
            today = max(dates) if dates else None
            seekers, _ = read_seekers(folder / "seekers.jsonl", today=today)
            qrels = read_qrels(folder / "qrels.tsv")
        except (FormatError, OSError, KeyError, ValueError) as error:
            raise CommandError(f"{bench}: {error}") from error
        seekers = sample_rows(seekers, limit, seed)

        def builder(mode=titles, **options):
            def build():
                return build_recommender(postings, today=today, titles=mode, data_dir=data_dir,
                                         **options).fit_seekers(seekers)
            return build

        full = builder()
        variants = [Variant("engine (congestion on)", full, True), Variant("engine, no congestion", full, False)]
        if ablations:
            for mode in ("exact", "lexical", "normalizer"):
                if mode != titles:
                    variants.append(Variant(f"titles: {mode}", builder(mode), True))
            variants += [
                Variant("ablation: no text similarity", builder(weights={"text_sim": 0.0}), True),
                Variant("ablation: no related occupations", builder(related=False), True),
                Variant("learned ranker (2-fold CV)", full, False, learned=True),
            ]
        embedders = {}
        for name in [d.strip() for d in dense.split(",") if d.strip()]:
            from jobcenter.conf import var_dir
            from jobcenter.nlp.embed import get_embedder

            try:
                embedders[name] = get_embedder(name, var_dir() / "cache")
            except ValueError as error:
                raise CommandError(str(error)) from error
            variants.append(Variant(f"engine + {name} dense_sim (w 0.25)", builder(
                embedder=embedders[name], weights={"dense_sim": 0.25}), True))
        started = time.perf_counter()
        reports = run_benchmark(postings, seekers, qrels, variants, embedders=embedders)
        total_s = time.perf_counter() - started
        when = datetime.now(timezone.utc).isoformat(timespec="seconds")
        if json:
            out = {"bench": bench, "postings": len(postings), "seekers": len(seekers), "titles": titles,
                   "limit": limit, "seed": seed, "date": when, "machine": machine_description(),
                   "seconds": total_s, "systems": {r.name: r.metrics() for r in reports}}
            self.stdout.write(jsonlib.dumps(out, ensure_ascii=False))
            return
        self.stdout.write(f"# recommend on {bench}: {len(postings)} postings, {len(seekers)} seekers"
                          f"{f' (sample of {limit}, seed {seed})' if limit else ''}, titles={titles}")
        self.stdout.write(f"# {when} on {machine_description()}; {total_s:.0f} s in all")
        self.stdout.write(format_table(reports))
