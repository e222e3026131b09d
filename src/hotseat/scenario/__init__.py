"""Scenario files: the model, loading with line numbers, lint and the JSON Schema."""
