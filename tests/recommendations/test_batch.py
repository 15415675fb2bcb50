"""Batch recommendations: one Celery task per chunk of seekers; in-process without a broker, and through a real
Celery worker (in-memory broker, worker thread) to prove the tasks serialise and run apart from the caller."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from jobcenter.audit.models import RecommendationLog
from jobcenter.recommendations import services


@pytest.mark.django_db
def test_batch_records_a_list_per_enabled_seeker_and_skips_those_who_said_no(seekers, postings):
    seekers.bob_profile.recommendations_enabled = False
    seekers.bob_profile.save()
    summary = services.recommendation_batch_dispatch(chunk=1, top=5)
    enabled = services.selectors.batch_seeker_ids()
    assert seekers.bob_profile.pk not in enabled and seekers.alice_profile.pk in enabled
    assert summary["chunks"] == len(enabled) and summary["seekers"] == len(enabled)
    logs = RecommendationLog.objects.filter(surface="batch")
    assert sorted(log.subject_id for log in logs) == enabled
    assert all(log.viewer is None and len(log.items) <= 5 for log in logs)
    alice = logs.get(subject_id=seekers.alice_profile.pk)
    assert alice.items[0]["id"] == postings.welder.pk
    assert summary["items"] == sum(len(log.items) for log in logs)


@pytest.mark.django_db
def test_batch_run_counts_skipped_and_missing(seekers, postings):
    seekers.bob_profile.recommendations_enabled = False
    seekers.bob_profile.save()
    totals = services.recommendation_batch_run(
        seeker_ids=[seekers.alice_profile.pk, seekers.bob_profile.pk, 987654], top=3)
    assert totals["seekers"] == 1 and totals["skipped"] == 1 and totals["missing"] == 1
    assert not RecommendationLog.objects.filter(subject_id=seekers.bob_profile.pk).exists()


@pytest.mark.django_db
def test_batch_rejects_a_bad_chunk_size(seekers):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.recommendation_batch_dispatch(chunk=0)
    assert "chunk" in error.value.message_dict


@pytest.mark.django_db
def test_recommend_batch_command_prints_totals(seekers, postings, capsys):
    import json

    call_command("recommend_batch", "--chunk", "10", "--top", "3")
    summary = json.loads(capsys.readouterr().out)
    assert summary["seekers"] == RecommendationLog.objects.filter(surface="batch").count() >= 1


@pytest.mark.django_db(transaction=True)
def test_tasks_run_in_a_real_celery_worker(seekers, postings, settings):
    import threading

    from celery.contrib.testing.worker import start_worker
    from celery.signals import task_prerun

    from jobcenter.celery import app

    ran_in: list[str] = []

    def record_thread(**_kwargs):
        ran_in.append(threading.current_thread().name)

    task_prerun.connect(record_thread, weak=False)
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            summary = services.recommendation_batch_dispatch(chunk=1, top=3, timeout=60)
    finally:
        app.conf.task_always_eager = True
        task_prerun.disconnect(record_thread)
    assert summary["chunks"] >= 2 and summary["seekers"] == summary["chunks"]
    # Run by the worker, not eagerly in the caller's thread.
    assert len(ran_in) == summary["chunks"] and threading.current_thread().name not in ran_in
    assert RecommendationLog.objects.filter(surface="batch").count() == summary["seekers"]
