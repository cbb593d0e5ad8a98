"""Helpers shared by the tests: building the site and serving it on localhost."""
