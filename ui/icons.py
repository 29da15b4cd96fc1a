"""Icons for menu and page actions: the desktop theme's (freedesktop names) where it has them,
else Qt's own standard icons, so every action has one on any desktop, offline."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

_SP = QStyle.StandardPixmap
# what -> (freedesktop icon name, Qt's standard icon when the theme has none)
_ICONS = {
    "new": ("contact-new", _SP.SP_FileIcon),
    "log": ("mail-message-new", _SP.SP_FileDialogDetailedView),
    "import": ("document-open", _SP.SP_DialogOpenButton),
    "export": ("document-save-as", _SP.SP_DialogSaveButton),
    "duplicates": ("edit-find-replace", _SP.SP_FileDialogContentsView),
    "preferences": ("preferences-system", _SP.SP_ComputerIcon),
    "quit": ("application-exit", _SP.SP_DialogCloseButton),
    "undo": ("edit-undo", _SP.SP_ArrowBack),
    "redo": ("edit-redo", _SP.SP_ArrowForward),
    "call": ("call-start", _SP.SP_DialogYesButton),
    "email": ("mail-send", _SP.SP_FileDialogDetailedView),
    "skip": ("go-next", _SP.SP_ArrowForward),
    "done": ("object-select", _SP.SP_DialogApplyButton),
    "snooze": ("appointment-soon", _SP.SP_BrowserReload),
    "open": ("contact-new", _SP.SP_DirOpenIcon),
    "gift": ("emblem-favorite", _SP.SP_DialogYesButton),
    "delete": ("edit-delete", _SP.SP_TrashIcon),
    "about": ("help-about", _SP.SP_MessageBoxInformation),
    "review": ("x-office-document", _SP.SP_FileDialogInfoView),
    "backup": ("document-save", _SP.SP_DriveHDIcon),
    "restore": ("document-revert", _SP.SP_BrowserReload),
    "check": ("dialog-ok", _SP.SP_DialogApplyButton),
    "private": ("view-private", _SP.SP_DialogNoButton),
    "sync": ("view-refresh", _SP.SP_BrowserReload),
}


def icon(what: str) -> QIcon:
    theme, standard = _ICONS[what]
    style = QApplication.style()
    return QIcon.fromTheme(theme, style.standardIcon(standard))
