"""A stored profile as an interchange SeekerRecord (JSON Resume + x-jobcenter). Never protected attributes."""

from __future__ import annotations

from jobcenter.seekers.models import JobPreference, SeekerProfile


def seeker_to_record(profile: SeekerProfile):
    from jobcenter.interchange.jsonresume import (
        CertificateRecord,
        EducationRecord,
        SeekerRecord,
        TrainingRecord,
        WorkRecord,
    )

    region = profile.home_region
    province = region.parent if region is not None and region.parent_id else region
    locality = region.name if region is not None and region.parent_id else (region.short_name if region else None)
    try:
        pref = profile.preference
    except JobPreference.DoesNotExist:
        pref = None
    return SeekerRecord(
        identifier=profile.source_key or f"jobcenter:{profile.pk}",
        name=profile.display_name,
        email=profile.email or None,
        phone=profile.phone or None,
        region=province.name if province else None,
        city=locality,
        work=[
            WorkRecord(
                employer=w.employer_name or None, position=w.title, start_date=w.start_date, end_date=w.end_date,
                summary=w.duties or None, occupation_code=w.occupation.concept_id if w.occupation else None,
            )
            for w in profile.work_experiences.select_related("occupation").order_by("id")
        ],
        education=[
            EducationRecord(study_type=e.level_text or (e.level.name if e.level else None),
                            institution=e.institution or None, area=e.major or None, end_date=e.end_date)
            for e in profile.educations.select_related("level").order_by("id")
        ],
        certificates=[
            CertificateRecord(name=c.name, date=c.acquired_on, issuer=c.issuer or None)
            for c in profile.certificates.order_by("id")
        ],
        training=[
            TrainingRecord(name=t.course_name, provider=t.provider or None, start_date=t.start_date,
                           end_date=t.end_date, completed=t.completed)
            for t in profile.training_records.order_by("id")
        ],
        desired_occupations=list(pref.desired_occupation_texts) if pref else [],
        pref_region=province.name if province else None,
        pref_locality=locality,
        pref_latitude=profile.home_latitude,
        pref_longitude=profile.home_longitude,
        max_commute_km=pref.max_commute_km if pref else None,
        desired_wage=pref.desired_wage if pref else None,
        desired_wage_unit=pref.desired_wage_unit if pref else "MONTH",
        employment_types=list(pref.employment_types) if pref else [],
        available_from=pref.available_from if pref else None,
        discoverable=profile.discoverable,
    )
