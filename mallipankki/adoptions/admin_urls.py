from django.urls import path

from . import views

app_name = "adoptions_admin"

urlpatterns = [
    path("", views.QueueView.as_view(), name="index"),
    path("<int:pk>/", views.ReportView.as_view(), name="detail"),
    path("<int:pk>/vahvista/", views.confirm, name="confirm"),
    path("<int:pk>/hylkaa/", views.reject, name="reject"),
]
