"""The run: corpus → tables, the tables container, the Parquet store and cache, Dask.

Imports ``load`` and ``tag`` (and ``text``); nothing above it.
"""
