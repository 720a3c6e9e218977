"""What is on screen, as plain state that can be saved and restored."""
