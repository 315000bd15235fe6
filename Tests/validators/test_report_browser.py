"""report.html in a real browser: Debian's chromium, driven by Selenium through chromium-driver.

Every example is planned afresh into a temporary folder (`edgeplan plan --out`, so the test reads
what this build writes, not the committed reports/), and each report.html is opened at 1280 px and
390 px wide in one browser session:

- the page never scrolls sideways (document.scrollingElement.scrollWidth <= innerWidth <= the width
  asked for: an emulated phone widens innerWidth to fit wider content);
- the comparison table fits a 390 px screen without scrolling inside its own box either;
- the browser logs no console errors;
- every text colour outside the diagrams is at least 4.5:1 against the background it sits on,
  in light mode, dark mode (prefers-color-scheme) and print;
- diagram text is at least 12 px as displayed at 390 px: the option diagrams in their narrow form,
  the address-space and cost diagrams scrolling inside their figure.

Screenshots of each first screen go to .build/screenshots/<example>-<width>.png (gitignored).
Needs chromium and chromium-driver (scripts/install-deps) and selenium (Tests/validators/run.sh).
"""
import concurrent.futures
import pathlib
import shutil
import subprocess

import pytest

from conftest import EXAMPLES, ROOT, edgeplan_binary

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

WIDTHS = (1280, 390)
HEIGHT = 900
SCREENSHOTS = ROOT / ".build" / "screenshots"
MIN_CONTRAST = 4.5
MIN_DIAGRAM_TEXT_PX = 12


def _binary(*names):
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    """example name → path of its freshly generated report.html (planned four at a time)."""
    binary = edgeplan_binary()
    base = tmp_path_factory.mktemp("reports")

    def plan(example):
        folder = base / example.stem
        subprocess.run([binary, "plan", str(example), "--out", str(folder)], check=True, cwd=ROOT, capture_output=True)
        return example.stem, folder / "report.html"

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(plan, EXAMPLES))


@pytest.fixture(scope="session")
def browser():
    chromium = _binary("chromium", "chromium-browser")
    driver_path = _binary("chromedriver", "chromium-driver")
    if not chromium or not driver_path:
        pytest.skip("chromium and chromium-driver are not installed (scripts/install-deps installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--force-device-scale-factor=1", "--window-size=1280,%d" % HEIGHT):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def emulate(driver, width, scheme="light", media=""):
    """A viewport exactly `width` px wide (a phone below 600 px), a colour scheme and a media type;
    the page already loaded reflows without reloading."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


@pytest.fixture(scope="module", params=[e.stem for e in EXAMPLES])
def page(request, browser, reports):
    """One example's report.html, loaded once for every check on it (pytest groups the tests by
    example); yields (example, console errors logged while loading)."""
    example = request.param
    emulate(browser, WIDTHS[0])
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get(pathlib.Path(reports[example]).as_uri())
    browser.execute_script("return document.fonts.ready")
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    yield example, errors


def overflow(driver):
    """The page's scroll width and the window's inner width. On an emulated phone Chrome widens the
    window (zooms out) to fit wider content, so both are compared with the width asked for."""
    return driver.execute_script(
        "return {scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth}")


def svg_text_sizes(driver):
    """Every <text> of every inline SVG: its text and font size in CSS px as displayed (computed font
    size times the element's on-screen scale, transforms and viewBox included)."""
    return driver.execute_script("""
        const out = [];
        for (const t of document.querySelectorAll('svg text')) {
          const m = t.getScreenCTM();
          // Not drawn (the full diagram hidden on a phone, the narrow one elsewhere).
          if (!m || t.getClientRects().length === 0) continue;
          const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
          out.push({text: t.textContent.trim().slice(0, 60), px: Math.round(size * 100) / 100,
                    svg: (t.ownerSVGElement && t.ownerSVGElement.id) || ''});
        }
        return out;""")


def text_colour_pairs(driver):
    """Every (text colour, background colour) pair outside the diagrams: for each element with text
    of its own, its computed colour and the first opaque background of it or an ancestor."""
    return driver.execute_script("""
        function bg(el) {
          for (; el; el = el.parentElement) {
            const c = getComputedStyle(el).backgroundColor;
            const m = c.match(/rgba?\\(([^)]+)\\)/);
            if (m) { const p = m[1].split(',').map(Number); if (p.length < 4 || p[3] > 0) return c; }
          }
          return 'CANVAS';
        }
        const pairs = {};
        for (const el of document.body.querySelectorAll('*')) {
          if (el.closest('svg')) continue;
          const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
          if (!own) continue;
          const key = getComputedStyle(el).color + ' on ' + bg(el);
          if (!(key in pairs)) pairs[key] = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ': ' + el.textContent.trim().slice(0, 40);
        }
        return pairs;""")


def parse_colour(text, scheme):
    if text == "CANVAS":
        return (18, 18, 18) if scheme == "dark" else (255, 255, 255)
    inside = text[text.index("(") + 1:text.index(")")]
    return tuple(float(v) for v in inside.split(",")[:3])


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_a_wide_page_is_caught(browser, tmp_path):
    """The overflow check fails on a page wider than the phone, even where Chrome zooms out to fit it."""
    wide = tmp_path / "wide.html"
    wide.write_text('<!DOCTYPE html><meta name="viewport" content="width=device-width, initial-scale=1"><div style="width:500px">wide</div>')
    emulate(browser, 390)
    browser.get(wide.as_uri())
    size = overflow(browser)
    assert not (size["scroll"] <= size["inner"] <= 390), size
    emulate(browser, WIDTHS[0])


def test_contrast_formula():
    """The WCAG 2 formula gives its known values, so the contrast test can fail."""
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((118, 118, 118), (255, 255, 255)), 2) == 4.54
    assert contrast((119, 119, 119), (255, 255, 255)) < MIN_CONTRAST


def test_report_loads_without_console_errors(page):
    example, errors = page
    assert errors == [], example


@pytest.mark.parametrize("width", WIDTHS)
def test_report_fits_the_screen(browser, page, width):
    example, _ = page
    emulate(browser, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / ("%s-%d.png" % (example, width))))
    size = overflow(browser)
    assert size["scroll"] <= size["inner"] <= width, "%s at %d px scrolls sideways: %s" % (example, width, size)
    if width == 390:
        table = browser.execute_script("""
            const h = document.getElementById('options-compared');
            let el = h && h.nextElementSibling;
            while (el && !(el.classList && el.classList.contains('table'))) el = el.nextElementSibling;
            return el ? {scroll: el.scrollWidth, client: el.clientWidth} : null;""")
        assert table is not None, "%s has no comparison table" % example
        assert table["scroll"] <= table["client"], "%s: the comparison table is wider than a 390 px screen: %s" % (example, table)


@pytest.mark.parametrize("mode", [("light", ""), ("dark", ""), ("light", "print")], ids=["light", "dark", "print"])
def test_text_contrast(browser, page, mode):
    example, _ = page
    scheme, media = mode
    emulate(browser, WIDTHS[0], scheme=scheme, media=media)
    pairs = text_colour_pairs(browser)
    emulate(browser, WIDTHS[0])
    low = []
    for key, where in sorted(pairs.items()):
        fg, bg = key.split(" on ")
        ratio = contrast(parse_colour(fg, scheme), parse_colour(bg, scheme))
        if ratio < MIN_CONTRAST:
            low.append("%s: %.2f:1 (%s)" % (key, ratio, where))
    assert low == [], "%s (%s): text under %.1f:1:\n%s" % (example, scheme + (" print" if media else ""), MIN_CONTRAST, "\n".join(low))


def test_diagram_text_is_readable_on_a_phone(browser, page):
    example, _ = page
    emulate(browser, 390)
    small = [t for t in svg_text_sizes(browser) if t["px"] < MIN_DIAGRAM_TEXT_PX]
    emulate(browser, WIDTHS[0])
    assert small == [], "%s: %d diagram texts under %d px at 390 px, e.g. %s" % (example, len(small), MIN_DIAGRAM_TEXT_PX, small[:3])
