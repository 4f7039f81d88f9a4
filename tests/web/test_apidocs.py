"""The API's documentation page works offline, under its CSP, in a real browser."""

from __future__ import annotations

from playwright.sync_api import expect


def test_swagger_ui_lists_the_api_offline(page, server):
    page.goto(f"{server}/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=20000)
    paths = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    assert any("/api/stories" in p for p in paths) and any("/api/export/{kind}" in p for p in paths)

