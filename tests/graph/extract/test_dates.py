"""Event dates: what a sentence says of when, resolved against the article's date."""

import datetime as dt

import pytest

from alignkg.graph.extract.dates import event_date

THURSDAY = dt.date(2024, 5, 9)


@pytest.mark.parametrize("sentence,expected", [
    ("Iran sold drones to Russia on Tuesday.", dt.date(2024, 5, 7)),
    ("Iran sold drones to Russia on Thursday.", THURSDAY),
    ("Iran sold drones to Russia last Friday.", dt.date(2024, 5, 3)),
    ("Iran sold drones to Russia yesterday.", dt.date(2024, 5, 8)),
    ("Iran sold drones to Russia in March 2019.", dt.date(2019, 3, 1)),
    ("Iran sold drones to Russia in March.", dt.date(2024, 3, 1)),
    ("Iran sold drones to Russia in September.", dt.date(2023, 9, 1)),
    ("Iran sold drones to Russia on March 4.", dt.date(2024, 3, 4)),
    ("Iran sold drones to Russia on 4 March 2022.", dt.date(2022, 3, 4)),
    ("Iran sold drones to Russia on Sept. 12, 2022.", dt.date(2022, 9, 12)),
    ("Iran sold drones to Russia in 2022.", dt.date(2022, 1, 1)),
    ("Iran sold drones to Russia on 2023-10-20.", dt.date(2023, 10, 20)),
    ("On Tuesday, May 7, Iran sold drones to Russia.", dt.date(2024, 5, 7)),
])
def test_dates_event_date_resolves_against_the_article_date(sentence, expected):
    assert event_date(sentence, THURSDAY) == expected


@pytest.mark.parametrize("sentence", [
    "Iran sold drones to Russia.",
    "Iran sold 2022 drones to Russia.",              # an amount, not a year
    "Russia may sell arms to Iran.",                 # the verb, not the month
    "Iran sold drones to Russia in 2022 and to Syria in 2023.",  # two dates: which one?
    "Iran sold drones to Russia on February 30.",    # no such day
])
def test_dates_no_date_or_several_give_none(sentence):
    assert event_date(sentence, THURSDAY) is None


def test_dates_relative_dates_need_the_article_date():
    assert event_date("Iran sold drones to Russia on Tuesday.") is None
    assert event_date("Iran sold drones to Russia in March 2019.") == dt.date(2019, 3, 1)
