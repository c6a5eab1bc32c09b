"""The admin chat: 2FA sessions, payment-proof review, and the operators' commands."""
