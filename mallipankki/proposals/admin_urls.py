from django.urls import path

from . import views

app_name = "proposals_admin"

urlpatterns = [
    path("", views.ProposalListView.as_view(), name="index"),
    path("<int:pk>/", views.ProposalDetailView.as_view(), name="detail"),
    path("liite/<int:pk>/", views.attachment, name="attachment"),
    path("<int:pk>/liitteet/", views.attachment_choices, name="attachment_choices"),
]
