"""Commands (``commands/``) and the data they load: the seed edition and the demo accounts."""
