"""What every app shares and nothing else: the error type a refused action raises, and the helper
that queues background work by task name. It imports no app; every app may import it."""
