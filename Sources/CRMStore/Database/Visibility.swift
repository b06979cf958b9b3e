import CRMCore
import GRDB

/// Which rows a user may see, as SQL conditions every read of accounts and contacts includes.
///
/// Today one rule applies to everyone: a private account is visible only to its creator — not
/// even to administrators — and so are the contacts of such an account (contacts carry the
/// owner in `private_owner_id`, kept up to date by the account writes). Role visibility (ST-3:
/// own, own and subordinates, partner's) belongs here too, built from the user's role, so that
/// lists, counts, reads, search and writes all obey the same rule.
struct Visibility: Sendable {
    let userID: Int64

    init(user: User) {
        userID = user.id
    }

    /// The condition on an `accounts` row aliased `alias`.
    func accounts(_ alias: String) -> SQL {
        "(\(sql: alias).is_private = 0 OR \(sql: alias).created_by_id = \(userID))"
    }

    /// The condition on a `contacts` row aliased `alias`.
    func contacts(_ alias: String) -> SQL { privateOwnerRule(alias) }

    /// The condition on an `opportunities` row aliased `alias`: hidden with a private account.
    func opportunities(_ alias: String) -> SQL { privateOwnerRule(alias) }

    /// The condition on an `opportunity_totals` row aliased `alias` (v23): the opportunities'
    /// rule over their totals, which keep 0 for "no private owner".
    func opportunityTotals(_ alias: String) -> SQL {
        "\(sql: alias).private_owner_id IN (0, \(userID))"
    }

    /// The condition on a `sales_activities` row aliased `alias`: hidden with a private account,
    /// its own or its opportunity's.
    func salesActivities(_ alias: String) -> SQL { privateOwnerRule(alias) }

    /// Rows that copy their account's privacy into `private_owner_id`.
    private func privateOwnerRule(_ alias: String) -> SQL {
        "(\(sql: alias).private_owner_id IS NULL OR \(sql: alias).private_owner_id = \(userID))"
    }
}
