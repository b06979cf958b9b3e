import CRMCore
import GRDB

/// Duplicate identification on save (LP-7): a lead's normalised keys are stored in `lead_keys`,
/// and a lead sharing a key with an earlier one is linked to the earliest such lead. Nothing is
/// merged; the link and its reason are what the merge screen starts from.
enum LeadDuplicates {
    /// Rewrites the keys of lead `id` after an edit and returns the earliest other lead sharing
    /// one, if any. New leads get their keys from `LeadInserter`.
    static func index(_ db: Database, leadID id: Int64, _ draft: LeadDraft) throws -> Int64? {
        try db.run("DELETE FROM lead_keys WHERE lead_id = ?", [id])
        var earliest: Int64?
        for (kind, key) in keys(of: draft) {
            try db.run("INSERT OR IGNORE INTO lead_keys (lead_id, kind, key) VALUES (?, ?, ?)", [id, kind, key])
            if let other = try earliestLead(db, kind: kind, key: key, before: id) { earliest = min(earliest ?? other, other) }
        }
        return earliest
    }

    /// The earliest lead below id `before` that has the key.
    static func earliestLead(_ db: Database, kind: String, key: String, before id: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT min(lead_id) FROM lead_keys WHERE kind = ? AND key = ? AND lead_id < ?
            """), arguments: [kind, key, id])
    }

    /// The earliest stored lead holding each of `keys`, by "kind:key" (absent: none); one
    /// statement for all of them, for the thousands of keys of an intake batch.
    static func earliestLeads(_ db: Database, keys: [(kind: String, key: String)]) throws -> [String: Int64] {
        let pairs = JSONList.pairs(keys.lazy.map { ($0.kind, $0.key) })
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT kind, key, lead FROM (
                SELECT json_extract(j.value, '$[0]') AS kind, json_extract(j.value, '$[1]') AS key,
                    (SELECT min(lead_id) FROM lead_keys k
                     WHERE k.kind = json_extract(j.value, '$[0]') AND k.key = json_extract(j.value, '$[1]')) AS lead
                FROM json_each(?) j)
            WHERE lead IS NOT NULL
            """), arguments: [pairs])
        var earliest: [String: Int64] = [:]
        while let row = try rows.next() {
            earliest["\(row[0] as String):\(row[1] as String)"] = row[2]
        }
        return earliest
    }

    /// The `lead_keys` rows of a draft as (kind, key): its phones, e-mail and name+company.
    static func keys(of draft: LeadDraft) -> [(kind: String, key: String)] {
        let identity = LeadIdentity(draft, defaultCallingCode: CountryCallingCode.code(forCountry: draft.country))
        var keys: [(kind: String, key: String)] = identity.normalisedPhones.sorted().map { ("phone", $0) }
        if let email = identity.normalisedEmail { keys.append(("email", email)) }
        if let nameCompany = identity.nameCompanyKey { keys.append(("nameCompany", nameCompany)) }
        return keys
    }
}
