"""Pages for ministry staff under /departement/: one module per part of running a remiss."""
