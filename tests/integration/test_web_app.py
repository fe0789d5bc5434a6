"""The built web app at /, with its SPA fallback; the API keeps its problem 404s."""

from __future__ import annotations

from pathlib import Path

import pytest
from dependency_injector import providers

from services.api.app import create_app
from services.api.container import Container
from services.api.settings import Settings
from tests.integration.support import API, Api


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>Food</title><div id=root>")
    (tmp_path / "assets" / "app-1a2b.js").write_text("console.log('app')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    return tmp_path


@pytest.fixture
def settings(dist: Path) -> Settings:
    return Settings.for_tests(webapp_dist=str(dist))


def test_the_app_and_its_files_are_served(api: Api) -> None:
    client = api.client()
    index = client.get("/")
    assert index.status_code == 200 and "<title>Food</title>" in index.text
    asset = client.get("/assets/app-1a2b.js")
    assert asset.text == "console.log('app')"
    assert "immutable" in asset.headers["Cache-Control"]
    assert client.get("/favicon.svg").text == "<svg/>"


def test_unknown_app_paths_fall_back_to_index(api: Api) -> None:
    client = api.client()
    for path in ("/orders/123", "/restaurants/1", "/checkout"):
        response = client.get(path)
        assert response.status_code == 200
        assert "<title>Food</title>" in response.text


def test_api_paths_never_fall_back(api: Api) -> None:
    client = api.client()
    response = client.get(f"{API}/unknown")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert client.post("/checkout").status_code == 404  # only GET pages fall back


def test_files_outside_the_dist_directory_are_not_served(api: Api, dist: Path) -> None:
    (dist.parent / "secret.txt").write_text("do not serve")
    response = api.client().get("/..%2fsecret.txt")
    assert "do not serve" not in response.text


def test_without_a_built_app_unknown_paths_are_problems(tmp_path: Path) -> None:
    container = Container()
    missing = Settings.for_tests(webapp_dist=str(tmp_path / "missing"))
    container.settings.override(providers.Object(missing))
    with Api(create_app(container)) as api:
        response = api.client().get("/")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    "path",
    ["/%00", "/x%00.js", "/assets/%00app-1a2b.js", "/" + "a" * 5000],
    ids=["nul", "nul-in-a-name", "nul-in-an-asset", "name-too-long"],
)
def test_paths_no_file_can_have_are_problem_404s_not_500s(api: Api, path: str) -> None:
    # An encoded NUL or an over-long name makes the file lookup itself fail; Traefik
    # refuses these at the edge, but a replica reached directly must answer 404 too.
    response = api.client().get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"
