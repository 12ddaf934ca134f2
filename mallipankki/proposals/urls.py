from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("ehdota/", views.propose, name="propose"),
    path("ehdota/kiitos/", views.thanks, name="thanks"),
]
