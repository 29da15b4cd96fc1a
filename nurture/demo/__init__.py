"""Sample data: a believable network for a salesperson (`nurture demo`, "Try with sample data")."""

from nurture.demo.network import DemoReport, generate

__all__ = ["DemoReport", "generate"]
