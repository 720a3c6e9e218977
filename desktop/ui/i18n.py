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


def switch_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Change the UI language while the app runs: the translators installed for the old
    language (kept on the app) are removed and those for `lang` installed. Qt then sends
    every widget a LanguageChange event; the window re-sets its words (MainWindow.retranslate)
    and the controller redraws what the data says."""
    for translator in getattr(app, "_city_profiles_translators", []):
        app.removeTranslator(translator)
    if not hasattr(app, "_city_profiles_locale"):  # the locale English runs in
        app._city_profiles_locale = QLocale() if not _LOCALES.get(
            QLocale().name()[:2]) else QLocale(QLocale.Language.English)
    if lang not in _LOCALES:
        QLocale.setDefault(app._city_profiles_locale)
    translators = install_translators(app, lang)
    app._city_profiles_translators = translators  # alive as long as the app
    return translators


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
