"""The ports: interfaces the use cases (bot/services) need from storage and messaging, one
module per kind (repositories, messaging, unit_of_work, conversations, otp, coordination).

storage/ implements them (SqlUnitOfWork and the Redis stores); tests use the same SQL ones on
SQLite or PostgreSQL. The domain itself calls none of them.
"""
