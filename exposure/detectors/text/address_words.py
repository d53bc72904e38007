"""Word lists behind the address patterns, as regex alternations.

Kept apart from :mod:`exposure.detectors.text.addresses` so the patterns there stay
readable.  Lists are deliberately conservative: a street type that is also a common word
in titles ("Park", "Green", "Ring", "Gate") is left out, because one false alarm costs more
trust than one missed address.
"""

from __future__ import annotations


def alternation(words: str) -> str:
    """``"a b c"`` -> ``"(?:a|b|c)"``, longest first so ``Avenue`` wins over ``Ave``."""
    ordered = sorted(set(words.split()), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(w.replace(".", r"\.") for w in ordered) + ")"


# English street types (US, UK, Canada, Ireland, Australia), full and USPS/Royal Mail
# abbreviations.
STREET_TYPES = alternation(
    "Street St Avenue Ave Av Road Rd Boulevard Blvd Lane Ln Drive Dr Court Ct Place Pl "
    "Terrace Ter Terr Way Circle Cir Parkway Pkwy Highway Hwy Crescent Cres Close Grove "
    "Gardens Gdns Mews Row Walk Square Sq Hill Trail Trl Alley Loop Pike Plaza Ridge Cove "
    "Heights Hts Expressway Expy Freeway Fwy Turnpike Tpke Causeway Broadway Embankment "
    "Parade Esplanade Quay Wharf Rise Vale View Wynd"
)

# Words that look like a street name in Title Case text but start a headline instead:
# "Top 10 Best Way", "5 Easy Steps", "3 Simple Rules".
NOT_STREET_NAMES = frozenset(
    "best easy simple great good top quick fast cheap free more most other new-year "
    "ways things reasons tips steps rules days years hours minutes weeks months times "
    "people places the a an and or of for in on to with my your our their his her its "
    "this that these those every each all some many few".split()
)

US_STATES = alternation(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE "
    "NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR"
)
US_STATE_NAMES = (
    "(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|"
    "Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|"
    "Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)"
)
CA_PROVINCES = alternation("AB BC MB NB NL NS NT NU ON PE QC SK YT")

# UK postcodes: outward code (area letters without Q, V, X first; I, J, Z second) and an
# inward code whose letters never include C, I, K, M, O or V.
UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s\d[ABD-HJLNP-UW-Z]{2}"
# Canadian postcodes: letters D, F, I, O, Q, U never appear; W and Z never first.
CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]\d[ABCEGHJ-NPRSTV-Z]\d"

# Germanic and Nordic street names are one word ending in a street type: Hauptstraße,
# Kerkstraat, Drottninggatan.  ("-ring", "-gate", "-markt" are left out: Spring, Stargate.)
GERMANIC_SUFFIXES = alternation(
    "straße strasse str. weg gasse platz allee damm ufer chaussee steig pfad straat laan "
    "gracht plein kade singel dijk vej gade gatan vägen veien"
)
# The same types written as their own word after the name: "Mariahilfer Straße", "Karl
# Johans gate" (Norwegian writes it in lower case).
GERMANIC_WORD_TYPES = alternation(
    "Straße Strasse Weg Gasse Platz Allee Damm Ufer Chaussee Steig gate gata vei veien vej"
)
# French street types come first: "12 rue de la Paix", "3 bis, boulevard Voltaire".
FRENCH_TYPES = alternation(
    "rue avenue av. boulevard bd place chemin allée allee impasse quai route cours square "
    "passage voie"
)
FRENCH_LINKS = r"(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’]|la\s+|le\s+|les\s+)?"
# Southern European street types come first, the number after: "Calle Mayor 12", "Via
# Roma, 10", "Rua Augusta 100".
SOUTHERN_TYPES = alternation(
    "Calle Avenida Avda. Paseo Plaza Camino Carrer Carretera Ronda Via Viale Piazza Corso "
    "Vicolo Largo Rua Travessa Praça Avinguda Passeig"
)
SOUTHERN_LINKS = (
    r"(?:de\s+la\s+|del\s+|de\s+|dei\s+|della\s+|delle\s+|degli\s+|di\s+|do\s+|da\s+|dos\s+|"
    r"das\s+|d['’]\s*)?"
)
# Service names that follow "Via" in ordinary sentences ("via Twitter 2 days ago").
NOT_SOUTHERN_NAMES = frozenset(
    "twitter email e-mail facebook instagram bluetooth wifi usb zoom whatsapp telegram "
    "signal slack discord app web api dm text ups fedex dhl".split()
)
