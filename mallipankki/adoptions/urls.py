from django.urls import path

from . import views

app_name = "adoptions"

# Under the practice's own address in the catalogue: /mallit/<id>/kaytossa/.
# The id is the practice's slug, the stable id of the interchange format.
urlpatterns = [
    path("mallit/<slug:practice_id>/kaytossa/", views.report, name="report"),
    path("mallit/<slug:practice_id>/kaytossa/kiitos/", views.thanks, name="thanks"),
]
