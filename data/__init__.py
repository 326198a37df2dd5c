"""The shipped ratings database (bias_ratings.yaml), installed as package data."""
