"""The main menu (base.html) names the regions, on every page and in the
same list that folds behind the menu button on a phone (issue 19)."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(home_page):
    from mallipankki.practices.factories import PracticeIndexPageFactory

    return PracticeIndexPageFactory(parent=home_page, show_in_menus=True)


def menu_links(client, path) -> dict[str, dict]:
    response = client.get(path)
    assert response.status_code == 200
    menu = BeautifulSoup(response.content, "html.parser").find(id="main-nav-list")
    return {link.get_text(strip=True): link.attrs for link in menu.find_all("a")}


def test_regions_are_in_the_main_menu(client, catalogue):
    links = menu_links(client, "/")
    assert links["Alueet"]["href"] == "/alueet/"
    assert "aria-current" not in links["Alueet"]
    assert "Mallit" in links  # the pages' own items stay


def test_the_menu_marks_the_regions_page_and_the_pages_below_it(client, catalogue):
    assert menu_links(client, "/alueet/")["Alueet"]["aria-current"] == "page"
    assert menu_links(client, "/alueet/tukipyynto/")["Alueet"]["aria-current"] == "true"
