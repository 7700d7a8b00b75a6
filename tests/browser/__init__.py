"""Browser checks of the built site (Playwright driving Chromium)."""
