"""Changes made by the open-data app: the cached bulk download (ZIP) of a remiss's public answers."""
