"""Demonyms / adjectives -> canonical place (hand-curated facts). Plurals ending in -s are derived by the
builder for nouns ending in -an, -i, -ot, -er, -ite (Iranian -> Iranians); irregular plurals are listed."""

# canonical place : demonyms (adjective and noun forms; '|' separated)
DEMONYMS = """Afghanistan:Afghan|Afghani
Albania:Albanian
Algeria:Algerian
American Samoa:American Samoan
Andorra:Andorran
Angola:Angolan
Anguilla:Anguillan
Antigua and Barbuda:Antiguan|Barbudan
Argentina:Argentine|Argentinian|Argentines
Armenia:Armenian
Aruba:Aruban
Australia:Australian|Aussie
Austria:Austrian
Azerbaijan:Azerbaijani|Azeri
Bahamas:Bahamian
Bahrain:Bahraini
Bangladesh:Bangladeshi
Barbados:Barbadian|Bajan
Belarus:Belarusian|Belarussian|Byelorussian
Belgium:Belgian
Belize:Belizean
Benin:Beninese
Bermuda:Bermudian
Bhutan:Bhutanese
Bolivia:Bolivian
Bosnia and Herzegovina:Bosnian|Herzegovinian
Botswana:Botswanan|Motswana|Batswana
Brazil:Brazilian
British Virgin Islands:British Virgin Islander
Brunei:Bruneian
Bulgaria:Bulgarian
Burkina Faso:Burkinabe
Burundi:Burundian
Cambodia:Cambodian|Khmer|Kampuchean
Cameroon:Cameroonian
Canada:Canadian
Cape Verde:Cape Verdean
Cayman Islands:Caymanian
Central African Republic:Central African
Chad:Chadian
Chile:Chilean
China:Chinese
Colombia:Colombian
Comoros:Comoran|Comorian
Congo:Congolese
Democratic Republic of the Congo:Zairean|Zairian
Cook Islands:Cook Islander
Costa Rica:Costa Rican
Ivory Coast:Ivorian
Croatia:Croatian|Croat
Cuba:Cuban
Curacao:Curacaoan
Cyprus:Cypriot|Greek Cypriot|Turkish Cypriot
Czech Republic:Czech
Czechoslovakia:Czechoslovak|Czechoslovakian
Denmark:Danish|Dane|Danes
Djibouti:Djiboutian
Dominican Republic:Dominican
Ecuador:Ecuadorean|Ecuadorian
Egypt:Egyptian
El Salvador:Salvadoran|Salvadorean
Equatorial Guinea:Equatorial Guinean|Equatoguinean
Eritrea:Eritrean
Estonia:Estonian
Eswatini:Swazi|Swazis
Ethiopia:Ethiopian
Falkland Islands:Falkland Islander|Falklander
Faroe Islands:Faroese
Fiji:Fijian
Finland:Finnish|Finn|Finns
France:French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen
French Guiana:French Guianese
French Polynesia:French Polynesian
Gabon:Gabonese
Gambia:Gambian
Georgia:Georgian
Germany:German
West Germany:West German
East Germany:East German
Ghana:Ghanaian
Gibraltar:Gibraltarian
Greece:Greek
Greenland:Greenlandic
Grenada:Grenadian
Guadeloupe:Guadeloupean
Guam:Guamanian
Guatemala:Guatemalan
Guinea:Guinean
Guinea-Bissau:Bissau-Guinean
Guyana:Guyanese
Haiti:Haitian
Honduras:Honduran
Hong Kong:Hong Konger|Hongkonger
Hungary:Hungarian|Magyar
Iceland:Icelandic|Icelander
India:Indian
Indonesia:Indonesian
Iran:Iranian|Persian
Iraq:Iraqi
Ireland:Irish|Irishman|Irishmen|Irishwoman
Israel:Israeli
Italy:Italian
Jamaica:Jamaican
Japan:Japanese
Jordan:Jordanian
Kazakhstan:Kazakh|Kazakhstani
Kenya:Kenyan
Kiribati:I-Kiribati
North Korea:North Korean
South Korea:South Korean
Korea:Korean
Kosovo:Kosovar|Kosovan
Kuwait:Kuwaiti
Kyrgyzstan:Kyrgyz|Kirghiz|Kyrgyzstani
Laos:Laotian|Lao
Latvia:Latvian
Lebanon:Lebanese
Lesotho:Basotho|Mosotho
Liberia:Liberian
Libya:Libyan
Liechtenstein:Liechtensteiner
Lithuania:Lithuanian
Luxembourg:Luxembourgish|Luxembourger
Macau:Macanese
North Macedonia:Macedonian
Madagascar:Malagasy|Madagascan
Malawi:Malawian
Malaysia:Malaysian
Maldives:Maldivian
Mali:Malian
Malta:Maltese
Marshall Islands:Marshallese
Martinique:Martiniquais|Martinican
Mauritania:Mauritanian
Mauritius:Mauritian
Mexico:Mexican
Micronesia:Micronesian
Moldova:Moldovan|Moldavian
Monaco:Monegasque|Monacan
Mongolia:Mongolian
Montenegro:Montenegrin
Montserrat:Montserratian
Morocco:Moroccan
Mozambique:Mozambican
Myanmar:Burmese|Myanmarese
Namibia:Namibian
Nauru:Nauruan
Nepal:Nepalese|Nepali
Netherlands:Dutch|Dutchman|Dutchmen|Dutchwoman|Netherlander
Netherlands Antilles:Antillean
New Caledonia:New Caledonian
New Zealand:New Zealander
Nicaragua:Nicaraguan
Niger:Nigerien
Nigeria:Nigerian
Niue:Niuean
Norway:Norwegian
Oman:Omani
Pakistan:Pakistani
Palau:Palauan
Palestine:Palestinian
Panama:Panamanian
Papua New Guinea:Papua New Guinean|Papuan
Paraguay:Paraguayan
Peru:Peruvian
Philippines:Filipino|Filipina|Philippine
Pitcairn:Pitcairn Islander
Poland:Polish|Pole|Poles
Portugal:Portuguese
Puerto Rico:Puerto Rican
Qatar:Qatari
Reunion:Reunionese
Romania:Romanian|Rumanian
Russia:Russian
Rwanda:Rwandan|Rwandese
Saint Kitts and Nevis:Kittitian|Nevisian
Saint Lucia:Saint Lucian|St. Lucian
Saint Vincent and the Grenadines:Vincentian
Samoa:Samoan|Western Samoan
San Marino:Sammarinese
Sao Tome and Principe:Sao Tomean
Saudi Arabia:Saudi|Saudi Arabian
Senegal:Senegalese
Serbia:Serbian|Serb
Seychelles:Seychellois
Sierra Leone:Sierra Leonean
Singapore:Singaporean
Slovakia:Slovak|Slovakian
Slovenia:Slovenian|Slovene
Solomon Islands:Solomon Islander
Somalia:Somali
South Africa:South African
South Sudan:South Sudanese
Spain:Spanish|Spaniard
Sri Lanka:Sri Lankan|Ceylonese
Sudan:Sudanese
Suriname:Surinamese|Surinamer
Sweden:Swedish|Swede
Switzerland:Swiss
Syria:Syrian
Taiwan:Taiwanese
Tajikistan:Tajik|Tadjik|Tajikistani
Tanzania:Tanzanian
Thailand:Thai
Timor-Leste:Timorese|East Timorese
Togo:Togolese
Tonga:Tongan
Trinidad and Tobago:Trinidadian|Tobagonian|Trinbagonian
Tunisia:Tunisian
Turkey:Turkish|Turk
Turkmenistan:Turkmen|Turkoman|Turkmenistani
Turks and Caicos Islands:Turks and Caicos Islander
Tuvalu:Tuvaluan
Uganda:Ugandan
Ukraine:Ukrainian
United Arab Emirates:Emirati|Emirian
United Kingdom:British|Briton|Brit|Britisher
England:English|Englishman|Englishmen|Englishwoman|Englishwomen
Scotland:Scottish|Scot|Scots|Scotsman|Scotsmen|Scotswoman
Wales:Welsh|Welshman|Welshmen|Welshwoman
Northern Ireland:Northern Irish|Ulsterman|Ulstermen
United States:American|U.S. citizen
U.S. Virgin Islands:Virgin Islander
Uruguay:Uruguayan
Uzbekistan:Uzbek|Uzbekistani
Vanuatu:Ni-Vanuatu|Vanuatuan
Venezuela:Venezuelan
Vietnam:Vietnamese
Western Sahara:Sahrawi|Saharawi|Sahrawian
Yemen:Yemeni|Yemenite
North Yemen:North Yemeni
South Yemen:South Yemeni
Soviet Union:Soviet|Soviets
Yugoslavia:Yugoslav|Yugoslavian
Zambia:Zambian
Zimbabwe:Zimbabwean
Isle of Man:Manx
Mayotte:Mahoran
Northern Mariana Islands:Northern Mariana Islander
Greenland:Greenlander
Rhodesia:Rhodesian
Burkina Faso:Upper Voltan
Abkhazia:Abkhaz|Abkhazian
Chechnya:Chechen
Kurdistan:Kurdish|Kurd
Tibet:Tibetan
Kashmir:Kashmiri
Punjab:Punjabi
Catalonia:Catalan
Bavaria:Bavarian
Quebec:Quebecer|Quebecker|Quebecois
Flanders:Flemish|Fleming
Wallonia:Walloon
Sicily:Sicilian
Sardinia:Sardinian
Corsica:Corsican
Brittany:Breton
Crimea:Crimean
Siberia:Siberian
Transylvania:Transylvanian
Basque Country:Basque
Galicia:Galician
Andalusia:Andalusian
Tuscany:Tuscan
Lombardy:Lombard
Gaza:Gazan
Europe:European
Africa:African
Asia:Asian
Latin America:Latin American
Middle East:Middle Eastern
Scandinavia:Scandinavian
Caribbean:Caribbean
Balkans:Balkan
Arabian Peninsula:Arabian
Texas:Texan
California:Californian
Florida:Floridian
New York City:New Yorker
Alaska:Alaskan
Hawaii:Hawaiian
Arizona:Arizonan
Ohio:Ohioan
Michigan:Michigander|Michiganian
Virginia:Virginian
West Virginia:West Virginian
Oklahoma:Oklahoman
Oregon:Oregonian
Nebraska:Nebraskan
Kansas:Kansan
Iowa:Iowan
Minnesota:Minnesotan
Wisconsin:Wisconsinite
Colorado:Coloradan
Utah:Utahn
Nevada:Nevadan
Montana:Montanan
Louisiana:Louisianan|Louisianian
Mississippi:Mississippian
Alabama:Alabamian|Alabaman
Tennessee:Tennessean
Kentucky:Kentuckian
Indiana:Hoosier
Illinois:Illinoisan
Pennsylvania:Pennsylvanian
New Jersey:New Jerseyan
Vermont:Vermonter
Maine:Mainer
Massachusetts:Bay Stater
North Carolina:North Carolinian
South Carolina:South Carolinian
Missouri:Missourian
Arkansas:Arkansan
New Mexico:New Mexican
Ontario:Ontarian
Alberta:Albertan
Manitoba:Manitoban
Nova Scotia:Nova Scotian
Newfoundland:Newfoundlander
Tasmania:Tasmanian
Queensland:Queenslander
Victoria:Victorian
Paris:Parisian
London:Londoner
Berlin:Berliner
Moscow:Muscovite
Venice:Venetian
Naples:Neapolitan
Milan:Milanese
Florence:Florentine
Madrid:Madrileno
Barcelona:Barcelonan
Vienna:Viennese
Boston:Bostonian
Chicago:Chicagoan
Los Angeles:Angeleno|Angelino
San Francisco:San Franciscan
Washington:Washingtonian
Philadelphia:Philadelphian
Detroit:Detroiter
Dallas:Dallasite
Houston:Houstonian
Atlanta:Atlantan
Seattle:Seattleite
Denver:Denverite
Miami:Miamian
Tokyo:Tokyoite
Beijing:Beijinger
Shanghai:Shanghainese
Hong Kong:Hongkongese
Cairo:Cairene
Baghdad:Baghdadi
Tehran:Tehrani
Beirut:Beiruti
Damascus:Damascene
Jerusalem:Jerusalemite
Kabul:Kabuli
Karachi:Karachiite
Delhi:Delhiite
Mumbai:Mumbaikar
Dublin:Dubliner
Glasgow:Glaswegian
Edinburgh:Edinburgher
Liverpool:Liverpudlian|Scouser
Manchester:Mancunian
Newcastle:Geordie
Birmingham:Brummie
Sydney:Sydneysider
Melbourne:Melburnian
Montreal:Montrealer
Toronto:Torontonian
Vancouver:Vancouverite
Mexico City:Chilango
Rio de Janeiro:Carioca
Sao Paulo:Paulistano
Buenos Aires:Porteno
Havana:Habanero
Athens:Athenian
Istanbul:Istanbulite
Geneva:Genevan
Zurich:Zuricher
Amsterdam:Amsterdammer
Stockholm:Stockholmer
Warsaw:Varsovian
Prague:Praguer
Budapest:Budapester
Kyiv:Kyivan|Kievan"""
