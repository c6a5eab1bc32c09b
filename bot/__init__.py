"""Tontine Digitale's bot: use cases, conversation engine, flows, channels, scheduler."""
