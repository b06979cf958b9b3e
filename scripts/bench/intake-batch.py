#!/usr/bin/env python3
"""Writes an NDJSON intake batch of N leads (default 100,000) to stdout for `crm serve`'s
/api/v1/leads/batch. Names are random syllables, as varied as real leads."""
import json
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
syllables = ["ka", "lo", "mi", "ne", "ra", "to", "vi", "su", "de", "po", "an", "el", "or", "us", "ba", "ze"]
rng = random.Random(20261127)


def word():
    return "".join(rng.choice(syllables) for _ in range(4)).capitalize()


for number in range(count):
    last = word()
    print(json.dumps({"first_name": word(), "last_name": last, "company": word() + " GmbH",
                      "email": "%s.%d@batch.example" % (last.lower(), number), "source": "bench", "utm_source": "ndjson"}))
