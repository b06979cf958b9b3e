/// Money as people read it on screen: thousands grouped with commas, a point before exactly the
/// currency's decimals, then the code ("52,000.00 EUR", "-1,500 JPY"). `MoneyInput` reads both
/// forms back to the same amount, so a form can show a stored amount this way and save it unchanged.
public enum MoneyDisplay {
    /// "52,000.00 EUR", rounded plainly to the currency's minor units.
    public static func text(_ money: Money) -> String {
        amount(money) + " " + money.currency.code
    }

    /// "52,000.00": the amount without its code, as a money field shows it beside the code.
    public static func amount(_ money: Money) -> String {
        let plain = money.amountText()
        let negative = plain.hasPrefix("-")
        let parts = (negative ? plain.dropFirst() : plain[...]).split(separator: ".", maxSplits: 1)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + DigitGroups.grouped(parts[0]) + fraction
    }
}
