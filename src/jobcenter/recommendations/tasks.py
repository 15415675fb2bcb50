"""Celery tasks of the recommendations app. A task calls one service and holds no logic of its own.

The tasks bind to the project's Celery app here (not in an AppConfig.ready), so Celery is imported only by the
code that sends or runs tasks, not by every page and command; workers find this module by autodiscovery.
"""

from __future__ import annotations

from jobcenter.celery import app


@app.task(name="recommendations.recommend_for_seekers")
def recommend_for_seekers(seeker_ids: list[int], top: int = 20) -> dict[str, int]:
    from jobcenter.recommendations.services import recommendation_batch_run

    return recommendation_batch_run(seeker_ids=seeker_ids, top=top)
