import CRMCore

/// The "Data" tab of a partner: its fields, then its results and forecast (PA-1) over the
/// opportunities assigned to it that the user may see, in the base currency.
enum PartnerPresenter {
    static func rows(_ partner: Partner, summary: PipelineSummary?, rates: ExchangeRateTable?,
                     session: AppSession) -> [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = [
            ("Name", partner.name),
            ("Email", partner.email),
            ("Phone", partner.phone),
            ("City", partner.city),
            ("Country", partner.country),
            ("Created", DateText.format(partner.createdAt) + " by " + session.userName(partner.createdByID)),
            ("Last change", DateText.format(partner.updatedAt)),
            ("Note", partner.note),
        ]
        guard let summary else { return rows }
        rows += [
            ("", ""),
            ("Open pipeline", TotalsText.countAndTotal(summary.open, rates: rates)),
            ("Weighted forecast", rates.map { TotalsText.total(summary.weightedOpen, rates: $0) + " (amount × probability)" } ?? ""),
            ("Won", TotalsText.countAndTotal(summary.won, rates: rates)),
            ("Lost", TotalsText.countAndTotal(summary.lost, rates: rates)),
        ]
        return rows
    }
}
