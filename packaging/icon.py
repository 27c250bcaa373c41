"""Draws the application icon (a checklist board on blue) into assets/icon/.

Run by hand when the icon changes (needs Pillow); the PNGs and the .ico are committed so
that no build needs Python.
"""
from pathlib import Path
from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "assets" / "icon"
BLUE = (31, 78, 121, 255)
WHITE = (255, 255, 255, 255)
GREEN = (46, 125, 50, 255)
AMBER = (230, 160, 0, 255)
GREY = (170, 180, 190, 255)


def draw(size: int) -> Image.Image:
    s = 4 * size  # drawn large, scaled down for smooth edges
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = s / 64
    d.rounded_rectangle([2 * u, 2 * u, 62 * u, 62 * u], radius=12 * u, fill=BLUE)
    # The board: a white sheet with three rows.
    d.rounded_rectangle([12 * u, 10 * u, 52 * u, 56 * u], radius=4 * u, fill=WHITE)
    rows = [(18, GREEN, True), (31, GREEN, True), (44, AMBER, False)]
    for y, colour, done in rows:
        box = [16 * u, y * u, 25 * u, (y + 9) * u]
        d.rounded_rectangle(box, radius=2 * u, fill=colour)
        if done:
            d.line(
                [(18 * u, (y + 4.5) * u), (20 * u, (y + 6.8) * u), (23.5 * u, (y + 2) * u)],
                fill=WHITE,
                width=int(1.8 * u),
                joint="curve",
            )
        d.rounded_rectangle(
            [28 * u, (y + 3) * u, 48 * u, (y + 6) * u], radius=1.5 * u, fill=GREY
        )
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(OUT / "trygghetstavlan-256.png")
    draw(64).save(OUT / "trygghetstavlan-64.png")
    big.save(
        OUT / "trygghetstavlan.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )


if __name__ == "__main__":
    main()
