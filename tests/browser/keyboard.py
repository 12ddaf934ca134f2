"""Keyboard-only use of a page, as the browser flows drive it."""


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " type: document.activeElement.type || ''})"
    )


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Presses Tab until the element matching `selector` has focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}; focus is on {focused(page)}")


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def no_sideways_scroll(page) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth})"
    )
    assert overflow["scroll"] <= overflow["width"], f"scrolls sideways at 320 px: {overflow}"
