"""Vocabulary for the sample network: international names, companies, places and tastes."""

from __future__ import annotations

# (given names, family names, phone country code, sample area codes, city, country)
CULTURES: tuple[tuple[tuple[str, ...], tuple[str, ...], str, tuple[str, ...], str, str], ...] = (
    (("James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "William",
      "Elizabeth", "Richard", "Susan", "Thomas", "Karen", "Daniel", "Nancy", "Matthew", "Emily"),
     ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
      "Taylor", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis"),
     "1", ("212", "415", "312", "617", "713", "206", "305", "404"), "New York", "United States"),
    (("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Olivia", "Charlie", "Sophie"),
     ("Walker", "Wright", "Robinson", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood"),
     "44", ("20", "161", "131", "117"), "London", "United Kingdom"),
    (("Lukas", "Anna", "Maximilian", "Lea", "Felix", "Hannah", "Jonas", "Sophie", "Paul", "Marie"),
     ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"),
     "49", ("30", "89", "40", "69"), "Munich", "Germany"),
    (("Louis", "Camille", "Hugo", "Chloé", "Jules", "Léa", "Gabriel", "Manon", "Arthur", "Inès"),
     ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy"),
     "33", ("1", "4", "5"), "Paris", "France"),
    (("José", "María", "Javier", "Lucía", "Carlos", "Carmen", "Alejandro", "Sofía", "Diego"),
     ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"),
     "34", ("91", "93", "95"), "Madrid", "Spain"),
    (("Giulia", "Marco", "Francesca", "Alessandro", "Chiara", "Lorenzo", "Sara", "Matteo"),
     ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"),
     "39", ("02", "06", "011"), "Milan", "Italy"),
    (("Aarav", "Priya", "Vivaan", "Ananya", "Arjun", "Diya", "Rohan", "Isha", "Karan", "Meera"),
     ("Sharma", "Patel", "Gupta", "Singh", "Kumar", "Reddy", "Iyer", "Nair", "Mehta", "Shah"),
     "91", ("22", "80", "11"), "Bengaluru", "India"),
    (("Wei", "Li", "Jing", "Hao", "Mei", "Jun", "Xin", "Yan", "Lei", "Ying"),
     ("Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu"),
     "86", ("10", "21", "755"), "Shanghai", "China"),
    (("Haruto", "Yui", "Sota", "Hina", "Yuto", "Aoi", "Ren", "Sakura", "Kaito", "Mio"),
     ("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"),
     "81", ("3", "6", "52"), "Tokyo", "Japan"),
    (("Chinedu", "Ngozi", "Emeka", "Amara", "Tunde", "Folake", "Ikenna", "Zainab", "Obinna"),
     ("Okafor", "Adeyemi", "Eze", "Balogun", "Okonkwo", "Nwosu", "Abubakar", "Olawale"),
     "234", ("1", "9"), "Lagos", "Nigeria"),
    (("Lucas", "Ana", "Gabriel", "Beatriz", "Rafael", "Juliana", "Pedro", "Larissa", "Thiago"),
     ("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira"),
     "55", ("11", "21", "31"), "São Paulo", "Brazil"),
    (("Jakub", "Zofia", "Kacper", "Maja", "Szymon", "Hanna", "Filip", "Julia", "Antoni"),
     ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński"),
     "48", ("22", "12", "71"), "Warsaw", "Poland"),
)  # fmt: skip

COMPANY_FIRST = (
    "Northwind", "Blue Harbor", "Summit", "Evergreen", "Ironbridge", "Silverline", "Redwood",
    "Lakeshore", "Granite", "Brightwater", "Oakmont", "Keystone", "Pioneer", "Meridian",
    "Crescent", "Harborview", "Stonegate", "Westfield", "Cedar", "Atlas", "Beacon", "Sterling",
)  # fmt: skip
COMPANY_SECOND = (
    "Logistics", "Capital", "Health", "Realty", "Foods", "Insurance", "Manufacturing", "Partners",
    "Analytics", "Energy", "Pharma", "Retail", "Construction", "Media", "Software", "Advisors",
)  # fmt: skip
COMPANY_SUFFIX = ("Inc.", "LLC", "Group", "GmbH", "Ltd", "S.A.", "Co.", "")
TITLES = (
    "CEO", "CFO", "COO", "VP Sales", "VP Operations", "Head of Procurement", "Purchasing Manager",
    "Director of Finance", "Owner", "Managing Partner", "Regional Manager", "Office Manager",
    "Controller", "Plant Manager", "General Counsel", "Head of IT", "Marketing Director",
)  # fmt: skip
TAGS = ("Clients", "Prospects", "Referral Sources", "Former colleagues", "VIP", "Golf",
        "Holiday cards", "Board", "Competitors", "Partners")  # fmt: skip
HOW_WE_MET = (
    "Met at the regional trade show", "Introduced by a mutual client", "Sat next to each other "
    "at a charity dinner", "Former colleague at my first job", "Cold call that went well",
    "Golf club member", "Kids play on the same soccer team", "Conference panel in Chicago",
    "LinkedIn message about a referral", "Neighbour", "University alumni event",
)  # fmt: skip
NOTES = (
    "Prefers calls before 9 am.", "Decision maker for the east region.", "Budget cycle starts "
    "in September.", "Never schedule on Fridays.", "Loves talking about sailing.",
    "Very loyal once trust is built.", "Send articles about supply chain.",
    "Wants quarterly business reviews.", "Tough negotiator, fair.", "",
)  # fmt: skip
PREFERENCES = (
    ("drink", "Scotch", "Highland single malt only"),
    ("drink", "Red wine", "Barolo or Brunello"),
    ("drink", "Craft beer", "IPAs"),
    ("drink", "Tea", "Green tea, no sugar"),
    ("food", "Dark chocolate", "70% or more"),
    ("food", "Sushi", "Omakase"),
    ("food", "Steak", "Medium rare"),
    ("food", "Vegetarian", ""),
    ("hobby", "Sailing", ""),
    ("hobby", "Photography", "Leica fan"),
    ("hobby", "Gardening", "Roses"),
    ("sport", "Golf", "Handicap 12"),
    ("sport", "Tennis", ""),
    ("sport", "Football", "Supports the local club"),
    ("gift", "Cigars", "Cuban"),
    ("gift", "Books", "Military history"),
    ("allergy", "Nuts", "Severe"),
    ("allergy", "Shellfish", ""),
    ("dislike", "Cold calls", ""),
    ("dislike", "Flowers", "Allergic to lilies"),
)
GIFTS = (
    ("Bottle of Glenmorangie 18", "Christmas", 12000),
    ("Box of dark chocolate truffles", "Christmas", 4500),
    ("Fruit basket", "Thanksgiving", 6000),
    ("Golf balls (Pro V1)", "Birthday", 5500),
    ("Bouquet of flowers", "Anniversary", 7500),
    ("Book: The Guns of August", "Birthday", 2500),
    ("Wine: Barolo 2016", "Closing dinner", 9000),
    ("Cufflinks", "Promotion", 15000),
    ("Graduation card and gift card", "Graduation", 10000),
)
INTERACTION_NOTES = {
    "call": ("Quick check-in.", "Discussed Q3 order volumes.", "Asked about the kids."),
    "email": ("Sent the proposal.", "Followed up on pricing.", "Shared an article."),
    "meeting": ("Quarterly review.", "Site visit.", "Contract renewal talk."),
    "lunch": ("Steakhouse downtown.", "Sushi at Nobu.", "Their favourite Italian place."),
    "sales_call": ("Demo of the new line.", "Negotiated volume discount."),
    "message": ("Congratulated them on the award.", "Happy birthday text."),
    "social": ("Golf, 18 holes.", "Charity gala.", "Baseball game."),
    "gift": ("Sent holiday gift.",),
    "introduction": ("Introduced to a supplier.",),
}
