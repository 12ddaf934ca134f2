from django.urls import path

from . import admin_views

app_name = "regions_admin"

urlpatterns = [
    path("", admin_views.SupportRequestListView.as_view(), name="index"),
    path("<int:pk>/", admin_views.SupportRequestDetailView.as_view(), name="detail"),
]
