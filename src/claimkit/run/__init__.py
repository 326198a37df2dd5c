"""The run layer: what every command does between reading its flags and rendering.

files and configuration (``workspace``) -> each document read once -> the work (lint, fix,
report, dedupe, verify) on one parallel map (``parallel``) -> results for the CLI to render.
The CLI modules above it only parse flags and print; the packages below it (parse, rules,
fix, report, dedupe, verify) never walk directories or read configuration themselves.
"""
