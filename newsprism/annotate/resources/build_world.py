"""Generate ``world.json``: countries, metonyms, organisations and role words.

Run ``python -m newsprism.annotate.resources.build_world`` (or this file) to
regenerate. Sources:

* ``pycountry`` (ISO 3166-1): alpha-2, alpha-3, short, official and common
  names of every country and territory.
* The hand-written ``COUNTRY_TABLE`` below (written for this project from
  general knowledge): alternate short names used in news English,
  demonyms/adjectives, and capitals or seats of government that news uses
  as metonyms ("Moscow denied"). Plural demonym nouns ("the Russians") are
  derived by rule.
* ``METONYMS``: buildings and places that stand for a government body.
* ``ORGANIZATIONS``: intergovernmental organisations. ``code`` is the CAMEO
  known-group code where CAMEO has one (UNO, NAT, EEC, IMF, WBK, OPC, ...);
  otherwise an upper-case code of our own (flagged ``"cameo": false``).
* ``ROLES``, ``TITLES`` and ``ORG_TYPES``: a generic lexicon of political role
  words and organisation-type words, with grammatical gender where the word
  carries it. No names of people appear anywhere.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pycountry

# ISO3 | alternate names (first = display name) | adjectives / demonyms | capitals and seats
COUNTRY_TABLE = """
AFG|Afghanistan|Afghan|Kabul
ALB|Albania|Albanian|Tirana
DZA|Algeria|Algerian|Algiers
AND|Andorra|Andorran|Andorra la Vella
AGO|Angola|Angolan|Luanda
ATG|Antigua and Barbuda,Antigua|Antiguan|St. John's
ARG|Argentina|Argentine,Argentinian,Argentinean|Buenos Aires
ARM|Armenia|Armenian|Yerevan
AUS|Australia|Australian|Canberra
AUT|Austria|Austrian|Vienna
AZE|Azerbaijan|Azerbaijani,Azeri|Baku
BHS|Bahamas,The Bahamas|Bahamian|Nassau
BHR|Bahrain|Bahraini|Manama
BGD|Bangladesh|Bangladeshi|Dhaka
BRB|Barbados|Barbadian|Bridgetown
BLR|Belarus,Byelorussia|Belarusian,Belarussian|Minsk
BEL|Belgium|Belgian|Brussels
BLZ|Belize|Belizean|Belmopan
BEN|Benin|Beninese|Porto-Novo,Cotonou
BTN|Bhutan|Bhutanese|Thimphu
BOL|Bolivia|Bolivian|La Paz,Sucre
BIH|Bosnia and Herzegovina,Bosnia-Herzegovina,Bosnia|Bosnian|Sarajevo
BWA|Botswana|Botswanan,Motswana,Batswana|Gaborone
BRA|Brazil|Brazilian|Brasilia,Brasília
BRN|Brunei|Bruneian|Bandar Seri Begawan
BGR|Bulgaria|Bulgarian|Sofia
BFA|Burkina Faso|Burkinabe,Burkinabé|Ouagadougou
BDI|Burundi|Burundian|Gitega,Bujumbura
CPV|Cape Verde,Cabo Verde|Cape Verdean|Praia
KHM|Cambodia|Cambodian|Phnom Penh
CMR|Cameroon|Cameroonian|Yaounde,Yaoundé
CAN|Canada|Canadian|Ottawa
CAF|Central African Republic,CAR|Central African|Bangui
TCD|Chad|Chadian|N'Djamena,Ndjamena
CHL|Chile|Chilean|Santiago
CHN|China,People's Republic of China,PRC,Mainland China|Chinese|Beijing,Peking
COL|Colombia|Colombian|Bogota,Bogotá
COM|Comoros|Comorian|Moroni
COG|Republic of the Congo,Congo-Brazzaville|Congolese-Brazzaville|Brazzaville
COD|Democratic Republic of the Congo,Democratic Republic of Congo,DR Congo,DRC,Congo-Kinshasa,Congo|Congolese|Kinshasa
CRI|Costa Rica|Costa Rican|San Jose,San José
CIV|Ivory Coast,Côte d'Ivoire,Cote d'Ivoire|Ivorian|Yamoussoukro,Abidjan
HRV|Croatia|Croatian,Croat|Zagreb
CUB|Cuba|Cuban|Havana
CYP|Cyprus|Cypriot|Nicosia
CZE|Czech Republic,Czechia|Czech|Prague
DNK|Denmark|Danish,Dane|Copenhagen
DJI|Djibouti|Djiboutian|
DMA|Dominica|Dominican-Dominica|Roseau
DOM|Dominican Republic|Dominican|Santo Domingo
ECU|Ecuador|Ecuadorian,Ecuadorean|Quito
EGY|Egypt|Egyptian|Cairo
SLV|El Salvador|Salvadoran,Salvadorean|San Salvador
GNQ|Equatorial Guinea|Equatorial Guinean,Equatoguinean|Malabo
ERI|Eritrea|Eritrean|Asmara
EST|Estonia|Estonian|Tallinn
SWZ|Eswatini,Swaziland|Swazi|Mbabane
ETH|Ethiopia|Ethiopian|Addis Ababa
FJI|Fiji|Fijian|Suva
FIN|Finland|Finnish,Finn|Helsinki
FRA|France|French,Frenchman,Frenchwoman|Paris
GAB|Gabon|Gabonese|Libreville
GMB|Gambia,The Gambia|Gambian|Banjul
GEO|Georgia|Georgian|Tbilisi
DEU|Germany|German|Berlin
GHA|Ghana|Ghanaian|Accra
GRC|Greece|Greek|Athens
GRD|Grenada|Grenadian|St. George's
GTM|Guatemala|Guatemalan|Guatemala City
GIN|Guinea|Guinean|Conakry
GNB|Guinea-Bissau|Bissau-Guinean|Bissau
GUY|Guyana|Guyanese|Georgetown
HTI|Haiti|Haitian|Port-au-Prince
VAT|Vatican,Holy See,Vatican City|Vatican|
HND|Honduras|Honduran|Tegucigalpa
HUN|Hungary|Hungarian|Budapest
ISL|Iceland|Icelandic,Icelander|Reykjavik,Reykjavík
IND|India|Indian|New Delhi
IDN|Indonesia|Indonesian|Jakarta
IRN|Iran,Islamic Republic of Iran,Persia|Iranian|Tehran,Teheran
IRQ|Iraq|Iraqi|Baghdad
IRL|Ireland,Republic of Ireland,Eire|Irish|Dublin
ISR|Israel|Israeli|Jerusalem,Tel Aviv
ITA|Italy|Italian|Rome
JAM|Jamaica|Jamaican|Kingston
JPN|Japan|Japanese|Tokyo
JOR|Jordan|Jordanian|Amman
KAZ|Kazakhstan|Kazakh,Kazakhstani|Astana,Nur-Sultan
KEN|Kenya|Kenyan|Nairobi
KIR|Kiribati|I-Kiribati|Tarawa
PRK|North Korea,DPRK,Democratic People's Republic of Korea|North Korean|Pyongyang
KOR|South Korea,Republic of Korea,ROK|South Korean|Seoul
XKX|Kosovo|Kosovar,Kosovan|Pristina,Prishtina
KWT|Kuwait|Kuwaiti|Kuwait City
KGZ|Kyrgyzstan,Kirghizia|Kyrgyz,Kirghiz|Bishkek
LAO|Laos,Lao PDR|Laotian,Lao|Vientiane
LVA|Latvia|Latvian|Riga
LBN|Lebanon|Lebanese|Beirut
LSO|Lesotho|Basotho,Mosotho|Maseru
LBR|Liberia|Liberian|Monrovia
LBY|Libya|Libyan|Tripoli
LIE|Liechtenstein|Liechtensteiner|Vaduz
LTU|Lithuania|Lithuanian|Vilnius
LUX|Luxembourg|Luxembourgish,Luxembourger|
MDG|Madagascar|Malagasy|Antananarivo
MWI|Malawi|Malawian|Lilongwe
MYS|Malaysia|Malaysian|Kuala Lumpur,Putrajaya
MDV|Maldives|Maldivian|Male,Malé
MLI|Mali|Malian|Bamako
MLT|Malta|Maltese|Valletta
MHL|Marshall Islands|Marshallese|Majuro
MRT|Mauritania|Mauritanian|Nouakchott
MUS|Mauritius|Mauritian|Port Louis
MEX|Mexico|Mexican|Mexico City
FSM|Micronesia,Federated States of Micronesia|Micronesian|Palikir
MDA|Moldova|Moldovan|Chisinau,Chișinău
MCO|Monaco|Monegasque|
MNG|Mongolia|Mongolian|Ulaanbaatar,Ulan Bator
MNE|Montenegro|Montenegrin|Podgorica
MAR|Morocco|Moroccan|Rabat
MOZ|Mozambique|Mozambican|Maputo
MMR|Myanmar,Burma|Myanmar,Burmese|Naypyidaw,Naypyitaw,Yangon,Rangoon
NAM|Namibia|Namibian|Windhoek
NRU|Nauru|Nauruan|
NPL|Nepal|Nepali,Nepalese|Kathmandu
NLD|Netherlands,The Netherlands,Holland|Dutch,Dutchman,Dutchwoman|The Hague,Amsterdam
NZL|New Zealand|New Zealander,Kiwi|Wellington
NIC|Nicaragua|Nicaraguan|Managua
NER|Niger|Nigerien|Niamey
NGA|Nigeria|Nigerian|Abuja
MKD|North Macedonia,Macedonia|Macedonian|Skopje
NOR|Norway|Norwegian|Oslo
OMN|Oman|Omani|Muscat
PAK|Pakistan|Pakistani|Islamabad
PLW|Palau|Palauan|Ngerulmud
PSE|Palestine,Palestinian Territories,State of Palestine,Palestinian Authority|Palestinian|Ramallah
PAN|Panama|Panamanian|Panama City
PNG|Papua New Guinea|Papua New Guinean|Port Moresby
PRY|Paraguay|Paraguayan|Asuncion,Asunción
PER|Peru|Peruvian|Lima
PHL|Philippines,The Philippines|Philippine,Filipino,Filipina|Manila
POL|Poland|Polish,Pole|Warsaw
PRT|Portugal|Portuguese|Lisbon
QAT|Qatar|Qatari|Doha
ROU|Romania|Romanian|Bucharest
RUS|Russia,Russian Federation|Russian|Moscow
RWA|Rwanda|Rwandan|Kigali
KNA|Saint Kitts and Nevis,St Kitts and Nevis|Kittitian|Basseterre
LCA|Saint Lucia,St Lucia|Saint Lucian|Castries
VCT|Saint Vincent and the Grenadines,St Vincent|Vincentian|Kingstown
WSM|Samoa|Samoan|Apia
SMR|San Marino|Sammarinese|
STP|Sao Tome and Principe,São Tomé and Príncipe|Santomean|
SAU|Saudi Arabia|Saudi,Saudi Arabian|Riyadh
SEN|Senegal|Senegalese|Dakar
SRB|Serbia|Serbian,Serb|Belgrade
SYC|Seychelles|Seychellois|
SLE|Sierra Leone|Sierra Leonean|Freetown
SGP|Singapore|Singaporean|
SVK|Slovakia,Slovak Republic|Slovak,Slovakian|Bratislava
SVN|Slovenia|Slovenian,Slovene|Ljubljana
SLB|Solomon Islands|Solomon Islander|Honiara
SOM|Somalia|Somali|Mogadishu
ZAF|South Africa|South African|Pretoria,Cape Town
SSD|South Sudan|South Sudanese|Juba
ESP|Spain|Spanish,Spaniard|Madrid
LKA|Sri Lanka|Sri Lankan|Colombo
SDN|Sudan|Sudanese|Khartoum
SUR|Suriname,Surinam|Surinamese|Paramaribo
SWE|Sweden|Swedish,Swede|Stockholm
CHE|Switzerland|Swiss|Bern,Berne
SYR|Syria,Syrian Arab Republic|Syrian|Damascus
TWN|Taiwan,Republic of China|Taiwanese|Taipei
TJK|Tajikistan|Tajik,Tajikistani|Dushanbe
TZA|Tanzania|Tanzanian|Dodoma,Dar es Salaam
THA|Thailand|Thai|Bangkok
TLS|East Timor,Timor-Leste|Timorese,East Timorese|Dili
TGO|Togo|Togolese|Lome,Lomé
TON|Tonga|Tongan|Nuku'alofa
TTO|Trinidad and Tobago,Trinidad|Trinidadian,Tobagonian|Port of Spain
TUN|Tunisia|Tunisian|Tunis
TUR|Turkey,Türkiye,Turkiye|Turkish,Turk|Ankara
TKM|Turkmenistan|Turkmen|Ashgabat
TUV|Tuvalu|Tuvaluan|Funafuti
UGA|Uganda|Ugandan|Kampala
UKR|Ukraine,the Ukraine|Ukrainian|Kyiv,Kiev
ARE|United Arab Emirates,UAE,U.A.E.,Emirates|Emirati|Abu Dhabi
GBR|Britain,United Kingdom,UK,U.K.,Great Britain,England,Scotland,Wales,Northern Ireland|British,Briton,English,Englishman,Scottish,Scot,Welsh|London
USA|United States,US,U.S.,USA,U.S.A.,America,United States of America|American,U.S.|Washington,Washington DC,Washington D.C.
URY|Uruguay|Uruguayan|Montevideo
UZB|Uzbekistan|Uzbek|Tashkent
VUT|Vanuatu|Ni-Vanuatu|Port Vila
VEN|Venezuela|Venezuelan|Caracas
VNM|Vietnam,Viet Nam|Vietnamese|Hanoi
YEM|Yemen|Yemeni|Sanaa,Sana'a
ZMB|Zambia|Zambian|Lusaka
ZWE|Zimbabwe|Zimbabwean|Harare
ABW|Aruba|Aruban|
AIA|Anguilla|Anguillan|
ALA|Aland Islands,Åland|Alandic|
ASM|American Samoa|American Samoan|
ATA|Antarctica|Antarctic|
ATF|French Southern Territories||
BES|Bonaire|Bonairean|
BLM|Saint Barthelemy,St Barts|Barthelemois|
BMU|Bermuda|Bermudian|
BVT|Bouvet Island||
CCK|Cocos Islands|Cocos Islander|
COK|Cook Islands|Cook Islander|
CUW|Curacao,Curaçao|Curacaoan|
CXR|Christmas Island|Christmas Islander|
CYM|Cayman Islands|Caymanian|
ESH|Western Sahara|Sahrawi,Sahrawian|Laayoune
FLK|Falkland Islands,Falklands,Malvinas|Falkland Islander|
FRO|Faroe Islands,Faroes|Faroese|
GGY|Guernsey||
GIB|Gibraltar|Gibraltarian|
GLP|Guadeloupe|Guadeloupean|
GRL|Greenland|Greenlandic,Greenlander|Nuuk
GUF|French Guiana|French Guianese|
GUM|Guam|Guamanian,Chamorro|
HKG|Hong Kong|Hong Konger,Hongkonger|
HMD|Heard Island and McDonald Islands||
IMN|Isle of Man|Manx|
IOT|British Indian Ocean Territory,Chagos Islands|Chagossian|
JEY|Jersey||
MAC|Macau,Macao|Macanese|
MAF|Saint Martin||
MNP|Northern Mariana Islands|Northern Marianan|
MSR|Montserrat|Montserratian|
MTQ|Martinique|Martiniquais|
MYT|Mayotte|Mahoran|
NCL|New Caledonia|New Caledonian|Noumea,Nouméa
NFK|Norfolk Island||
NIU|Niue|Niuean|
PCN|Pitcairn Islands|Pitcairn Islander|
PRI|Puerto Rico|Puerto Rican|San Juan
PYF|French Polynesia|French Polynesian,Tahitian|Papeete
REU|Reunion,Réunion|Reunionese|
SGS|South Georgia and the South Sandwich Islands||
SHN|Saint Helena|Saint Helenian|
SJM|Svalbard|Svalbard|
SPM|Saint Pierre and Miquelon||
SXM|Sint Maarten||
TCA|Turks and Caicos Islands,Turks and Caicos||
TKL|Tokelau|Tokelauan|
UMI|United States Minor Outlying Islands||
VGB|British Virgin Islands||
VIR|US Virgin Islands,U.S. Virgin Islands||
WLF|Wallis and Futuna|Wallisian|
"""

# Demonym table entries that must not be used as demonyms in running text
# (placeholders written "X-Y" to keep a table slot, or too ambiguous).
_SKIP_DEMONYMS = {"Dominican-Dominica", "Congolese-Brazzaville", "Svalbard", "Vatican", "English", "Scottish",
                  "Welsh", "Scot", "Chamorro", "Kiwi", "Lao", "Myanmar", "U.S."}
# Words that are country adjectives but not nouns for people ("the Chinese" still works: no plural).
_NO_PLURAL_ENDINGS = ("ese", "ish", "ss", "ench", "tch", "ic", "ois", "ais", "x", "Myanmar", "Vatican")

# name | aliases | country | role ("kind" of body it stands for)
METONYMS = """
Kremlin|the Kremlin|RUS|presidency
White House|the White House|USA|presidency
Elysee|Élysée,Elysée,Elysee Palace,Élysée Palace,Elysée Palace|FRA|presidency
Matignon|Hotel Matignon,Hôtel Matignon|FRA|government
Quai d'Orsay|the Quai d'Orsay|FRA|foreign ministry
Downing Street|Number 10,No 10,No. 10,Number Ten|GBR|government
Whitehall||GBR|government
Foggy Bottom||USA|foreign ministry
State Department|US State Department,U.S. State Department|USA|foreign ministry
Pentagon|the Pentagon|USA|defense ministry
Capitol Hill||USA|legislature
Zhongnanhai||CHN|government
Blue House|the Blue House,Cheong Wa Dae|KOR|presidency
Yongsan||KOR|presidency
Smolenskaya Square|Smolensk Square|RUS|foreign ministry
Lubyanka||RUS|security service
Bankova|Bankova Street|UKR|presidency
Moncloa|the Moncloa,La Moncloa,Moncloa Palace|ESP|government
Zarzuela|Zarzuela Palace|ESP|monarchy
Quirinale|Quirinal,Quirinal Palace|ITA|presidency
Palazzo Chigi||ITA|government
Farnesina||ITA|foreign ministry
Planalto|Planalto Palace|BRA|presidency
Itamaraty||BRA|foreign ministry
Casa Rosada||ARG|presidency
Los Pinos||MEX|presidency
Miraflores|Miraflores Palace|VEN|presidency
Rashtrapati Bhavan||IND|presidency
South Block||IND|foreign ministry
Raisina Hill||IND|government
Kasumigaseki||JPN|government
Nagatacho|Nagata-cho|JPN|government
Aso Rock|Aso Villa|NGA|presidency
Union Buildings||ZAF|government
Malacanang|Malacañang,Malacanang Palace,Malacañang Palace|PHL|presidency
Hofburg||AUT|presidency
Ballhausplatz||AUT|government
Binnenhof||NLD|government
Chancellery|the Chancellery,Bundeskanzleramt,Kanzleramt|DEU|government
Bellevue Palace|Schloss Bellevue|DEU|presidency
Rideau Hall||CAN|presidency
Parliament Hill||CAN|legislature
Bundestag||DEU|legislature
Knesset||ISR|legislature
State Duma|Duma|RUS|legislature
Westminster||GBR|legislature
Beştepe|Bestepe|TUR|presidency
Cankaya|Çankaya|TUR|presidency
Ak Saray||TUR|presidency
Rue de la Loi||BEL|government
Berlaymont||EU|commission
"""

# code | name | aliases (acronyms, variants) | cameo code?
ORGANIZATIONS = """
UNO|United Nations|UN,U.N.,the United Nations,the UN,the U.N.,UNO|1
UNSC|UN Security Council|Security Council,U.N. Security Council,United Nations Security Council,UNSC|0
UNGA|UN General Assembly|General Assembly,U.N. General Assembly,United Nations General Assembly|0
EEC|European Union|EU,E.U.,the European Union,the EU|1
EUC|European Commission|the European Commission,EU Commission|0
EUP|European Parliament|the European Parliament|0
ECO|European Council|the European Council|0
NAT|NATO|North Atlantic Treaty Organization,North Atlantic Alliance,Nato,N.A.T.O.|1
AFU|African Union|AU,the African Union|1
ASN|ASEAN|Association of Southeast Asian Nations,Asean|1
OPC|OPEC|Organization of the Petroleum Exporting Countries,Opec,OPEC+|1
WHO|World Health Organization|WHO,World Health Organisation|1
IMF|International Monetary Fund|IMF|1
WBK|World Bank|the World Bank|1
OSC|OSCE|Organization for Security and Co-operation in Europe,Organization for Security and Cooperation in Europe|1
G7|G7|G-7,Group of Seven|0
G8|G8|G-8,Group of Eight|0
G20|G20|G-20,Group of 20,Group of Twenty|0
OAS|Organization of American States|OAS|1
ARL|Arab League|League of Arab States,the Arab League|1
ICC|International Criminal Court|ICC|1
ICJ|International Court of Justice|ICJ,World Court|1
IAE|International Atomic Energy Agency|IAEA|1
WTO|World Trade Organization|WTO,World Trade Organisation|1
BRICS|BRICS|Brics|0
SCO|Shanghai Cooperation Organisation|Shanghai Cooperation Organization,SCO|0
CIS|Commonwealth of Independent States|CIS|1
CWN|Commonwealth of Nations|the Commonwealth|1
GCC|Gulf Cooperation Council|GCC|1
OIC|Organisation of Islamic Cooperation|Organization of Islamic Cooperation,OIC|1
ECOWAS|ECOWAS|Economic Community of West African States,Ecowas|0
SADC|Southern African Development Community|SADC|0
CSTO|Collective Security Treaty Organization|CSTO|0
EAEU|Eurasian Economic Union|EAEU|0
COE|Council of Europe|the Council of Europe|0
OECD|OECD|Organisation for Economic Co-operation and Development,Organization for Economic Cooperation and Development|0
APEC|APEC|Asia-Pacific Economic Cooperation|0
MERCOSUR|Mercosur|MERCOSUR|0
UNHCR|UNHCR|UN refugee agency,U.N. refugee agency,United Nations High Commissioner for Refugees|0
UNICEF|UNICEF|Unicef|0
UNESCO|UNESCO|Unesco|0
WFP|World Food Programme|WFP,World Food Program|0
IRC|International Committee of the Red Cross|ICRC,Red Cross|1
INTERPOL|Interpol|INTERPOL|0
ECB|European Central Bank|ECB|0
OPCW|Organisation for the Prohibition of Chemical Weapons|OPCW,Organization for the Prohibition of Chemical Weapons|0
IGAD|IGAD|Intergovernmental Authority on Development|0
"""

# role | gender (m/f/-) | variants | leader? (heads of state/government/bodies)
ROLES = """
president|-|president,President,presidents|1
president-elect|-|president-elect|1
vice president|-|vice president,vice-president,Vice President,Vice-President,VP|0
prime minister|-|prime minister,Prime Minister,premier,Premier,PM|1
deputy prime minister|-|deputy prime minister,Deputy Prime Minister,vice premier,Vice Premier|0
chancellor|-|chancellor,Chancellor|1
foreign minister|-|foreign minister,Foreign Minister,minister of foreign affairs,Minister of Foreign Affairs,foreign affairs minister,external affairs minister,top diplomat|0
foreign secretary|-|foreign secretary,Foreign Secretary|0
secretary of state|-|secretary of state,Secretary of State|0
defense minister|-|defense minister,defence minister,Defense Minister,Defence Minister,minister of defense,minister of defence,Minister of Defense,Minister of Defence|0
defense secretary|-|defense secretary,defence secretary,Defense Secretary,Defence Secretary|0
interior minister|-|interior minister,Interior Minister,minister of the interior,Minister of the Interior,home secretary,Home Secretary|0
finance minister|-|finance minister,Finance Minister,minister of finance,Minister of Finance,treasury secretary,Treasury Secretary,chancellor of the exchequer|0
justice minister|-|justice minister,Justice Minister,minister of justice|0
trade minister|-|trade minister,Trade Minister,minister of trade|0
economy minister|-|economy minister,Economy Minister,minister of economy,minister of the economy|0
energy minister|-|energy minister,Energy Minister,minister of energy|0
health minister|-|health minister,Health Minister,minister of health|0
minister|-|minister,Minister,ministers|0
secretary-general|-|secretary-general,Secretary-General,secretary general,Secretary General|1
secretary|-|secretary,Secretary|0
ambassador|-|ambassador,Ambassador,ambassadors|0
envoy|-|envoy,Envoy,special envoy,Special Envoy,special representative|0
diplomat|-|diplomat,diplomats,top diplomat|0
spokesman|m|spokesman,Spokesman|0
spokeswoman|f|spokeswoman,Spokeswoman|0
spokesperson|-|spokesperson,Spokesperson,press secretary,Press Secretary|0
king|m|king,King|1
queen|f|queen,Queen|1
prince|m|prince,Prince|0
princess|f|princess,Princess|0
crown prince|m|crown prince,Crown Prince|1
emir|m|emir,Emir,amir|1
sheikh|m|sheikh,Sheikh|0
sultan|m|sultan,Sultan|1
supreme leader|-|supreme leader,Supreme Leader|1
leader|-|leader,Leader,leaders|1
head of state|-|head of state|1
head of government|-|head of government|1
senator|-|senator,Senator,Sen.|0
congressman|m|congressman,Congressman,Rep.|0
congresswoman|f|congresswoman,Congresswoman|0
lawmaker|-|lawmaker,legislator,MP,deputy,parliamentarian,member of parliament|0
speaker|-|speaker of parliament,Speaker of Parliament,Speaker|0
governor|-|governor,Governor,Gov.|0
mayor|-|mayor,Mayor|0
general|-|general,General,Gen.,Lt. Gen.,Maj. Gen.,Lieutenant General,Major General,Brig. Gen.|0
admiral|-|admiral,Admiral,Adm.|0
colonel|-|colonel,Colonel,Col.|0
commander|-|commander,Commander,commander-in-chief,army chief,chief of staff,Chief of Staff|0
adviser|-|adviser,advisor,Adviser,Advisor,national security adviser,National Security Adviser|0
negotiator|-|negotiator,chief negotiator|0
official|-|official,officials,senior official|0
director|-|director,Director|0
chairman|m|chairman,Chairman|1
chairwoman|f|chairwoman,Chairwoman|1
chair|-|chair,chairperson|1
head|-|head,chief|1
judge|-|judge,Judge,justice|0
prosecutor|-|prosecutor,Prosecutor,prosecutor general|0
pope|m|pope,Pope|1
ayatollah|m|ayatollah,Ayatollah|1
first lady|f|first lady,First Lady|0
candidate|-|candidate,presidential candidate|0
opposition leader|-|opposition leader|1
counterpart|-|counterpart,counterparts|0
"""

# abbreviations and honorifics that precede a name: title | gender | role (or empty)
TITLES = """
Mr|m|
Mr.|m|
Mrs|f|
Mrs.|f|
Ms|f|
Ms.|f|
Miss|f|
Dr|-|
Dr.|-|
Sir|m|
Dame|f|
Lord|m|
Lady|f|
Madame|f|
Monsieur|m|
President|-|president
Prime|-|
Chancellor|-|chancellor
Minister|-|minister
Ambassador|-|ambassador
Senator|-|senator
Sen.|-|senator
Rep.|-|congressman
Gov.|-|governor
Gen.|-|general
Adm.|-|admiral
Col.|-|colonel
Lt.|-|
Maj.|-|
Capt.|-|
Sgt.|-|
King|m|king
Queen|f|queen
Prince|m|prince
Princess|f|princess
Emir|m|emir
Sheikh|m|sheikh
Sultan|m|sultan
Pope|m|pope
Ayatollah|m|ayatollah
Judge|-|judge
Justice|-|judge
Mayor|-|mayor
Governor|-|governor
General|-|general
Admiral|-|admiral
Colonel|-|colonel
Secretary|-|secretary
Spokesman|m|spokesman
Spokeswoman|f|spokeswoman
Envoy|-|envoy
"""

# word | role | kind
ORG_TYPES = """
government|government|organization
administration|government|organization
cabinet|government|organization
ministry|ministry|organization
foreign ministry|foreign ministry|organization
foreign office|foreign ministry|organization
defense ministry|defense ministry|organization
defence ministry|defense ministry|organization
interior ministry|interior ministry|organization
finance ministry|finance ministry|organization
embassy|embassy|organization
parliament|legislature|organization
congress|legislature|organization
senate|legislature|organization
legislature|legislature|organization
army|military|organization
military|military|organization
armed forces|military|organization
forces|military|organization
troops|military|organization
navy|military|organization
air force|military|organization
police|police|organization
border guards|police|organization
security forces|police|organization
intelligence|intelligence|organization
intelligence services|intelligence|organization
security services|intelligence|organization
central bank|central bank|organization
court|judiciary|organization
supreme court|judiciary|organization
judiciary|judiciary|organization
opposition|opposition|group
rebels|rebels|group
insurgents|rebels|group
militants|rebels|group
separatists|separatists|group
militia|militia|group
militias|militia|group
protesters|protesters|group
protestors|protesters|group
demonstrators|protesters|group
party|party|organization
delegation|delegation|organization
authorities|government|organization
officials|officials|organization
media|media|organization
state media|media|organization
"""


def _rows(block: str) -> list[list[str]]:
    return [line.split("|") for line in block.strip().splitlines() if line.strip()]


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split(",") if c.strip()]


def _variants(name: str) -> list[str]:
    """Accent-free and curly-apostrophe spellings of one surface form."""
    out = [name]
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    for form in (plain, name.replace("'", "\u2019"), plain.replace("'", "\u2019")):
        if form not in out:
            out.append(form)
    return out


def _plural(demonym: str) -> str | None:
    if demonym.endswith(_NO_PLURAL_ENDINGS):
        return None
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    if demonym.endswith("woman"):
        return demonym[:-5] + "women"
    return demonym + "s"


def build() -> dict[str, Any]:
    """Assemble the world resource as plain data."""
    countries: dict[str, dict[str, Any]] = {}
    table = {row[0]: row for row in _rows(COUNTRY_TABLE)}
    iso = {c.alpha_3: c for c in pycountry.countries}
    unknown = set(table) - set(iso) - {"XKX"}
    if unknown:
        raise SystemExit(f"not ISO 3166 alpha-3: {sorted(unknown)}")
    missing = set(iso) - set(table)
    if missing:
        raise SystemExit(f"no table row for: {sorted(missing)}")
    for code in sorted(table):
        _, alts, dems, caps = (table[code] + ["", "", ""])[:4]
        rec = iso.get(code)
        names = _split(alts)
        if rec is not None:
            for attr in ("common_name", "name", "official_name"):
                value = getattr(rec, attr, None)
                if value and "," not in value and value not in names:
                    names.append(value)
        demonyms = [d for d in _split(dems) if d not in _SKIP_DEMONYMS]
        plurals = [p for d in demonyms if (p := _plural(d))]
        countries[code] = {
            "name": names[0],
            "alpha2": rec.alpha_2 if rec is not None else "XK",
            "names": list(dict.fromkeys(v for n in names for v in _variants(n))),
            "demonyms": [v for d in demonyms for v in _variants(d)],
            "plurals": plurals,
            "capitals": [v for c in _split(caps) for v in _variants(c)],
        }
    metonyms = []
    for name, aliases, country, role in _rows(METONYMS):
        forms = [name] + [a for a in _split(aliases) if not a.startswith("the ")]
        metonyms.append({"name": name, "names": sorted({v for f in forms for v in _variants(f)}),
                         "country": country, "role": role})
    organizations = []
    for code, name, aliases, cameo in _rows(ORGANIZATIONS):
        forms = [name] + [a for a in _split(aliases) if not a.startswith("the ")]
        organizations.append({"code": code, "name": name, "kind": "organization", "cameo": cameo == "1",
                              "names": sorted({v for f in forms for v in _variants(f)})})
    roles = [{"role": r, "gender": None if g == "-" else g, "forms": _split(v), "leader": lead == "1"}
             for r, g, v, lead in _rows(ROLES)]
    titles = [{"title": t, "gender": None if g == "-" else g, "role": r or None} for t, g, r in _rows(TITLES)]
    org_types = [{"word": w, "role": r, "kind": k} for w, r, k in _rows(ORG_TYPES)]
    return {
        "source": "pycountry (ISO 3166-1) + hand tables in build_world.py",
        "countries": countries,
        "metonyms": metonyms,
        "organizations": organizations,
        "roles": roles,
        "titles": titles,
        "org_types": org_types,
    }


def main() -> None:
    out = Path(__file__).with_name("world.json")
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
