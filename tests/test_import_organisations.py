import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Organisation
from accounts.register_import import import_organisations

DATA = Path(__file__).resolve().parent.parent / "data" / "organisations.csv"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "organisations.csv"


@pytest.mark.django_db
def test_imports_the_register_idempotently():
    first = import_organisations(DATA)
    assert (first.created, first.errors) == (326, [])
    assert Organisation.objects.filter(kind="kommun").count() == 290
    assert Organisation.objects.filter(kind="region").count() == 21
    nacka = Organisation.objects.get(name="Nacka kommun")
    assert (nacka.code, nacka.county) == ("0182", "Stockholms län")
    second = import_organisations(DATA)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 326)
    assert Organisation.objects.count() == 326


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ is not beside the checkout")
def test_vendored_register_matches_shared_data():
    assert DATA.read_bytes() == SHARED.read_bytes()


@pytest.mark.django_db
def test_updates_a_renamed_organisation_by_code():
    import_organisations(io.StringIO("code,name,kind,county\n0182,Nacka kommun,kommun,Stockholms län\n"))
    report = import_organisations(io.StringIO("code,name,kind,county\n0182,Nacka stad,kommun,Stockholms län\n"))
    assert (report.updated, report.created) == (1, 0)
    assert Organisation.objects.get(code="0182").name == "Nacka stad"


@pytest.mark.django_db
def test_bad_rows_are_reported_with_line_numbers_and_stop_nothing_else():
    csv_text = (
        "code,name,kind,county\n"
        "0182,Nacka kommun,kommun,Stockholms län\n"  # line 2 ok
        "12AB,Trasig kommun,kommun,Skåne län\n"  # line 3: code not digits
        ",,myndighet,\n"  # line 4: no name
        "99,Okänd typ,planet,\n"  # line 5: bad kind
        "123,Kort kod kommun,kommun,Skåne län\n"  # line 6: wrong length
        ",Statskontoret,myndighet,,extra\n"  # line 7: too many columns
        "01,Region Stockholm,region,Stockholms län\n"  # line 8 ok
    )
    report = import_organisations(io.StringIO(csv_text))
    assert report.created == 2
    lines = dict(report.errors)
    assert sorted(lines) == [3, 4, 5, 6, 7]
    assert "siffror" in lines[3] and "namn saknas" in lines[4] and "okänd typ 'planet'" in lines[5]
    assert "4 siffror" in lines[6] and "för många kolumner" in lines[7]


@pytest.mark.django_db
def test_missing_header_is_reported():
    report = import_organisations(io.StringIO("namn;typ\nNacka;kommun\n"))
    assert report.errors and report.errors[0][0] == 1 and report.created == 0


@pytest.mark.django_db
def test_management_command_reports_counts_and_errors(tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_text("code,name,kind,county\n0182,Nacka kommun,kommun,Stockholms län\n,X,planet,\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 rad kunde inte importeras"):  # a non-zero exit status
        call_command("import_organisations", str(path), stdout=out, stderr=err)
    assert "1 skapade" in out.getvalue() and "1 fel" in out.getvalue()
    assert "rad 3:" in err.getvalue()
    assert Organisation.objects.filter(name="Nacka kommun").exists()  # the good row is saved


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_reported_per_line_and_the_rest_imported(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "code,name,kind,county\n0182,Nacka kommun,kommun,Stockholms län\n".encode()
        + "0180,Stockholms kommun,kommun,Stockholms län\n".encode("latin-1")
    )
    report = import_organisations(path)
    assert report.created == 1
    assert report.errors == [(3, report.errors[0][1])] and "UTF-8" in report.errors[0][1]


@pytest.mark.django_db
def test_control_characters_and_duplicates_are_refused_with_a_swedish_reason():
    csv_text = (
        "code,name,kind,county\n"
        ",Stats\x07kontoret,myndighet,\n"  # line 2: control character
        "0182,Nacka kommun,kommun,Stockholms län\n"
        "0120,Värmdö kommun,kommun,Stockholms län\n"
        "0120,Nacka kommun,kommun,Stockholms län\n"  # line 5: renames 0120 to a name 0182 has
    )
    report = import_organisations(io.StringIO(csv_text))
    reasons = dict(report.errors)
    assert sorted(reasons) == [2, 5]
    assert "styrtecken" in reasons[2]
    assert "används redan" in reasons[5]
    assert sorted(Organisation.objects.values_list("name", flat=True)) == ["Nacka kommun", "Värmdö kommun"]
