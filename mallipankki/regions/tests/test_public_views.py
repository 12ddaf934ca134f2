"""The public region pages and the "Pyydä tukea" form through the test client."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from mallipankki.core import permissions
from mallipankki.core.factories import UserFactory
from mallipankki.regions import listing
from mallipankki.regions.factories import RegionalWorkerFactory, SupportRequestFactory
from mallipankki.regions.models import SupportRequest
from mallipankki.vocabularies.factories import region

from .helpers import support_post

pytestmark = pytest.mark.django_db


def section(content: str, section_id: str) -> str:
    start = content.index(f'id="{section_id}"')
    return content[start : content.index("</section>", start)]


@pytest.fixture
def lapland_practices(make_practice):
    """Two practices developed in Lapland, one adopted there, one draft, one elsewhere."""
    return {
        "developed": make_practice(name={"fi": "Tunturivalmennus"}, regions=["FI-10"]),
        "adopted": make_practice(
            name={"fi": "Kaupunkimentorointi"},
            regions=["FI-18"],
            adoptions=[{"organisation": "Rovaniemen kaupunki", "region": "FI-10"}],
        ),
        "both": make_practice(
            name={"fi": "Revontulipaja"}, regions=["FI-10"], adoptions=[{"organisation": "Kemi", "region": "FI-10"}]
        ),
        "draft": make_practice(
            name={"fi": "Salainen luonnos"},
            status="draft",
            regions=["FI-10"],
            adoptions=[{"organisation": "Inari", "region": "FI-10"}],
        ),
        "elsewhere": make_practice(name={"fi": "Saaristomalli"}, regions=["FI-19"]),
    }


def test_index_lists_every_region_with_counts(client, lapland_practices):
    response = client.get("/alueet/")
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('class="card region-card"') == 19
    lapland = content[content.index('href="/alueet/lappi/"') :][:600]
    assert "Alueella kehitetyt mallit: <strong>2</strong>" in lapland
    assert "Alueella käyttöön otetut mallit: <strong>2</strong>" in lapland
    kainuu = content[content.index('href="/alueet/kainuu/"') :][:600]
    assert "Alueella kehitetyt mallit: <strong>0</strong>" in kainuu
    assert 'href="/alueet/"' in content  # the footer link
    assert client.head("/alueet/").status_code == 200
    assert client.post("/alueet/").status_code == 405


def test_region_page_shows_published_practices_workers_and_form(client, lapland_practices):
    RegionalWorkerFactory(
        user__username="julkinen",
        regions=["lappi"],
        public_contact=True,
        title="Aluekoordinaattori",
        phone="040 765 4321",
    )
    RegionalWorkerFactory(user__username="yksityinen", regions=["lappi"], public_contact=False, phone="050 999 8888")
    response = client.get("/alueet/lappi/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Lappi</h1>" in content
    developed, adopted = section(content, "kehitetyt"), section(content, "kaytossa")
    assert "Tunturivalmennus" in developed and "Revontulipaja" in developed
    assert "Kaupunkimentorointi" not in developed
    assert "Kaupunkimentorointi" in adopted and "Revontulipaja" in adopted
    assert "Tunturivalmennus" not in adopted
    # Nothing unpublished or from another region; no private contact.
    for text in ("Salainen luonnos", "Saaristomalli", "yksityinen@example.org", "050 999 8888", "Yksityinen"):
        assert text not in content
    assert "julkinen@example.org" in content and "040 765 4321" in content and "Aluekoordinaattori" in content
    # Breadcrumbs, the continuity include and the support form preset to the region.
    assert '<a href="/alueet/">Alueet</a>' in content
    assert 'aria-current="page">Lappi</a>' in content
    # The region's name in the Finnish case each sentence needs.
    assert "Lapissa kehitetyt mallit" in developed and "Lapissa käyttöön otetut mallit" in adopted
    assert "Jatkuvuusriskit Lapissa" in content and "Lapin aluetyöntekijät" in content
    assert "Pyyntö menee Lapin maakunnan aluetyöntekijöille" in content
    assert "maakunnan Lappi" not in content
    assert 'action="/alueet/tukipyynto/"' in content
    assert '<option value="FI-10" selected>Lappi</option>' in content


def test_region_page_empty_states(client, practice_index):
    response = client.get("/alueet/kainuu/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kainuussa kehitettyjä malleja ei ole vielä julkaistu." in content
    assert "Kainuussa ei ole vielä vahvistettuja käyttöönottoja." in content
    assert "Aluetyöntekijöiden yhteystietoja ei ole julkaistu." in content


def test_unknown_region_and_list_are_404(client, practice_index):
    assert client.get("/alueet/atlantis/").status_code == 404
    assert client.get("/alueet/lappi/kaikki/").status_code == 404
    assert client.get("/alueet/atlantis/kehitetyt/").status_code == 404


def test_region_page_previews_and_paginates_long_lists(client, make_practice, monkeypatch):
    # Small sizes keep the test fast; the views read them at request time.
    monkeypatch.setattr(listing, "PREVIEW_SIZE", 2)
    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    total = listing.PREVIEW_SIZE + listing.PAGE_SIZE - 1
    for number in range(total):
        make_practice(name={"fi": f"Lapin malli {number:02d}"}, regions=["FI-10"])
    content = client.get("/alueet/lappi/").content.decode()
    developed = section(content, "kehitetyt")
    assert developed.count('class="card practice-card') == listing.PREVIEW_SIZE
    assert f"Näytä kaikki {total}" in developed and 'href="/alueet/lappi/kehitetyt/"' in developed

    first = client.get("/alueet/lappi/kehitetyt/")
    assert first.status_code == 200
    assert first.content.decode().count('class="card practice-card') == listing.PAGE_SIZE
    assert "sivu 1/2" in first.content.decode()
    second = client.get("/alueet/lappi/kehitetyt/?sivu=2").content.decode()
    assert second.count('class="card practice-card') == total - listing.PAGE_SIZE
    assert "Lapin malli 00" in first.content.decode() and "Lapin malli 00" not in second


def test_query_budgets(client, django_assert_max_num_queries, lapland_practices):
    RegionalWorkerFactory(user__username="julkinen", regions=["lappi"], public_contact=True)
    # Measured: 6, 21 (of which the continuity include's about 6), 10 and 4; none grows with the lists.
    with django_assert_max_num_queries(6):
        assert client.get("/alueet/").status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get("/alueet/lappi/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/alueet/lappi/kaytossa/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/alueet/tukipyynto/").status_code == 200


# --- the form ------------------------------------------------------------------------------------


def test_practice_page_links_to_the_form_and_the_form_records_the_practice(client, lapland_practices):
    practice = lapland_practices["developed"]
    page = client.get(practice.url).content.decode()
    link = f'href="/alueet/tukipyynto/?malli={practice.slug}"'
    assert link in page and 'id="tuki-heading"' in page

    form_page = client.get(f"/alueet/tukipyynto/?malli={practice.slug}")
    content = form_page.content.decode()
    assert form_page.status_code == 200
    assert "Tunturivalmennus" in content
    assert f'name="practice" value="{practice.slug}"' in content
    assert '<option value="FI-10" selected>Lappi</option>' in content


def test_form_of_an_unpublished_practice_records_nothing(client, lapland_practices):
    draft = lapland_practices["draft"]
    content = client.get(f"/alueet/tukipyynto/?malli={draft.slug}").content.decode()
    # The language links repeat the address as typed, whatever it names: not a sign of the draft.
    content = re.sub(
        r'<link rel="alternate" hreflang=[^>]*>|<nav class="language-switch".*?</nav>', "", content, flags=re.S
    )
    assert "Salainen luonnos" not in content and draft.slug not in content
    assert '<option value="" selected>Valitse maakunta</option>' in content


def test_send_request_from_a_practice_then_confirmation(client, lapland_practices):
    RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])
    practice = lapland_practices["adopted"]
    response = client.post("/alueet/tukipyynto/", support_post(practice=practice.slug))
    assert response.status_code == 302 and response["Location"] == reverse("regions:thanks")
    support_request = SupportRequest.objects.get()
    assert support_request.practice_id == practice.pk and support_request.region.slug == "lappi"
    assert [message.to for message in mail.outbox] == [["pyytaja@example.org"], ["lappilainen@example.org"]]

    thanks = client.get(response["Location"]).content.decode()
    assert support_request.reference in thanks
    assert "Pyyntösi on välitetty Lapin maakunnan aluetyöntekijöille." in thanks
    assert "Kaupunkimentorointi" in thanks
    assert "pyytaja@example.org" not in thanks


def test_request_to_a_region_without_workers_goes_to_editors(client, practice_index):
    UserFactory(username="toimittaja", role=permissions.EDITORS)
    response = client.post("/alueet/tukipyynto/", support_post(region="FI-05"))
    assert response.status_code == 302
    receipt, to_editor = mail.outbox
    assert to_editor.to == ["toimittaja@example.org"]
    assert "Kainuussa ei ole tällä hetkellä aluetyöntekijää" in receipt.body


def test_thanks_without_a_request_goes_back_to_the_form(client, practice_index):
    response = client.get("/alueet/tukipyynto/kiitos/")
    assert response.status_code == 302 and response["Location"] == reverse("regions:support")


def test_errors_are_summarised_and_the_typed_values_kept(client, practice_index):
    response = client.post("/alueet/tukipyynto/", support_post(email="ei-osoite", consent=None, region=""))
    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Virhe: Pyydä tukea" in content
    assert "Lomakkeessa on 3 virhettä." in content
    assert 'href="#id_region"' in content and 'href="#id_email"' in content and 'href="#id_consent"' in content
    assert 'aria-invalid="true"' in content and "id_email_error" in content
    assert 'value="Esimerkkikunta"' in content
    assert not SupportRequest.objects.exists() and mail.outbox == []


def test_honeypot_looks_like_success_but_stores_and_sends_nothing(client, practice_index):
    RegionalWorkerFactory(user__username="lappilainen", regions=["lappi"])
    response = client.post("/alueet/tukipyynto/", support_post(website="https://roskaa.example"))
    assert response.status_code == 200 and "Kiitos tukipyynnöstä" in response.content.decode()
    assert not SupportRequest.objects.exists() and mail.outbox == []


def test_rate_limit_per_address(client, practice_index, settings):
    settings.SUPPORT_REQUEST_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post("/alueet/tukipyynto/", support_post()).status_code == 302
    response = client.post("/alueet/tukipyynto/", support_post())
    assert response.status_code == 429 and "Liian monta tukipyyntöä" in response.content.decode()
    assert SupportRequest.objects.count() == 2
    other = client.post("/alueet/tukipyynto/", support_post(), REMOTE_ADDR="203.0.113.5")
    assert other.status_code == 302


def test_behind_one_proxy_a_forged_forwarded_for_neither_escapes_the_limit_nor_spends_another_address(
    client, practice_index, settings
):
    """nginx in front (REMOTE_ADDR 127.0.0.1) appends the visitor's address to what the visitor sent."""
    settings.PROPOSAL_TRUSTED_PROXIES = 1
    settings.SUPPORT_REQUEST_RATE_LIMIT = 2

    def post(forwarded):
        return client.post(
            "/alueet/tukipyynto/", support_post(), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        )

    # A new forged address each time: still the visitor's own limit.
    assert post("198.51.100.1, 203.0.113.5").status_code == 302
    assert post("198.51.100.2, 203.0.113.5").status_code == 302
    assert post("198.51.100.3, 203.0.113.5").status_code == 429
    # The forged addresses have spent nothing of their own.
    assert post("198.51.100.1").status_code == 302
    assert SupportRequest.objects.count() == 3


def test_behind_a_proxy_without_the_setting_every_visitor_shares_one_limit(client, practice_index, settings):
    """The default 0 behind nginx: why production sets PROPOSAL_TRUSTED_PROXIES (README, deployment)."""
    settings.SUPPORT_REQUEST_RATE_LIMIT = 2

    def post(visitor):
        return client.post("/alueet/tukipyynto/", support_post(), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor)

    assert post("203.0.113.5").status_code == 302
    assert post("203.0.113.5").status_code == 302
    assert post("198.51.100.9").status_code == 429  # someone else, locked out by the first visitor
    settings.PROPOSAL_TRUSTED_PROXIES = 1
    assert post("198.51.100.9").status_code == 302


def test_private_request_data_never_on_public_pages(client, lapland_practices):
    SupportRequestFactory(
        region=region("lappi"), name="Salainen Pyytäjä", email="salainen@example.org", message="Luottamuksellinen asia"
    )
    for path in ("/alueet/", "/alueet/lappi/", "/alueet/lappi/kehitetyt/", lapland_practices["developed"].url):
        content = client.get(path).content.decode()
        for text in ("Salainen Pyytäjä", "salainen@example.org", "Luottamuksellinen asia"):
            assert text not in content, (path, text)


def test_hostile_query_strings_are_harmless(client, practice_index):
    for query in ("?alue=%00&malli=%00", "?alue=" + "x" * 5000, "?malli[]=a&alue[]=b"):
        assert client.get("/alueet/tukipyynto/" + query).status_code == 200, query
    assert client.get("/alueet/lappi/kehitetyt/?sivu=%00").status_code == 200
    response = client.post("/alueet/tukipyynto/", support_post(region="FI-10\x00", practice="a\x00"))
    assert response.status_code == 200 and "Valitse maakunta luettelosta." in response.content.decode()


def test_region_slug_lookup_uses_the_vocabulary(client, practice_index):
    # Every region of the vocabulary has its page.
    for slug in ("ahvenanmaa", "uusimaa", "varsinais-suomi"):
        assert client.get(f"/alueet/{slug}/").status_code == 200
    assert region("uusimaa").code == "FI-18"
