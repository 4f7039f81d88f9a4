"""diplotrack: a source-linked record of diplomatic engagement, built from news."""

__version__ = "0.1.0"
