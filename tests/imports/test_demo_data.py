from __future__ import annotations

from django.core.management import call_command

from jobcenter.accounts.models import User
from jobcenter.employers.models import Company
from jobcenter.employers.validators import business_number_is_valid
from jobcenter.jobs.models import Application, ApplicationStatusChange, JobPosting, PostingStatus
from jobcenter.seekers.models import SeekerProfile
from jobcenter.training.models import TrainingCourse


def _counts():
    return tuple(m.objects.count() for m in (User, Company, JobPosting, SeekerProfile, Application,
                                             ApplicationStatusChange, TrainingCourse))


def test_setup_demo_fills_the_portal_and_a_second_run_adds_nothing(db, capsys, settings, monkeypatch):
    # The built-in set only, so the test means the same with or without ../shared/data.
    call_command("setup_demo", "--builtin-only")
    out = capsys.readouterr().out
    assert "seeker@demo.jobcenter.kr" in out and "employer@demo.jobcenter.kr" in out
    first = _counts()
    assert JobPosting.objects.filter(status=PostingStatus.OPEN).count() >= 200
    assert JobPosting.objects.values("region").distinct().count() >= 10
    assert JobPosting.objects.values("occupation").distinct().count() >= 20
    assert SeekerProfile.objects.count() >= 30 and Application.objects.count() >= 30
    assert TrainingCourse.objects.count() >= 20
    assert all(business_number_is_valid(c.business_number) for c in Company.objects.all())
    demo_seeker = User.objects.get(email="seeker@demo.jobcenter.kr")
    assert demo_seeker.seeker_profile.work_experiences.exists()
    employer = User.objects.get(email="employer@demo.jobcenter.kr")
    assert Application.objects.filter(posting__company__members__user=employer).exists()

    call_command("setup_demo", "--builtin-only")
    assert "nothing new" in capsys.readouterr().out
    assert _counts() == first
