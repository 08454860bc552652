"""The remiss domain: remisser, proposals, the remisslista, answers, compilations and reading."""
