"""The Textual training app: a thin shell over `hotseat.session.Session`, built by `make_app`."""
