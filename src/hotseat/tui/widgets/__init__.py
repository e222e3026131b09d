"""One module per widget of the training app."""
