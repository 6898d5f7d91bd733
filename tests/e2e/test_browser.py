from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from ncbnet.app import CORE_DIR, WEB_DIR
from ncbnet.capabilities import load_capabilities
from ncbnet.core.i18n import Catalogues
from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.e2e


def _arabic(message: str) -> str:
    dirs = [WEB_DIR / "locale", CORE_DIR / "locale"]
    dirs += [cap.locale_dir for cap in load_capabilities() if cap.locale_dir]
    return Catalogues(dirs).get("ar").gettext(message)


def test_log_in_and_switch_to_arabic(server: str, page: Page) -> None:
    log_in(page, server, "officer.de")
    expect(page.locator("h1")).to_contain_text("Germany")
    nav = page.locator("nav.mainnav")
    expect(nav.get_by_role("link", name="Members")).to_be_visible()

    page.click("nav.langs a[hreflang=ar]")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    members_ar = _arabic("Members")
    assert members_ar != "Members", "the Arabic catalogue lacks 'Members'"
    expect(nav.get_by_role("link", name=members_ar)).to_be_visible()
    expect(page.locator("h1")).to_contain_text("ألمانيا")
    screenshot(page, "dashboard-ar.png")

    page.reload()  # the choice persists
    expect(html).to_have_attribute("dir", "rtl")


def test_supervisor_casts_the_bureaus_vote(server: str, page: Page) -> None:
    log_in(page, server, "supervisor.fr")
    page.click("nav.langs a[hreflang=en]")
    page.click("nav.mainnav a[href='/assembly']")
    page.get_by_role("link", name="Tuvalu").click()
    expect(page.locator("#ballot")).to_be_visible()
    page.check("input[name=choice][value=yes]")
    page.click("#ballot button[type=submit]")
    expect(page.locator("#my-choice")).to_contain_text("yes")
    expect(page.locator("#ballot")).to_have_count(0)
    screenshot(page, "vote-en.png")


def test_wrong_password_shows_an_error(server: str, page: Page) -> None:
    page.goto(f"{server}/login?lang=fr")
    page.fill("input[name=username]", "officer.es")
    page.fill("input[name=password]", "wrong")
    page.click("form[action='/login'] button[type=submit]")
    expect(page.locator("p.error")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_search_a_person_typed_in_arabic(server: str, page: Page) -> None:
    log_in(page, server, "officer.fr")
    page.goto(f"{server}/persons?lang=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.fill("input[name=name]", "محمد عبد الرحمن الحسيني")
    page.click("#person-search button[type=submit]")
    results = page.locator("#search-results")
    expect(results).to_be_visible()
    first = results.locator("article.hit").first
    expect(first).to_contain_text("محمد عبد الرحمن الحسيني")
    expect(first.locator("ul.parts li").first).to_be_visible()
    expect(first.locator(".badge.bad")).to_have_text(_arabic("match"))  # translated, not English
    assert "is-match" in (first.get_attribute("class") or "")
    screenshot(page, "persons-search-ar.png")
