"""Test helpers shared across the project: synthetic photo files built in pure Python.

See :mod:`exposure.testing.photofactory` for the public API.
"""
