"""Grouping sentence vectors: agglomerative clustering (scikit-learn) and assignment to centroids."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering


def agglomerate(vectors: sparse.csr_matrix, distance_threshold: float) -> np.ndarray:
    """Average-linkage clusters on cosine distance; rows must be L2-normalised. One label per row."""
    n = vectors.shape[0]
    if n == 0:
        return np.zeros(0, dtype=int)
    if n == 1:
        return np.zeros(1, dtype=int)
    similarity = (vectors @ vectors.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=distance_threshold
    )
    return model.fit_predict(distance)


def centroids(
    vectors: sparse.csr_matrix, members: list[list[int]], extra: list[np.ndarray] | None = None
) -> np.ndarray:
    """One L2-normalised mean vector per member list (``extra`` rows are added to the mean)."""
    width = vectors.shape[1]
    result = np.zeros((len(members), width), dtype=np.float32)
    for k, rows in enumerate(members):
        total = np.zeros(width, dtype=np.float32)
        if rows:
            total += np.asarray(vectors[rows].sum(axis=0)).ravel()
        if extra is not None and extra[k] is not None:
            total += extra[k]
        norm = float(np.linalg.norm(total))
        if norm > 0:
            result[k] = total / norm
    return result


def nearest(vectors: sparse.csr_matrix, centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row: the index of the most similar centre and that cosine (-1 and 0 when none)."""
    n = vectors.shape[0]
    if n == 0 or centres.shape[0] == 0:
        return np.full(n, -1), np.zeros(n, dtype=np.float32)
    similarity = np.asarray(vectors @ centres.T)
    best = similarity.argmax(axis=1)
    return best, similarity[np.arange(n), best]


def centrality(vectors: sparse.csr_matrix, rows: list[int]) -> np.ndarray:
    """Cosine of each member row to its cluster's centroid."""
    centre = centroids(vectors, [rows])[0]
    return np.asarray(vectors[rows] @ centre).ravel()
