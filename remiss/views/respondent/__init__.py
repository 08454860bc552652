"""Pages for respondents (members of an invited organisation) under /yttranden/."""
