"""Nurture: a desktop relationship manager. This package is the Qt-free core."""

__version__ = "0.1.0"
