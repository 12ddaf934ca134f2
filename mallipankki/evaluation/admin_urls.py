from django.urls import path

from . import views

app_name = "evaluation_admin"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("<int:page_id>/", views.PracticeView.as_view(), name="practice"),
    path("<int:page_id>/arvioi/", views.EvaluateView.as_view(), name="evaluate"),
]
