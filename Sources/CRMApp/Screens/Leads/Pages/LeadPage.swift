import CRMCore
import TerminalUI

/// A page of the Leads section beside the lists (LD-3): it shows the section's tabs, with the
/// first one naming the view it came from, and takes the section's navigation keys.
protocol LeadPage: Screen {
    var page: LeadTabs.Page { get }
    /// The lead view the first tab names; Tab from the last page and `v` go back to views.
    var view: LeadQuery.View { get }
}

extension LeadPage {
    var section: Section { .leads }
    var breadcrumb: String { "Leads › " + page.title }
    var tabs: [String] { LeadTabs.titles(view: view) }
    var activeTab: Int { LeadTabs.tab(of: .page(page)) }
    var contexts: [KeyContext] { [.lead, .list] }
}
