"""Importers: read user files (CSV/TSV/Excel) into a normalised long table and a report."""
