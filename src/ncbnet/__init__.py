"""ncbnet: the network through which National Central Bureaus cooperate."""

__version__ = "0.1.0"
