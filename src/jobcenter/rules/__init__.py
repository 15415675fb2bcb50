"""Employment-insurance and support-program rules: pure Python, versioned by effective date, explained.

No Django import anywhere in this package (``tests/rules/test_purity.py`` checks it). Every rule value carries
its legal basis and the dates it is in force (:mod:`jobcenter.rules.versions`); a calculation picks the version
in force on the relevant date and returns the steps and citations that produced its answer
(:mod:`jobcenter.rules.explain`), so a counselor can read the reasoning aloud.

Entry points:

- :func:`jobcenter.rules.job_seeking.calculate_job_seeking_benefit` — 구직급여 (Employment Insurance Act).
- :func:`jobcenter.rules.recognition.recognition_schedule` — 실업인정일 schedule and job-search activity counts.
- :func:`jobcenter.rules.nesp.assess_nesp` — 국민취업지원제도 tracks, 구직촉진수당 and its payment schedule.
- :mod:`jobcenter.rules.tools` — the same as tool-style functions taking and returning JSON-ready dicts
  (for the chatbot and other callers that speak JSON).
"""

from jobcenter.rules.errors import InvalidInput
from jobcenter.rules.job_seeking import JobSeekingInput, calculate_job_seeking_benefit
from jobcenter.rules.nesp import NespInput, assess_nesp
from jobcenter.rules.recognition import RecognitionInput, recognition_schedule

__all__ = [
    "InvalidInput",
    "JobSeekingInput",
    "NespInput",
    "RecognitionInput",
    "assess_nesp",
    "calculate_job_seeking_benefit",
    "recognition_schedule",
]
