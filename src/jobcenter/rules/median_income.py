"""기준 중위소득 (standard median income) by household size, one data version per year.

Monthly amounts in KRW, as notified by the Minister of Health and Welfare each August for the next year. The
table is data with its year: a rule dated in year Y uses the year-Y table. Years we hold from a single secondary
source are marked ``verify``. For households of 8 or more, each extra person adds the difference between the
7- and 6-person amounts (the notices' own rule); where a year's 7-person amount is not recorded here, households
of 7 or more cannot be computed and the caller is asked for the income ratio instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jobcenter.rules.basis import MEDIAN_INCOME
from jobcenter.rules.errors import InvalidInput
from jobcenter.rules.versions import RuleVersion, VersionedRule


@dataclass(frozen=True)
class MedianIncomeTable:
    year: int
    by_size: dict[int, int]

    def amount(self, household_size: int, *, field: str = "household_size") -> int:
        if household_size < 1:
            raise InvalidInput.single(field, "가구원 수는 1명 이상이어야 합니다.")
        if household_size in self.by_size:
            return self.by_size[household_size]
        if 7 in self.by_size and household_size > 7:
            step = self.by_size[7] - self.by_size[6]
            return self.by_size[7] + step * (household_size - 7)
        raise InvalidInput.single(
            field,
            f"{self.year}년 {household_size}인 가구의 기준 중위소득은 이 계산기에 없습니다. "
            "가구소득이 기준 중위소득의 몇 %인지(household_income_ratio) 직접 입력하세요.",
        )


_TABLES: dict[int, tuple[dict[int, int], bool]] = {
    2019: ({1: 1_707_008, 2: 2_906_528, 3: 3_760_032, 4: 4_613_536, 5: 5_467_040, 6: 6_320_544, 7: 7_174_048},
           True),
    2020: ({1: 1_757_194, 2: 2_991_980, 3: 3_870_577, 4: 4_749_174, 5: 5_627_771, 6: 6_506_368, 7: 7_389_715},
           False),
    2021: ({1: 1_827_831, 2: 3_088_079, 3: 3_983_950, 4: 4_876_290, 5: 5_757_373, 6: 6_628_603}, False),
    2022: ({1: 1_944_812, 2: 3_260_085, 3: 4_194_701, 4: 5_121_080, 5: 6_024_515, 6: 6_907_004, 7: 7_780_592},
           False),
    2023: ({1: 2_077_892, 2: 3_456_155, 3: 4_434_816, 4: 5_400_964, 5: 6_330_688, 6: 7_227_981, 7: 8_107_515},
           False),
    2024: ({1: 2_228_445, 2: 3_682_609, 3: 4_714_657, 4: 5_729_913, 5: 6_695_735, 6: 7_618_369, 7: 8_514_994},
           False),
    2025: ({1: 2_392_013, 2: 3_932_658, 3: 5_025_353, 4: 6_097_773, 5: 7_108_192, 6: 8_064_805}, False),
    2026: ({1: 2_564_238, 2: 4_199_292, 3: 5_359_036, 4: 6_494_738, 5: 7_556_719, 6: 8_555_952}, True),
}

STANDARD_MEDIAN_INCOME: VersionedRule[MedianIncomeTable] = VersionedRule(
    key="median_income.standard",
    label="기준 중위소득 (월, 가구원 수별)",
    versions=[
        RuleVersion(
            version_id=f"median_income.standard.{year}",
            value=MedianIncomeTable(year, sizes),
            effective_from=dt.date(year, 1, 1),
            effective_to=dt.date(year, 12, 31),
            basis=MEDIAN_INCOME,
            verify=verify,
            note="figures from secondary sources only; confirm against the MOHW notice" if verify else "",
        )
        for year, (sizes, verify) in _TABLES.items()
    ],
)


def standard_median_income(
    day: dt.date, household_size: int, *, field: str = "application_date"
) -> tuple[int, RuleVersion[MedianIncomeTable]]:
    """The monthly standard median income for ``household_size`` in the year of ``day``, and its version."""
    version = STANDARD_MEDIAN_INCOME.at(day, field=field)
    return version.value.amount(household_size), version
