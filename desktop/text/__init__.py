"""What a person reads outside Qt widgets, in English and Chinese: phrases by key (phrases.py).
Below every layer that builds sentences, above core only."""
