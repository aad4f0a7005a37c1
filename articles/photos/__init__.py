"""Pictures: checking an upload (``validators``), cleaning what a file says about where it
was taken (``images``), and the sized WebP renditions readers are sent (``renditions``).

Pillow work lives here and nowhere else; none of it sees a request.
"""
