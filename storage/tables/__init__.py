"""The tables, one module per aggregate, all on the one MetaData of storage.tables.schema;
storage.orm maps the domain's entities onto them.

Money is BigInteger GNF (a full container bills billions), volumes are integer litres,
prices integer fen, rates exact strings: no float anywhere.
"""
