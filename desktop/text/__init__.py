"""What a person reads outside Qt widgets, in English and Chinese: one gettext catalogue
(resources/locale) behind one Translator (translator.py), and phrases by key (phrases.py).
Below every layer that builds sentences, above core only."""
