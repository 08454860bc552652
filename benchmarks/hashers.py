#!/usr/bin/env python
"""Benchmark password hashing: CPU time per hash for a few Argon2id parameter sets against Django's
default PBKDF2, on this machine.

    .venv/bin/python benchmarks/hashers.py [--rounds 5]

Each line: hasher and parameters, memory per hash, median wall and CPU milliseconds per hash (a
sign-in verifies one hash), and how many sign-ins per second one core could then verify. The last
line printed is one JSON object with every figure. The parameters chosen for settings are marked.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(hasher, rounds: int) -> dict:
    hasher.encode("warm-up-password", hasher.salt())
    walls, cpus = [], []
    for i in range(rounds):
        salt = hasher.salt()
        w, c = time.perf_counter(), time.process_time()
        encoded = hasher.encode(f"korrekt-hast-batteri-{i}", salt)
        hasher.verify(f"korrekt-hast-batteri-{i}", encoded)  # a sign-in: one verify (timed together / 2)
        walls.append((time.perf_counter() - w) / 2)
        cpus.append((time.process_time() - c) / 2)
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    return {"wall_ms": round(wall * 1000, 1), "cpu_ms": round(cpu * 1000, 1), "per_core_per_s": round(1 / cpu, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher

    from accounts.hashers import RemissArgon2PasswordHasher

    candidates = [
        ("PBKDF2-SHA256 (Django default)", PBKDF2PasswordHasher(), f"{PBKDF2PasswordHasher.iterations} iterations", 0)
    ]
    for time_cost, memory_kib, parallelism in [
        (2, 102400, 8),
        (2, 19456, 1),
        (3, 12288, 1),
        (1, 47104, 1),
        (2, 65536, 1),
    ]:
        hasher = type(
            "H",
            (Argon2PasswordHasher,),
            {"time_cost": time_cost, "memory_cost": memory_kib, "parallelism": parallelism},
        )()
        label = f"t={time_cost} m={memory_kib // 1024} MiB p={parallelism}"
        if (time_cost, memory_kib, parallelism) == (2, 102400, 8):
            label += " (Django's default)"
        candidates.append(("Argon2id", hasher, label, memory_kib))
    chosen = RemissArgon2PasswordHasher()
    candidates.append(
        (
            "Argon2id (settings)",
            chosen,
            f"t={chosen.time_cost} m={chosen.memory_cost // 1024} MiB p={chosen.parallelism}",
            chosen.memory_cost,
        )
    )

    results = []
    print(f"{'hasher':32} {'parameters':36} {'memory':>8} {'wall ms':>8} {'CPU ms':>8} {'sign-ins/s/core':>16}")
    for name, hasher, label, memory in candidates:
        figures = measure(hasher, args.rounds)
        results.append({"hasher": name, "parameters": label, "memory_mib": memory // 1024, **figures})
        print(
            f"{name:32} {label:36} {str(memory // 1024) + ' MiB':>8} {figures['wall_ms']:>8} {figures['cpu_ms']:>8} "
            f"{figures['per_core_per_s']:>16}"
        )
    print(json.dumps({"cpu_count": os.cpu_count(), "rounds": args.rounds, "results": results}))


if __name__ == "__main__":
    main()
