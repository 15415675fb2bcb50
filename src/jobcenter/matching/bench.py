"""Speed of the recommendation engine at scale, on synthetic open postings made from the reference data.

``jobcenter bench matching`` (``make bench``) calls :func:`run`. Postings and seekers are generated from the
knowledge base the engine uses (the Work24 dictionary when present, else the built-in set): each synthetic
posting takes an occupation, one of its names as the title, one of its job descriptions, sometimes one of its
licences, a city of the reference regions (jittered by a few km), a wage, an employment type and dates. They
are not realistic vacancies — they have the shape and the vocabulary of real ones, which is what speed depends on.

Measured per size, each in a fresh forked process: index build time, memory the index holds (growth of the
process's resident set while the postings are indexed, the postings themselves excluded), p50/p95 latency of
one seeker's top 20 with explanations (retrieval + ranking + explanations), the median number of candidates
scored, and batch throughput (seekers per second, one process). No Django here; the command adds the machine
line and formatting.
"""

from __future__ import annotations

import gc
import math
import random
import statistics
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable

from .recommend.types import CareerItem, PostingDoc, SeekerDoc

EMPLOYMENT_TYPES = ("FULL_TIME", "FULL_TIME", "FULL_TIME", "PART_TIME", "TEMPORARY", "CONTRACTOR")


def _cities() -> list[tuple[str, str, float, float]]:
    from jobcenter.taxonomy.reference.regions import CITIES, PROVINCES  # plain data

    provinces = {code: name for code, name, *_ in PROVINCES}
    out = []
    for code, name_ko, _en, _short, lat, lon in CITIES:
        out.append((provinces.get(code[:2], ""), name_ko, lat, lon))
    return out


@dataclass
class SyntheticWorld:
    """Postings and seekers drawn from one knowledge base with a fixed seed."""

    knowledge_base: Any
    seed: int = 7
    today: date = field(default_factory=date.today)

    def __post_init__(self) -> None:
        self._occupations = [o for o in self.knowledge_base.occupations if o.labels]
        self._cities = _cities()

    def _place(self, rng: random.Random) -> tuple[str, float, float]:
        province, city, lat, lon = rng.choice(self._cities)
        # a few km around the city office
        return f"{province} {city}", lat + rng.uniform(-0.04, 0.04), lon + rng.uniform(-0.05, 0.05)

    def postings(self, n: int) -> list[PostingDoc]:
        rng = random.Random(self.seed)
        out = []
        for i in range(n):
            occupation = rng.choice(self._occupations)
            title = rng.choice(occupation.labels).text
            description = rng.choice(occupation.descriptions)[:300] if occupation.descriptions else ""
            licences = [rng.choice(occupation.certifications)] if occupation.certifications and rng.random() < 0.4 \
                else []
            region, lat, lon = self._place(rng)
            low = rng.randrange(2_100_000, 4_500_000, 10_000)
            posted = self.today - timedelta(days=rng.randrange(0, 30))
            out.append(PostingDoc(
                id=f"B{i:07d}", title=title, description=description, occupation_code=occupation.code,
                required_licences=licences, education_rank=rng.choice((0, 0, 3, 4, 5)),
                experience_months=rng.choice((0, 0, 12, 24, 36)), employment_type=rng.choice(EMPLOYMENT_TYPES),
                wage_min=low, wage_max=low + rng.randrange(0, 1_000_000, 10_000), latitude=lat, longitude=lon,
                region=region, company=f"사업장 {i % 50_000:05d}", posted_on=posted,
                closes_on=self.today + timedelta(days=rng.randrange(1, 45))))
        return out

    def seekers(self, n: int) -> list[SeekerDoc]:
        rng = random.Random(self.seed + 1)
        out = []
        for i in range(n):
            occupation = rng.choice(self._occupations)
            title = rng.choice(occupation.labels).text
            duties = rng.choice(occupation.descriptions)[:200] if occupation.descriptions else ""
            licences = [rng.choice(occupation.certifications)] if occupation.certifications and rng.random() < 0.5 \
                else []
            region, lat, lon = self._place(rng)
            out.append(SeekerDoc(
                id=f"BS{i:06d}", careers=[CareerItem(title=title, duties=duties, months=rng.randrange(6, 120))],
                education_rank=rng.choice((3, 4, 5)), licences=licences, latitude=lat, longitude=lon, region=region,
                max_commute_km=rng.choice((10, 20, 30, 50)), desired_monthly_wage=rng.randrange(2_200_000, 4_000_000,
                                                                                                10_000),
                employment_types=[] if rng.random() < 0.5 else ["FULL_TIME"]))
        return out


def resident_mb() -> float:
    """The process's resident set size in MiB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure_size(make_recommender: Callable[[], Any], world: SyntheticWorld, size: int, *, queries: int = 200,
                 batch: int = 500, top: int = 20, progress: Callable[[str], None] = lambda _: None) -> dict:
    """Build the index over ``size`` synthetic postings and time queries and a batch."""
    postings = world.postings(size)
    seekers = world.seekers(max(queries, batch))
    gc.collect()
    before = resident_mb()
    recommender = make_recommender()
    started = time.perf_counter()
    recommender.fit(postings)
    build_s = time.perf_counter() - started
    gc.collect()
    index_mb = resident_mb() - before
    progress(f"{size:,} postings: index built in {build_s:.1f} s, +{index_mb:.0f} MiB")

    # warm-up: first calls load lazy state
    for seeker in seekers[:3]:
        recommender.recommend_for_seeker(seeker, top=top, congestion=False)
    latencies, candidates = [], []
    for seeker in seekers[:queries]:
        t = time.perf_counter()
        result = recommender.recommend_for_seeker(seeker, top=top, congestion=False, explain=True)
        latencies.append((time.perf_counter() - t) * 1000)
        candidates.append(result.candidates)
    started = time.perf_counter()
    for seeker in seekers[:batch]:
        recommender.recommend_for_seeker(seeker, top=top, congestion=False, explain=False)
    batch_s = time.perf_counter() - started
    result = {
        "postings": size, "build_s": round(build_s, 2), "index_mib": round(index_mb, 1),
        "queries": len(latencies), "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2), "max_ms": round(max(latencies), 2),
        "batch_seekers": batch, "batch_per_s": round(batch / batch_s, 1) if batch_s else None,
        "candidates_p50": statistics.median(candidates),
        "text_index": "full scan" if getattr(recommender, "full_scan_", True) else "distinct titles",
    }
    del recommender, postings
    gc.collect()
    return result


def measure_size_isolated(make_recommender: Callable[[], Any], world: SyntheticWorld, size: int,
                          **kwargs: Any) -> dict:
    """:func:`measure_size` in a forked child process, so each size starts from the same memory: freed memory
    of an earlier, smaller size cannot be reused and hide part of the index's growth. Falls back to the same
    process where fork is not available."""
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # pragma: no cover - no fork (Windows)
        return measure_size(make_recommender, world, size, **kwargs)
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send(("ok", measure_size(make_recommender, world, size, **kwargs)))
        except BaseException as error:  # pragma: no cover - reported to the parent
            send.send(("error", repr(error)))
        finally:
            send.close()

    process = context.Process(target=child)
    process.start()
    send.close()
    try:
        status, value = receive.recv()
    except EOFError:
        status, value = "error", "the child process died (out of memory?)"
    process.join()
    if status != "ok":
        raise RuntimeError(f"bench at {size:,} postings failed: {value}")
    return value


def measure_embedders(titles: list[str], texts: list[str], names: tuple[str, ...] = ("use", "e5"),
                      limits: dict[str, int] | None = None) -> dict[str, dict]:
    """Texts per second of each packaged embedder (no cache), on posting titles (short) and on titles with
    their descriptions (what is embedded at ingest)."""
    from jobcenter.nlp.embed import get_embedder

    limits = limits or {"use": 500, "e5": 50, "hashing": 5000}
    out = {}
    for name in names:
        embedder = get_embedder(name)
        embedder.embed_documents(titles[:4])  # load the model outside the timing
        figures = {}
        for kind, sample in (("titles", titles), ("postings", texts)):
            sample = sample[: limits.get(name, 200)]
            started = time.perf_counter()
            embedder.embed_documents(sample)
            seconds = time.perf_counter() - started
            figures[kind] = {"texts": len(sample), "per_s": round(len(sample) / seconds, 1) if seconds else None}
        out[name] = figures
    return out
