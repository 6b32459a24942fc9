"""Settings package: base (shared), local (developer default), test, production."""
