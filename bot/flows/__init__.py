"""One module per trader flow. Flows see only bot.services.trader_api views, never the use cases."""
