"""The web page and HTTP API: ``create_app(config, db=...)`` and ``serve(config, host, port)``."""

from __future__ import annotations

from sitrep.faces.web.app import create_app, serve, vendor_assets_missing

__all__ = ["create_app", "serve", "vendor_assets_missing"]
