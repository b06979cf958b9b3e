import CRMCore

/// "Go to record" (SH-6, FI-3): type part of a name, pick an account, opportunity, contact or
/// partner, open it.
enum GotoRecord {
    static func make(app: AppController) -> MenuPopup {
        MenuPopup(title: "Go to record", emptyText: "Type a name of an account, opportunity, contact, partner or lead") { query in
            guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            let hits = (try? app.session.search.search(query, limit: 40)) ?? []
            let ranked = hits
                .map { hit in (hit, FuzzyMatch.score(query, in: hit.title) ?? -100) }
                .sorted { $0.1 > $1.1 }
            return ranked.prefix(20).map { hit, _ in
                let kind = hit.entity.noun.prefix(1).uppercased() + hit.entity.noun.dropFirst()
                let title = hit.subtitle.isEmpty ? hit.title : "\(hit.title) · \(hit.subtitle)"
                return MenuItem(title: title, key: kind) { app in open(hit, app: app) }
            }
        }
    }

    static func open(_ hit: SearchHit, app: AppController) {
        switch hit.entity {
        case .account:
            app.switchSection(to: .accounts)
            app.push(AccountDetailScreen(accountID: hit.id, app: app))
        case .opportunity:
            app.switchSection(to: .opportunities)
            app.push(OpportunityDetailScreen(opportunityID: hit.id, app: app))
        case .partner:
            app.switchSection(to: .partners)
            app.push(PartnerDetailScreen(partnerID: hit.id, app: app))
        case .lead:
            app.switchSection(to: .leads)
            app.push(LeadDetailScreen(leadID: hit.id, app: app))
        default:
            app.switchSection(to: .contacts)
            app.push(ContactDetailScreen(contactID: hit.id, app: app))
        }
    }
}
