#!/usr/bin/env python3
"""Writes an NDJSON intake batch of N leads (default 100,000) to stdout for `crm serve`'s
/api/v1/leads/batch. Names are random syllables, as varied as real leads; each lead carries
what a web form typically sends (name, company, job title, e-mail, phone, country, value,
source, UTM fields), and every other lead an external id. A second argument makes the
e-mail addresses and external ids of this run distinct from earlier runs."""
import json
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
run = sys.argv[2] if len(sys.argv) > 2 else "1"
syllables = ["ka", "lo", "mi", "ne", "ra", "to", "vi", "su", "de", "po", "an", "el", "or", "us", "ba", "ze"]
countries = [("DE", "+49 30 "), ("NL", "+31 20 "), ("GB", "+44 20 "), ("FR", "+33 1 "), ("US", "+1 212 ")]
rng = random.Random(f"20261127-{run}")


def word():
    return "".join(rng.choice(syllables) for _ in range(4)).capitalize()


for number in range(count):
    last = word()
    country, prefix = rng.choice(countries)
    lead = {"first_name": word(), "last_name": last, "company": word() + " GmbH", "job_title": "Head of Sales",
            "email": "%s.%s.%d@batch.example" % (last.lower(), run, number),
            "phone": prefix + str(rng.randrange(1000000, 9999999)), "country": country,
            "value": str(rng.randrange(500, 50000)), "currency": "EUR", "source": "bench",
            "utm_source": "ndjson", "utm_medium": "cpc"}
    if number % 2 == 0:
        lead["external_id"] = "bench-%s-%d" % (run, number)
    print(json.dumps(lead))
