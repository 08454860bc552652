import pytest


@pytest.mark.django_db
def test_start_page_is_swedish_and_has_skip_link(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Hoppa till huvudinnehållet" in html
    assert "Tillgänglighetsredogörelse" in html
