"""The headless commands and the program's entry (`city-profiles`, main.py): each command parses
its options, calls the same services the window calls, and prints; the top layer of desktop/."""
