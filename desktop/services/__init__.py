"""Use cases (Qt-free): assess, save, follow up, sync, model update."""
