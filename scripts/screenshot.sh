#!/usr/bin/env bash
# Full-page screenshot of an HTML report in headless Chromium, failing on console errors.
#
#   scripts/screenshot.sh PAGE.html OUT.png [WIDTH]     WIDTH: 1200 (default), 390 for a phone
#
# Exits non-zero if the page logs any console error (a script error, a Content-Security-Policy
# violation, a resource that failed to load) or scrolls sideways at that width; the messages go
# to stderr. SCREENSHOT_MEDIA=print shows the print stylesheet instead. Needs Debian's `chromium` (installed with apt-get when missing) and python3, which
# drives Chromium over the DevTools protocol on a pipe (no network, no extra packages).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 PAGE.html OUT.png [WIDTH]" >&2
    exit 2
fi
page=$1 out=$2 width=${3:-1200}
if [ ! -f "$page" ]; then
    echo "$0: no such page: $page" >&2
    exit 2
fi
case $width in ''|*[!0-9]*) echo "$0: WIDTH must be a number of pixels, got '$width'" >&2; exit 2;; esac

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "$0: installing chromium (apt-get)..." >&2
    apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
    browser=$(command -v chromium)
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

exec python3 - "$browser" "$profile" "$(realpath "$page")" "$out" "$width" <<'PY'
import base64, fcntl, json, os, select, subprocess, sys, time

browser, profile, page, out, width = sys.argv[1:6]
width = int(width)
mobile = width < 700

# Chromium speaks the DevTools protocol on fds 3 (commands in) and 4 (replies out),
# one JSON message per NUL-terminated chunk.
to_browser_r, to_browser_w = os.pipe()
from_browser_r, from_browser_w = os.pipe()
def child_fds():
    # Move both ends out of the way first: either may already sit on fd 3 or 4.
    high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
    high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
    os.dup2(high_r, 3)
    os.dup2(high_w, 4)
proc = subprocess.Popen(
    [browser, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
     "--no-first-run", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
     "--disable-extensions", "--disable-background-networking", "--disable-sync",
     "--user-data-dir=" + profile, "about:blank"],
    close_fds=False, preexec_fn=child_fds,
    stdout=subprocess.DEVNULL, stderr=None if os.environ.get("SCREENSHOT_DEBUG") else subprocess.DEVNULL)
os.close(to_browser_r)
os.close(from_browser_w)

deadline = time.monotonic() + 60
buffer = b""
next_id = 0
errors = []
events = []

def fail(message):
    print(f"screenshot: {message}", file=sys.stderr)
    proc.kill()
    sys.exit(1)

def read_message():
    global buffer
    while b"\0" not in buffer:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            fail("timed out waiting for Chromium")
        ready, _, _ = select.select([from_browser_r], [], [], remaining)
        if ready:
            chunk = os.read(from_browser_r, 1 << 20)
            if not chunk:
                fail("Chromium exited early")
            buffer += chunk
    message, _, buffer = buffer.partition(b"\0")
    return json.loads(message)

def note(event):
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        details = params.get("exceptionDetails", {})
        errors.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
    elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        errors.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
    elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        entry = params["entry"]
        errors.append(f"{entry.get('source')}: {entry.get('text')}")
    events.append(method)

def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_browser_w, json.dumps(message).encode() + b"\0")
    while True:
        reply = read_message()
        if reply.get("id") == next_id:
            if "error" in reply:
                fail(f"{method}: {reply['error'].get('message')}")
            return reply.get("result", {})
        note(reply)

def wait_for(method):
    while method not in events:
        note(read_message())

target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
for domain in ("Page", "Runtime", "Log"):
    send(domain + ".enable", session=session)
send("Emulation.setDeviceMetricsOverride",
     {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile}, session)
if os.environ.get("SCREENSHOT_MEDIA"):  # e.g. SCREENSHOT_MEDIA=print to see the print stylesheet
    send("Emulation.setEmulatedMedia", {"media": os.environ["SCREENSHOT_MEDIA"]}, session)
send("Page.navigate", {"url": "file://" + page}, session)
wait_for("Page.loadEventFired")

metrics = send("Page.getLayoutMetrics", session=session)
content = metrics.get("cssContentSize") or metrics["contentSize"]
height = max(1, int(content["height"] + 0.999))
if content["width"] > width + 0.5:
    errors.append(f"layout: the page is {content['width']:.0f}px wide at {width}px: it scrolls sideways")
send("Emulation.setDeviceMetricsOverride",
     {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, session)
shot = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
with open(out, "wb") as f:
    f.write(base64.b64decode(shot["data"]))
# Give late console messages (e.g. CSP reports) a moment to arrive, without sleeping blindly.
send("Runtime.evaluate", {"expression": "1"}, session)
try:
    send("Browser.close")
except SystemExit:
    pass
proc.wait(timeout=10)

print(f"{out}: {width}x{height}", file=sys.stderr)
if errors:
    for error in errors:
        print(f"screenshot: {error}", file=sys.stderr)
    sys.exit(1)
PY
