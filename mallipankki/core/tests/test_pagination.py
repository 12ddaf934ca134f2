"""The pagination of long listings (includes/pagination.html): a visitor sees the first and last
page, two on each side of the current one and a gap for the rest, however many pages there are."""

from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory

from mallipankki.core.templatetags.mallipankki_tags import page_numbers


def test_a_long_listing_links_the_ends_and_the_neighbours_of_the_current_page():
    page = Paginator(range(1000), 20).get_page(25)
    assert page_numbers(page) == [1, None, 23, 24, 25, 26, 27, None, 50]
    assert page_numbers(Paginator(range(1000), 20).get_page(1)) == [1, 2, 3, None, 50]
    assert page_numbers(Paginator(range(1000), 20).get_page(50)) == [1, None, 48, 49, 50]


def test_a_short_listing_links_every_page():
    assert page_numbers(Paginator(range(100), 20).get_page(3)) == [1, 2, 3, 4, 5]


def test_the_links_keep_the_query_and_mark_the_current_page():
    request = RequestFactory().get("/mallit/", {"teema": "yhteistyo", "sivu": "25"})
    page = Paginator(range(1000), 20).get_page(25)
    html = Template('{% include "includes/pagination.html" %}').render(RequestContext(request, {"page_obj": page}))
    assert html.count('class="pagination__item"') == 7
    assert html.count("pagination__item--gap") == 2
    assert 'href="?teema=yhteistyo&amp;sivu=50"' in html
    assert 'href="?teema=yhteistyo&amp;sivu=25" aria-current="page"' in html
