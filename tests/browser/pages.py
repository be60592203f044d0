"""Page objects: what a reader does on a page, in the reader's words, so journeys stay readable."""

from axe_playwright_python.base import AXE_SCRIPT  # type: ignore[import-untyped]
from playwright.sync_api import Locator, Page

MAX_TAB_STOPS = 60


class KeyboardReader:
    """A reader who uses the keyboard alone (no pointer), as a screen-reader user does."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def focused_text(self) -> str:
        return str(self.page.evaluate("() => (document.activeElement?.innerText || '').trim()"))

    def focused_attribute(self, name: str) -> str | None:
        value = self.page.evaluate("(name) => document.activeElement?.getAttribute(name)", name)
        return None if value is None else str(value)

    def tab_to(self, accessible_text: str) -> None:
        """Press Tab until the focused element's text contains ``accessible_text``."""
        for _ in range(MAX_TAB_STOPS):
            self.page.keyboard.press("Tab")
            if accessible_text in self.focused_text():
                return
        raise AssertionError(f"{accessible_text!r} is not reachable with Tab within {MAX_TAB_STOPS} stops")

    def tab_to_field(self, label: str) -> None:
        """Press Tab until the focused form control is the one labelled ``label``."""
        for _ in range(MAX_TAB_STOPS):
            self.page.keyboard.press("Tab")
            if self.page.evaluate("() => document.activeElement?.labels?.[0]?.innerText?.trim() || ''") == label:
                return
        raise AssertionError(f"the field {label!r} is not reachable with Tab within {MAX_TAB_STOPS} stops")

    def activate(self) -> None:
        self.page.keyboard.press("Enter")


class PortalPage:
    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def open(self, path: str = "/") -> "PortalPage":
        self.page.goto(self.base_url + path)
        return self

    @property
    def heading(self) -> Locator:
        return self.page.locator("h1")

    @property
    def main(self) -> Locator:
        return self.page.locator("main#main")

    def html_classes(self) -> str:
        return str(self.page.evaluate("() => document.documentElement.className + ' ' + document.body.className"))

    def body_font_size(self) -> float:
        return float(self.page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main')).fontSize)"))

    def horizontal_overflow(self) -> int:
        return int(
            self.page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
        )


def serious_accessibility_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the open page, one "rule: element" line each.

    The axe-core script ships inside the pinned axe-playwright-python wheel, so the check runs
    offline in Chromium; minor and moderate findings are left to review.
    """
    page.add_script_tag(content=AXE_SCRIPT)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


def fonts_rendering(page: Page, selector: str) -> list[str]:
    """The platform fonts Chromium actually used to draw the text of ``selector``.

    Asked through the DevTools protocol, so a page whose Chinese fell back to empty boxes (no CJK
    font installed) is told apart from one that rendered.
    """
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [str(font["familyName"]) for font in fonts if font["glyphCount"] > 0]


class Workbench:
    """A staff member at the workbench; logs in through the real form."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def log_in(self, username: str, password: str) -> "Workbench":
        self.page.context.clear_cookies()
        self.page.goto(self.base_url + "/workbench/login/")
        self.page.get_by_label("用户名").fill(username)
        self.page.get_by_label("密码").fill(password)
        with self.page.expect_navigation():
            self.page.get_by_role("button", name="登录").click()
        return self

    def open_item(self, title: str) -> None:
        self.page.goto(self.base_url + "/workbench/items/")
        self.page.get_by_role("link", name=title).click()

    def take_step(self, step: str, comment: str = "") -> None:
        form = self.page.locator("form.step-form", has=self.page.get_by_role("button", name=step))
        if comment:
            form.locator("textarea").fill(comment)
        with self.page.expect_navigation():
            form.get_by_role("button", name=step).click()
