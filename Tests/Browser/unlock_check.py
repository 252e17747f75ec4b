#!/usr/bin/env python3
"""Opens an encrypted Dossier brief in headless Chromium, as a reader would, and as an attacker
who can write to the hosting would like it to.

usage: unlock_check.py OUTPUT_DIR PASSPHRASE EXPECTED_TEXT [SCREENSHOT.png]

Checks, over the Chrome DevTools protocol:
- the page shows only the passphrase form; a wrong passphrase shows the error and no content;
  the right one shows EXPECTED_TEXT; a link followed from there opens without asking again (the
  key is kept for the session), and so does every other page of the brief;
- no key material is left in sessionStorage or localStorage (every encoding of the PBKDF2 output
  and of the keys derived from it is looked for);
- no Content Security Policy violation is reported while the pages are shown, and the policy of
  the passphrase page is still in force on a decrypted page (an inline style is refused);
- in a copy of the brief, a page whose encrypted payload was swapped with another page's shows an
  error and none of the other page's content; a whole shell copied over another file (its declared
  path is not where it is) is refused;
- served over HTTP, the home page (at "/") and a linked page open too.
Exit status 0 when all hold; the reasons for a failure are printed.
"""
import base64, functools, hashlib, hmac, http.server, json, os, re, shutil, subprocess, sys, tempfile, threading, time
import urllib.request

import websocket  # websocket-client


def main():
    output, passphrase, expected = sys.argv[1], sys.argv[2], sys.argv[3]
    screenshot = sys.argv[4] if len(sys.argv) > 4 else None
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("no chromium"); return 2
    profile = tempfile.mkdtemp(prefix="dossier-chromium-")
    process = subprocess.Popen([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return run(output, passphrase, expected, screenshot, profile)
    finally:
        process.kill()
        process.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


SHELL_JSON = re.compile(r'(<script type="application/json" id="dossier-protected">)(.*?)(</script>)', re.S)


def shell_meta(path):
    with open(path, encoding="utf-8") as handle:
        match = SHELL_JSON.search(handle.read())
    return json.loads(match.group(2)) if match else None


def key_material(passphrase, meta):
    """Every form the key could be stored in: raw PBKDF2 output and the HKDF keys of format v2."""
    raw = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), base64.b64decode(meta["salt"]),
                              meta["iterations"], 32)
    keys = [raw]
    prk = hmac.new(b"\0" * 32, raw, hashlib.sha256).digest()
    for info in (b"dossier-brief-v2 encryption", b"dossier-brief-v2 paths"):
        keys.append(hmac.new(prk, info + b"\x01", hashlib.sha256).digest())
    forms = []
    for key in keys:
        forms += [base64.b64encode(key).decode(), base64.b64encode(key).decode().rstrip("="),
                  base64.urlsafe_b64encode(key).decode().rstrip("="), key.hex(), key.hex().upper(),
                  ",".join(str(b) for b in key)]
    return forms


class Browser:
    def __init__(self, profile):
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 30
        port = None
        while port is None and time.time() < deadline:
            if os.path.exists(port_file):
                with open(port_file) as handle:
                    port = (handle.read().split() or [None])[0]
            if port is None:
                time.sleep(0.1)
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port, timeout=10))
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.counter = 0
        self.console = []  # every console, log and exception message, as text

    def call(self, method, **params):
        self.counter += 1
        self.ws.send(json.dumps({"id": self.counter, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.counter:
                return message.get("result", {})
            self.record(message)

    def record(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Log.entryAdded":
            entry = params.get("entry", {})
            self.console.append("%s/%s: %s" % (entry.get("source"), entry.get("level"), entry.get("text")))
        elif method == "Runtime.consoleAPICalled":
            texts = [str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", [])]
            self.console.append("console.%s: %s" % (params.get("type"), " ".join(texts)))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.console.append("exception: %s %s" % (details.get("text"),
                                                      details.get("exception", {}).get("description", "")))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(self, expression, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            if self.evaluate(expression):
                return True
            time.sleep(0.2)
        return False

    def body(self):
        return self.evaluate("document.body ? document.body.innerText : ''") or ""

    def navigate(self, url):
        self.call("Page.navigate", url=url)
        time.sleep(0.3)
        self.wait_for("document.readyState === 'complete'")

    def submit(self, passphrase):
        self.evaluate("document.getElementById('dossier-passphrase').value = %s;"
                      "document.getElementById('dossier-unlock').requestSubmit(); true" % json.dumps(passphrase))

    def csp_messages(self):
        return [m for m in self.console if "Content Security Policy" in m or "Content-Security-Policy" in m]


OPENED = ("document.readyState === 'complete' && !document.getElementById('dossier-unlock')"
          " && !document.getElementById('dossier-refused') && document.querySelectorAll('main').length > 0")
SHOWS_ERROR = "!!document.querySelector('[role=alert]:not([hidden])')"


def run(output, passphrase, expected, screenshot, profile):
    b = Browser(profile)
    failures = []
    output = os.path.abspath(output)
    url = "file://" + os.path.join(output, "index.html")
    b.call("Page.enable")
    b.call("Runtime.enable")
    b.call("Log.enable")
    b.navigate(url)
    b.wait_for("!!document.getElementById('dossier-unlock')")
    if expected in b.body():
        failures.append("content visible before the passphrase")
    if not b.evaluate("!!document.getElementById('dossier-passphrase')"):
        failures.append("no passphrase form")
    if not b.evaluate("!!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"
                      " && !!document.querySelector('meta[name=\"referrer\"][content=\"no-referrer\"]')"):
        failures.append("the passphrase page has no Content-Security-Policy or referrer meta tag")

    b.submit("not the passphrase")
    if not b.wait_for("!document.getElementById('dossier-error').hidden", 30):
        failures.append("a wrong passphrase did not show the error")
    if expected in b.body():
        failures.append("content visible after a wrong passphrase")

    b.submit(passphrase)
    if not b.wait_for("document.body && document.body.innerText.indexOf(%s) >= 0" % json.dumps(expected), 30):
        failures.append("the right passphrase did not show the brief: " + b.body()[:200])

    meta = shell_meta(os.path.join(output, "index.html")) or {}
    secrets = key_material(passphrase, meta) if meta.get("salt") else []

    def check_storage(where):
        stored = b.evaluate("JSON.stringify({session: Object.assign({}, sessionStorage),"
                            " local: Object.assign({}, localStorage)})") or "{}"
        for secret in secrets:
            if secret in stored:
                failures.append("key material in sessionStorage/localStorage (%s): %s" % (where, stored[:200]))
                return
        # Whatever the encoding: nothing that long and random should be kept next to the page.
        for value in re.findall(r'"((?:[^"\\]|\\.)*)"', stored):
            if len(value) >= 40 and re.fullmatch(r"[A-Za-z0-9+/=_,-]+", value):
                failures.append("suspicious value in web storage (%s): %s" % (where, value[:60]))

    check_storage("file://")

    link = b.evaluate("(function(){var a=[].slice.call(document.querySelectorAll('main a[href]'))"
                      ".filter(function(x){return x.getAttribute('href').indexOf('p/')===0;});"
                      "return a.length ? a[0].href : null;})()")
    if not link:
        failures.append("no link to another page of the brief")
    else:
        b.navigate(link)
        if not b.wait_for(OPENED, 30):
            failures.append("a second page asked for the passphrase again: " + b.body()[:200])

    # Every page of the brief opens with the key kept for the session; remember each one's heading.
    pages = sorted(os.path.relpath(os.path.join(folder, name), output)
                   for folder, _, names in os.walk(output) for name in names if name.endswith(".html"))
    headings = {}
    for page in pages:
        b.navigate("file://" + os.path.join(output, page))
        if not b.wait_for(OPENED, 30):
            failures.append("%s did not open: %s" % (page, b.body()[:200]))
            continue
        headings[page] = b.evaluate("(document.querySelector('main h1') || {}).innerText || ''")
    check_storage("after every page")
    # What is kept: a non-extractable AES-GCM CryptoKey in IndexedDB, under the id sessionStorage holds.
    kept = b.evaluate("""new Promise(function (resolve) {
      var ids = Object.keys(sessionStorage).filter(function (k) { return k.indexOf('dossier-session:') === 0; })
        .map(function (k) { return sessionStorage.getItem(k); });
      setTimeout(function () { resolve('no answer from IndexedDB'); }, 5000);
      var open = indexedDB.open('dossier-brief');
      open.onerror = function () { resolve('no database'); };
      open.onsuccess = function () {
        if (!open.result.objectStoreNames.contains('keys')) { resolve('no key store'); return; }
        var request = open.result.transaction('keys').objectStore('keys').getAll();
        request.onsuccess = function () {
          resolve(JSON.stringify({ids: ids, records: request.result.map(function (r) {
            return {id: r.id, isKey: r.key instanceof CryptoKey, extractable: r.key.extractable,
                    algorithm: r.key.algorithm.name, usages: r.key.usages,
                    fields: Object.keys(r).sort()}; })}));
        };
      };
    })""")
    try:
        kept = json.loads(kept)
        records = kept["records"]
        if len(kept["ids"]) != 1 or [r["id"] for r in records] != kept["ids"]:
            failures.append("IndexedDB should hold exactly the key of this session: %s" % kept)
        elif not all(r["isKey"] and r["extractable"] is False and r["algorithm"] == "AES-GCM" and r["usages"] == ["decrypt"]
                     and r["fields"] == ["created", "id", "key", "salt"] for r in records):
            failures.append("the kept key is not a non-extractable AES-GCM CryptoKey (decrypt only): %s" % records)
    except (TypeError, ValueError, KeyError):
        failures.append("no key kept in IndexedDB: %s" % kept)
    violations = b.csp_messages()
    for message in violations:
        failures.append("CSP violation on a decrypted page: " + message[:300])
    # The shell's policy still governs the page it was replaced with: an inline style is refused.
    before = len(b.csp_messages())
    b.evaluate("(function(){var s=document.createElement('style');s.textContent='body{color:red}';"
               "document.head.appendChild(s);return true;})()")
    time.sleep(0.3)
    b.evaluate("1")
    if len(b.csp_messages()) == before:
        failures.append("no Content Security Policy in force on a decrypted page (an inline style was allowed)")
    mark = len(b.csp_messages())

    if screenshot:
        b.navigate(url)
        b.wait_for(OPENED, 30)
        shot = b.call("Page.captureScreenshot", format="png")
        with open(screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot.get("data", "")))

    # Tampering, in a copy of the brief: pick two content pages with distinct headings.
    candidates = [p for p in pages if p.startswith("p/") and headings.get(p) and expected not in headings[p]]
    home_heading = headings.get("index.html", "")
    others = [p for p in candidates if headings[p] != home_heading]
    if len(others) < 2:
        failures.append("fewer than two pages with headings to swap")
    else:
        first, second = others[0], others[1]
        if headings[first] == headings[second]:
            second = next((p for p in others if headings[p] != headings[first]), second)
        copy = tempfile.mkdtemp(prefix="dossier-tampered-")
        try:
            shutil.copytree(output, copy, dirs_exist_ok=True)

            def expect_refused(page, forbidden, what):
                b.navigate("file://" + os.path.join(copy, page))
                time.sleep(1.0)
                if b.evaluate("!!document.getElementById('dossier-unlock') && "
                              "!document.getElementById('dossier-unlock').hidden"):
                    b.submit(passphrase)  # no key kept: try the right passphrase, it must not help
                    time.sleep(1.0)
                b.wait_for(SHOWS_ERROR, 20)
                text = b.body()
                if any(word and word in text for word in forbidden):
                    failures.append("%s: another page's content is shown: %s" % (what, text[:200]))
                elif not b.evaluate(SHOWS_ERROR):
                    failures.append("%s: no error shown: %s" % (what, text[:200]))
                elif b.evaluate("!!document.getElementById('dossier-refused') && "
                                "!document.getElementById('dossier-refused').hidden && "
                                "!!document.getElementById('dossier-passphrase') && "
                                "document.getElementById('dossier-passphrase').offsetParent !== null"):
                    failures.append("%s: refused, but the passphrase form is still shown" % what)

            # 1. The payload of `second` inside the shell of `first` (its declared path kept).
            target = os.path.join(copy, first)
            with open(os.path.join(copy, second), encoding="utf-8") as handle:
                donor = SHELL_JSON.search(handle.read())
            with open(target, encoding="utf-8") as handle:
                shell = handle.read()
            match = SHELL_JSON.search(shell)
            own = json.loads(match.group(2))
            own["data"] = json.loads(donor.group(2))["data"]
            swapped = shell[:match.start(2)] + json.dumps(own, separators=(",", ":")) + shell[match.end(2):]
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(swapped)
            expect_refused(first, [headings[second]], "a payload swapped from another page")
            # Also into the home page, whose address is the one people are given.
            home = os.path.join(copy, "index.html")
            with open(home, encoding="utf-8") as handle:
                shell = handle.read()
            match = SHELL_JSON.search(shell)
            own = json.loads(match.group(2))
            own["data"] = json.loads(donor.group(2))["data"]
            with open(home, "w", encoding="utf-8") as handle:
                handle.write(shell[:match.start(2)] + json.dumps(own, separators=(",", ":")) + shell[match.end(2):])
            expect_refused("index.html", [headings[second]], "a payload swapped into the home page")

            # 2. The whole shell of `second` copied over a third page.
            third = next((p for p in others if p not in (first, second) and headings[p] != headings[second]), None)
            if third:
                shutil.copyfile(os.path.join(output, second), os.path.join(copy, third))
                expect_refused(third, [headings[second]], "a shell copied over another page")
            else:
                failures.append("no third page to copy a shell over")
        finally:
            shutil.rmtree(copy, ignore_errors=True)

    # Served over HTTP (a different origin: the passphrase is asked again).
    handler = functools.partial(QuietHandler, directory=output)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = "http://127.0.0.1:%d/" % server.server_address[1]
        b.navigate(base)
        if not b.wait_for("!!document.getElementById('dossier-unlock')"):
            failures.append("over HTTP: no passphrase form at /")
        b.submit(passphrase)
        if not b.wait_for("document.body && document.body.innerText.indexOf(%s) >= 0" % json.dumps(expected), 30):
            failures.append("over HTTP: the right passphrase did not open /: " + b.body()[:200])
        # Followed by a click, as a reader would: no page may send its address (no-referrer).
        served = b.evaluate("(function(){var a=[].slice.call(document.querySelectorAll('main a[href]'))"
                            ".filter(function(x){return x.getAttribute('href').indexOf('p/')===0;});"
                            "if (!a.length) return null; var href = a[0].href; a[0].click(); return href;})()")
        if not served:
            failures.append("over HTTP: no link to another page")
        else:
            b.wait_for("location.href === %s" % json.dumps(served), 10)
            if not b.wait_for(OPENED, 30):
                failures.append("over HTTP: a linked page did not open without asking again: " + b.body()[:200])
        check_storage("http")
        for referer in QuietHandler.referers:
            failures.append("over HTTP: a request sent a Referer: " + referer)
        for message in b.csp_messages()[mark:]:
            failures.append("over HTTP or in a tampered page: CSP violation: " + message[:300])
    finally:
        server.shutdown()

    b.ws.close()
    if os.environ.get("DOSSIER_CHECK_VERBOSE"):
        for message in b.console:
            print("console:", message[:300])
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("ok: form only, wrong passphrase refused, right passphrase opens every page, session key reused "
              "without key material in web storage, no CSP violation, swapped payloads and moved shells refused, "
              "works from disk and over HTTP")
    return 1 if failures else 0


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    referers = []  # the Referer headers the browser sent

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.headers.get("Referer"):
            QuietHandler.referers.append("%s <- %s" % (self.path, self.headers.get("Referer")))
        super().end_headers()


if __name__ == "__main__":
    sys.exit(main())
