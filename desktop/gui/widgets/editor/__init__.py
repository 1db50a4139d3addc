"""The case editor: one page per part of the case, and the live scores panel."""
