"""The application's look: calm, high-contrast text, sizes in points (scales at 125-200 %)."""

from __future__ import annotations

STYLE_SHEET = """
QWidget { font-size: 10.5pt; }
QLabel#screenTitle { font-size: 15pt; font-weight: 600; color: #14283c; }
QLabel#hint { color: #4b5563; }
QLabel#detail { color: #374151; font-size: 9.5pt; }
QLabel#headline { font-weight: 600; }
QLabel#rowTitle { font-weight: 600; }
QLabel#fieldError { color: #9b1c1c; font-weight: 600; }
QLabel#errorText { color: #9b1c1c; font-weight: 600; }
QLabel#scoreTotal, QLabel#scoreValue { font-weight: 600; color: #14283c; }
QLabel#scoreNote { color: #374151; }
QLabel#columnTitle { font-weight: 600; color: #374151; }
QFrame#card { background: #ffffff; border: 1px solid #d1d9e2; border-radius: 8px; }
QFrame#disclaimer { background: #fff6e0; border: 1px solid #c7a04a; border-radius: 6px; }
QWidget#banner { background: #e1ecf8; border-bottom: 1px solid #9db7d5; }
QWidget#banner[level="warning"] { background: #fdf0d5; border-bottom: 1px solid #d6b26a; }
QWidget#banner[level="error"] { background: #f6d5d5; border-bottom: 1px solid #c98b8b; }
QListWidget#navigation { background: #f1f4f8; border: none; border-right: 1px solid #d1d9e2;
    padding-top: 8px; font-size: 11pt; }
QListWidget#navigation::item { padding: 8px 14px; }
QListWidget#navigation::item:selected { background: #d7e5f5; color: #0b2a4a; font-weight: 600; }
QGroupBox { font-weight: 600; margin-top: 14px; border: 1px solid #d1d9e2; border-radius: 6px;
    padding-top: 6px; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #14283c; }
QGroupBox QLabel, QGroupBox QRadioButton, QGroupBox QCheckBox { font-weight: normal; }
QPushButton { padding: 5px 14px; }
QPushButton:default { border: 2px solid #2f6eb5; border-radius: 3px; }
QLineEdit { padding: 3px 4px; }
"""
