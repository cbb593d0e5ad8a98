"""The site's link-preview image, drawn at build time without network.

One 1200x630 PNG for the whole site (``assets/images/social-card.png``): the site's name and
description on the theme's indigo. The font is the one Pillow ships (``load_default``), so
the build needs neither a system font nor a download, and the image is the same on every
machine.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BACKGROUND = (48, 63, 159)  # Material indigo 700: white text on it is 8.6:1
FOREGROUND = (255, 255, 255)
MUTED = (224, 227, 245)
TARGET = "assets/images/social-card.png"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def draw_card(title: str, description: str, address: str) -> Image.Image:
    """The preview image: title, description (at most four lines) and address."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=68)
    text_font = ImageFont.load_default(size=34)
    small_font = ImageFont.load_default(size=28)
    assert isinstance(title_font, ImageFont.FreeTypeFont)  # Pillow built with FreeType
    assert isinstance(text_font, ImageFont.FreeTypeFont)
    y = MARGIN
    for line in _wrap(draw, title, title_font, WIDTH - 2 * MARGIN)[:3]:
        draw.text((MARGIN, y), line, font=title_font, fill=FOREGROUND)
        y += 84
    y += 24
    description_lines = _wrap(draw, description, text_font, WIDTH - 2 * MARGIN)
    if len(description_lines) > 4:
        description_lines = [*description_lines[:3], description_lines[3].rstrip(".,;:") + " …"]
    for line in description_lines:
        draw.text((MARGIN, y), line, font=text_font, fill=MUTED)
        y += 46
    draw.rectangle((0, HEIGHT - 12, WIDTH, HEIGHT), fill=(130, 177, 255))
    draw.text((MARGIN, HEIGHT - MARGIN - 20), address, font=small_font, fill=MUTED)
    return image


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Name the image for the templates (``docs/overrides/main.html`` puts it in link previews)."""
    config.extra["social_card"] = {"path": TARGET, "width": WIDTH, "height": HEIGHT}
    return config


def on_post_build(config: MkDocsConfig) -> None:
    title, description = config.site_name, " ".join((config.site_description or "").split())
    address = (config.site_url or "").removeprefix("https://").removeprefix("http://").rstrip("/")
    target = Path(config.site_dir) / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    draw_card(title, description, address).save(target, optimize=True)
