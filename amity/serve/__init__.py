"""Serve: the read-only JSON API and the web UI over a registry."""

from amity.serve.app import create_app

__all__ = ["create_app"]
