"""End-to-end: the web app in headless Chromium, through Traefik, on the real stack.

``nox -s e2e`` builds ``webapp/``, starts :class:`services.stack.Stack` on free ports and
runs the Playwright suite (``webapp/e2e/``) against it (see :mod:`tests.e2e.runner`).
"""
