#!/usr/bin/env python3
"""Audits the pages of a built Dossier site with axe-core in headless Chromium, in the light and
the dark colour scheme, as a keyboard and screen-reader user would meet them.

usage: a11y_audit.py SITE_DIR BRIEF_DIR QUERY [SCREENSHOT_DIR]

SITE_DIR is an internal wiki, BRIEF_DIR an encrypted client brief (its passphrase form is
audited), QUERY a search that finds something on the site. Every page type is opened from disk:
home, each index page, one page of each kind, a reply letter, search with QUERY's results, the
brief's passphrase form, the 404 page. On each, in each scheme:
- axe-core (shipped by the axe-selenium-python package) reports no serious or critical violation;
- the first Tab from the top of the page focuses the skip link, which is then visible on screen
  and leads to <main>;
- every element that can take the focus shows a visible focus indicator (an outline or a
  shadow) when it has it after a Tab.
Every failure is printed as `FAIL: scheme page: rule-id (impact) target ... summary`.
With SCREENSHOT_DIR, screenshots of home (skip link focused), a filing (a link focused) and the
search results (the search field focused), light and dark, 1280 and 390 pixels wide, go there.
Exit status 0 when all hold, 1 otherwise, 2 when a tool is missing.
"""
import json, os, shutil, sys, time, urllib.parse

try:
    from axe_selenium_python import Axe
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
except ImportError as error:  # the Swift test skips before this; said here too for a run by hand
    print("missing Python package: %s (pip install selenium axe-selenium-python)" % error)
    sys.exit(2)

SCHEMES = ("light", "dark")
SERIOUS = ("serious", "critical")


def first(folder, pattern=None):
    """The first sub-folder of `folder` (sorted) holding an index.html, relative to the site."""
    names = sorted(n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n, "index.html")))
    if pattern:
        names = [n for n in names if pattern(n)] or names
    return names[0] if names else None


def pages_of(site, brief, query):
    """(name, file path, query string, a script that is true once the page is ready)."""
    loaded = "document.readyState === 'complete'"
    pages = [("home", os.path.join(site, "index.html"), "", loaded),
             ("404", os.path.join(site, "404.html"), "", loaded)]
    for folder in ("kb", "permits", "filings", "clients", "tags", "regions"):
        index = os.path.join(site, folder, "index.html")
        if os.path.isfile(index):
            pages.append((folder + "/ (index)", index, "", loaded))
            one = first(os.path.join(site, folder))
            if one:
                pages.append((folder + "/" + one, os.path.join(site, folder, one, "index.html"), "", loaded))
    replies = sorted(os.path.join(root, "index.html") for root, _, names in os.walk(os.path.join(site, "filings"))
                     if "index.html" in names and os.sep + "responses" + os.sep in root + os.sep)
    if replies:
        pages.append(("reply letter " + os.path.relpath(replies[0], site), replies[0], "", loaded))
    pages.append(("search (empty)", os.path.join(site, "search", "index.html"), "", loaded))
    # Results are links from the search page to pages of the site.
    results = ("%s && [].slice.call(document.querySelectorAll('main a[href]')).some(function (a) {"
               " return /\\/(kb|permits|filings|clients)\\//.test(a.href); })" % loaded)
    pages.append(("search ?q=" + query, os.path.join(site, "search", "index.html"),
                  "?q=" + urllib.parse.quote(query), results))
    pages.append(("brief passphrase form", os.path.join(brief, "index.html"), "",
                  loaded + " && !!document.getElementById('dossier-unlock')"))
    return pages


def browser(width):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=%d,1000" % width, "--force-device-scale-factor=1", "--lang=zh-CN"):
        options.add_argument(flag)
    real = "/usr/lib/chromium/chromium"
    options.binary_location = real if os.path.exists(real) else (shutil.which("chromium") or "")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def open_page(driver, path, query, ready):
    driver.get("file://" + os.path.abspath(path) + query)
    end = time.time() + 20
    while time.time() < end:
        if driver.execute_script("return !!(%s);" % ready):
            return True
        time.sleep(0.2)
    return False


# What the focused element looks like, and what it looks like without focus: a visible focus
# indicator is an outline, or a box shadow or border colour that focus alone adds.
FOCUS_LOOK = """
var e = document.activeElement;
if (!e || e === document.body) return null;
var s = getComputedStyle(e);
var r = e.getBoundingClientRect();
return {tag: e.tagName.toLowerCase(), id: e.id, cls: e.className && e.className.baseVal === undefined ? e.className : '',
        text: (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40),
        href: e.getAttribute('href'),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 ? s.outlineStyle + ' ' + s.outlineWidth : '',
        shadow: s.boxShadow !== 'none' ? s.boxShadow : '',
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                 && r.top < innerHeight + scrollY && r.left < innerWidth};
"""


def describe(look):
    label = look["tag"] + ("#" + look["id"] if look["id"] else "") + ("." + look["cls"].replace(" ", ".") if look["cls"] else "")
    return "%s %r" % (label, look["text"])


# Every element that can take the focus, focused in turn after a Tab (so that the browser shows
# focus as it does for a keyboard user): those whose focus shows neither an outline nor a shadow.
NO_FOCUS_INDICATOR = """
var selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
var missing = [];
[].slice.call(document.querySelectorAll(selector)).forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (e.disabled || r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return;
  e.focus({preventScroll: true});
  if (document.activeElement !== e) return;
  var s = getComputedStyle(e);
  var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  if (!outline && s.boxShadow === 'none') {
    missing.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' +
                 JSON.stringify((e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30)));
  }
});
if (document.activeElement) document.activeElement.blur();
return missing;
"""


def check_keyboard(driver, scheme, name, failures):
    """The skip link first, visible on focus; a visible focus indicator on every focusable element."""
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    look = driver.execute_script(FOCUS_LOOK)
    if not name.startswith("brief"):  # the passphrase form is one field and a button: no skip link
        if not look or look["tag"] != "a" or look["href"] != "#main":
            failures.append("%s %s: the first Tab does not reach the skip link (reached %s)"
                            % (scheme, name, describe(look) if look else "nothing"))
        elif not look["visible"]:
            failures.append("%s %s: the skip link is focused but not visible" % (scheme, name))
        elif not (look["outline"] or look["shadow"]):
            failures.append("%s %s: the focused skip link shows no focus indicator" % (scheme, name))
        elif not driver.execute_script("return !!document.getElementById('main')"):
            failures.append("%s %s: the skip link leads nowhere (no #main)" % (scheme, name))
    missing = driver.execute_script(NO_FOCUS_INDICATOR)
    for element in missing[:5]:
        failures.append("%s %s: no visible focus indicator on %s" % (scheme, name, element))
    if len(missing) > 5:
        failures.append("%s %s: and %d more elements without a visible focus indicator" % (scheme, name, len(missing) - 5))


def audit(driver, axe, scheme, name, failures):
    axe.inject()
    results = axe.run()
    for violation in results.get("violations", []):
        if violation.get("impact") not in SERIOUS:
            continue
        for node in violation.get("nodes", []):
            summary = " ".join((node.get("failureSummary") or "").split())
            failures.append("%s %s: %s (%s) %s: %s" % (scheme, name, violation["id"], violation["impact"],
                                                         " ".join(map(str, node.get("target", []))), summary[:300]))
    return len(results.get("passes", []))


def screenshots(site, query, folder):
    os.makedirs(folder, exist_ok=True)
    filing = first(os.path.join(site, "filings"))
    shots = [("home", os.path.join(site, "index.html"), "", 1),
             ("filing", os.path.join(site, "filings", filing, "index.html"), "", 3),
             ("search", os.path.join(site, "search", "index.html"), "?q=" + urllib.parse.quote(query), 0)]
    for width in (1280, 390):
        driver = browser(width)
        try:
            for scheme in SCHEMES:
                set_scheme(driver, scheme)
                for name, path, q, tabs in shots:
                    open_page(driver, path, q, "document.readyState === 'complete'")
                    time.sleep(1.0 if q else 0.2)
                    if tabs:
                        driver.execute_script("document.activeElement && document.activeElement.blur()")
                        for _ in range(tabs):
                            ActionChains(driver).send_keys(Keys.TAB).perform()
                    else:  # the search field, reached with the keyboard
                        driver.execute_script("var f = document.getElementById('search-query'); if (f) f.focus();")
                    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
                    driver.set_window_size(width, height)
                    driver.save_screenshot(os.path.join(folder, "%s-%s-%d.png" % (name, scheme, width)))
                    driver.set_window_size(width, 1000)
        finally:
            driver.quit()


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        return 2
    site, brief, query = sys.argv[1], sys.argv[2], sys.argv[3]
    shots = sys.argv[4] if len(sys.argv) > 4 else None
    if not shutil.which("chromedriver") and not os.path.exists("/usr/bin/chromedriver"):
        print("no chromedriver (apt-get install chromium-driver)")
        return 2
    failures = []
    audited = 0
    driver = browser(1280)
    try:
        axe = Axe(driver)
        for scheme in SCHEMES:
            set_scheme(driver, scheme)
            for name, path, query_string, ready in pages_of(site, brief, query):
                if not open_page(driver, path, query_string, ready):
                    failures.append("%s %s: the page did not get ready (%s)" % (scheme, name, ready[:80]))
                    continue
                dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
                if dark != (scheme == "dark"):
                    failures.append("%s %s: the browser did not take the %s colour scheme" % (scheme, name, scheme))
                    continue
                if audit(driver, axe, scheme, name, failures) == 0:
                    failures.append("%s %s: axe-core checked nothing" % (scheme, name))
                check_keyboard(driver, scheme, name, failures)
                audited += 1
    finally:
        driver.quit()
    if shots:
        screenshots(site, query, shots)
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("ok: %d page views (light and dark) with no serious or critical axe-core violation, "
              "the skip link first and visible, a visible focus indicator on every focusable element" % audited)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
