"""Outlets from URLs: the registry first, else the name a site's domain reads as."""

import pytest

from diplotrack.ingest.outlets import name_of_site, outlet_of_url, site_of


def test_site_is_the_registered_domain():
    assert site_of("https://news.bbc.co.uk/2/hi/x") == "bbc.co.uk"
    assert site_of("https://en.shafaqna.com/304730/x") == "shafaqna.com"
    # a private suffix (blogspot) keeps the blog's own name
    assert site_of("http://panafricannews.blogspot.com/2025/04/x.html") == "panafricannews.blogspot.com"
    assert site_of(None) is None and site_of("not a url") is None


@pytest.mark.parametrize(("site", "name"), [
    ("lokmattimes.com", "Lokmat Times"),          # a leftover before a masthead word
    ("middleeastmonitor.com", "Middle East Monitor"),
    ("ripplesnigeria.com", "Ripples Nigeria"),    # a country name from the gazetteer
    ("thefrontierpost.com", "The Frontier Post"),
    ("bnnbreaking.com", "BNN Breaking"),          # a short leftover is an acronym
    ("lbc.co.uk", "LBC"),
    ("kommersant.ru", "Kommersant"),              # no known word: one word
    ("newsx.com", "Newsx"),                       # a one-letter leftover is not split off
    ("kabul-24.com", "Kabul-24"),
    ("aljarida.com", "Al Jarida"),
])
def test_name_of_site(site, name):
    assert name_of_site(site) == name


def test_registry_before_the_domain():
    assert outlet_of_url("https://www.dawn.com/news/1") == "Dawn"
    assert outlet_of_url("https://www.khaleejtimes.com/uae/x") == "Khaleej Times"
    assert outlet_of_url(None) is None
    assert name_of_site("xn--mgbh0fb.xn--kpry57d") == "xn--mgbh0fb.xn--kpry57d"  # punycode stays as it is
