#!/usr/bin/python3
"""Keyboard-only steps through the window, read over AT-SPI: Tab to the first löfte,
Enter (the focus goes into its panel), Escape (back to the row), "+" (an insats, or the
form after the period), Escape, the walks tab, meeting mode's pages. After each step:
how many focusable nodes there are and which have no name; then the walks tab and a
walk. Exit 1 if any node has no name."""
import subprocess, sys, time
import pyatspi

def app():
    desk = pyatspi.Registry.getDesktop(0)
    for i in range(desk.childCount):
        a = desk.getChildAtIndex(i)
        if a and "rygghet" in (a.name or ""):
            return a
    sys.exit("the window is not on the accessibility bus")

def scan():
    unnamed, total, focused = [], 0, None
    def walk(n, depth=0):
        nonlocal total, focused
        if n is None or depth > 60:
            return
        try:
            st = n.getState()
        except Exception:
            return
        role = n.getRoleName()
        # The window itself is named by the window manager.
        if st.contains(pyatspi.STATE_FOCUSABLE) and role != "frame":
            total += 1
            if not (n.name or "").strip():
                unnamed.append(role)
        if st.contains(pyatspi.STATE_FOCUSED) and role != "frame":
            focused = f"{role}: {n.name}"
        for i in range(n.childCount):
            walk(n.getChildAtIndex(i), depth + 1)
    walk(app())
    return total, unnamed, focused

bad = 0
def report(what):
    global bad
    total, unnamed, focused = scan()
    bad += len(unnamed)
    print(f"{what}: {total} focusable, {len(unnamed)} without a name {unnamed[:5]}; focus: {focused}")
    return focused

def key(k, wait=0.4):
    subprocess.run(["xdotool", "key", k])
    time.sleep(wait)

def tab_to(prefix, most=120):
    for _ in range(most):
        key("Tab", 0.15)
        _, _, focused = scan()
        if focused and focused.split(": ", 1)[-1].startswith(prefix):
            return focused
    return None

report("Tavlan")
row = tab_to(sys.argv[1] if len(sys.argv) > 1 else "")
print("Tab reached:", row)
key("Return"); report("Enter: the löfte's panel")
key("Escape"); report("Escape")
key("plus"); report("+")
key("Escape"); report("Escape")
key("F5", 1.0)
for page in range(1, 7):
    report(f"Mötesläge, sida {page}")
    key("Next")
key("Escape", 1.0)
if tab_to("Trygghetsvandringar"):
    key("Return")
    report("Trygghetsvandringar")
    if tab_to("Trygghetsvandring 2"):
        key("Return")
        report("En vandring med sina iakttagelser")
sys.exit(1 if bad else 0)
