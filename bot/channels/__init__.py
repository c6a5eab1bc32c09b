"""Channel adapters: thin translators between a channel and the engine."""
