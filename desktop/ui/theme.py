"""Light, dark or the system's colours, applied as a QPalette on the Fusion style.

"system" keeps the platform style and palette (and Qt's own light/dark following where the
platform offers it). Charts keep a white, print-like background in every theme: see LineChart.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_ORIGINAL: dict[str, object] = {}


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1e1f22",
        role.AlternateBase: "#26282b", role.ToolTipBase: "#3c3f41", role.ToolTipText: "#e6e6e6",
        role.PlaceholderText: "#8c8c8c", role.Text: "#e6e6e6", role.Button: "#35373b",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Light: "#4a4d52",
        role.Midlight: "#3e4145", role.Mid: "#2f3134", role.Dark: "#1b1c1e",
        role.Shadow: "#111111", role.Highlight: "#3d7ac7", role.HighlightedText: "#ffffff",
        role.Link: "#7aa7e0", role.LinkVisited: "#b39ddb",
    }
    return _palette(colours, disabled_text="#77797d")


def light_palette() -> QPalette:
    role = QPalette.ColorRole
    colours = {
        role.Window: "#efefef", role.WindowText: "#1e1e1e", role.Base: "#ffffff",
        role.AlternateBase: "#f5f5f5", role.ToolTipBase: "#ffffdc", role.ToolTipText: "#1e1e1e",
        role.PlaceholderText: "#7a7a7a", role.Text: "#1e1e1e", role.Button: "#efefef",
        role.ButtonText: "#1e1e1e", role.BrightText: "#ffffff", role.Light: "#ffffff",
        role.Midlight: "#e3e3e3", role.Mid: "#b8b8b8", role.Dark: "#a0a0a0",
        role.Shadow: "#696969", role.Highlight: "#3071c4", role.HighlightedText: "#ffffff",
        role.Link: "#1f5fb4", role.LinkVisited: "#6a3fb0",
    }
    return _palette(colours, disabled_text="#9a9a9a")


def _palette(colours: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    """A palette of these colours, with greyed text for disabled controls."""
    palette = QPalette()
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    role = QPalette.ColorRole
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor(disabled_text))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Switch the running app to `theme` ("system", "light" or "dark")."""
    if theme not in ("light", "dark") and _ORIGINAL.get("theme", "system") == "system":
        return  # already the system's look: re-creating the style would only slow the start
    if "style" not in _ORIGINAL:  # the system's look, to return to
        _ORIGINAL["style"] = app.style().name()
        _ORIGINAL["palette"] = QPalette(app.palette())
    _ORIGINAL["theme"] = theme if theme in ("light", "dark") else "system"
    hints = QGuiApplication.styleHints()
    if theme in ("light", "dark"):
        from PySide6.QtCore import Qt  # here: building `Qt` costs ~50 ms at start-up

        app.setStyle("Fusion")
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
    else:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        app.setStyle(str(_ORIGINAL["style"]))
        app.setPalette(_ORIGINAL["palette"])


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is lighter than the window: the palette in use is a dark one."""
    palette = palette or QApplication.palette()
    return (palette.color(QPalette.ColorRole.WindowText).lightness()
            > palette.color(QPalette.ColorRole.Window).lightness())
