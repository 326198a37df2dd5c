"""Fetch claim sources over HTTP and check that they say what the claims quote.

Only ``claimkit verify`` and ``claimkit lint --online`` import the modules that
touch the network (``fetch``, ``safety``, ``pool``, ``cache``); ``model`` and
``match`` are plain data and text, safe for rules to import.
"""
