"""View models: QObjects between the widgets and the Qt-free services."""
