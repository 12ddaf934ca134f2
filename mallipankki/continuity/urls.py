from django.urls import path

from . import views

app_name = "continuity"

urlpatterns = [
    path("jatkuvuus/vahvista/<str:token>/", views.confirm, name="confirm"),
]
