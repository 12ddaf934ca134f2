"""The card data of the public listings (listing.with_card_data) and of search results (listing.cards_by_id)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from mallipankki.practices.listing import CARD_FIELDS, cards_by_id, published_practices, with_card_data
from mallipankki.practices.models import PracticePage

PDF = {"type": "pdf", "title": {"fi": "Opas"}, "url": "https://example.fi/opas.pdf"}
LINK = {"type": "link", "title": {"fi": "Sivusto"}, "url": "https://example.fi/malli"}


@pytest.mark.django_db
def test_a_card_names_the_kind_of_the_first_material(make_practice, django_assert_max_num_queries):
    make_practice(id="pdf-ensin", resources=[PDF, LINK])
    make_practice(id="linkki-ensin", resources=[LINK, PDF])
    make_practice(id="ei-materiaalia")
    make_practice(id="luonnos", resources=[PDF], status="draft")

    with django_assert_max_num_queries(5):  # pages, target groups, regions, countries (+ a spare)
        kinds = {card.slug: card.resource_kind for card in with_card_data(published_practices())}
    assert kinds == {"pdf-ensin": "pdf", "linkki-ensin": "link", "ei-materiaalia": "link"}
    # A page loaded without the card data reads its materials itself.
    assert PracticePage.objects.get(slug="pdf-ensin").resource_kind == "pdf"
    assert PracticePage.objects.get(slug="linkki-ensin").resource_kind == "link"


@pytest.mark.django_db
def test_a_card_has_its_target_groups_and_adoption_count(make_practice, django_assert_max_num_queries):
    make_practice(
        id="klubitalo",
        target_groups=["mielenterveyskuntoutujat", "nuoret"],
        adoptions=[{"organisation": "Klubi ry", "country": "FI"}, {"organisation": "Talo ry", "country": "FI"}],
    )
    with django_assert_max_num_queries(5):  # pages, target groups, regions, countries (+ a spare)
        (card,) = with_card_data(published_practices())
        groups = [group.code for group in card.card_target_groups]
    assert sorted(groups) == ["mielenterveyskuntoutujat", "nuoret"]
    assert card.adoption_count == 2


@pytest.mark.django_db
def test_a_card_lists_the_target_groups_however_the_practice_was_loaded(make_practice):
    make_practice(
        id="klubitalo",
        target_groups=["mielenterveyskuntoutujat", "nuoret"],
        adoptions=[{"organisation": "Klubi ry", "country": "FI"}],
    )
    loaded = [next(iter(with_card_data(published_practices()))), PracticePage.objects.get(slug="klubitalo")]
    for practice in loaded:
        html = BeautifulSoup(render_to_string("includes/practice_card.html", {"practice": practice}), "html.parser")
        meta = [line.get_text(" ", strip=True) for line in html.select(".card__meta")]
        assert meta[0] == "Kohderyhmät: Mielenterveyskuntoutujat, Nuoret"
    # The adoption count comes with the card data only.
    assert "Käytössä 1 organisaatiossa" in render_to_string("includes/practice_card.html", {"practice": loaded[0]})


@pytest.mark.django_db
def test_cards_by_id_are_the_cards_with_card_data_gives(make_practice, django_assert_max_num_queries):
    """The search results' loader (cards_by_id) against the listings' one:
    the same practices, values and card, and only published public ones."""
    make_practice(
        id="klubitalo",
        target_groups=["nuoret", "mielenterveyskuntoutujat"],
        adoptions=[{"organisation": "Klubi ry", "country": "FI"}],
        resources=[LINK, PDF],
    )
    make_practice(id="pdf-ensin", target_groups=[], resources=[PDF])
    make_practice(id="luonnos", status="draft")
    restricted = make_practice(id="rajattu")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    ids = [*PracticePage.objects.values_list("pk", flat=True), 10**9]

    with django_assert_max_num_queries(4):  # pages; target groups, regions, countries
        cards = cards_by_id(ids)
    expected = {practice.pk: practice for practice in with_card_data(published_practices().filter(pk__in=ids))}
    assert sorted(card.slug for card in cards.values()) == ["klubitalo", "pdf-ensin"]
    assert cards.keys() == expected.keys()
    for pk, card in cards.items():
        other = expected[pk]
        for name in CARD_FIELDS:
            attname = PracticePage._meta.get_field(name).attname
            assert getattr(card, attname) == getattr(other, attname), name
        assert (card.adoption_count, card.resource_kind) == (other.adoption_count, other.resource_kind)
        assert card.card_target_groups == other.card_target_groups
        # Rendered alike, and without reading anything more than the other.
        # (The other first: the first card rendered reads the sites, once.)
        with CaptureQueriesContext(connection) as other_queries:
            html = render_to_string("includes/practice_card.html", {"practice": other})
        with CaptureQueriesContext(connection) as card_queries:
            assert render_to_string("includes/practice_card.html", {"practice": card}) == html
        assert len(card_queries) <= len(other_queries), [query["sql"] for query in card_queries]
    assert [group.code for group in cards[PracticePage.objects.get(slug="klubitalo").pk].card_target_groups] == [
        group.code for group in PracticePage.objects.get(slug="klubitalo").target_groups.order_by("sort_order", "code")
    ]


@pytest.mark.django_db
def test_cards_by_id_leaves_out_everything_below_a_restricted_page(make_practice, practice_index):
    practice = make_practice(id="klubitalo")
    PageViewRestriction.objects.create(page=practice_index, restriction_type=PageViewRestriction.LOGIN)
    assert cards_by_id([practice.pk]) == {}
