"""Training records: every call kept turn by turn, on SQLite by default or PostgreSQL by URL.

Only the plain records are imported eagerly; SQLAlchemy and Alembic load when a
store is opened, so reporting a result never pays for a database driver.
"""
