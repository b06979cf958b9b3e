import CRMCore
import GRDB

/// The "go to" search (SH-6, FI-3): records of any kind whose words start with the typed words,
/// among those the user may see.
public struct SearchRepository: Sendable {
    let database: AppDatabase
    let actor: User

    /// Up to `limit` accounts, opportunities, contacts, partners and leads matching `text` with
    /// the quick-filter rules.
    ///
    /// Records whose name starts with the whole text come first, then the rest alphabetically
    /// within each kind; accounts, then opportunities, contacts, partners and leads (archived
    /// and closed ones too). Uses the same indexed paths as list filters, so it stays fast on a
    /// million contacts or leads.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let words = SearchText.plainWordsFilter(text)
        guard !words.isEmpty, limit > 0 else { return [] }
        let accounts = try database.accounts(actingAs: actor)
            .page(AccountQuery(filter: words), .first, limit: limit)
            .map { SearchHit(entity: .account, id: $0.id, title: $0.displayName, subtitle: Self.join($0.city, $0.email)) }
        let opportunities = try database.opportunities(actingAs: actor)
            .page(OpportunityQuery(filter: words), .first, limit: limit)
            .map { SearchHit(entity: .opportunity, id: $0.id, title: $0.name,
                             subtitle: Self.join($0.accountName ?? "", $0.statusName)) }
        let contacts = try database.contacts(actingAs: actor)
            .page(ContactQuery(filter: words), .first, limit: limit)
            .map { SearchHit(entity: .contact, id: $0.id, title: $0.displayName,
                             subtitle: Self.join($0.accountName ?? "", $0.jobTitle)) }
        let partners = try database.partners(actingAs: actor)
            .page(PartnerQuery(filter: words), .first, limit: limit)
            .map { SearchHit(entity: .partner, id: $0.id, title: $0.name, subtitle: Self.join($0.city, $0.country)) }
        let leads = try database.leads(actingAs: actor)
            .page(LeadQuery(view: .all, filter: words), .first, limit: limit)
            .map { SearchHit(entity: .lead, id: $0.id, title: $0.displayName, subtitle: Self.join($0.company, $0.statusName)) }
        let whole = SearchText.fold(text)
        let ranked = (accounts + opportunities + contacts + partners + leads).enumerated().sorted { left, right in
            let leftStarts = SearchText.fold(left.element.title).hasPrefix(whole)
            let rightStarts = SearchText.fold(right.element.title).hasPrefix(whole)
            return leftStarts != rightStarts ? leftStarts : left.offset < right.offset
        }
        return ranked.prefix(limit).map(\.element)
    }

    private static func join(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
