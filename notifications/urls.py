from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("e-post/", views.preferences, name="preferences"),
]
