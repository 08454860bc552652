"""Reads of the open-data pages: public answers, the summary chart and the stance map."""
