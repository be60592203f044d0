"""Personal-information scanning for documents awaiting publication."""
