"""The 数字报's data side, request-free: the page PDF (``pdf``), its images (``images``),
its story areas (``areas``), and ``refresh`` that makes whatever is out of date."""
