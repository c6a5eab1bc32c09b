"""The trader-facing side of the use cases, the only one the trader flows see.

Flows talk to traders, so they see orders, quotes and containers only through the views in
`views`: the margin and the real costs are not in these objects at all, so no template can
leak them. One module per family of use cases (registration, ordering, proofs, support,
account, directory), gathered by `api.TraderApi`.
"""
