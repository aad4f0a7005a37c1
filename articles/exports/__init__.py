"""The layout export: a page's or an edition's stories, in order, as files staff take away.

``data`` reads a page into plain dictionaries; ``markdown``, ``html`` (print) and
``ninjs`` (IPTC, for syndication) turn them into text; ``formats`` picks one and
names the file.  None of these sees a request.  ``views``/``urls`` (/staff/) and
the admin's export actions send the files through ``downloads``.
"""
