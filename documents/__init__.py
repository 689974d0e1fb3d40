"""The documents floor: what every feature uses to make official paper (PDF rendering in the official layout, the
formats of figures, dates and amounts in words, signatures and keys, the numbering register, the register of
signed copies). Every feature app may import it; it imports none of them."""
