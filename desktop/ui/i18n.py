"""Load the UI translation: our zh_CN catalogue from resources/i18n and Qt's own for standard
dialogs and buttons. The .qm files are committed, so a source checkout needs no build step.

Regenerate after changing user-facing strings (see resources/i18n/README.md):
    .venv/bin/pyside6-lupdate $(find desktop/ui -name '*.py' | sort) \\
        -ts resources/i18n/city_profiles_zh_CN.ts -no-obsolete
    .venv/bin/pyside6-lrelease resources/i18n/city_profiles_zh_CN.ts
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.paths import resources_dir

#: UI languages, each named in its own language (a language name is never translated).
LANGUAGE_NAMES = {"en": "English", "zh": "简体中文"}
_LOCALES = {"zh": "zh_CN"}
CATALOGUE = "city_profiles"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def catalogue_path(lang: str) -> Path | None:
    """Our compiled catalogue for `lang` (None for English, the source language)."""
    locale = _LOCALES.get(lang)
    return i18n_dir() / f"{CATALOGUE}_{locale}.qm" if locale else None


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang` on `app`; returns them (keep them alive).

    A missing catalogue leaves the UI in English rather than failing to start.
    """
    locale = _LOCALES.get(lang)
    if locale is None:
        return []
    QLocale.setDefault(QLocale(locale))
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), (CATALOGUE, str(i18n_dir()))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{locale}", folder) and app.installTranslator(translator):
            translators.append(translator)
    return translators
