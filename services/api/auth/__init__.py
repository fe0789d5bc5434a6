"""Authentication at the edge: tokens, cookies and CSRF, login throttling, client IPs."""
