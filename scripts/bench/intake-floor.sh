#!/usr/bin/env bash
# The floor under batch intake: what SQLite alone takes to store leads the way `crm serve` does,
# with no HTTP, no JSON, no Swift. Copies existing leads of a demo database as new ones (at
# random places in the name order, like real names) in transactions of 2,000 (or CHUNK), writing per lead
# what intake writes: the `leads` row with its 21 indexes, its search-index entry, three
# duplicate keys, fifteen journal rows, the raw payload, a receipt for every other lead, and
# the grouped counts. Durable like intake: SYNC "end" (the default) syncs the log once after the
# last transaction, as a batch does; "every" syncs inside every commit (synchronous = FULL).
# CACHE is the page cache in megabytes (crm serve's --cache-megabytes). Prints the time and leads/s.
#
#   scripts/bench/intake-floor.sh COPY-OF-LARGE-DEMO.sqlite [TRANSACTIONS [CHUNK [CACHE [SYNC]]]]
#
# It writes into the file it is given; use a copy.
set -euo pipefail
db=${1:?usage: intake-floor.sh COPY-OF-LARGE-DEMO.sqlite [TRANSACTIONS [CHUNK [CACHE [SYNC]]]]}
transactions=${2:-10}
chunk=${3:-2000}
cache=${4:-24}
sync=${5:-end}
case $sync in
    end) synchronous=NORMAL ;;
    every) synchronous=FULL ;;
    *) echo "intake-floor.sh: SYNC must be end or every, not $sync" >&2; exit 2 ;;
esac

{
    echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = $synchronous; PRAGMA cache_size = -$((cache * 1024));"
    echo "INSERT INTO api_keys (name, key_hash, key_prefix, mapping, created_at) VALUES ('floor ' || hex(randomblob(4)), hex(randomblob(16)), 'floor', 'generic', 0);"
    echo "CREATE TEMP TABLE src AS SELECT * FROM leads WHERE id % 50 = 7 LIMIT $((transactions * chunk));"
    echo "UPDATE src SET sort_name = lower(hex(randomblob(6))), name_rank = abs(random()) % 60000000000000;"
    echo "UPDATE src SET id = (SELECT max(id) FROM leads) + rowid;"
    echo "CREATE TEMP TABLE field (n INTEGER PRIMARY KEY);"
    echo "WITH RECURSIVE f(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM f WHERE n < 14) INSERT INTO field SELECT n FROM f;"
    echo "SELECT count(*) FROM leads INDEXED BY leads_by_name; SELECT count(*) FROM lead_keys;"  # warm the cache
    echo ".timer on"
    for ((k = 0; k < transactions; k++)); do
        # The last commit syncs the log, and with it every earlier transaction's frames.
        if ((k == transactions - 1)); then echo "PRAGMA synchronous = FULL;"; fi
        range="src.rowid > $((k * chunk)) AND src.rowid <= $(((k + 1) * chunk))"
        cat <<SQL
BEGIN;
INSERT INTO lead_indexing_deferred (id, after_id) VALUES (1, (SELECT max(id) FROM leads));
INSERT INTO leads SELECT id, first_name, last_name, company, job_title, email, phone, mobile,
    website, country, value_minor, currency, score, source, campaign_id, status_id, priority, tags, assignee_id,
    partner_id, project_id, utm_source, utm_medium, utm_campaign, utm_content, description, custom_attributes,
    is_archived, duplicate_of_id, touched_at, created_by_id, created_at, updated_at, version, display_name,
    sort_name, search_text, name_rank, account_id, contact_id, opportunity_id, qualified_at, disqualify_reason,
    anonymized_at, api_key_id, routing_rule_id, routing_explanation, split_filter_id FROM src WHERE $range;
INSERT INTO journal (at, user_id, entity, entity_id, action, field, old_value, new_value)
    SELECT 0, NULL, 'lead', src.id, 'create', NULL, NULL, NULL FROM src WHERE $range;
INSERT INTO journal (at, user_id, entity, entity_id, action, field, old_value, new_value)
    SELECT 0, NULL, 'lead', src.id, 'create', 'field' || n, NULL, src.company || n
    FROM src CROSS JOIN field WHERE $range;
INSERT INTO lead_keys (lead_id, kind, key) SELECT id, 'email', hex(randomblob(8)) FROM src WHERE $range;
INSERT INTO lead_keys (lead_id, kind, key) SELECT id, 'phone', hex(randomblob(6)) FROM src WHERE $range;
INSERT INTO lead_keys (lead_id, kind, key) SELECT id, 'nameCompany', hex(randomblob(10)) FROM src WHERE $range;
INSERT INTO lead_payloads (lead_id, api_key_id, received_at, content_type, body)
    SELECT id, (SELECT max(id) FROM api_keys), 0, 'application/json', randomblob(420) FROM src WHERE $range;
INSERT INTO intake_receipts (api_key_id, idempotency_key, lead_id, received_at)
    SELECT (SELECT max(id) FROM api_keys), hex(randomblob(12)), id, 0 FROM src WHERE $range AND id % 2 = 0;
INSERT INTO leads_fts (rowid, search_text) SELECT name_rank, search_text FROM src WHERE $range ORDER BY name_rank;
INSERT INTO lead_counts_by_day (dimension, bucket, key, status_id, touched, n)
    SELECT 'source', created_at / 86400000, source, status_id, 0, count(*) FROM src WHERE $range GROUP BY 2, 3, 4
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
DELETE FROM lead_indexing_deferred;
COMMIT;
SQL
    done
} | sqlite3 "$db" | awk -v leads=$((transactions * chunk)) '
    /^Run Time/ { total += $4 }
    END { printf "%d leads in %.2f s of SQL: %.0f leads/s\n", leads, total, leads / total }'
