import Foundation

/// Words and figures for the demo pipeline: what is sold, how deals are named, partner firms
/// and the exchange rates totals convert with.
enum DemoPipelineCorpus {
    /// Things a B2B vendor sells; opportunity names are built around them.
    static let products = [
        "Fleet telematics", "ERP upgrade", "Cloud migration", "Support contract", "Data warehouse",
        "Field service app", "Training programme", "Security audit", "Licence extension", "Managed printing",
        "Warehouse scanners", "Payroll outsourcing", "Network refresh", "Web shop relaunch", "CRM rollout",
        "Energy monitoring", "Video conferencing", "Backup service", "Laptop leasing", "Helpdesk outsourcing",
        "Document archive", "BI dashboards", "Machine maintenance", "Rooftop solar",
    ]

    /// Opportunity name patterns: `{product}`, `{account}` and `{year}` (the year after the
    /// expected close). What is sold comes first: lists and cards cut names at the right, and
    /// the account has a column and a card line of its own.
    static let namePatterns = [
        "{product} for {account}", "{product} for {account}", "{product} — {account}",
        "Renewal {year} — {account}", "{product} pilot at {account}", "{product}, phase 2 — {account}",
    ]

    /// Names of opportunities not yet tied to an account.
    static let leadPatterns = ["{product} enquiry", "{product} — inbound lead", "Trade fair lead: {product}"]

    /// Optional opportunity descriptions.
    static let descriptions = [
        "Budget approved for the next fiscal year; the board decides in the spring.",
        "Competes with an in-house solution; needs a reference visit.",
        "Came through the partner programme; partner leads the technical scoping.",
        "Existing customer, wants to consolidate three suppliers into one.",
        "Pilot in one site first, then the remaining plants.",
        "Procurement insists on a three-year price lock.",
    ]

    /// The first words of partner firm names; the first partner is the one the demo's partner
    /// user works for.
    static let partnerWords = [
        "Alpine", "Baltic", "Danube", "Meridian", "Harbour", "Summit", "Lumen", "Vltava", "Polder", "Fjord",
        "Iberia", "Granite", "Beacon", "Tatra", "Rhine", "Aurora", "Cobalt", "Linden", "Orbit", "Keystone",
    ]

    /// The last words of partner firm names.
    static let partnerKinds = ["Consulting", "Solutions", "Advisory", "Integration", "Systems", "Digital"]

    /// The partner the `partner.nordwind` demo user belongs to.
    static let firstPartner = "Nordwind Partners"

    static let consultantTitles = [
        "Consultant", "Senior Consultant", "Solution Architect", "Implementation Lead", "Partner Manager",
    ]

    /// The region subprojects of the "CRM" project when the database has none yet.
    static let regions = ["Central Europe", "DACH", "Benelux", "Nordics", "Iberia"]

    /// Currencies of opportunities with their share in percent and how many of them buy what one
    /// euro buys, in thousandths (so amounts stay exact integers).
    static let currencies: [(code: String, weight: Int, perMilleOfEuro: Int64)] = [
        ("EUR", 55, 1_000), ("USD", 25, 1_160), ("CZK", 15, 24_500), ("GBP", 3, 870), ("JPY", 2, 176_000),
    ]

    /// Exchange rates into the base currency (EUR): euros per unit, each with the day it
    /// applies from, as an administrator would type them.
    static let rates: [(code: String, rate: String, from: String)] = [
        ("USD", "0.8547", "2026-01-01"), ("USD", "0.8621", "2026-10-01"),
        ("CZK", "0.04065", "2026-01-01"), ("CZK", "0.04112", "2026-10-01"),
        ("GBP", "1.1538", "2026-01-01"), ("GBP", "1.1494", "2026-10-01"),
        ("JPY", "0.00556", "2026-01-01"), ("JPY", "0.00571", "2026-10-01"),
    ]
}
