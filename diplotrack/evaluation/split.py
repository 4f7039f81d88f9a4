"""One stable train/test split for every data set diplotrack is tuned or trained on.

Each item goes to the test part when a SHA-256 of its data set's name and its
key falls in the lowest `TEST_SHARE` percent. The key is what must not be
shared across the parts: a story's id, a sentence's id, and for real news the
real-world event (cluster) an article reports, so that no outlet's report of a
test event is seen in training. Decide features, thresholds and rules on the
training part; report the test part beside it. Never change the salt or the
share to get a nicer split.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Part = Literal["train", "test"]
TEST_SHARE = 30  # percent


def part(dataset: str, key: str) -> Part:
    digest = hashlib.sha256(f"{dataset}:{key}".encode()).hexdigest()
    return "test" if int(digest, 16) % 100 < TEST_SHARE else "train"


def is_test(dataset: str, key: str) -> bool:
    return part(dataset, key) == "test"
