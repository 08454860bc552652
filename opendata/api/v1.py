"""/api/v1/: published remisser, their proposals and remisslista, and their public answers.

Everything is read through ``remiss.permissions`` and ``opendata.selectors.answers``: drafts, unpublished
remisser and withheld answers never appear; a redacted answer appears as published (stances, no text).
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Status
from ninja.errors import Throttled, ValidationError
from ninja.pagination import PageNumberPagination, paginate

from opendata.selectors import api_data as data
from opendata.services import downloads
from remiss import permissions

from . import schemas as s
from .throttle import ClientRateThrottle

MAX_PAGE_SIZE = 100  # a client asking for more gets this many a page (and the count, to page on)

api = NinjaAPI(
    title="Remiss – öppna data",
    version="1",
    description=_("Publicerade remisser, deras förslag och remisslista, och de remissvar som är offentliga."),
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
    throttle=[ClientRateThrottle()],
)


def _last_modified(response: HttpResponse, moment) -> None:
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())


def _public_remiss(pk: int):
    remiss = permissions.public_remisser().select_related("ministry").filter(pk=pk).first()
    if remiss is None:
        raise Http404
    return remiss


@api.get("/remisser/", response=list[s.RemissSummary], url_name="remisser", summary="Publicerade remisser")
@paginate(PageNumberPagination, page_size=50, max_page_size=MAX_PAGE_SIZE)
def remisser(request: HttpRequest, response: HttpResponse):
    _last_modified(response, data.remisser_changed_at())
    remisser = permissions.public_remisser().select_related("ministry").order_by("-published_at", "-pk")
    return [data.remiss_summary(r) for r in remisser]


@api.get(
    "/remisser/{int:pk}/",
    response={200: s.RemissDetail, 404: s.Error},
    url_name="remiss",
    summary="En remiss med avsnitt, förslag och remisslista",
)
def remiss(request: HttpRequest, pk: int, response: HttpResponse):
    remiss = _public_remiss(pk)
    _last_modified(response, remiss.updated_at)
    return data.remiss_detail(remiss)


@api.get(
    "/remisser/{int:pk}/svar/",
    response={200: list[s.Answer], 404: s.Error},
    url_name="answers",
    summary="Offentliga remissvar med ställningstaganden",
)
@paginate(PageNumberPagination, page_size=50, max_page_size=MAX_PAGE_SIZE)
def answers(request: HttpRequest, pk: int, response: HttpResponse):
    remiss = _public_remiss(pk)
    items = data.answers(remiss)
    _last_modified(response, data.answers_changed_at(remiss, items))
    return [data.answer(remiss, item) for item in items]


@api.get(
    "/remisser/{int:pk}/teman/",
    response={200: s.ThemeAnalysis, 404: s.Error},
    url_name="themes",
    summary="Vad hände med synpunkterna? Departementets bekräftade teman per förslag",
    description=_(
        "Finns när departementet har publicerat sin analys av remissvaren: per förslag de bekräftade temana, "
        "vilka remissinstanser som förde fram dem och departementets kommentar. Före publiceringen: 404."
    ),
)
def themes(request: HttpRequest, pk: int, response: HttpResponse):
    remiss = _public_remiss(pk)
    body = data.theme_analysis(remiss)
    if body is None:
        raise Http404
    _last_modified(response, body["published_at"])
    return body


@api.get(
    "/remisser/{int:pk}/nedladdning/",
    response={200: s.Download, 202: s.Download, 404: s.Error},
    url_name="download",
    summary="Alla offentliga svar i en ZIP (PDF, CSV och JSON), byggd i bakgrunden",
)
def download(request: HttpRequest, pk: int):
    remiss = _public_remiss(pk)
    row = downloads.current(remiss)
    body = downloads.describe(row)
    return Status(200 if row.is_ready else 202, body)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Hittades inte.")}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(request, {"detail": _("Ogiltig förfrågan."), "errors": exc.errors}, status=400)


@api.exception_handler(Throttled)
def throttled(request, exc):
    wait = int(exc.wait or 60)
    response = api.create_response(
        request,
        {"detail": _("För många förfrågningar. Försök igen om %(seconds)d sekunder.") % {"seconds": wait}},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
