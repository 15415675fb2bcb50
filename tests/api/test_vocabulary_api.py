"""The vocabulary endpoints: occupations, certifications and regions."""

from __future__ import annotations

from urllib.parse import quote


def test_occupation_search_ranks_exact_then_prefix_then_contains(client, vocab):
    response = client.get("/api/v1/occupations", {"q": "용접"})
    assert response.status_code == 200
    body = response.json()
    assert [o["concept_id"] for o in body] == ["KECO:8173"]
    assert body[0]["level"] == "unit"
    assert body[0]["parent"] == {"concept_id": "KECO:817", "label": "용접·도장 관련직"}


def test_occupation_search_by_alias_and_scheme(client, vocab):
    assert [o["concept_id"] for o in client.get("/api/v1/occupations", {"q": "co2용접사"}).json()] == ["KECO:8173"]
    esco = client.get("/api/v1/occupations", {"q": "welder", "scheme": "ESCO"}).json()
    assert [o["scheme"] for o in esco] == ["ESCO"]
    every = client.get("/api/v1/occupations", {"q": "welder", "scheme": "any"}).json()
    assert {o["scheme"] for o in every} == {"KECO", "ESCO"}


def test_occupation_search_bad_scheme_or_limit_is_422(client, vocab):
    response = client.get("/api/v1/occupations", {"q": "용접", "scheme": "NOPE"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "scheme"]
    response = client.get("/api/v1/occupations", {"q": "용접", "limit": 0})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "limit"]


def test_occupation_autocomplete(client, vocab):
    response = client.get("/api/v1/occupations/autocomplete", {"q": "개발"})
    assert response.status_code == 200
    assert response.json() == [
        {"concept_id": "KECO:1331", "label": "응용 소프트웨어 개발자"},
        {"concept_id": "KECO:1332", "label": "웹 개발자"},
    ]
    assert client.get("/api/v1/occupations/autocomplete", {"q": ""}).json() == []


def test_occupation_detail(client, vocab):
    response = client.get("/api/v1/occupations/KECO:8173")
    assert response.status_code == 200
    body = response.json()
    assert body["concept_id"] == "KECO:8173" and body["level"] == "unit"
    assert [p["concept_id"] for p in body["parents"]] == ["KECO:8", "KECO:81", "KECO:817"]
    assert {a["label"] for a in body["aliases"]} == {"CO2 용접사", "용접공"}
    assert [c["label"] for c in body["certifications"]] == ["용접기능사", "용접산업기사"]
    group = client.get("/api/v1/occupations/KECO:817").json()
    assert [c["concept_id"] for c in group["children"]] == ["KECO:8173", "KECO:8174"]


def test_occupation_detail_with_an_esco_uri(client, vocab):
    concept_id = vocab.esco_welder.concept_id
    response = client.get("/api/v1/occupations/" + quote(concept_id, safe=":/"))
    assert response.status_code == 200
    assert response.json()["concept_id"] == concept_id


def test_unknown_occupation_is_404(client, vocab):
    assert client.get("/api/v1/occupations/KECO:0000").status_code == 404


def test_certification_autocomplete(client, vocab):
    body = client.get("/api/v1/certifications/autocomplete", {"q": "용접"}).json()
    assert body == [
        {"concept_id": "KCERT:용접기능사", "label": "용접기능사"},
        {"concept_id": "KCERT:용접산업기사", "label": "용접산업기사"},
    ]


def test_region_autocomplete(client, vocab):
    body = client.get("/api/v1/regions/autocomplete", {"q": "수원"}).json()
    assert body == [{"concept_id": "KR-ADM:41110", "label": "경기도 수원시"}]
    body = client.get("/api/v1/regions/autocomplete", {"q": "부산"}).json()
    assert body[0] == {"concept_id": "KR-ADM:26", "label": "부산광역시"}
