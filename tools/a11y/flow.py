#!/usr/bin/python3
"""Keyboard-only steps through the window, read over AT-SPI as a screen reader reads it:
Tab to a löfte, Enter (the focus goes into its panel), Escape (back to the row), "+" (an
insats today, or the insats form once the period is over), Escape, meeting mode's pages,
the walks tab. After each step: how many focusable nodes there are, which have no name and
where the focus is. Exit 1 if a node has no name or the focus is not where it should be.
Each step waits for its result (up to a few seconds) instead of sleeping a fixed time."""
import subprocess, sys, time
import pyatspi

def app(timeout=30.0):
    end = time.time() + timeout
    while time.time() < end:
        desk = pyatspi.Registry.getDesktop(0)
        for i in range(desk.childCount):
            a = desk.getChildAtIndex(i)
            if a and "rygghet" in (a.name or "") and a.childCount:
                return a
        time.sleep(0.5)
    sys.exit("the window is not on the accessibility bus")

def scan():
    unnamed, total, focused = [], 0, None
    def walk(n, depth=0):
        nonlocal total, focused
        if n is None or depth > 60:
            return
        try:
            st = n.getState()
            role = n.getRoleName()
            name = n.name or ""
            kids = n.childCount
        except Exception:
            return
        # The window itself is named by the window manager.
        if st.contains(pyatspi.STATE_FOCUSABLE) and role != "frame":
            total += 1
            if not name.strip():
                unnamed.append(role)
        if st.contains(pyatspi.STATE_FOCUSED) and role != "frame":
            focused = f"{role}: {name}"
        for i in range(kids):
            try:
                walk(n.getChildAtIndex(i), depth + 1)
            except Exception:
                pass
    walk(app())
    return total, unnamed, focused

problems = []

def step(what, keys, want=None, timeout=6.0):
    """Presses `keys`, waits until the focus satisfies `want` (if given), reports."""
    for k in keys:
        subprocess.run(["xdotool", "key", k])
        time.sleep(0.1)
    end = time.time() + timeout
    while True:
        time.sleep(0.3)
        total, unnamed, focused = scan()
        ok = want is None or (focused is not None and want(focused))
        if ok or time.time() > end:
            break
    print(f"{what}: {total} focusable, {len(unnamed)} without a name {unnamed[:5]}; focus: {focused}")
    if unnamed:
        problems.append(f"{what}: {len(unnamed)} without a name")
    if not ok:
        problems.append(f"{what}: the focus is on {focused!r}")
    return focused

def name_of(focused):
    return (focused or "").split(": ", 1)[-1]

def tab_to(prefix, most=120):
    """Tab until the focus is on a node whose name starts with `prefix`."""
    for _ in range(most):
        subprocess.run(["xdotool", "key", "Tab"])
        time.sleep(0.15)
        _, _, focused = scan()
        if focused and name_of(focused).startswith(prefix):
            return focused
    return None

prefix = sys.argv[1] if len(sys.argv) > 1 else ""
app()
time.sleep(1.0)
step("Tavlan", [])
row = tab_to(prefix)
print("Tab reached:", row)
if row is None:
    problems.append(f"Tab never reached {prefix!r}")
else:
    step("Enter: the löfte's panel", ["Return"], lambda f: name_of(f) == "Redigera löfte")
    step("Escape", ["Escape"], lambda f: f == row)
    # Within the period "+" records an insats and the row keeps the focus (its count
    # changes); after it the insats form opens with the focus on its date.
    step("+", ["plus"], lambda f: name_of(f) == "Datum" or name_of(f).startswith(prefix))
    step("Escape", ["Escape"], lambda f: name_of(f).startswith(prefix))
subprocess.run(["xdotool", "key", "F5"])
time.sleep(1.5)
for page in range(1, 7):
    step(f"Mötesläge, sida {page}", [] if page == 1 else ["Next"], timeout=0.5)
subprocess.run(["xdotool", "key", "Escape"])
time.sleep(1.5)
if tab_to("Trygghetsvandringar") is None:
    problems.append("Tab never reached the walks tab")
else:
    step("Trygghetsvandringar", ["Return"], timeout=1.0)
    # A walk (the demo database has them): its observations, one named stop each.
    if tab_to("Trygghetsvandring 2", most=60):
        step("En vandring med sina iakttagelser", ["Return"], timeout=1.0)
for p in problems:
    print("FEL:", p)
sys.exit(1 if problems else 0)
