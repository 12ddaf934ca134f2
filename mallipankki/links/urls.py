from django.urls import path

from . import views

app_name = "links"

urlpatterns = [
    path("mallit/<int:practice_id>/arkisto/<int:copy_id>/", views.copy_page, name="copy"),
    path("mallit/<int:practice_id>/arkisto/<int:copy_id>/lataa/", views.copy_download, name="copy_download"),
]
