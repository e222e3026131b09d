"""hotseat: a terminal role-play simulator that trains call-center agents for angry customers."""

__version__ = "0.1.0"
