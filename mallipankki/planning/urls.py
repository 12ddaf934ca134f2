from django.urls import path

from . import views

app_name = "planning"

urlpatterns = [
    path("suunnittele/", views.plan, name="plan"),
    path("muistilista/", views.shortlist_page, name="shortlist"),
    path("muistilista/tila.json", views.state, name="state"),
    path("muistilista/lisaa/", views.add, name="add"),
    path("muistilista/poista/", views.remove, name="remove"),
    path("muistilista/muistiinpano/", views.note, name="note"),
    path("muistilista/harkittu/", views.consider, name="consider"),
    path("muistilista/peruste/", views.reason, name="reason"),
    path("muistilista/valitse/", views.choose_again, name="choose_again"),
    path("muistilista/ota-kayttoon/", views.adopt_shared, name="adopt_shared"),
]

urlpatterns += [
    path("vertaa/", views.compare, name="compare"),
    path("muistilista/liite.pdf", views.annex_pdf, name="annex_pdf"),
    path("muistilista/liite.docx", views.annex_docx, name="annex_docx"),
    # Before Wagtail's page routes, which would take /mallit/<id>/ and look for a child page.
    path("mallit/<str:practice_id>/kortti.pdf", views.practice_card, name="practice_card"),
]
