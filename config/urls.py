from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from opendata.api.v1 import api as opendata_api
from remiss import views

admin.site.site_header = _("Remiss – administration")
admin.site.site_title = _("Remiss")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", views.start, name="start"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("konto/", include("accounts.urls")),
    path("konto/", include("notifications.urls")),
    path("admin/", admin.site.urls),
    path("", include("remiss.urls")),
    path("", include("opendata.urls")),
    path("api/v1/", opendata_api.urls),
]

handler400 = "remiss.views.error_400"
handler403 = "remiss.views.error_403"
handler404 = "remiss.views.error_404"
handler500 = "remiss.views.error_500"
