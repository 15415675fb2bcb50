import math

import pytest

from jobcenter.geo import haversine_km, round_km

SEOUL_CITY_HALL = (37.5663, 126.9779)
BUSAN_CITY_HALL = (35.1798, 129.0750)


def test_same_point_is_zero():
    assert haversine_km(*SEOUL_CITY_HALL, *SEOUL_CITY_HALL) == 0


def test_seoul_to_busan_is_about_325_km():
    assert haversine_km(*SEOUL_CITY_HALL, *BUSAN_CITY_HALL) == pytest.approx(325, abs=3)


def test_symmetric():
    assert haversine_km(*SEOUL_CITY_HALL, *BUSAN_CITY_HALL) == pytest.approx(
        haversine_km(*BUSAN_CITY_HALL, *SEOUL_CITY_HALL)
    )


def test_one_degree_of_latitude_is_about_111_km():
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)


def test_antipodes_are_half_the_circumference():
    assert haversine_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088)


@pytest.mark.parametrize("args", [(91, 0, 0, 0), (0, 0, -90.5, 0), (0, 181, 0, 0), (0, 0, 0, -180.1)])
def test_out_of_range_coordinates_are_refused(args):
    with pytest.raises(ValueError):
        haversine_km(*args)


@pytest.mark.parametrize(("km", "shown"), [(0.04, 0.0), (3.44, 3.4), (9.96, 10.0), (12.4, 12), (12.6, 13)])
def test_round_km(km, shown):
    assert round_km(km) == shown
