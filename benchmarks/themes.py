#!/usr/bin/env python
"""Benchmark themes per proposal (remiss.themes): quality per method, and the time and memory of
a full run of 300 answers x 40 proposals.

    /work/main/.venv/bin/python benchmarks/themes.py [--answers 300] [--proposals 40] [--workers 2]

Quality: for each method the distance threshold is chosen on the dev sets of tests/data/themes/
(grid below) and F1 is reported on dev and held-out at that threshold (scorer in
remiss/themes/evaluate.py: Hungarian matching on answer-set Jaccard, F1 per answer); the shipped
settings are also scored on each blind split (``blind``, ``blind2``).

Speed: ``--proposals`` synthetic proposals of ``--answers`` answers each, built from the labelled
sentences of all sets (1-4 argument sentences per answer, a stance sentence, stance-only answers
and a campaign of identical texts), themed one proposal at a time; each method runs in a fresh
process so its peak memory (max RSS) is its own. ``--workers 2`` also times the default method
with the proposals spread over two processes, as two Celery workers would run them.
Prints one line per figure and, last, one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from remiss.themes import DEFAULT_SETTINGS, Settings, find_themes  # noqa: E402
from remiss.themes.evaluate import evaluate, evaluate_incremental, load_labelled  # noqa: E402
from remiss.themes.features import METHODS  # noqa: E402
from remiss.themes.text import is_stance_only, split_sentences  # noqa: E402

DATA = ROOT / "tests" / "data" / "themes"
THRESHOLDS = [0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97]
STANCES = ["supports", "partly", "opposes", "no_view"]
OPENINGS = ["Kommunen tillstyrker förslaget.", "Regionen avstyrker förslaget.", "Myndigheten delar bedömningen.", ""]


def quality() -> dict:
    sets = load_labelled(DATA)
    dev = [s for s in sets if s.split == "dev"]
    held_out = [s for s in sets if s.split == "heldout"]
    result = {}
    for method in METHODS:
        best = max(THRESHOLDS, key=lambda t: _mean(evaluate(dev, Settings(method=method, distance_threshold=t))))
        chosen = Settings(method=method, distance_threshold=best)
        result[method] = {
            "threshold": best,
            "dev": round(_mean(evaluate(dev, chosen)), 3),
            "held_out": round(_mean(evaluate(held_out, chosen)), 3),
            "held_out_sets": {k: round(v, 3) for k, v in evaluate(held_out, chosen).items()},
        }
    default = DEFAULT_SETTINGS
    result["default"] = {
        "threshold": default.distance_threshold,
        "dev": round(_mean(evaluate(dev, default)), 3),
        "held_out": round(_mean(evaluate(held_out, default)), 3),
    }
    # The blind rounds: sets written after the method was fixed (see docs/benchmarks.md).
    for split in sorted({s.split for s in sets} - {"dev", "heldout"}):
        scores = evaluate([s for s in sets if s.split == split], default)
        result["default"][split] = round(_mean(scores), 3)
        result["default"][f"{split}_sets"] = {k: round(v, 3) for k, v in scores.items()}
    # A third of the answers arrive after the themes of the others were confirmed.
    result["default, re-run with confirmed themes"] = {
        "threshold": default.distance_threshold,
        "dev": round(_mean(evaluate_incremental(dev)), 3),
        "held_out": round(_mean(evaluate_incremental(held_out)), 3),
    }
    return result


def synthetic(answers: int, proposals: int, seed: int = 47) -> list[tuple[dict, list[dict]]]:
    """Proposals whose answers recombine the labelled sentences (each proposal draws mostly on one set)."""
    rng = random.Random(seed)
    sets = load_labelled(DATA)
    pools = [
        [s.text for a in labelled.answers for s in split_sentences(a["text"]) if not is_stance_only(s.text)]
        for labelled in sets
    ]
    everything = [sentence for pool in pools for sentence in pool]
    result = []
    for p in range(proposals):
        labelled, pool = sets[p % len(sets)], pools[p % len(sets)]
        campaign = " ".join(rng.sample(pool, 2))
        rows = []
        for i in range(answers):
            if i % 10 == 9:
                text = rng.choice(OPENINGS[:3])
            elif i % 25 < 3:
                text = campaign
            else:
                own = rng.sample(pool, rng.randint(1, 3)) + ([rng.choice(everything)] if rng.random() < 0.3 else [])
                text = " ".join([rng.choice(OPENINGS), *own]).strip()
            rows.append(
                {
                    "id": i + 1,
                    "organisation": f"Organisation {i}",
                    "kind": "kommun",
                    "stance": rng.choice(STANCES),
                    "text": text,
                }
            )
        result.append((dict(labelled.data["proposal"], remiss=labelled.data["remiss"]), rows))
    return result


def _theme_one(job: tuple[dict, list[dict], str]) -> int:
    proposal, answers, method = job
    return len(find_themes(proposal, answers, settings=Settings(method=method)))


def speed(method: str, answers: int, proposals: int, workers: int) -> dict:
    jobs = [(p, a, method) for p, a in synthetic(answers, proposals)]
    sentences = sum(len(split_sentences(a["text"])) for _, rows, _ in jobs for a in rows)
    start = time.perf_counter()
    if workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            themes = sum(pool.map(_theme_one, jobs))
    else:
        themes = sum(_theme_one(job) for job in jobs)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if workers > 1:
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return {
        "method": method,
        "workers": workers,
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(peak),
        "themes": themes,
        "sentences": sentences,
    }


def _in_fresh_process(method: str, answers: int, proposals: int, workers: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--speed-of",
        method,
        "--answers",
        str(answers),
        "--proposals",
        str(proposals),
        "--workers",
        str(workers),
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _mean(scores: dict) -> float:
    return sum(scores.values()) / len(scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--proposals", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--speed-of", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.speed_of:
        print(json.dumps(speed(args.speed_of, args.answers, args.proposals, args.workers)))
        return

    figures: dict = {"quality": quality(), "speed": []}
    for method, q in figures["quality"].items():
        blind = "".join(f"  {k} {v:.3f}" for k, v in q.items() if k.startswith("blind") and not k.endswith("_sets"))
        print(f"F1 {method:40} threshold {q['threshold']:.2f}  dev {q['dev']:.3f}  held-out {q['held_out']:.3f}{blind}")
    runs = [(m, 1) for m in METHODS] + ([(DEFAULT_SETTINGS.method, args.workers)] if args.workers > 1 else [])
    for method, workers in runs:
        run = _in_fresh_process(method, args.answers, args.proposals, workers)
        figures["speed"].append(run)
        print(
            f"{args.answers} answers x {args.proposals} proposals, {method:20} {workers} process(es): "
            f"{run['seconds']:6.1f} s, peak RSS {run['peak_rss_mib']} MiB, {run['themes']} themes, "
            f"{run['sentences']} sentences"
        )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
