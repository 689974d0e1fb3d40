"""The documents floor's registers."""
