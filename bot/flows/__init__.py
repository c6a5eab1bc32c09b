"""One module per trader flow. Flows see only bot.trader_api views, never the use cases."""
