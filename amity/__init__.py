"""amity: a registry of international people-to-people exchange events."""

__version__ = "0.1.0"
# Bump when extraction output may change: stored documents with an older
# extractor version are re-derived on the next ingest.
EXTRACTOR_VERSION = "0.1.0"
