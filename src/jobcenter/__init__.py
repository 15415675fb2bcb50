"""jobcenter: the portal, back office and AI matching engine of a public employment service."""

__version__ = "0.1.0"
