"""One module per screen of the training app."""
