"""Curation: users and API tokens, hand edits of events, people, organizations and programmes, the audit
history, and the overlay that makes curated values win over re-derivation (re-ingest, re-extraction)."""
