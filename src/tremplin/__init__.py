"""Tremplin: ethical AI services for public employment services."""

__version__ = "0.1.0"
