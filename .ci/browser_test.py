#!/usr/bin/env python3
"""Browser test of `dateline serve`: drives headless Chromium through the web UI.

    python3 .ci/browser_test.py --binary target/release/dateline --corpus corpus --out target/browser

Indexes CORPUS into a temporary index, starts `dateline serve --bind 127.0.0.1:0`, reads the
URL from its `listening on http://127.0.0.1:PORT/` line, and then, in Debian's Chromium
(/usr/bin/chromium + /usr/bin/chromedriver, selenium 4; .ci/browser_setup.sh installs them):

  1. searches `al-Qaida AND Iran` through the form and finds the AP article about Pompeo;
  2. searches `Iran` through the form (corpus/ has one article with al-Qaida and Iran, so
     no facet can narrow step 1's query) and toggles the people facet `Mike Pompeo` on
     (filter in the URL, link active, fewer hits) and off again (filter gone, same total);
  3. opens the AP article: entities are highlighted by type and `Iran` is a place mark
     linked to its /entity page;
  4. clicks the 2021 bar of the date histogram of `iran`: `since=2021` in the URL and every
     hit dated 2021;
  5. a malformed query shows `#query-error` with the CLI-style caret.

No page of steps 1-4 may show a visible `#query-error`. A screenshot of each step is saved
under --out (01-search.png ... 05-query-error.png; failure.png and failure.html on failure),
with the server's stderr in server.log. Prints a line per step; exits 0 on success, 1 on
failure with a message saying which step and what was expected.
"""

import argparse
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from urllib.parse import parse_qs, quote, urlparse

try:
    from selenium import webdriver
    from selenium.common.exceptions import (
        NoAlertPresentException,
        StaleElementReferenceException,
        TimeoutException,
        WebDriverException,
    )
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("FAIL: selenium is not installed (run bash .ci/browser_setup.sh)", file=sys.stderr)
    sys.exit(1)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROME_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
]
WAIT_SECONDS = 15
LISTEN_TIMEOUT = 30
LISTEN_PREFIX = "listening on "

QUERY = "al-Qaida AND Iran"
PERSON = "Mike Pompeo"
FACET_QUERY = "Iran"
HOSTILE_FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "serve", "xss")
FACET_LINK = f'section.facet[data-facet="people"] a.facet-value[data-value="{PERSON}"]'
BAD_QUERY = "NEAR/x("


class Failure(Exception):
    """A check that did not hold; its message says what was expected and what was found."""


def check(cond, message):
    if not cond:
        raise Failure(message)


# ---------------------------------------------------------------------------- the server


class Server:
    """`dateline serve` as a subprocess; stdout is drained by a thread, stderr goes to a file."""

    def __init__(self, binary, index, log_path):
        self.log_path = log_path
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen(
            [binary, "--index", index, "serve", "--bind", "127.0.0.1:0"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self.log,
        )
        self.lines = queue.Queue()
        self.stdout_seen = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for raw in self.proc.stdout:
            self.lines.put(raw.decode("utf-8", "replace").rstrip("\r\n"))
        self.lines.put(None)  # end of stdout

    def wait_for_url(self, timeout=LISTEN_TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure(
                    f"server printed no line starting with {LISTEN_PREFIX!r} within {timeout} s "
                    f"(stdout so far: {self.stdout_seen!r}; stderr: {self.stderr_tail()!r})"
                )
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                code = self.proc.wait(timeout=5)
                raise Failure(
                    f"server exited with status {code} before printing {LISTEN_PREFIX!r} "
                    f"(stdout: {self.stdout_seen!r}; stderr: {self.stderr_tail()!r})"
                )
            self.stdout_seen.append(line)
            if line.startswith(LISTEN_PREFIX):
                url = line[len(LISTEN_PREFIX):].strip()
                check(
                    url.startswith("http://"),
                    f"server's listening line has no http:// URL: {line!r}",
                )
                return url

    def stderr_tail(self, limit=2000):
        try:
            self.log.flush()
            with open(self.log_path, "rb") as f:
                data = f.read()
            return data[-limit:].decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log.close()


# ---------------------------------------------------------------------------- the browser


def start_chrome(profile_dir):
    options = webdriver.ChromeOptions()
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


class UI:
    def __init__(self, driver, base, out):
        self.d = driver
        self.base = base.rstrip("/")
        self.out = out

    # -- helpers

    def url(self, path):
        return self.base + path

    def shot(self, name):
        path = os.path.join(self.out, name)
        self.d.save_screenshot(path)
        return path

    def wait_for(self, condition, what, timeout=WAIT_SECONDS):
        """Explicit wait; a timeout becomes a Failure naming what was awaited."""
        try:
            return WebDriverWait(self.d, timeout).until(condition)
        except TimeoutException:
            raise Failure(
                f"timed out after {timeout} s waiting for {what} (at {self.d.current_url})"
            ) from None

    def css(self, selector):
        return self.d.find_elements(By.CSS_SELECTOR, selector)

    def wait_css(self, selector, what=None):
        return self.wait_for(
            lambda d: (d.find_elements(By.CSS_SELECTOR, selector) or [None])[0],
            what or f"an element matching {selector!r}",
        )

    def ready(self):
        return self.d.execute_script("return document.readyState") == "complete"

    def follow(self, action, what, url_ok=lambda u: True):
        """Runs action (a click, a submit) and waits for the page it leads to: either a new
        document (the old one went stale) or a new URL, matching url_ok, fully loaded."""
        old_url = self.d.current_url
        old_html = self.d.find_element(By.TAG_NAME, "html")
        handles = set(self.d.window_handles)
        action()
        new = [h for h in self.d.window_handles if h not in handles]
        if new:  # a link with target=_blank: follow it in its tab
            self.d.switch_to.window(new[-1])

        def arrived(d):
            try:
                old_html.tag_name
                gone = False
            except (StaleElementReferenceException, WebDriverException):
                gone = True
            if not gone and d.current_url == old_url:
                return False
            return url_ok(d.current_url) and self.ready()

        self.wait_for(arrived, what)

    def total(self):
        el = self.wait_css("#total", "#total (the number of matching articles)")
        raw = el.get_attribute("data-total")
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise Failure(f"#total's data-total is not an integer: {raw!r}") from None

    def no_query_error(self, where):
        for el in self.css("#query-error"):
            if el.is_displayed():
                raise Failure(f"{where}: a visible #query-error says {el.text!r}")

    def hit_titles(self):
        return self.css("li.hit a.hit-title")

    def pompeo_hit(self):
        def find(d):
            for a in d.find_elements(By.CSS_SELECTOR, "li.hit a.hit-title"):
                if "Pompeo" in a.text:
                    return a
            return None

        try:
            return self.wait_for(find, "a hit (li.hit a.hit-title) whose title contains 'Pompeo'")
        except Failure as e:
            titles = [a.text for a in self.hit_titles()]
            raise Failure(f"{e}; hit titles on the page: {titles!r}") from None

    def click(self, el):
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        el.click()

    def js_click(self, el):
        self.d.execute_script(
            "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))",
            el,
        )

    # -- the steps

    def step1_search(self):
        self.d.get(self.url("/search"))
        box = self.wait_css("input#q", "the search box input#q on /search")
        self.wait_css("form#search-form", "the search form form#search-form")
        self.no_query_error("/search")
        box.clear()
        box.send_keys(QUERY)
        go = self.wait_css("form#search-form button#go", "the button#go inside form#search-form")
        self.follow(lambda: self.click(go), f"the results of {QUERY!r} after clicking button#go")
        t1 = self.total()
        self.pompeo_hit()
        self.no_query_error(f"results of {QUERY!r}")
        self.shot("01-search.png")
        check(t1 >= 1, f"#total's data-total is {t1} for {QUERY!r}, yet a hit is listed")
        print(f"step 1 ok: search {QUERY!r}: T1={t1}, the Pompeo article is a hit")
        return t1

    def step2_facet(self, _):
        # corpus/ holds one article with both al-Qaida and Iran, so a facet cannot
        # narrow that query: the facet is tried on the wider `Iran`, through the box.
        box = self.wait_css("input#q", "the search box input#q")
        box.clear()
        box.send_keys(FACET_QUERY)
        go = self.wait_css("form#search-form button#go", "the button#go")
        self.follow(lambda: self.click(go), f"the results of {FACET_QUERY!r}")
        t1 = self.total()
        link = self.wait_css(FACET_LINK, f"the facet link {FACET_LINK!r}")
        self.follow(
            lambda: self.click(link),
            "a URL with person=Mike after clicking the facet",
            lambda u: "person=Mike" in u,
        )
        check(
            "person=Mike" in self.d.current_url,
            f"facet filter is not in the URL: {self.d.current_url}",
        )
        def link_active(d):
            links = d.find_elements(By.CSS_SELECTOR, FACET_LINK)
            return bool(links) and "active" in (links[0].get_attribute("class") or "").split()

        self.wait_for(
            link_active,
            f"the facet link {FACET_LINK!r} to have class 'active' once the filter is on",
        )
        t2 = self.total()
        self.no_query_error("results filtered by person")
        self.shot("02-facet.png")
        check(t2 >= 1, f"with the filter person={PERSON!r} data-total is {t2}, expected >= 1")
        check(t2 < t1, f"filtering by person did not change data-total: T1={t1}, T2={t2}")
        print(f"step 2 ok: facet {PERSON!r} on: T1={t1} T2={t2}, URL {self.d.current_url}")

        active = self.wait_css(FACET_LINK + ".active", "the active facet link, to toggle it off")
        self.follow(
            lambda: self.click(active),
            "a URL without the person filter after clicking the active facet again",
            lambda u: "person" not in parse_qs(urlparse(u).query),
        )
        t_off = self.total()
        self.no_query_error("results after toggling the person filter off")
        check(
            t_off == t1,
            f"after toggling the facet off data-total is {t_off}, expected T1={t1}",
        )
        print(f"step 2 ok: facet toggled off: data-total back to {t_off}, URL {self.d.current_url}")

    def step3_article(self):
        hit = self.pompeo_hit()
        title = hit.text
        self.follow(lambda: self.click(hit), f"the article page of {title!r}")
        self.wait_css("#article-title", "#article-title on the article page")
        body = self.wait_css("#article-body", "#article-body on the article page")
        self.no_query_error("the article page")
        places = body.find_elements(By.CSS_SELECTOR, "mark.entity.place")
        iran = [m for m in places if m.text.strip() == "Iran"]
        self.shot("03-article.png")
        check(
            iran,
            "no mark.entity.place with text 'Iran' in #article-body "
            f"(place marks: {[m.text for m in places][:20]!r})",
        )
        linked = [
            m
            for m in iran
            if self.d.execute_script(
                "const m = arguments[0], s = 'a[href*=\"/entity?\"]';"
                "return m.closest(s) !== null || m.querySelector(s) !== null;",
                m,
            )
        ]
        check(
            linked,
            "the mark.entity.place 'Iran' is not inside a link a[href*=\"/entity?\"] "
            f"(its HTML: {iran[0].get_attribute('outerHTML')[:300]!r}; "
            f"its parent: {self.d.execute_script('return arguments[0].parentElement.outerHTML', iran[0])[:300]!r})",
        )
        counts = {
            kind: len(body.find_elements(By.CSS_SELECTOR, f"mark.entity.{kind}"))
            for kind in ("person", "org", "place")
        }
        print(
            f"step 3 ok: article {title!r}: 'Iran' is a linked place mark "
            f"({len(iran)} of them); marks by type {counts}"
        )

    def step4_histogram(self):
        self.d.get(self.url("/search?q=iran"))
        self.wait_css("svg#histogram", "the date histogram svg#histogram on /search?q=iran")
        self.no_query_error("results of 'iran'")
        bars = self.wait_for(
            lambda d: d.find_elements(By.CSS_SELECTOR, "svg#histogram a.bar"),
            "bars (a.bar) in svg#histogram",
        )
        starts = [b.get_attribute("data-start") or "" for b in bars]
        in2021 = [b for b, s in zip(bars, starts) if s.startswith("2021")]
        check(in2021, f"no histogram bar's data-start starts with 2021 (data-start: {starts!r})")
        nonzero = [b for b in in2021 if (b.get_attribute("data-count") or "1") not in ("0", "")]
        bar = (nonzero or in2021)[0]
        start, end = bar.get_attribute("data-start"), bar.get_attribute("data-end")
        check(end, f"the bar starting {start} has no data-end")

        def since_2021(u):
            return "since=2021" in u

        clicked = "a click"
        try:
            self.follow(lambda: self.click(bar), "since=2021 in the URL", since_2021)
        except (Failure, WebDriverException) as e:
            if since_2021(self.d.current_url):
                raise
            # a normal click on an SVG element can miss or be refused: dispatch one instead
            clicked = f"a dispatched click event (the normal click: {(str(e).strip().splitlines() or [type(e).__name__])[0]})"
            bar = [
                b
                for b in self.css("svg#histogram a.bar")
                if (b.get_attribute("data-start") or "") == start
            ][0]
            self.follow(
                lambda: self.js_click(bar),
                "since=2021 in the URL after a dispatched click on the bar",
                since_2021,
            )
        check(since_2021(self.d.current_url), f"the URL has no since=2021: {self.d.current_url}")
        self.total()
        self.no_query_error("results of 'iran' since 2021")
        dates = [e.text.strip() for e in self.css("li.hit .hit-date")]
        self.shot("04-histogram.png")
        check(dates, "no hit (li.hit .hit-date) after clicking the 2021 bar")
        wrong = [t for t in dates if not t.startswith("2021")]
        check(not wrong, f"hits not dated 2021 after clicking the 2021 bar: {wrong!r}")
        print(
            f"step 4 ok: histogram bar {start}..{end} ({clicked}): URL {self.d.current_url}, "
            f"{len(dates)} hits all dated 2021"
        )

    def step5_query_error(self):
        self.d.get(self.url("/search?q=" + quote(BAD_QUERY, safe="")))
        err = self.wait_for(
            lambda d: next(
                (e for e in d.find_elements(By.CSS_SELECTOR, "#query-error") if e.is_displayed()),
                None,
            ),
            f"a visible #query-error for the query {BAD_QUERY!r}",
        )
        text = err.text
        self.shot("05-query-error.png")
        check("^" in text, f"#query-error has no caret '^': {text!r}")
        print(f"step 5 ok: {BAD_QUERY!r} shows #query-error with a caret: {text.splitlines()!r}")

    def step6_hostile(self):
        """The hostile fixture's pages: its markup shows as text, nothing of it runs."""
        pages = [
            "/search?q=hostile",
            "/article?id=hostile.json",
            "/search",
        ]
        for i, path in enumerate(pages):
            self.d.get(self.url(path))
            self.ready()
            self.wait_css("#search-form", f"the page {path}")
            try:
                alert = self.d.switch_to.alert
                raise Failure(f"{path}: an alert opened: {alert.text!r}")
            except NoAlertPresentException:
                pass
            ran = self.d.execute_script("return window.__xss === undefined ? null : String(window.__xss)")
            check(ran is None, f"{path}: a script from the fixture ran (window.__xss = {ran!r})")
            foreign = self.d.execute_script(
                "return document.querySelectorAll('img, iframe, object, embed, svg:not(#histogram), "
                "[onerror], [onload], [onmouseover], a[href^=\"javascript:\"]').length"
            )
            check(foreign == 0, f"{path}: {foreign} elements or attributes from the fixture's markup")
            body = self.d.find_element(By.TAG_NAME, "body").text
            check("<script>window.__xss=" in body, f"{path}: the fixture's <script> is not shown as text")
            self.shot(f"06-hostile-{i + 1}.png")
        # Hover the source and click every link the article page has inside the article.
        self.d.get(self.url("/article?id=hostile.json"))
        self.ready()
        for el in self.css("article a"):
            href = el.get_attribute("href") or ""
            check(not href.lower().startswith("javascript:"), f"a javascript: link on the article page: {href}")
        ran = self.d.execute_script("return window.__xss === undefined ? null : String(window.__xss)")
        check(ran is None, f"after reading the article page, window.__xss = {ran!r}")
        print(f"step 6 ok: the hostile fixture shows as text on {len(pages)} pages, no script ran")


def index_archive(binary, index, archive):
    """`dateline --index INDEX index ARCHIVE`, failing the test with its stderr."""
    r = subprocess.run(
        [binary, "--index", index, "index", archive],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    check(
        r.returncode == 0,
        f"`dateline --index IDX index {archive}` exited {r.returncode}: {r.stderr[-2000:]}",
    )


# ---------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", required=True, help="the dateline binary")
    ap.add_argument("--corpus", required=True, help="the folder of articles to index")
    ap.add_argument("--out", required=True, help="where screenshots and logs go")
    args = ap.parse_args()

    binary = os.path.abspath(args.binary)
    corpus = os.path.abspath(args.corpus)
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):  # no screenshot from an earlier run may pass for this one's
        if name.endswith(".png") or name in ("failure.html", "server.log"):
            os.remove(os.path.join(out, name))

    tmp = tempfile.mkdtemp(prefix="dateline-browser-")
    server = driver = None
    step = "setup"
    try:
        check(os.access(binary, os.X_OK), f"no executable binary at {binary}")
        index = os.path.join(tmp, "idx")
        step = "index"
        index_archive(binary, index, corpus)
        print(f"index ok: {corpus}")

        step = "serve"
        server = Server(binary, index, os.path.join(out, "server.log"))
        url = server.wait_for_url()
        print(f"serve ok: {url}")

        step = "chromium"
        driver = start_chrome(os.path.join(tmp, "chrome-profile"))
        ui = UI(driver, url, out)

        step = "1 (search)"
        t1 = ui.step1_search()
        step = "2 (facet)"
        ui.step2_facet(t1)
        step = "3 (article)"
        ui.step3_article()
        step = "4 (histogram)"
        ui.step4_histogram()
        step = "5 (query error)"
        ui.step5_query_error()
        step = "6 (hostile fixture)"
        server.stop()
        xss_index = os.path.join(tmp, "xss-idx")
        index_archive(binary, xss_index, HOSTILE_FIXTURE)
        server = Server(binary, xss_index, os.path.join(out, "server-hostile.log"))
        ui = UI(driver, server.wait_for_url(), out)
        ui.step6_hostile()
        print(f"browser test passed: 6 steps, screenshots in {out}")
        return 0
    except Exception as e:  # every failure, expected or not, ends in one clear message
        if isinstance(e, Failure):
            message = str(e)
        elif isinstance(e, subprocess.TimeoutExpired):
            message = f"timed out: {e}"
        else:
            message = f"{type(e).__name__}: {e}".strip()
            traceback.print_exc()
        if driver is not None:
            try:
                driver.save_screenshot(os.path.join(out, "failure.png"))
                with open(os.path.join(out, "failure.html"), "w", encoding="utf-8") as f:
                    f.write(driver.page_source)
                message += f"\n  page: {driver.current_url} (failure.png, failure.html in {out})"
            except WebDriverException:
                pass
        if server is not None and step not in ("index", "serve"):
            if server.proc.poll() is not None:
                message += f"\n  the server exited with status {server.proc.returncode}"
            tail = server.stderr_tail(1000).strip()
            if tail:
                message += f"\n  server stderr (end): {tail}"
        print(f"FAIL: step {step}: {message}", file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
