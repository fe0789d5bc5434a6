"""Where the versioned API lives: every operation and the device cookie sit under it."""

PREFIX = "/api/v1"
