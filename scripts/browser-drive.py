#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages separated by NUL bytes on fds 3 and 4) — no websocket library, no network beyond
loopback. Used by scripts/browser-test: open a page, wait until a JavaScript condition holds in
the *live* page (not a one-shot dump), read values from the DOM, take a screenshot.

    browser-drive.py URL [--initial NAME=JS ...] --wait JS [--timeout S] [--read NAME=JS ...]
                     [--screenshot FILE] [--dom FILE] [--then-wait JS [--then-read NAME=JS ...]] [--size 1280x720]

Prints one JSON object: {"ok": bool, "waited_ms": n, "values": {...}, "error": "..."}.
"""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time


class Chromium:
    def __init__(self, binary, width, height):
        self.profile = tempfile.mkdtemp(prefix="threshold-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()

        def fds():  # the child's fd 3 reads our commands, fd 4 carries its answers
            read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)  # out of the way of 3 and 4
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio",
             "--hide-scrollbars", f"--window-size={width},{height}", f"--user-data-dir={self.profile}",
             "--remote-debugging-pipe", "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=None if os.environ.get("BROWSER_DEBUG") else subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.width, self.height = width, height

    def send(self, method, params=None, session=None, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" not in self.buffer:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"no answer to {method} within {timeout} s")
                chunk = os.read(self.from_chrome, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            # events (no id) are not needed: every wait below polls the page itself

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False}, session)
        self.send("Page.enable", {}, session)
        self.send("Page.navigate", {"url": url}, session)
        return session

    def evaluate(self, session, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--wait", default="true", help="JavaScript condition to wait for")
    parser.add_argument("--timeout", type=float, default=15)
    parser.add_argument("--initial", action="append", default=[], help="NAME=JS read as soon as the page has loaded")
    parser.add_argument("--read", action="append", default=[], help="NAME=JS read once the condition holds")
    parser.add_argument("--then-wait", help="a second JavaScript condition, waited for after the reads and the screenshot")
    parser.add_argument("--then-read", action="append", default=[], help="NAME=JS read once the second condition holds")
    parser.add_argument("--screenshot")
    parser.add_argument("--dom")
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    out = {"ok": False, "values": {}}
    browser = Chromium(args.chromium, width, height)
    try:
        session = browser.open(args.url)
        start = time.monotonic()
        while args.initial:
            try:
                if browser.evaluate(session, "document.readyState === 'complete' && location.href !== 'about:blank'"):
                    break
            except RuntimeError:
                pass
            if time.monotonic() - start > args.timeout:
                raise TimeoutError(f"the page did not load within {args.timeout} s")
            time.sleep(0.02)
        for item in args.initial:
            name, expression = item.split("=", 1)
            out["values"][name] = browser.evaluate(session, expression)

        def wait(condition):
            begin = time.monotonic()
            while True:
                try:
                    if browser.evaluate(session, f"Boolean({condition})"):
                        return round((time.monotonic() - begin) * 1000)
                except RuntimeError:
                    pass  # the page is still loading
                if time.monotonic() - begin > args.timeout:
                    raise TimeoutError(f"condition not met within {args.timeout} s: {condition}")
                time.sleep(0.05)

        def read(items):
            for item in items:
                name, expression = item.split("=", 1)
                out["values"][name] = browser.evaluate(session, expression)

        out["waited_ms"] = wait(args.wait)
        read(args.read)
        if args.dom:
            with open(args.dom, "w", encoding="utf-8") as f:
                f.write(browser.evaluate(session, "document.documentElement.outerHTML"))
        if args.screenshot:
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
            with open(args.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        if args.then_wait:
            out["then_waited_ms"] = wait(args.then_wait)
            read(args.then_read)
        out["ok"] = "error" not in out
    except Exception as error:  # report, never hang: the caller counts a failure
        out["error"] = f"{type(error).__name__}: {error}"
    finally:
        browser.close()
    print(json.dumps(out, ensure_ascii=False))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
