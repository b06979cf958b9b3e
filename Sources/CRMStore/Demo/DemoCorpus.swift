/// Names, places and words for demo data, per language, so lists look like a real European
/// (and Japanese) customer base: diacritics, particles such as "van der", CJK names.
///
/// Japanese entries carry their romanisation after a colon ("山田:yamada") for e-mail addresses.
struct DemoLocale: Sendable {
    let country: String
    let phonePrefix: String
    let domain: String
    let firstNames: [String]
    let lastNames: [String]
    /// City and postcode pattern (`#` is a random digit).
    let cities: [(String, String)]
    let streets: [String]
    /// Company name patterns: `{last}` is a surname, `{word}` a trade word.
    let companyPatterns: [String]
    let tradeWords: [String]
    /// Share of accounts and contacts drawn from this locale, in percent.
    let weight: Int

    static let all: [DemoLocale] = [czech, german, dutch, english, french, spanish, japanese]

    static let czech = DemoLocale(
        country: "Czechia", phonePrefix: "+420", domain: "cz",
        firstNames: ["Jan", "Petr", "Tomáš", "Čeněk", "Jiří", "Lukáš", "Kateřina", "Lenka", "Zuzana", "Anežka",
                     "Božena", "Radek", "Ondřej", "Veronika", "Šárka", "Vojtěch"],
        lastNames: ["Novák", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Pokorný",
                    "Marková", "Čermáková", "Růžičková", "Šťastný", "Křížová", "Hájek", "Zelenková"],
        cities: [("Praha", "1## 00"), ("Brno", "6## 00"), ("Ostrava", "7## 00"), ("Plzeň", "3## 00"),
                 ("České Budějovice", "370 ##"), ("Hradec Králové", "500 ##"), ("Ústí nad Labem", "400 ##")],
        streets: ["Vinohradská", "Národní", "Masarykova", "Husova", "Palackého", "Štefánikova", "Žižkova"],
        companyPatterns: ["{last} s.r.o.", "{word} a.s.", "{word} {last} s.r.o.", "{word} CZ s.r.o."],
        tradeWords: ["Stavby", "Pekárna", "Strojírny", "Účetnictví", "Doprava", "Elektro", "Tiskárna", "Sklárny"],
        weight: 25)

    static let german = DemoLocale(
        country: "Germany", phonePrefix: "+49", domain: "de",
        firstNames: ["Lukas", "Jürgen", "Stefan", "Jörg", "Anna", "Sophie", "Lena", "Uwe", "Käthe", "Björn",
                     "Marie", "Günter"],
        lastNames: ["Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Köhler", "Schäfer", "Groß",
                    "Hoffmann", "Krüger", "Böhm", "Meyer"],
        cities: [("Berlin", "10###"), ("München", "80###"), ("Köln", "50###"), ("Düsseldorf", "40###"),
                 ("Nürnberg", "90###"), ("Hamburg", "20###")],
        streets: ["Hauptstraße", "Bahnhofstraße", "Schloßallee", "Gartenweg", "Königstraße"],
        companyPatterns: ["{last} GmbH", "{word} {last} KG", "{word} AG", "Größe {word} GmbH"],
        tradeWords: ["Maschinenbau", "Logistik", "Nordwind", "Bäckerei", "Software", "Brückenbau"],
        weight: 20)

    static let dutch = DemoLocale(
        country: "Netherlands", phonePrefix: "+31", domain: "nl",
        firstNames: ["Daan", "Sem", "Lieke", "Sanne", "Bram", "Femke", "Joris", "Maartje", "Niels", "Eva"],
        lastNames: ["de Jong", "Jansen", "de Vries", "van den Berg", "van der Berg", "Bakker", "Visser",
                    "van Dijk", "Smit", "de Boer", "Mulder"],
        cities: [("Amsterdam", "10## AB"), ("Rotterdam", "30## CD"), ("Utrecht", "35## EF"),
                 ("Den Haag", "25## GH"), ("Eindhoven", "56## JK")],
        streets: ["Kerkstraat", "Dorpsstraat", "Prinsengracht", "Molenweg", "Stationsplein"],
        companyPatterns: ["{last} B.V.", "{word} {last} B.V.", "{word} Groep N.V."],
        tradeWords: ["Bloemen", "Techniek", "Bouw", "Transport", "Zuivel", "Handel"],
        weight: 12)

    static let english = DemoLocale(
        country: "United Kingdom", phonePrefix: "+44", domain: "co.uk",
        firstNames: ["Oliver", "George", "Amelia", "Olivia", "Harry", "Isla", "Jack", "Emily", "Noah", "Grace"],
        lastNames: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "O'Brien", "Evans", "Walker",
                    "Thompson"],
        cities: [("London", "EC1A #BB"), ("Manchester", "M# #AE"), ("Leeds", "LS# #JT"), ("Bristol", "BS# #TH"),
                 ("Edinburgh", "EH# #YJ")],
        streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane"],
        companyPatterns: ["{last} Ltd", "{word} {last} & Sons Ltd", "{word} Holdings plc", "{last} & Co"],
        tradeWords: ["Northern", "Consulting", "Engineering", "Foods", "Print", "Logistics"],
        weight: 15)

    static let french = DemoLocale(
        country: "France", phonePrefix: "+33", domain: "fr",
        firstNames: ["Léa", "Chloé", "Hugo", "Louis", "Zoé", "Étienne", "Amélie", "Gaël", "Hélène", "Noël"],
        lastNames: ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Fontaine",
                    "Lemaître"],
        cities: [("Paris", "750##"), ("Lyon", "6900#"), ("Marseille", "130##"), ("Toulouse", "310##"),
                 ("Nîmes", "300##")],
        streets: ["Rue de la Paix", "Avenue Foch", "Rue Pasteur", "Boulevard Victor Hugo", "Rue de l'Église"],
        companyPatterns: ["{last} SARL", "{word} {last} SA", "Société {word} SAS"],
        tradeWords: ["Boulangerie", "Électricité", "Vins", "Conseil", "Matériaux"],
        weight: 10)

    static let spanish = DemoLocale(
        country: "Spain", phonePrefix: "+34", domain: "es",
        firstNames: ["Lucía", "Martín", "Sofía", "Hugo", "Álvaro", "Inés", "Mateo", "Paula", "José", "Nuria"],
        lastNames: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
                    "Muñoz", "Jiménez"],
        cities: [("Madrid", "280##"), ("Barcelona", "080##"), ("Valencia", "460##"), ("Sevilla", "410##"),
                 ("Málaga", "290##")],
        streets: ["Calle Mayor", "Gran Vía", "Avenida de la Constitución", "Calle Real", "Paseo del Prado"],
        companyPatterns: ["{last} S.L.", "{word} {last} S.A.", "Grupo {word} S.L."],
        tradeWords: ["Construcciones", "Alimentación", "Energía", "Diseño", "Cerámica"],
        weight: 8)

    static let japanese = DemoLocale(
        country: "Japan", phonePrefix: "+81", domain: "co.jp",
        firstNames: ["太郎:taro", "花子:hanako", "健:ken", "さくら:sakura", "大輔:daisuke", "美咲:misaki",
                     "翔太:shota", "陽菜:hina"],
        lastNames: ["山田:yamada", "佐藤:sato", "鈴木:suzuki", "高橋:takahashi", "田中:tanaka", "渡辺:watanabe",
                    "伊藤:ito", "中村:nakamura"],
        cities: [("東京", "1##-####"), ("大阪", "5##-####"), ("名古屋", "4##-####"), ("福岡", "8##-####"),
                 ("札幌", "0##-####")],
        streets: ["銀座 1-2-3", "梅田 2-4-6", "栄 3-5-7", "天神 1-1-1"],
        companyPatterns: ["株式会社{last}", "{last}商事株式会社", "{word}株式会社"],
        tradeWords: ["日本電機:nihondenki", "東洋精工:toyoseiko", "ガス:gasu", "未来技研:miraigiken"],
        weight: 10)

    static let industries = [
        "Manufacturing", "Software", "Retail", "Construction", "Logistics", "Healthcare", "Finance",
        "Education", "Energy", "Food and beverage", "Telecommunications", "Public sector", "Consulting",
    ]

    static let jobTitles = [
        "CEO", "CFO", "Head of Purchasing", "IT Manager", "Sales Manager", "Office Manager", "Project Manager",
        "Account Executive", "Procurement Specialist", "Operations Director", "Marketing Lead", "Engineer",
    ]

    static let messengers = ["Signal", "WhatsApp", "Telegram", "Teams", "Slack"]
}
