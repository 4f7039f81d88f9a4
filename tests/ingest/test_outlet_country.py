"""The country an outlet speaks from (ingest.outlets.outlet_country)."""

import pytest

from diplotrack.ingest.outlets import outlet_country


@pytest.mark.parametrize("outlet, url, expected", [
    ("Mint", None, "IND"),
    ("The Times of Israel", None, "ISR"),  # the longer name wins over "The Times"
    ("The Times", None, "GBR"),
    ("Khaleej Times", "https://www.khaleejtimes.com/x", "ARE"),
    (None, "https://www.example.pk/news/1", "PAK"),  # by the top-level domain
    ("Mintage Weekly", "https://example.com/a", None),  # whole words only
    (None, None, None),
])
def test_outlet_country_by_name_then_domain(outlet, url, expected):
    assert outlet_country(outlet, url) == expected
