"""The live filter panel and everything that only makes its updates fast.

Imports ``views`` (whose providers it memoises) and what they import; never ``report``.
"""
