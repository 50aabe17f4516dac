"""Regenerate gazetteers/countries.jsonl from pycountry plus our aliases and blocs.

    python extractor/data/build_countries.py

Each line: {"label": "COUNTRY", "pattern": "Viet Nam", "id": "VNM"}. Demonyms go to demonyms.jsonl
(they are never mentions, but they tell an official's country: "Vietnamese General Secretary").
"""

from __future__ import annotations

import json
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent / "gazetteers"

ALIASES = {
    "USA": ["United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America", "the States"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "KOR": ["Korea", "South Korea", "S. Korea", "Republic of Korea", "ROK", "RoK", "R.O.K."],
    "PRK": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "VNM": ["Vietnam", "Viet Nam"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran"],
    "TWN": ["Taiwan", "Chinese Taipei"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "CZE": ["Czech Republic", "Czechia"],
    "LAO": ["Laos", "Lao PDR"],
    "SYR": ["Syria"],
    "TZA": ["Tanzania"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "MDA": ["Moldova"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MAC": ["Macau", "Macao"],
    "HKG": ["Hong Kong"],
    "PSE": ["Palestine"],
    "VAT": ["Vatican", "Holy See"],
    "CHN": ["China", "People's Republic of China", "PRC", "Mainland China"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SAU": ["Saudi Arabia", "KSA", "Kingdom of Saudi Arabia"],
    "NLD": ["Netherlands", "the Netherlands", "Holland"],
    "COD": ["DR Congo", "Democratic Republic of the Congo", "DRC"],
    "COG": ["Republic of the Congo"],
    "MMR": ["Myanmar", "Burma"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MKD": ["North Macedonia"],
    "FSM": ["Micronesia"],
    "KGZ": ["Kyrgyzstan", "Kyrgyz Republic"],
    "SVK": ["Slovakia", "Slovak Republic"],
    "JPN": ["Japan"],
    "IND": ["India"],
    "NZL": ["New Zealand"],
    "AUS": ["Australia"],
    "CAN": ["Canada"],
    "MEX": ["Mexico"],
}

BLOCS = {
    "EU": ["EU", "European Union", "E.U."],
    "ASEAN": ["ASEAN", "Association of Southeast Asian Nations"],
    "GCC": ["GCC", "Gulf Cooperation Council"],
    "CIS": ["CIS", "Commonwealth of Independent States"],
    "MERCOSUR": ["Mercosur", "MERCOSUR", "Southern Common Market"],
}

# Ambiguous short forms we leave to context (ORG "MOF", English words).
SKIP = {"Georgia", "Jersey", "Chad", "Guinea", "Niger", "Jordan", "Turkey"}

DEMONYMS = {
    "KOR": ["Korean", "South Korean"], "USA": ["American"], "JPN": ["Japanese"], "CHN": ["Chinese"],
    "VNM": ["Vietnamese"], "IND": ["Indian"], "GBR": ["British"], "DEU": ["German"], "FRA": ["French"],
    "AUS": ["Australian"], "CAN": ["Canadian"], "MEX": ["Mexican"], "QAT": ["Qatari"], "SAU": ["Saudi"],
    "ARE": ["Emirati"], "MNG": ["Mongolian"], "IDN": ["Indonesian"], "THA": ["Thai"], "MYS": ["Malaysian"],
    "PHL": ["Philippine", "Filipino"], "SGP": ["Singaporean"], "NZL": ["New Zealand"], "BRA": ["Brazilian"],
    "RUS": ["Russian"], "ITA": ["Italian"], "ESP": ["Spanish"], "POL": ["Polish"], "CZE": ["Czech"],
    "TWN": ["Taiwanese"], "TUR": ["Turkish"], "ISR": ["Israeli"], "EGY": ["Egyptian"], "KWT": ["Kuwaiti"],
    "OMN": ["Omani"], "BHR": ["Bahraini"], "KAZ": ["Kazakh"], "UZB": ["Uzbek"], "CHL": ["Chilean"],
    "PER": ["Peruvian"], "COL": ["Colombian"], "ARG": ["Argentine", "Argentinian"], "NLD": ["Dutch"],
    "SWE": ["Swedish"], "NOR": ["Norwegian"], "FIN": ["Finnish"], "DNK": ["Danish"], "IRL": ["Irish"],
    "UKR": ["Ukrainian"], "HUN": ["Hungarian"], "ZAF": ["South African"], "NGA": ["Nigerian"],
    "KEN": ["Kenyan"], "CMR": ["Cameroonian"], "PAK": ["Pakistani"], "BGD": ["Bangladeshi"],
    "EU": ["European"],
}


def main() -> None:
    rows: dict[str, str] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None)):
            if name and "," not in name and name not in SKIP:
                rows.setdefault(name, c.alpha_3)
    for code, names in ALIASES.items():
        for name in names:
            rows[name] = code
    for code, names in BLOCS.items():
        for name in names:
            rows[name] = code
    HERE.mkdir(exist_ok=True)
    with open(HERE / "countries.jsonl", "w", encoding="utf-8") as fh:
        for name, code in sorted(rows.items()):
            fh.write(json.dumps({"label": "COUNTRY", "pattern": name, "id": code}, ensure_ascii=False) + "\n")
    with open(HERE / "demonyms.jsonl", "w", encoding="utf-8") as fh:
        for code, names in DEMONYMS.items():
            for name in names:
                fh.write(json.dumps({"pattern": name, "id": code}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
