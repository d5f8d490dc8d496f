#!/usr/bin/env python3
"""Draws the two Teams app icons into manifest/ with the standard library only.

color.png   192x192, opaque: a white video-camera glyph on the accent colour (manifest accentColor).
outline.png 32x32, RGBA: the same glyph in pure white on a fully transparent background; edge pixels
            stay white and only their alpha is anti-aliased, as Teams requires of outline icons.

Run from anywhere: python3 tools/manifest/make-icons.py
"""
import os
import struct
import zlib

ACCENT = (0x4B, 0x53, 0xBC)  # keep equal to "accentColor" in manifest/manifest.json
SUPERSAMPLE = 4  # samples per axis per pixel, for anti-aliased edges

# The glyph in unit coordinates (0..1 across the icon): a rounded camera body and a lens wedge.
BODY = (0.14, 0.31, 0.62, 0.69)  # left, top, right, bottom
BODY_RADIUS = 0.08
LENS = [(0.66, 0.45), (0.87, 0.33), (0.87, 0.67), (0.66, 0.55)]


def in_rounded_rect(x, y, rect, radius):
    left, top, right, bottom = rect
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_polygon(x, y, points):
    inside = False
    j = len(points) - 1
    for i, (xi, yi) in enumerate(points):
        xj, yj = points[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def coverage(px, py, size):
    """Fraction of pixel (px, py) covered by the glyph."""
    hits = 0
    for sy in range(SUPERSAMPLE):
        for sx in range(SUPERSAMPLE):
            x = (px + (sx + 0.5) / SUPERSAMPLE) / size
            y = (py + (sy + 0.5) / SUPERSAMPLE) / size
            if in_rounded_rect(x, y, BODY, BODY_RADIUS) or in_polygon(x, y, LENS):
                hits += 1
    return hits / (SUPERSAMPLE * SUPERSAMPLE)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def write_png(path, size, color_type, rows):
    """rows: list of bytes objects, one per scanline, already in the colour type's pixel layout."""
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 (None) on every scanline
    ihdr = struct.pack(">IIBBBBB", size, size, 8, color_type, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", ihdr))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def color_icon(path, size=192):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            a = coverage(px, py, size)
            row += bytes(round(c + (255 - c) * a) for c in ACCENT)
        rows.append(bytes(row))
    write_png(path, size, 2, rows)  # colour type 2: RGB, opaque


def outline_icon(path, size=32):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            alpha = round(255 * coverage(px, py, size))
            row += bytes((255, 255, 255, alpha))  # white everywhere; only alpha varies
        rows.append(bytes(row))
    write_png(path, size, 6, rows)  # colour type 6: RGBA


if __name__ == "__main__":
    manifest_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "manifest")
    color_icon(os.path.join(manifest_dir, "color.png"))
    outline_icon(os.path.join(manifest_dir, "outline.png"))
    print("wrote manifest/color.png (192x192) and manifest/outline.png (32x32)")
