import CRMCore
import Foundation

/// The "Data" tab of an account: every field with a label, in reading order.
enum AccountPresenter {
    static func rows(_ account: Account, session: AppSession) -> [(label: String, value: String)] {
        let flags = [account.isKeyAccount ? "key account" : nil, account.isGlobal ? "global" : nil,
                     account.isPrivate ? "private (only you see it)" : nil, account.isFavourite ? "★ favourite" : nil]
            .compactMap { $0 }.joined(separator: ", ")
        var rows: [(String, String)] = [("Name", account.displayName), ("Type", session.accountTypeName(account.typeID))]
        let person = [account.firstName, account.lastName].filter { !$0.isEmpty }.joined(separator: " ")
        if !person.isEmpty, person != account.displayName { rows.append(("Person", person)) }
        if !account.name.isEmpty, account.name != account.displayName { rows.append(("Organisation", account.name)) }
        rows += [
            ("Email", account.email), ("Phone", account.phone),
            ("Address", [account.street, [account.postcode, account.city].filter { !$0.isEmpty }.joined(separator: " "),
                         account.country].filter { !$0.isEmpty }.joined(separator: ", ")),
            ("Registration no.", account.registrationNumber), ("VAT no.", account.vatNumber),
            ("Industry", account.industry), ("Employees", account.employees.map(String.init) ?? ""),
            ("Annual revenue", account.annualRevenue.map(MoneyDisplay.text) ?? ""),
            ("Customer since", account.customerSince?.description ?? ""),
            ("Account manager", session.userName(account.accountManagerID)),
            ("Flags", flags), ("Created", DateText.format(account.createdAt) + " by " + session.userName(account.createdByID)),
            ("Last change", DateText.format(account.updatedAt)), ("Note", account.note),
        ]
        return rows
    }
}

/// Timestamps as people read them on screen (local time, fixed pattern).
enum DateText {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    static func format(_ date: Date) -> String { formatter.string(from: date) }
}
