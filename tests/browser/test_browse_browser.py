"""Browsing the local offer on a phone, JavaScript on and off: the menu leads there, the
filters narrow the list, and nothing scrolls sideways."""

import re

import pytest

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


def test_a_parent_browses_by_need_and_age_on_a_phone(phone):
    phone.goto("/")
    menu = phone.locator(".govuk-service-navigation__toggle")
    if menu.is_visible():  # the menu folds away on a phone when JavaScript runs
        menu.click()
    phone.get_by_role("link", name="Browse").click()
    phone.locator("h1", has_text="Browse the local offer").wait_for()
    every = int(re.match(r"\d+", phone.locator("#browse-count").inner_text()).group(0))
    phone.get_by_label("Sensory and/or physical needs").check()
    phone.locator("#age").fill("3")
    phone.get_by_role("button", name="Show the pages").click()
    phone.locator("#browse-count").wait_for()
    shown = int(re.match(r"\d+", phone.locator("#browse-count").inner_text()).group(0))
    assert 0 < shown < every and phone.locator(".nav-browse-list__item").count() == shown
    assert "need=sensory-physical" in phone.url and "age=3" in phone.url, "a filtered list has its own address"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.foreign_requests == [] and phone.console_errors == []
