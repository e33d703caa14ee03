"""Hand-curated tables used by build_gazetteers.py (facts, written for dateline)."""

# Well-known regions and continents (place gazetteer).
REGIONS = """Africa|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Antarctica|Australasia|
Middle East|Near East|Far East|Mideast|Gulf|Persian Gulf|Arabian Gulf|Gulf of Mexico|Balkans|Western Europe|Eastern Europe|Central Europe|
Northern Europe|Southern Europe|Southeast Asia|South Asia|East Asia|Central Asia|West Asia|Asia-Pacific|Pacific Rim|Scandinavia|Nordic countries|
Caribbean|West Indies|Maghreb|North Africa|West Africa|East Africa|Southern Africa|Central Africa|Sub-Saharan Africa|Horn of Africa|Sahel|
Levant|Arabian Peninsula|Indochina|Indian subcontinent|Caucasus|North Caucasus|Baltics|Baltic states|Iberia|Iberian Peninsula|Mediterranean|
Atlantic|Pacific|Indian Ocean|Arctic|Siberia|Kurdistan|Patagonia|Amazon|Andes|Himalayas|Kashmir|Punjab|Tibet|Xinjiang|Inner Mongolia|
Manchuria|Gaza|Gaza Strip|West Bank|Golan Heights|Sinai|Strait of Hormuz|Suez Canal|Panama Canal|Persian Gulf|Red Sea|Black Sea|Caspian Sea|
North Sea|Baltic Sea|South China Sea|Taiwan Strait|Korean Peninsula|Benelux|Eurozone|Commonwealth|Third World|Western Hemisphere|
Midwest|New England|Deep South|Pacific Northwest|Wall Street|Silicon Valley|Bavaria|Lower Saxony|North Rhine-Westphalia|Rhineland-Palatinate|
Hesse|Saxony|Saxony-Anhalt|Thuringia|Mecklenburg-Western Pomerania|Brandenburg|Catalonia|Andalusia|Basque Country|Galicia|Lombardy|Tuscany|
Sicily|Sardinia|Piedmont|Venice|Brittany|Normandy|Provence|Corsica|Alsace|Flanders|Wallonia|Quebec|Ulster|Transylvania|Crimea|Chechnya|
Dagestan|Tatarstan|Donbas|Donbass|Kurdistan Region|Darfur|Ogaden|Kosovo|Palestine|Hong Kong|Macau|Macao|Greenland|Faroe Islands|
Northern Ireland|England|Scotland|Wales|Great Britain|Britain|Holland|Soviet Union|West Germany|East Germany|Yugoslavia|Czechoslovakia|
Rhodesia|Zaire|Burma|Ceylon|Kampuchea|Siam|Persia|Upper Volta|Dahomey|South Yemen|North Yemen|Western Sahara|Tyre|Sidon|
Mazar-i-Sharif|Mazar-e-Sharif|Mazar-e Sharif|Mazar|Peking|Bombay|Calcutta|Madras|Bangalore|Saigon|Rangoon|Leningrad|Stalingrad|
Constantinople|Bonn|Kiev|Kyiv|Kharkov|Odessa|Gdansk|Danzig|Tbilisi|Tiflis|Alma-Ata|Almaty|Frunze|Pnom Penh|Phnom Penh|Vientiane|
Ho Chi Minh City|Hanoi|Tehran|Teheran|Kabul|Kandahar|Herat|Jalalabad|Kunduz|Helmand|Fallujah|Falluja|Mosul|Basra|Kirkuk|Tikrit|
Najaf|Karbala|Ramadi|Aleppo|Homs|Idlib|Raqqa|Benghazi|Misrata|Sirte|Tripoli|Beirut|Damascus|Baghdad|Riyadh|Jeddah|Mecca|Medina|
Sanaa|Aden|Muscat|Doha|Manama|Abu Dhabi|Dubai|Kuwait City|Amman|Jerusalem|Tel Aviv|Ramallah|Hebron|Nablus|Jenin|Gaza City|Rafah|
Khan Younis|Islamabad|Rawalpindi|Peshawar|Quetta|Karachi|Lahore|New Delhi|Mumbai|Kolkata|Chennai|Dhaka|Kathmandu|Colombo|
Washington|Washington D.C.|Washington, D.C.|New York|New York City|Los Angeles|San Francisco|Chicago|Moscow|London|Paris|Berlin|
Brussels|Geneva|Vienna|Tokyo|Beijing|Shanghai|Seoul|Pyongyang|Taipei|Manila|Jakarta|Kuala Lumpur|Singapore|Bangkok|Canberra|
Ottawa|Mexico City|Brasilia|Buenos Aires|Havana|Caracas|Bogota|Lima|Santiago|Managua|San Salvador|Cairo|Khartoum|Nairobi|Lagos|
Johannesburg|Pretoria|Cape Town|Addis Ababa|Mogadishu|Algiers|Tunis|Rabat|Casablanca|Ankara|Istanbul|Athens|Rome|Madrid|Lisbon|
Dublin|Belfast|Edinburgh|Warsaw|Prague|Budapest|Bucharest|Sofia|Belgrade|Zagreb|Sarajevo|Stockholm|Oslo|Copenhagen|Helsinki|Reykjavik|
Strasbourg|Luxembourg|The Hague|Amsterdam|Frankfurt|Zurich|Davos|Camp David|Capitol Hill|Pentagon|Kremlin|Downing Street"""

# Single-word city names that are ordinary English words even though the place is big.
CITY_WORD_DENY = {"nice", "mobile", "reading", "split", "bath", "orange", "sale", "independence", "best",
                  "man", "of", "deal", "march", "mercedes", "victoria", "surprise", "eagle", "union",
                  "marathon", "florence", "cork", "bury", "wells", "hull", "rugby", "ely", "york", "derby",
                  "buffalo", "paradise", "temple", "spring", "bristol", "lincoln", "jackson", "hamilton",
                  "columbus", "salem", "aurora", "lowell", "norman", "tyler", "irving", "allen", "warren"}
# ...but these stay although they are also frequent words (major cities / capitals / countries, or in REGIONS).
CITY_WORD_KEEP = {"Victoria", "Florence", "Bristol", "York", "Derby", "Buffalo", "Columbus", "Cork", "Hull"}

# English exonyms / short forms for countries (added to loc.txt, all treated as countries).
COUNTRY_EXTRA = ["United States", "United States of America", "America", "United Kingdom", "Britain", "Great Britain",
    "Russia", "Iran", "Syria", "South Korea", "North Korea", "Korea", "Vietnam", "Laos", "Bolivia", "Venezuela",
    "Tanzania", "Taiwan", "Moldova", "Czech Republic", "Czechia", "Ivory Coast", "Burma", "Myanmar", "Congo",
    "Democratic Republic of the Congo", "DR Congo", "Republic of the Congo", "Vatican", "Vatican City", "Holland",
    "Macedonia", "North Macedonia", "Palestine", "Kosovo", "Micronesia", "Brunei", "Cape Verde", "Swaziland",
    "Eswatini", "East Timor", "Timor-Leste", "Turkey", "Türkiye", "Soviet Union", "West Germany", "East Germany",
    "Yugoslavia", "Czechoslovakia", "Zaire", "Rhodesia", "Kampuchea", "Cambodia", "Western Samoa", "Samoa",
    "North Yemen", "South Yemen", "Upper Volta", "Dahomey", "Ceylon", "Persia", "Siam", "Gambia", "The Gambia",
    "Bahamas", "The Bahamas", "Netherlands", "The Netherlands", "Philippines", "Sao Tome and Principe",
    "St. Lucia", "St. Kitts and Nevis", "St. Vincent and the Grenadines", "Trinidad", "Tobago", "Hong Kong", "Macau",
    "Netherlands Antilles", "Abkhazia", "Somaliland", "Northern Cyprus", "Transnistria", "Kurdistan",
    "England", "Scotland", "Wales", "Northern Ireland"]

# Subdivisions: which countries, which pycountry subdivision types (top level only).
SUBDIV = {"US": {"State", "District", "Outlying area"}, "CA": None, "AU": None, "GB": {"Country", "Province"},
    "IN": None, "CN": None, "DE": None, "BR": None, "MX": None, "JP": None, "FR": {"Metropolitan region"},
    "IT": {"Region", "Autonomous region"}, "ES": {"Autonomous community"}, "AF": None, "IR": None, "IQ": None,
    "PK": None, "NG": None, "ZA": None, "SY": None, "SA": None, "AR": None, "PH": None, "ID": None, "UA": None,
    "EG": None, "TR": None, "CH": None, "AT": None, "BE": {"Region"}, "KR": None}

# Person titles and news roles (added to nameparser's titles).
NEWS_TITLES = """President|Vice President|Prime Minister|Deputy Prime Minister|Secretary of State|Foreign Minister|Foreign Secretary|
Defence Minister|Defense Minister|Defense Secretary|Defence Secretary|Finance Minister|Economy Minister|Interior Minister|Home Secretary|
Oil Minister|Trade Minister|Agriculture Minister|Energy Minister|Justice Minister|Health Minister|Treasury Secretary|Commerce Secretary|
Agriculture Secretary|Energy Secretary|Attorney General|Chancellor|Vice Chancellor|Chancellor of the Exchequer|Senator|Sen.|Rep.|
Representative|Congressman|Congresswoman|Gov.|Governor|Lt. Gov.|Mayor|Gen.|Lt.|Lt. Gen.|Maj. Gen.|Brig. Gen.|Col.|Lt. Col.|Maj.|Capt.|
Cmdr.|Adm.|Sgt.|Cpl.|Pvt.|Mr.|Mrs.|Ms.|Miss|Dr.|Prof.|Rev.|Sr.|Fr.|Msgr.|Hon.|Mr|Mrs|Ms|Dr|Prof|Rev|Gen|Col|Capt|Sen|Rep|Gov|
King|Queen|Prince|Princess|Crown Prince|Emir|Amir|Sultan|Shah|Pope|Cardinal|Archbishop|Bishop|Ayatollah|Grand Ayatollah|Hojatoleslam|
Sheikh|Sheik|Imam|Mullah|Rabbi|Chief Rabbi|Lord|Lady|Sir|Dame|Baron|Baroness|Duke|Duchess|Count|Countess|spokesman|spokeswoman|
spokesperson|chairman|chairwoman|chairperson|vice chairman|chief executive|chief executive officer|CEO|chief financial officer|CFO|
chief operating officer|COO|managing director|director|director-general|Director General|executive director|general manager|
president and chief executive|minister|deputy minister|ambassador|envoy|special envoy|judge|Justice|Chief Justice|magistrate|prosecutor|
attorney|lawyer|commissioner|secretary-general|Secretary General|Secretary-General|undersecretary|Under Secretary|Assistant Secretary|
deputy|leader|opposition leader|party leader|speaker|Speaker|premier|Premier|governor|central bank governor|economist|analyst|
official|aide|adviser|advisor|negotiator|commander|Commander|general|colonel|major|captain|admiral|sergeant|lieutenant|Field Marshal|
Marshal|President-elect|Prime Minister-elect|former President|former Prime Minister|Chairman|Director|Minister|Ambassador|Judge|
Senator-elect|Majority Leader|Minority Leader|House Speaker|Mr President|Madam|Monsieur|Herr|Frau|Senor|Senora|Signor|Mme"""

# Organization designators (added to cleanco's legal terms).
ORG_SUFFIX_EXTRA = """Inc|Inc.|Incorporated|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|Limited|PLC|Plc|plc|AG|GmbH|KGaA|SA|S.A.|NV|N.V.|
BV|B.V.|LLC|L.L.C.|LP|L.P.|LLP|SpA|S.p.A.|SE|AB|ASA|A/S|Oyj|Pty Ltd|Bhd|Berhad|Sdn Bhd|KK|K.K.|Group|Holdings|Holding|Bank|Banks|Bancorp|
Bankcorp|Airlines|Airways|Air Lines|University|College|Institute|Institution|Party|Agency|Association|Council|Committee|Ministry|
Department|Commission|Federation|Union|Fund|Foundation|Trust|Exchange|Board|Authority|Organisation|Organization|Office|Bureau|
Service|Services|Society|League|Alliance|Front|Movement|Army|Brigade|Brigades|Forces|Guard|Court|Tribunal|Parliament|Assembly|
Congress|Senate|Cabinet|Administration|Government|Industries|Industrie|Enterprises|International|Technologies|Systems|Partners|
Capital|Securities|Investments|Financial|Insurance|Assurance|Motors|Petroleum|Oil|Energy|Electric|Telecom|Communications|Media|
Press|News|Pharmaceuticals|Chemicals|Steel|Mining|Resources|Shipping|Railways|Railroad|Properties|Brothers|Bros|Bros.|
Centre|Center|Club|Network|Trust Co|Cooperative|Co-operative|Syndicate|Consortium|Conference|Secretariat|Programme|Program|
Academy|School|Hospital|Church|Council of Ministers|Reserve|Treasury|Mint|Bourse|Stock Exchange|Commerce|Chamber|Chamber of Commerce"""
