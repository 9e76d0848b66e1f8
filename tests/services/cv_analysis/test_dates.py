"""French date ranges as CVs write them."""

import pytest

from tremplin.services.cv_analysis.dates import find_date_ranges, first_range


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("depuis mars 2021", "2021-03", None, True),
        ("Depuis 2020", "2020", None, True),
        ("à partir de sept. 2019", "2019-09", None, True),
        ("2019 – aujourd'hui", "2019", None, True),
        ("2019 - à ce jour", "2019", None, True),
        ("Du 01/07/2017 à ce jour", "2017-07", None, True),
        ("Mars 2021 - Présent", "2021-03", None, True),
        ("2020 – en cours", "2020", None, True),
        ("09/2018-06/2020", "2018-09", "2020-06", False),
        ("09/2018 à 06/2020", "2018-09", "2020-06", False),
        ("09/18 - 06/20", "2018-09", "2020-06", False),
        ("de janvier 2015 à juin 2017", "2015-01", "2017-06", False),
        ("De janvier à juin 2017", "2017-01", "2017-06", False),
        ("mars-juin 2019", "2019-03", "2019-06", False),
        ("novembre à février 2021", "2020-11", "2021-02", False),
        ("Du 01/02/2015 au 30/06/2017", "2015-02", "2017-06", False),
        ("2015-2017", "2015", "2017", False),
        ("2019/2021", "2019", "2021", False),
        ("2015 / 2017", "2015", "2017", False),
        ("Sept. 2018 – Juin 2020", "2018-09", "2020-06", False),
        ("nov. 2019 → févr. 2021", "2019-11", "2021-02", False),
        ("2018-09 – 2020-06", "2018-09", "2020-06", False),
        ("Juin 2017", "2017-06", "2017-06", False),
        ("Été 2016", "2016-07", "2016-07", False),
    ],
)
def test_forms(text, start, end, current):
    rng = first_range(text)
    assert rng is not None, text
    assert rng.as_dict() == {"start": start, "end": end, "current": current}


def test_span_points_into_the_line():
    text = "Vendeuse (CDD) – Intersport – de décembre 2020 à avril 2021"
    rng = first_range(text)
    assert text[rng.span[0] : rng.span[1]] == "de décembre 2020 à avril 2021"


def test_reversed_range_is_put_back_in_order():
    rng = first_range("2016 - 2014")
    assert (rng.start.year, rng.end.year) == (2014, 2016)
    assert "dates inversées" in rng.notes


def test_not_dates():
    assert find_date_ranges("2000 € brut mensuel") == []
    assert find_date_ranges("74000 Annecy") == []
    assert find_date_ranges("06 12 34 56 78") == []
    assert first_range("Gestion de 250 bulletins de paie", ranges_only=True) is None


def test_open_range_with_trailing_dash():
    rng = first_range("2021 -")
    assert rng.current and rng.start.year == 2021 and rng.confidence < 0.9


def test_duration_months():
    assert first_range("09/2018-06/2020").months() == 22
    assert first_range("2015-2017").months() == 36
