"""Forms, one module per actor."""
