import os

# Tests run with the development settings; Django's test runner forces DEBUG off itself.
os.environ.setdefault("DJANGO_DEBUG", "1")
