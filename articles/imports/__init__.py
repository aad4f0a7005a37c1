"""The page import: a printed page's text in, an edition's stories out.

``encoding`` decodes the uploaded bytes, ``page_text`` parses them into plain
dataclasses (request-free, no database), ``roles`` and ``report`` say who a
credit names and what an import did, and ``store`` writes the parsed page
through the editorial core in one transaction.  ``importer`` is the one entry
point the admin and ``manage.py import_page`` call.
"""
