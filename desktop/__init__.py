"""City Profiles: compare a city side by side with its peers, on sourced data."""

__version__ = "0.1.0"
