"""Regenerate gazetteers/{ministries,orgs,agreements,regulations}.jsonl from the tables below.

    python extractor/data/build_bodies.py

Each line: {"label": ..., "pattern": ..., "id": ...}; names sharing an id are one entity (a full
name and its acronym, a former name). Users extend the gazetteer with a JSONL file of their own in
the same shape (see README: "Extending the gazetteer").
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent / "gazetteers"

MINISTRIES = {
    # Korea: the trade ministry under its names over the years
    "kor-motir": ["Ministry of Trade, Industry and Resources", "Ministry of Trade, Industry, and Resources", "MOTIR"],
    "kor-motie": ["Ministry of Trade, Industry and Energy", "Ministry of Trade, Industry, and Energy", "MOTIE"],
    "kor-mke": ["Ministry of Knowledge Economy", "MKE"],
    "kor-mocie": ["Ministry of Commerce, Industry and Energy", "MOCIE"],
    "kor-mofat": ["Ministry of Foreign Affairs and Trade", "MOFAT"],
    "kor-mofa": ["Ministry of Foreign Affairs", "MOFA"],
    "kor-moef": ["Ministry of Economy and Finance", "MOEF"],
    "kor-msit": ["Ministry of Science and ICT", "MSIT"],
    "kor-mss": ["Ministry of SMEs and Startups", "MSS"],
    "kor-mafra": ["Ministry of Agriculture, Food and Rural Affairs", "MAFRA"],
    "kor-molit": ["Ministry of Land, Infrastructure and Transport", "MOLIT"],
    "kor-mof": ["Ministry of Oceans and Fisheries"],
    "kor-moel": ["Ministry of Employment and Labor", "MOEL"],
    "kor-me": ["Ministry of Environment"],
    "kor-mcee": ["Ministry of Climate, Energy and Environment", "Ministry of Climate, Energy, and Environment"],
    "kor-mohw": ["Ministry of Health and Welfare"],
    "kor-mfds": ["Ministry of Food and Drug Safety", "MFDS"],
    "kor-mois": ["Ministry of the Interior and Safety"],
    "kor-kats": ["Korean Agency for Technology and Standards", "KATS"],
    "kor-kotra": ["Korea Trade-Investment Promotion Agency", "KOTRA"],
    "kor-kigam": ["Korea Institute of Geoscience and Mineral Resources", "KIGAM"],
    "kor-keit": ["Korea Evaluation Institute of Industrial Technology", "KEIT"],
    "kor-kiat": ["Korea Institute for Advancement of Technology", "KIAT"],
    "kor-kiet": ["Korea Institute for Industrial Economics and Trade", "KIET"],
    "kor-kiep": ["Korea Institute for International Economic Policy", "KIEP"],
    "kor-kcs": ["Korea Customs Service", "KCS"],
    "kor-ktc": ["Korea Trade Commission"],
    "kor-kftc": ["Korea Fair Trade Commission", "Fair Trade Commission", "KFTC"],
    "kor-exim": ["Export-Import Bank of Korea", "Korea Eximbank", "Korea EXIM Bank", "KEXIM"],
    "kor-ksure": ["Korea Trade Insurance Corporation", "K-SURE"],
    "kor-kosbi": ["Korea Small Business Institute"],
    "kor-assembly": ["National Assembly"],
    "kor-president": ["Presidential Office", "Office of the President"],
    "kor-tpc": ["Trade Promotion Committee"],
    "kor-ftc": ["Free Economic Zone Committee"],
    "kor-kpo": ["Korean Intellectual Property Office", "KIPO"],
    "kor-pps": ["Public Procurement Service"],
    "kor-kipa": ["Korea Invest", "Invest Korea"],
    "kor-mission-geneva": ["Permanent Mission of the Republic of Korea in Geneva"],
    # United States
    "usa-ustr": ["Office of the U.S. Trade Representative", "Office of the United States Trade Representative", "USTR"],
    "usa-doc": ["U.S. Department of Commerce", "Department of Commerce", "Commerce Department", "DOC"],
    "usa-bis": ["Bureau of Industry and Security", "BIS"],
    "usa-ita": ["International Trade Administration"],
    "usa-itc": ["U.S. International Trade Commission", "International Trade Commission", "USITC"],
    "usa-wh": ["White House"],
    "usa-omb": ["Office of Management and Budget", "OMB"],
    "usa-congress": ["U.S. Congress", "Congress"],
    "usa-senate": ["U.S. Senate", "Senate"],
    "usa-house": ["U.S. House of Representatives", "House of Representatives"],
    "usa-wm": ["House Ways and Means Committee", "Ways and Means Committee"],
    "usa-sfc": ["Senate Finance Committee"],
    "usa-house-trade": ["House Trade Subcommittee", "Trade Subcommittee"],
    "usa-treasury": ["U.S. Department of the Treasury", "Department of the Treasury", "Treasury Department"],
    "usa-state": ["U.S. Department of State", "Department of State", "State Department"],
    "usa-doe": ["U.S. Department of Energy", "Department of Energy"],
    "usa-usda": ["U.S. Department of Agriculture", "Department of Agriculture", "USDA"],
    "usa-cbp": ["U.S. Customs and Border Protection", "Customs and Border Protection", "CBP"],
    "usa-cfius": ["Committee on Foreign Investment in the United States", "CFIUS"],
    # EU
    "eu-commission": ["European Commission"],
    "eu-dgtrade": ["DG Trade", "Directorate-General for Trade"],
    "eu-parliament": ["European Parliament"],
    "eu-council": ["Council of the European Union", "Council of the EU", "European Council"],
    # Japan
    "jpn-meti": ["Ministry of Economy, Trade and Industry", "Ministry of Economy, Trade, and Industry", "METI"],
    "jpn-jetro": ["Japan External Trade Organization", "JETRO"],
    "jpn-mofa": ["Ministry of Foreign Affairs of Japan"],
    # China
    "chn-mofcom": ["Ministry of Commerce of the People's Republic of China", "MOFCOM"],
    "chn-gacc": ["General Administration of Customs", "GACC"],
    "chn-ndrc": ["National Development and Reform Commission", "NDRC"],
    # UK
    "gbr-dbt": ["Department for Business and Trade", "DBT"],
    "gbr-dit": ["Department for International Trade", "DIT"],
    "gbr-hmrc": ["HM Revenue and Customs", "HMRC"],
    "gbr-tra": ["Trade Remedies Authority"],
    "gbr-parliament": ["House of Commons", "House of Lords"],
    # Australia, Canada, India, Vietnam, Gulf
    "aus-dfat": ["Department of Foreign Affairs and Trade", "DFAT"],
    "aus-austrade": ["Austrade", "Australian Trade and Investment Commission"],
    "can-gac": ["Global Affairs Canada"],
    "can-cbsa": ["Canada Border Services Agency", "CBSA"],
    "ind-moci": ["Ministry of Commerce and Industry"],
    "ind-dgtr": ["Directorate General of Trade Remedies", "DGTR"],
    "ind-dgft": ["Directorate General of Foreign Trade", "DGFT"],
    "vnm-moit": ["Ministry of Industry and Trade", "MOIT"],
    "vnm-mof": ["Ministry of Finance"],
    "vnm-mpi": ["Ministry of Planning and Investment"],
    "are-moe": ["Ministry of Economy"],
    "sau-mci": ["Ministry of Commerce"],
    "mng-mmhi": ["Ministry of Mining and Heavy Industry"],
    "ind-moci2": ["Ministry of Commerce & Industry"],
    "can-nrcan": ["Natural Resources Canada"],
    "can-ised": ["Innovation, Science and Economic Development Canada"],
    "gbr-fcdo": ["Foreign, Commonwealth & Development Office", "FCDO"],
    "gbr-hmt": ["HM Treasury"],
}

ORGS = {
    "wto": ["World Trade Organization", "World Trade Organisation", "WTO"],
    "wto-tbt": ["WTO Committee on Technical Barriers to Trade", "WTO TBT Committee", "TBT Committee", "Committee on Technical Barriers to Trade"],
    "wto-mc": ["WTO Ministerial Conference", "Ministerial Conference"],
    "wto-gc": ["WTO General Council", "General Council"],
    "oecd": ["Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development", "OECD"],
    "imf": ["International Monetary Fund", "IMF"],
    "world-bank": ["World Bank"],
    "apec": ["Asia-Pacific Economic Cooperation", "APEC"],
    "g20": ["G20", "Group of Twenty"],
    "g7": ["G7", "Group of Seven"],
    "un": ["United Nations", "UN"],
    "unctad": ["UNCTAD"],
    "iea": ["International Energy Agency", "IEA"],
    "iso": ["International Organization for Standardization", "ISO"],
    "iec": ["International Electrotechnical Commission", "IEC"],
    "ansi": ["American National Standards Institute", "ANSI"],
    "asean-sec": ["ASEAN Secretariat"],
    "amcham": ["American Chamber of Commerce in Korea", "American Chamber of Commerce", "AMCHAM", "AmCham"],
    "kita": ["Korea International Trade Association", "KITA"],
    "kcci": ["Korea Chamber of Commerce and Industry", "KCCI"],
    "fki": ["Federation of Korean Industries", "FKI"],
    "kama": ["Korea Automobile Manufacturers Association", "KAMA"],
    "kaica": ["Korea Auto Industries Cooperative Association", "KAICA"],
    "kosa": ["Korea Iron and Steel Association", "Korea Iron & Steel Association"],
    "kbio": ["Korea Biotechnology Industry Organization", "KoreaBIO"],
    "sjc": ["Seoul Japan Club", "SJC"],
    "ecck": ["European Chamber of Commerce in Korea", "ECCK"],
    "csis": ["Center for Strategic and International Studies", "CSIS"],
    "itif": ["Information Technology and Innovation Foundation", "ITIF"],
    "piie": ["Peterson Institute for International Economics", "PIIE"],
    "heritage": ["Heritage Foundation"],
    "brookings": ["Brookings Institution"],
    "cta": ["Consumer Technology Association", "CTA"],
    "samsung": ["Samsung Electronics", "Samsung"],
    "sk-hynix": ["SK hynix", "SK Hynix"],
    "hyundai": ["Hyundai Motor Company", "Hyundai Motor", "Hyundai Motor Group", "Hyundai"],
    "kia": ["Kia"],
    "lg": ["LG Energy Solution", "LG Electronics", "LG"],
    "s-oil": ["S-OIL", "S-Oil"],
    "khnp": ["Korea Hydro & Nuclear Power", "KHNP"],
    "kepco": ["Korea Electric Power Corporation", "KEPCO"],
    "kogas": ["Korea Gas Corporation", "KOGAS"],
    "qatarenergy": ["QatarEnergy"],
    "aramco": ["Saudi Aramco", "Aramco"],
    "posco": ["POSCO"],
    "hanwha": ["Hanwha Ocean", "Hanwha"],
    "hd-hyundai": ["HD Hyundai"],
    "ilo": ["International Labour Organization", "International Labor Organization", "ILO"],
    "wco": ["World Customs Organization", "WCO"],
    "wipo": ["World Intellectual Property Organization", "WIPO"],
    "adb": ["Asian Development Bank", "ADB"],
    "aiib": ["Asian Infrastructure Investment Bank", "AIIB"],
    "efta": ["European Free Trade Association", "EFTA"],
    # news agencies and outlets (ORG)
    "yonhap": ["Yonhap News Agency", "Yonhap"],
    "reuters": ["Reuters"],
    "ap": ["Associated Press"],
    "afp": ["Agence France-Presse", "AFP"],
    "bloomberg": ["Bloomberg"],
    "kyodo": ["Kyodo News", "Kyodo"],
    "xinhua": ["Xinhua News Agency", "Xinhua"],
    "wam": ["Emirates News Agency", "WAM"],
    "spa": ["Saudi Press Agency", "SPA"],
    "arirang": ["Arirang News", "Arirang"],
    "kbs": ["KBS"],
    "nikkei": ["Nikkei"],
    "korea-herald": ["Korea Herald"],
    "korea-times": ["Korea Times"],
    "ft": ["Financial Times"],
}

AGREEMENTS = {
    "korus": ["Korea–U.S. Free Trade Agreement", "Korea-U.S. Free Trade Agreement", "KORUS FTA", "KORUS", "Korea–U.S. FTA", "Korea-U.S. FTA", "Korea-US FTA"],
    "kor-eu-fta": ["Korea–EU Free Trade Agreement", "Korea-EU Free Trade Agreement", "Korea–EU FTA", "Korea-EU FTA", "EU-Korea FTA", "EU–Korea FTA", "EU-Korea Free Trade Agreement"],
    "kor-uk-fta": ["Korea–UK Free Trade Agreement", "Korea-UK Free Trade Agreement", "Korea–UK FTA", "Korea-UK FTA", "UK-Korea FTA", "UK-RoK FTA", "UK–RoK FTA", "UK-Korea Free Trade Agreement"],
    "kor-india-cepa": ["Korea–India Comprehensive Economic Partnership Agreement", "Korea-India Comprehensive Economic Partnership Agreement", "Korea–India CEPA", "Korea-India CEPA"],
    "kafta": ["Korea–Australia Free Trade Agreement", "Korea-Australia Free Trade Agreement", "KAFTA"],
    "cptpp": ["Comprehensive and Progressive Agreement for Trans-Pacific Partnership", "CPTPP"],
    "rcep": ["Regional Comprehensive Economic Partnership", "RCEP"],
    "ipef": ["Indo-Pacific Economic Framework for Prosperity", "Indo-Pacific Economic Framework", "IPEF"],
    "usmca": ["United States-Mexico-Canada Agreement", "USMCA"],
    "nafta": ["North American Free Trade Agreement", "NAFTA"],
    "gatt": ["General Agreement on Tariffs and Trade", "GATT"],
    "ita": ["Information Technology Agreement"],
    "ifd": ["Investment Facilitation for Development (IFD) Agreement", "Investment Facilitation for Development Agreement"],
    "tfa": ["Trade Facilitation Agreement"],
    "gats": ["General Agreement on Trade in Services", "GATS"],
    "trips": ["TRIPS Agreement", "TRIPS"],
    "tbt-agreement": ["Agreement on Technical Barriers to Trade", "TBT Agreement"],
    "depa": ["Digital Economy Partnership Agreement", "DEPA"],
    "ceta": ["Comprehensive Economic and Trade Agreement", "CETA"],
    "cepa": ["CEPA"],
    "kor-us-fact-sheet": ["Korea–U.S. Joint Fact Sheet", "Korea-U.S. Joint Fact Sheet", "Joint Fact Sheet"],
    "stid": ["Strategic Trade and Investment Deal"],
    "csp": ["Comprehensive Strategic Partnership"],
}

REGULATIONS = {
    "cbam": ["Carbon Border Adjustment Mechanism", "CBAM", "EU CBAM"],
    "eu-battery": ["EU Battery Regulation", "Battery Regulation"],
    "eu-fgas": ["F-gas Regulation"],
    "csddd": ["Corporate Sustainability Due Diligence Directive", "CSDDD"],
    "eudr": ["EU Deforestation Regulation", "Deforestation Regulation", "EUDR"],
    "fsr": ["Foreign Subsidies Regulation", "FSR"],
    "cra": ["Cyber Resilience Act"],
    "nzia": ["Net-Zero Industry Act", "Net Zero Industry Act"],
    "crma": ["Critical Raw Materials Act", "CRMA"],
    "ppwr": ["Packaging and Packaging Waste Regulation", "PPWR"],
    "espr": ["Ecodesign for Sustainable Products Regulation", "ESPR"],
    "reach": ["REACH"],
    "ieepa": ["International Emergency Economic Powers Act", "IEEPA"],
    "s232": ["Section 232"],
    "s301": ["Section 301"],
    "s201": ["Section 201"],
    "s122": ["Section 122"],
    "tea1974": ["Trade Act of 1974"],
    "tea1962": ["Trade Expansion Act of 1962"],
    "ira": ["Inflation Reduction Act", "IRA"],
    "chips": ["CHIPS and Science Act", "CHIPS Act"],
    "uflpa": ["Uyghur Forced Labor Prevention Act", "UFLPA"],
    "kor-labor-union": ["Labor Union Act", "Trade Union Act"],
    "kor-stat": ["Statistics Act"],
    "kor-fipa": ["Foreign Investment Promotion Act"],
    "kor-ftrade": ["Foreign Trade Act"],
    "kor-platform": ["Online Platform Act", "Platform Act"],
    "kor-netuse": ["Network Usage Fee Act"],
}


def _write(name: str, label: str, table: dict[str, list[str]]) -> None:
    with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
        for key, patterns in table.items():
            for pattern in patterns:
                fh.write(json.dumps({"label": label, "pattern": pattern, "id": key}, ensure_ascii=False) + "\n")


def main() -> None:
    HERE.mkdir(exist_ok=True)
    _write("ministries", "MINISTRY", MINISTRIES)
    _write("orgs", "ORG", ORGS)
    _write("agreements", "AGREEMENT", AGREEMENTS)
    _write("regulations", "REGULATION", REGULATIONS)


if __name__ == "__main__":
    main()
