"""Password hashing: Argon2id with parameters measured on our hardware (benchmarks/hashers.py,
figures in docs/benchmarks.md). Django rehashes an older hash (PBKDF2, or Argon2 with other
parameters) at the next successful sign-in."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class RemissArgon2PasswordHasher(Argon2PasswordHasher):
    """OWASP's second Argon2id configuration (19 MiB, 2 iterations, 1 lane): far cheaper in CPU than
    Django's default PBKDF2 and than Django's default Argon2 (100 MiB, 8 lanes), still memory-hard."""

    algorithm = "argon2"  # same prefix: Django's own Argon2 hasher can still verify these hashes
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
