"""Database and Redis: the only package that imports sqlalchemy and redis."""
