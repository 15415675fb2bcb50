"""Celery tasks of the recommendations app. A task calls one service and holds no logic of its own."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="recommendations.recommend_for_seekers")
def recommend_for_seekers(seeker_ids: list[int], top: int = 20) -> dict[str, int]:
    from jobcenter.recommendations.services import recommendation_batch_run

    return recommendation_batch_run(seeker_ids=seeker_ids, top=top)
