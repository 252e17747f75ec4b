#!/usr/bin/env python3
"""Opens an encrypted Dossier brief in headless Chromium, as a reader would.

usage: unlock_check.py OUTPUT_DIR PASSPHRASE EXPECTED_TEXT [SCREENSHOT.png]

Checks, over the Chrome DevTools protocol: the page shows only the passphrase form; a wrong
passphrase shows the error and no content; the right one shows EXPECTED_TEXT; a link followed
from there opens without asking again (the key is kept for the session). Exit status 0 when all
hold; the reasons for a failure are printed.
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.request

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


def run(output, passphrase, expected, screenshot, profile):
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while not os.path.exists(port_file) and time.time() < deadline:
        time.sleep(0.1)
    port = open(port_file).read().split()[0]
    targets = json.load(urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port, timeout=10))
    page = next(t for t in targets if t.get("type") == "page")
    ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
    counter = [0]

    def call(method, **params):
        counter[0] += 1
        ws.send(json.dumps({"id": counter[0], "method": method, "params": params}))
        while True:
            message = json.loads(ws.recv())
            if message.get("id") == counter[0]:
                return message.get("result", {})

    def evaluate(expression):
        result = call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for(expression, seconds=20):
        end = time.time() + seconds
        while time.time() < end:
            if evaluate(expression):
                return True
            time.sleep(0.2)
        return False

    def body():
        return evaluate("document.body ? document.body.innerText : ''") or ""

    failures = []
    url = "file://" + os.path.abspath(os.path.join(output, "index.html"))
    call("Page.enable")
    call("Page.navigate", url=url)
    wait_for("document.readyState === 'complete' && !!document.getElementById('dossier-unlock')")
    if expected in body():
        failures.append("content visible before the passphrase")
    if not evaluate("!!document.getElementById('dossier-passphrase')"):
        failures.append("no passphrase form")

    evaluate("document.getElementById('dossier-passphrase').value = 'not the passphrase';"
             "document.getElementById('dossier-unlock').requestSubmit(); true")
    if not wait_for("!document.getElementById('dossier-error').hidden", 30):
        failures.append("a wrong passphrase did not show the error")
    if expected in body():
        failures.append("content visible after a wrong passphrase")

    evaluate("document.getElementById('dossier-passphrase').value = %s;"
             "document.getElementById('dossier-unlock').requestSubmit(); true" % json.dumps(passphrase))
    if not wait_for("document.body && document.body.innerText.indexOf(%s) >= 0" % json.dumps(expected), 30):
        failures.append("the right passphrase did not show the brief: " + body()[:200])

    link = evaluate("(function(){var a=[].slice.call(document.querySelectorAll('main a[href]'))"
                    ".filter(function(x){return x.getAttribute('href').indexOf('p/')===0;});"
                    "return a.length ? a[0].href : null;})()")
    if not link:
        failures.append("no link to another page of the brief")
    else:
        call("Page.navigate", url=link)
        time.sleep(0.5)
        if not wait_for("document.readyState === 'complete' && !document.getElementById('dossier-unlock')"
                        " && document.querySelectorAll('main').length > 0", 30):
            failures.append("a second page asked for the passphrase again: " + body()[:200])

    if screenshot:
        call("Page.navigate", url=url)
        wait_for("document.readyState === 'complete' && !document.getElementById('dossier-unlock')", 30)
        shot = call("Page.captureScreenshot", format="png")
        with open(screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot.get("data", "")))
    ws.close()
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("ok: form only, wrong passphrase refused, right passphrase opens, session key reused")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
