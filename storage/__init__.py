"""Database and Redis: the only package that imports sqlalchemy and redis.

One module per aggregate (traders, containers, orders, proofs, pricing, money, ...), the
unit of work (uow), the ORM mapping (orm), Redis stores (kv, otp_store, hit_counter).
"""
