"""The only code importing PySide6: view models, widgets, dialogs, job runner."""
