"""Uploaded PDFs: active content refused, encryption named as such, a file name in an unknown encoding
explained instead of "this field is required"."""

from __future__ import annotations

import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from remiss.models import Attachment
from remiss.uploads import validate_pdf
from tests import factories as f


def pdf_with(change) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def javascript(code="app.alert(1)"):
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(code))


def open_action_js(pdf):
    pdf.Root.OpenAction = pdf.make_indirect(javascript())


def names_javascript(pdf):
    tree = pikepdf.Array([pikepdf.String("x"), pdf.make_indirect(javascript())])
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=tree))


def launch_link(pdf):
    action = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))
    link = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100], A=action)
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def embedded_file(pdf):
    pdf.attachments["skript.bat"] = pikepdf.AttachedFileSpec(pdf, b"echo hej")


def page_additional_action(pdf):
    pdf.pages[0].AA = pikepdf.Dictionary(O=pdf.make_indirect(javascript()))


def check(data: bytes, name: str = "svar.pdf") -> None:
    validate_pdf(SimpleUploadedFile(name, data, "application/pdf"))


@pytest.mark.parametrize(
    "change", [open_action_js, names_javascript, launch_link, embedded_file, page_additional_action]
)
def test_pdf_with_active_content_is_refused_with_a_swedish_message(change):
    with pytest.raises(ValidationError, match="aktivt innehåll") as refused:
        check(pdf_with(change))
    assert refused.value.code == "active_content"


def test_an_open_action_that_only_goes_to_a_page_is_accepted():
    def go_to_first_page(pdf):
        pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])

    check(pdf_with(go_to_first_page))
    check(f.tiny_pdf())


def test_aes_encrypted_pdf_gets_the_encryption_message():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(owner="ägare", user="läsare", aes=True, R=6))
    with pytest.raises(ValidationError, match="krypterad") as refused:
        check(out.getvalue())
    assert refused.value.code == "encrypted"


@pytest.mark.django_db
def test_a_file_name_in_an_unknown_encoding_is_explained_not_called_missing(client_for, drafter, org):
    response = f.response_with_proposals(org)
    pdf = f.tiny_pdf()
    body = (
        b'--BB\r\nContent-Disposition: form-data; name="title"\r\n\r\nProtokoll\r\n'
        b'--BB\r\nContent-Disposition: form-data; name="file"; filename="protokoll \xe5\xe4\xf6.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n" + pdf + b"\r\n--BB--\r\n"
    )
    page = client_for(drafter).post(
        reverse("respondent:attachment_add", args=[response.pk]),
        data=body,
        content_type="multipart/form-data; boundary=BB",
    )
    html = page.content.decode()
    assert page.status_code == 400
    assert "Filnamnet kunde inte läsas" in html and "Detta fält måste fyllas i" not in html
    assert not Attachment.objects.exists()
    # A readable name still uploads.
    ok = client_for(drafter).post(
        reverse("respondent:attachment_add", args=[response.pk]),
        {"title": "Protokoll", "file": SimpleUploadedFile("protokoll åäö.pdf", pdf)},
    )
    assert ok.status_code == 302 and Attachment.objects.get().original_name == "protokoll åäö.pdf"
