"""Widgets: dumb views that receive their view model in the constructor."""
