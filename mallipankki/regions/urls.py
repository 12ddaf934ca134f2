from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("", views.index, name="index"),
    # Fixed paths before <slug>: no region is called "tukipyynto".
    path("tukipyynto/", views.support, name="support"),
    path("tukipyynto/kiitos/", views.thanks, name="thanks"),
    path("<slug:slug>/", views.region, name="region"),
    path("<slug:slug>/<slug:kind>/", views.practice_list, name="practices"),
]
