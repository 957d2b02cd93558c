"""General word lists the engine reads: honorifics, titles, speech verbs, places, first names.

Kept as frozensets of folded (lower-case, accent-free) words so a lookup is one hash and the
module imports in about a millisecond. Nothing here is specific to any one article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# Honorifics: (folded word without period) -> gender ('m', 'f' or '').
HONORIFICS: dict[str, str] = {
    "mr": "m", "mister": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "", "dr": "", "prof": "",
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "rev": "", "fr": "m", "sr": "",
    "sen": "", "rep": "", "gov": "", "lt": "", "gen": "", "col": "", "capt": "", "sgt": "",
    "maj": "", "adm": "", "cmdr": "", "supt": "", "insp": "", "det": "", "cllr": "", "hon": "",
    "pres": "", "atty": "", "mme": "f", "mlle": "f", "herr": "m", "frau": "f", "sra": "f",
    "senor": "m", "senora": "f", "sheikh": "m", "rabbi": "", "imam": "m", "cpl": "", "pvt": "",
    "brig": "", "cdr": "", "ald": "", "msgr": "m", "sister": "f", "brother": "m", "father": "m",
}
# Honorifics that are usually written with a period ("Mr.", "Gov."); the bare word is a name.
HONORIFICS_NEED_PERIOD = _words("fr sr gen col det rep sen gov lt maj adm pres hon insp brig cdr ald atty cpl pvt")
MALE_HONORIFICS = frozenset(k for k, v in HONORIFICS.items() if v == "m")
FEMALE_HONORIFICS = frozenset(k for k, v in HONORIFICS.items() if v == "f")

# Words that make a role when they come before a name ("Secretary", "Prime Minister", "Gov.").
TITLE_WORDS = _words("""
president vice secretary minister senator governor mayor chancellor ambassador representative
congressman congresswoman congressmember speaker premier king queen prince princess emperor
empress pope cardinal archbishop bishop pastor reverend rabbi imam sheikh ayatollah general
admiral colonel major captain lieutenant sergeant corporal commander commissioner superintendent
inspector detective officer sheriff marshal judge justice attorney prosecutor chief director
chairman chairwoman chair chairperson ceo executive founder coach manager professor doctor
dr gov sen rep lt gen col capt sgt maj adm cmdr supt insp det cllr councillor councilman
councilwoman councilmember alderman assemblyman assemblywoman assemblymember delegate deputy
undersecretary envoy consul spokesman spokeswoman spokesperson leader mp mep lawmaker trustee
chancellor provost dean principal rector sultan emir crown duke duchess baron baroness
lord lady dame sir president-elect governor-elect mayor-elect nominee candidate commandant
comptroller controller treasurer auditor registrar clerk magistrate constable ombudsman
pres atty brig cdr surgeon secretary-general
""")
# Words that may stand inside a capitalised role before a name ("Homeland Security Secretary").
ROLE_MODIFIERS = _words("""
of the for and state foreign home interior defense defence justice health finance treasury
homeland security economy economic trade commerce labor labour energy education agriculture
transport transportation environment culture housing immigration development affairs external
internal national federal general attorney prime first deputy vice assistant acting former
chief executive operating financial technology information police fire army navy air force
marine marines intelligence senior junior supreme district county city municipal regional
provincial supervisory principal associate managing special lead head grand high royal
majority minority house senate party opposition shadow council cabinet public works science
human rights services veterans resources land water mines oil sport sports tourism planning
communications digital war peace
""")

# Lower-case role nouns that make an apposition a person's role (", a spokesman for ...").
ROLE_NOUNS = _words("""
spokesman spokeswoman spokesperson director president secretary minister official officer
professor analyst researcher economist expert lawyer attorney adviser advisor aide chief head
leader chairman chairwoman chair founder executive ceo manager editor reporter correspondent
senator governor mayor representative lawmaker legislator congressman congresswoman ambassador
diplomat commissioner commander general colonel captain sergeant lieutenant soldier judge
justice prosecutor sheriff candidate strategist consultant activist organizer organiser
student teacher doctor nurse physician scientist historian author writer journalist resident
owner partner member fellow scholar coordinator administrator superintendent inspector
detective investigator pastor priest bishop rabbi imam father mother son daughter husband
wife brother sister widow niece nephew uncle aunt cousin friend neighbor neighbour colleague
worker farmer driver victim survivor witness mp mep councillor chancellor premier deputy
negotiator envoy trustee principal dean coach player striker midfielder defender goalkeeper
captain manager vice-president vice-chairman secretary-general undersecretary pollster
campaigner protester protestor veteran employee engineer designer architect artist singer
actor actress musician producer presenter host commentator banker investor entrepreneur
specialist consultant developer founder co-founder cofounder chemist biologist physicist
epidemiologist psychologist psychiatrist surgeon pilot officer-in-charge lecturer analyst
grandmother grandfather mom dad parent chieftain spokespeople corporator councilor
boss skipper forward winger coordinator campaigner treasurer secretary-general midwife
paramedic firefighter officer constable ranger
shopkeeper storekeeper shopowner grocer baker butcher publican landlord landlady tenant
pensioner retiree homeowner fisherman fisherwoman fishermen rancher grower winemaker brewer
mechanic electrician plumber carpenter builder contractor cleaner cashier waiter waitress chef
vendor trader merchant shopper commuter passenger motorist cyclist rider courier pupil
headteacher headmaster headmistress caretaker janitor salesman saleswoman pharmacist dentist
veterinarian solicitor barrister lifeguard coxswain helm helmsman volunteer medic carer
caregiver nanny housekeeper gardener realtor broker welder labourer laborer trucker dockworker
shepherd herder hairdresser barber landowner sailor crewman diver climber hiker swimmer athlete
bystander onlooker customer patient mourner spectator supporter voter""")

# Speech verbs, every form -> the cue word recorded (the form as written).
_SPEECH_LEMMAS = """
say says said saying
add adds added adding
tell tells told telling
write writes wrote writing written
ask asks asked asking
argue argues argued arguing
warn warns warned warning
insist insists insisted insisting
explain explains explained explaining
note notes noted noting
recall recalls recalled recalling
continue continues continued continuing
declare declares declared declaring
claim claims claimed claiming
admit admits admitted admitting
acknowledge acknowledges acknowledged acknowledging
announce announces announced announcing
comment comments commented commenting
remark remarks remarked remarking
reply replies replied replying
respond responds responded responding
answer answers answered answering
tweet tweets tweeted tweeting
post posts posted posting
suggest suggests suggested suggesting
predict predicts predicted predicting
concede concedes conceded conceding
confirm confirms confirmed confirming
deny denies denied denying
describe describes described describing
call calls called calling
urge urges urged urging
caution cautions cautioned cautioning
complain complains complained complaining
boast boasts boasted boasting
joke jokes joked joking
laugh laughs laughed laughing
shout shouts shouted shouting
scream screams screamed screaming
yell yells yelled yelling
whisper whispers whispered whispering
muse muses mused musing
observe observes observed observing
vow vows vowed vowing
pledge pledges pledged pledging
promise promises promised promising
testify testifies testified testifying
protest protests protested protesting
plead pleads pleaded pled pleading
exclaim exclaims exclaimed exclaiming
cry cries cried crying
lament laments lamented lamenting
quip quips quipped quipping
recount recounts recounted recounting
emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
stress stresses stressed stressing
assert asserts asserted asserting
maintain maintains maintained maintaining
contend contends contended contending
counter counters countered countering
retort retorts retorted retorting
reflect reflects reflected reflecting
conclude concludes concluded concluding
wonder wonders wondered wondering
mutter mutters muttered muttering
sigh sighs sighed sighing
charge charges charged charging
allege alleges alleged alleging
state states stated stating
report reports reported reporting
reiterate reiterates reiterated reiterating
tout touts touted touting
criticize criticizes criticized criticizing criticise criticises criticised criticising
begin begins began beginning
recalled
agree agrees agreed agreeing
told
predicts
warns
mention mentions mentioned mentioning
repeat repeats repeated repeating
demand demands demanded demanding
inform informs informed informing
announce
proclaim proclaims proclaimed proclaiming
snap snaps snapped snapping
groan groans groaned groaning
chuckle chuckles chuckled chuckling
smile smiles smiled smiling
shrug shrugs shrugged shrugging
shot fired
"""
SPEECH_VERBS = _words(_SPEECH_LEMMAS)
# Verbs that may come before the speaker in an inverted clause ("..., said Mr. Smith").
INVERTED_SPEECH_VERBS = _words("""
said says added adds asked asks wrote writes continued continues explained explains recalled
recalls noted notes insisted insists argued argues warned warns replied replies responded
answered observed declared concluded remarked quipped countered retorted cautioned admitted
acknowledged explained tweeted posted stressed emphasized emphasised told
""")
# Speech verbs weak enough that they need a quote next to them (they have other senses).
WEAK_SPEECH_VERBS = _words("""
call calls called calling post posts posted posting report reports reported reporting state
states stated stating begin begins began beginning maintain maintains maintained maintaining
continue continues continuing counter counters note notes noting charge charges charging
smile smiles smiled smiling shrug shrugs shrugged shrugging laugh laughs laughing agree agrees
agreed agreeing reflect reflects reflecting promise promises promised promising demand demands demanding
shot fired
""")
# Words allowed between a speaker and the speech verb ("Mr. Smith has often said").
AUXILIARIES = _words("""
also has have had often later then once previously recently repeatedly publicly privately
earlier again simply flatly bluntly quietly frequently would will could might may did does do
is was were been be never always already separately just further subsequently then
sometimes reportedly initially originally finally angrily calmly softly loudly firmly
openly immediately emphatically wryly cheerfully tearfully succinctly jokingly
""")
PRONOUNS: dict[str, str] = {"he": "m", "she": "f", "they": "p", "it": "n", "i": "", "we": "p"}

# Organisation head words: a capitalised name containing one is an organisation.
ORG_HEADS = _words("""
department ministry institute university college school academy center centre council
committee commission agency administration authority bureau office board party union
association federation foundation fund bank company corporation corp inc ltd llc plc co
group times press news post journal herald tribune gazette telegraph guardian observer
review magazine network broadcasting television radio channel studios records church
mosque temple synagogue hospital clinic museum library court parliament congress senate
assembly legislature army navy force forces police guard command corps service services
club league team fc society organization organisation alliance coalition front movement
institution laboratory laboratories lab labs systems technologies industries holdings
airlines airways motors energy petroleum oil pharmaceuticals reuters bloomberg cnn bbc
nations cabinet secretariat commissariat tribunal prosecutor's prison airport station
project initiative program programme trust exchange reserve treasury pentagon kremlin
brigade battalion regiment division cartel gang watch international institute's media
district charity trust pt ag sa nv ab asa gmbh spa bhd tbk oyj engineering construction
consulting logistics solutions partners capital ventures diagnostics pharma therapeutics
biosciences biotech foods brands mining minerals metals steel chemicals electronics software
robotics analytics insurance securities investments properties realty hotels resorts
entertainment games telecom telecoms communications aerospace automotive semiconductor
coastguard lifeboat rnli ambulance fire-service constabulary utility utilities water railways
railway rail transit metro ferries shipping authority's regulator ombudsman
""")
# Well-known organisations written without a head word.
ORG_NAMES = _phrases("""
white house | house | senate | congress | pentagon | kremlin | downing street | elysee |
whitehall | nato | un | united nations | european union | eu | world bank | imf | who | fbi |
cia | nsa | dea | epa | fda | cdc | nasa | irs | ice | sec | ftc | fcc | ntsb | faa | doj | dhs |
associated press | ap | reuters | afp | agence france-presse | bloomberg | getty images | getty |
shutterstock | epa-efe | efe | xinhua | tass | ria novosti | al jazeera | cnn | bbc | nbc | abc |
cbs | fox news | msnbc | npr | pbs | politico | axios | the new york times | new york times |
the washington post | washington post | the wall street journal | wall street journal | the
guardian | the times | the telegraph | the economist | financial times | ft | google | apple |
microsoft | amazon | meta | facebook | twitter | x | tiktok | instagram | youtube | openai | tesla |
hamas | hezbollah | taliban | isis | islamic state | al qaeda | al-qaeda | kremlin | interpol |
opec | g7 | g20 | brics | asean | african union | red cross | amnesty international |
human rights watch | greenpeace | scotland yard | met police | nhs | ofcom | ofsted |
bank of england | federal reserve | fed | supreme court |
gop | sinn fein | ukip | snp | dup | sdlp | likud | bundestag | knesset |
duma | politburo | state department | justice department | navy | army | air force | marines |
""")

# Places: countries, US states, world cities, regions (folded). Multi-word entries allowed.
PLACES = _phrases("""
afghanistan | albania | algeria | andorra | angola | argentina | armenia | australia | austria |
azerbaijan | bahamas | bahrain | bangladesh | barbados | belarus | belgium | belize | benin |
bhutan | bolivia | bosnia | bosnia and herzegovina | botswana | brazil | brunei | bulgaria |
burkina faso | burundi | cambodia | cameroon | canada | cape verde | chad | chile | china |
colombia | comoros | congo | costa rica | croatia | cuba | cyprus | czech republic | czechia |
denmark | djibouti | dominica | dominican republic | ecuador | egypt | el salvador | eritrea |
estonia | eswatini | ethiopia | fiji | finland | france | gabon | gambia | georgia | germany |
ghana | greece | grenada | guatemala | guinea | guyana | haiti | honduras | hungary | iceland |
india | indonesia | iran | iraq | ireland | israel | italy | ivory coast | jamaica | japan |
jordan | kazakhstan | kenya | kiribati | kosovo | kuwait | kyrgyzstan | laos | latvia | lebanon |
lesotho | liberia | libya | liechtenstein | lithuania | luxembourg | madagascar | malawi |
malaysia | maldives | mali | malta | mauritania | mauritius | mexico | micronesia | moldova |
monaco | mongolia | montenegro | morocco | mozambique | myanmar | burma | namibia | nauru |
nepal | netherlands | holland | new zealand | nicaragua | niger | nigeria | north korea |
south korea | korea | north macedonia | macedonia | norway | oman | pakistan | palau |
palestine | panama | papua new guinea | paraguay | peru | philippines | poland | portugal |
qatar | romania | russia | rwanda | samoa | san marino | saudi arabia | senegal | serbia |
seychelles | sierra leone | singapore | slovakia | slovenia | somalia | south africa |
south sudan | spain | sri lanka | sudan | suriname | sweden | switzerland | syria | taiwan |
tajikistan | tanzania | thailand | togo | tonga | trinidad | tobago | tunisia | turkey | turkiye |
turkmenistan | tuvalu | uganda | ukraine | united arab emirates | uae | united kingdom | uk |
u.k. | britain | great britain | england | scotland | wales | northern ireland |
united states | u.s. | us | usa | u.s.a. | america | uruguay | uzbekistan | vanuatu |
vatican | venezuela | vietnam | yemen | zambia | zimbabwe | gaza | gaza strip | west bank |
crimea | donbas | donetsk | luhansk | kharkiv | kherson | zaporizhzhia | mariupol | odesa |
odessa | kyiv | kiev | lviv | bakhmut | chechnya | tibet | xinjiang | hong kong | macau |
puerto rico | greenland | kashmir | kurdistan | darfur | sahel | balkans |
alabama | alaska | arizona | arkansas | california | colorado | connecticut | delaware |
florida | hawaii | idaho | illinois | indiana | iowa | kansas | kentucky | louisiana | maine |
maryland | massachusetts | michigan | minnesota | mississippi | missouri | montana | nebraska |
nevada | new hampshire | new jersey | new mexico | new york | north carolina | north dakota |
ohio | oklahoma | oregon | pennsylvania | rhode island | south carolina | south dakota |
tennessee | texas | utah | vermont | virginia | washington | west virginia | wisconsin |
wyoming | district of columbia | d.c. | washington, d.c. |
new york city | los angeles | chicago | houston | phoenix | philadelphia | san antonio |
san diego | dallas | austin | san jose | san francisco | seattle | denver | boston | detroit |
nashville | memphis | portland | las vegas | baltimore | milwaukee | albuquerque | tucson |
fresno | sacramento | atlanta | miami | orlando | tampa | cleveland | cincinnati | pittsburgh |
st. louis | kansas city | minneapolis | new orleans | honolulu | anchorage | salt lake city |
charlotte | raleigh | richmond | norfolk | buffalo | albany | newark | jersey city | brooklyn |
manhattan | queens | the bronx | bronx | staten island | long island | oakland | berkeley |
palo alto | silicon valley | hollywood | arlington | alexandria | annapolis | harrisburg |
columbus | indianapolis | louisville | oklahoma city | omaha | el paso | santa fe | boise |
des moines | little rock | jackson | birmingham | montgomery | savannah | charleston |
tallahassee | jacksonville | key west | uvalde | ferguson | flint | miami beach | laredo |
mcallen | brownsville | tijuana | ciudad juarez | juarez | culiacan | sinaloa | chihuahua |
sonora | jalisco | guadalajara | monterrey | cancun | acapulco | oaxaca | chiapas | tabasco |
veracruz | michoacan | guerrero | tamaulipas | mexico city | havana | bogota | medellin | cali |
caracas | lima | quito | santiago | buenos aires | montevideo | asuncion | la paz | brasilia |
rio de janeiro | sao paulo | panama city | san salvador | tegucigalpa | managua | san jose |
guatemala city | kingston | port-au-prince | santo domingo | ottawa | toronto | montreal |
vancouver | calgary | edmonton | quebec | ontario | british columbia | alberta |
london | manchester | liverpool | leeds | glasgow | edinburgh | cardiff | belfast | dublin |
bristol | sheffield | newcastle | oxford | cambridge | brighton | southampton | nottingham |
leicester | coventry | york | bath | paris | marseille | lyon | nice | toulouse | bordeaux |
berlin | munich | hamburg | frankfurt | cologne | bonn | vienna | zurich | geneva | bern |
brussels | amsterdam | rotterdam | the hague | luxembourg | madrid | barcelona | seville |
valencia | lisbon | porto | rome | milan | naples | venice | florence | turin | athens |
istanbul | ankara | moscow | st. petersburg | saint petersburg | minsk | warsaw | krakow |
prague | budapest | bucharest | sofia | belgrade | zagreb | sarajevo | tirana | skopje |
helsinki | stockholm | oslo | copenhagen | reykjavik | riga | tallinn | vilnius | chisinau |
tbilisi | yerevan | baku | tehran | baghdad | damascus | beirut | amman | jerusalem |
tel aviv | riyadh | jeddah | mecca | doha | dubai | abu dhabi | muscat | sanaa | aden |
cairo | alexandria | tripoli | tunis | algiers | rabat | casablanca | khartoum | addis ababa |
nairobi | mogadishu | kampala | kigali | dar es salaam | lagos | abuja | accra | dakar |
johannesburg | cape town | pretoria | durban | harare | lusaka | luanda | kinshasa | kabul |
kandahar | islamabad | karachi | lahore | new delhi | delhi | mumbai | kolkata | chennai |
bangalore | bengaluru | hyderabad | dhaka | colombo | kathmandu | beijing | shanghai |
shenzhen | guangzhou | wuhan | hong kong | taipei | seoul | pyongyang | tokyo | osaka | kyoto |
hiroshima | manila | jakarta | bali | bangkok | hanoi | ho chi minh city | saigon |
phnom penh | kuala lumpur | yangon | singapore | sydney | melbourne | brisbane | perth |
canberra | auckland | wellington | davos | strasbourg | gdansk | odesa | kherson | sochi |
vladivostok | almaty | tashkent | minsk | rafah | khan younis | gaza city | jenin | ramallah |
hebron | nablus | haifa | golan heights | sinai |
africa | asia | europe | north america | south america | latin america | central america |
middle east | the middle east | far east | southeast asia | east asia | south asia |
central asia | western europe | eastern europe | the west | west | the balkans |
caribbean | the caribbean | scandinavia | arctic | antarctica | antarctic | pacific |
atlantic | indian ocean | mediterranean | black sea | red sea | baltic | the gulf | gulf |
persian gulf | gulf of mexico | western hemisphere | eastern hemisphere | northern hemisphere |
southern hemisphere | midwest | the midwest | the south | new england | appalachia |
rio grande | amazon | himalayas | alps | sahara | south china sea | taiwan strait |
east coast | west coast | gulf coast | sun belt | rust belt | wall street | capitol hill |
""")
# Nationalities and demonyms (group entities when plural or used as nouns).
DEMONYMS = _words("""
american americans mexican mexicans canadian canadians british briton britons english
scottish scots welsh irish french german germans italian italians spanish spaniard spaniards
portuguese russian russians ukrainian ukrainians chinese japanese korean koreans indian
indians pakistani pakistanis afghan afghans iranian iranians iraqi iraqis syrian syrians
israeli israelis palestinian palestinians lebanese egyptian egyptians saudi saudis turkish
turks greek greeks polish poles hungarian hungarians romanian romanians dutch belgian
belgians swiss swedish swedes norwegian norwegians danish danes finnish finns brazilian
brazilians argentine argentines argentinian colombian colombians venezuelan venezuelans
cuban cubans haitian haitians guatemalan guatemalans honduran hondurans salvadoran
salvadorans nicaraguan peruvian peruvians chilean chileans ecuadorian ecuadorians
african africans nigerian nigerians kenyan kenyans ethiopian ethiopians somali somalis
sudanese south-african australian australians european europeans asian asians latino latinos
latina latinas hispanic hispanics arab arabs kurdish kurds jewish jews muslim muslims
christian christians catholic catholics protestant protestants hindu hindus sikh sikhs
taiwanese vietnamese thai filipino filipinos indonesian indonesians malaysian burmese
tibetan uyghur uyghurs uighur uighurs belarusian georgian georgians armenian armenians
azerbaijani chechen chechens serbian serbs croatian croats bosnian bosnians albanian
albanians czech czechs slovak slovaks austrian austrians scandinavian dane swede finn
pole brit scot norwegian icelander dutchman frenchman englishman welshman irishman
kiwi aussie yank
""")
PARTIES = _words("""
republican republicans democrat democrats democratic tory tories conservative conservatives
labour liberal liberals libdems socialist socialists communist communists green greens
""")

# Common English words that start sentences or headlines but are never names by themselves.
COMMON_WORDS = _words("""
a an the this that these those there here it its it's he she they we i you his her their our
my your him them us me who whom whose which what when where why how while after before since
until as at by for from in into of off on onto out over under up with within without about
above across against along among around behind below beneath beside between beyond but and
or nor so yet if then than though although because unless whether both either neither each
every all any some many much more most few less least no not none one two three four five six
seven eight nine ten first second third last next new old other another such same own only
also even just still already again ever never always often sometimes soon later now today
tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec said says say asked told added according
during despite through throughout toward towards upon via per amid amidst near like unlike
meanwhile however moreover furthermore instead otherwise nevertheless indeed perhaps maybe
yes no please thanks thank well oh ok okay sure nearly almost about around roughly some
credit credits photograph photographs illustration getty
local national federal state officials official people pictures picture photo photos image
video watch read share back top continue advertisement supported related more most latest
breaking update updated live opinion analysis editorial comment news report reports story
police security government administration military troops forces soldiers residents voters
politicians critics experts analysts lawmakers leaders members workers students families
children women men many several dozens hundreds thousands millions billions
is are was were be been being has have had do does did will would shall should can could may
might must let lets get got make made take took go went come came see saw know knew think
thought want wanted need needed use used find found give gave keep kept put seem seemed
border borders city country nation world state states region
north south east west northern southern eastern western central
republican democrat democratic
""")

# Common given names (folded) -> gender ('m', 'f', or '' when used for both).
_MALE_NAMES = """
aaron abdul abdullah abraham adam adrian ahmad ahmed aidan alan albert alberto alejandro
alex alexander alexei alexey alfonso alfred ali allen alvaro amir anders andre andreas andres
andrew andrei andrey andy angel angelo anthony antonio antony anton arjun armando arnold
arthur arturo ashok barack barry ben benjamin bernard bernie bill billy bob bobby boris brad
bradley brandon brendan brett brian bruce bruno bryan byron calvin cameron carl carlo carlos
cesar charles charlie chad chris christian christopher chuck clarence claude clayton clifford
clint cody colin conor connor craig curtis cyril dale damian dan daniel danny dario darius
darren dave david dean denis dennis derek diego dimitri dmitry dominic don donald doug douglas
duncan dwight eddie edgar eduardo edward edwin eli elias elijah elliot elon emanuel emiliano
emmanuel enrique eric erik ernest ernesto esteban ethan eugene evan fabio farid federico
felipe felix fernando francis francisco franco frank franklin fred frederick gabriel gareth
gary gavin genaro geoffrey george gerald gerard gerhard giorgio giovanni glenn gordon graham
grant greg gregory guillermo gustavo guy hakeem hamid hans harold harry hassan hector henri
henry herbert hernan hiroshi howard hugh hugo hussein ian ibrahim igor ivan jack jacob jaime
jake james jamie jared jason javier jay jean jeff jeffrey jeremy jerome jerry jesse jesus
jim jimmy joaquin joe joel johan john johnny jon jonathan jordan jorge jose joseph josh
joshua juan julian julio justin kamal karim karl keith ken kenneth kevin khalid kim kirk
klaus kurt kyle lamar lance larry lars lawrence lee leo leon leonard leonardo liam lloyd
logan lorenzo louis luca lucas luis luiz luke manuel marc marco marcos marcus mario mark
marshall martin marvin mason mateo matt matteo matthew maurice max maxim maximilian melvin
merrick michael michel miguel mike mikhail miles mitch mitchell mohamed mohammad mohammed
muhammad mustafa nathan nathaniel neil nelson nicholas nick nicolas nigel noah norman olaf
oleg oliver omar oscar owen pablo patrick paul pedro pete peter phil philip philippe pierre
rafael ralph ramon randy raul ray raymond reed reza ricardo richard rick ricky rishi rob
robert roberto rod rodrigo roger roland roman ron ronald ross roy ruben rudy russell ryan
salvador sam samuel saul scott sean sebastian serge sergei sergey sergio seth shane shawn
sidney simon stan stanley stefan stephen steve steven stuart sunil tariq ted terry thomas
tim timothy tobias todd tom tommy tony travis trevor tyler valentin vicente victor viktor
vince vincent vivek vladimir volodymyr walter warren wayne wesley will william willie
wolfgang xavier yaron yasser yevgeny yosef yuri zachary zach jens jurgen olaf friedrich
emmanuel keir boris rishi narendra xi shinzo fumio recep benjamin naftali yair bashar
abdel mahmoud ismail yahya hamza bilal tariq imran nawaz shehbaz rahul amit raj rajesh
sanjay vijay anil hiroshi takeshi kenji yoshihide hyun jae min-jun luiz jair alvaro gustavo
nayib javier sebastian gabriel cristiano lionel neymar kylian erling luka novak rafael
roger andy jannik carlos dwayne kanye jay-z lebron kobe stephen tiger rory mitt chuck
lindsey ted marco rand mike kevin nancy jd vance kash pete tulsi marco ro ro ritchie
gavin ned neel anand ashraf amr hosni anwar recep viktor petr andrzej mateusz piotr tomasz
krzysztof jaroslaw donald vaclav milos aleksandar aleksandr alexandre nikolai nikolay
anatoly yevgeny dmitri vitali vitaly oleksandr oleksiy andriy mykola serhiy taras denys
rustem kirill ramzan yegor arkady alistair angus hamish callum rhys dylan gethin owain
seamus padraig eamon eoin cian fionn declan ciaran niall darragh micheal leo enda
jean-luc jean-pierre jean-claude francois olivier thierry didier laurent gerard guillaume
matthieu nicolas benoit marcel andre rene yves giuseppe giulio silvio matteo mario sergio
enzo paolo stefano massimo alessandro francesco pietro carles jordi inigo pedro santiago
josep manuel andres emilio ignacio cristobal rodolfo fidel raul hugo evo lula
nicolas rafael gonzalo mauricio sebastian ollanta alan otto hans-peter karl-heinz heinz
helmut gerhard horst dieter jurgen markus christoph florian tobias jonas lukas niklas
ahmet mehmet mustafa ali kemal erdogan reza hassan hossein mahmoud ebrahim javad abbas
mohsen ali-akbar yitzhak shimon ehud ariel moshe avi amos gideon itamar bezalel yoav
"""
_FEMALE_NAMES = """
abby abigail ada adele adriana agnes aisha alejandra alessandra alexa alexandra alexis alice
alicia alison allison alma amanda amber amelia amy ana anastasia andrea angela angelica
angelina anita ann anna anne annette annie antonia april ariana ashley audrey barbara beatriz
becky belinda beth bethany betsy betty beverly bianca brenda bridget brittany brooke camila
candace carla carmen carol carole caroline carolyn casey cassandra catherine cathy cecilia
celia charlotte chelsea cheryl chloe christina christine cindy claire clara claudia colleen
connie courtney cristina crystal cynthia daisy dana danielle daphne darlene dawn debbie
deborah debra denise diana diane dolores donna doris dorothy eileen elaine elena elisa
elizabeth ella ellen eloise elsa emily emma erica erin esther eva evelyn fatima fernanda
fiona florence frances francesca gabriela gabrielle gail gemma georgia gina giorgia gloria
grace gretchen gwen hannah harriet heather heidi helen helena hilary hillary hiroko holly
ida ilana ingrid irene iris isabel isabella isabelle jackie jacqueline jane janet janice
jasmine jean jeanne jenna jennifer jenny jessica jill joan joanna jocelyn josefina josephine
joy joyce juana judith judy julia juliana julie june karen karina kate katherine kathleen
kathryn kathy katie katrina kay kayla kelly kerry kim kimberly kirsten kristen kristin kristina
lara laura lauren laurie leah leila lena leslie lila lillian linda lisa liz liza lois lorena
lori louise lucia lucy luisa lydia lynn madeleine madison maggie maria mariana marie marina
marisol marjorie marta martha mary maureen maxine megan melanie melinda melissa mercedes
meredith mia michele michelle mildred miranda miriam molly monica nadia nancy naomi natalia
natalie natasha nicole nina nora norma olga olivia paige pamela patricia paula pauline
peggy penelope penny phyllis priscilla rachel rebecca regina renee rita roberta robin rosa
rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah sharon sheila shelley
shirley silvia simone sofia sonia sophia sophie stacey stella stephanie susan suzanne sylvia
tamara tanya tara teresa theresa tiffany tina tracy ursula valentina valerie vanessa
veronica vicki victoria violet virginia wanda wendy whitney yolanda yvonne zoe angela
ursula kamala hillary nikki marjorie alexandria ilhan rashida ayanna nancy elise kristi
sarah liz theresa nicola priti suella rachel yvette angela annalena olaf giorgia marine
ségolène segolene christine jacinda sanna mette kaja roberta claudia xochitl rosa icela
sheinbaum dilma cristina michelle michele mette ursula tsai ing-wen yulia oksana olena
iryna svetlana tatiana tatyana yekaterina ekaterina lyudmila galina irina natalya
maryam fatemeh zahra leyla layla noor amira yasmin yasmine rania hoda mona dina
priya anjali sunita indira sonia nirmala smriti mamata aung suu kyi hina benazir
mariam malala greta taylor beyonce rihanna oprah serena venus simone naomi
"""
FIRST_NAMES: dict[str, str] = {}
for _n in _MALE_NAMES.split():
    FIRST_NAMES[_n] = "m"
for _n in _FEMALE_NAMES.split():
    FIRST_NAMES[_n] = "" if FIRST_NAMES.get(_n) == "m" else "f"
for _n in "alex chris sam jordan taylor casey jamie robin kim lee jean dana kerry leslie ashley".split():
    FIRST_NAMES[_n] = ""
# Words on the lists above that are more often something else in news text.
for _n in "will may june april mark bill rose grace joy guy jack frank dean rich hope art".split():
    FIRST_NAMES.pop(_n, None)
FIRST_NAMES_SET = frozenset(FIRST_NAMES)

# Lower-case particles inside names (van, de, bin, al-).
NAME_PARTICLES = _words("de del della der den di da das dos du la le van von bin ibn al el y zu ter ten st ap ab ferch mac")
# Name suffixes kept with the name ("Jr.", "III").
NAME_SUFFIXES = _words("jr sr ii iii iv")

# Credit and contributor markers.
CREDIT_MARKERS = _phrases("credit | credits | photo | photograph | photographs | image | images | picture | pictures | video | illustration | photo illustration")

# Lower-case nouns that, right before a capitalised name, say it is an organisation.
ORG_TYPE_NOUNS = _words("""
charity company firm group agency organisation organization union party club team newspaper
broadcaster network nonprofit non-profit bank startup start-up manufacturer retailer airline
carrier insurer lender chain brand label publisher outlet magazine website app platform
consultancy foundation thinktank think-tank coalition alliance campaign movement association
operator utility developer supplier maker giant conglomerate fund regulator watchdog
""")

# Head words of place names ("Jones Valley Road", "Rue de la Loi", "Charles de Gaulle airport").
PLACE_HEADS = _words("""
road street avenue boulevard lane drive highway motorway freeway bridge square park plaza
airport station harbour harbor port bay beach river lake mountain mountains valley hill hills
island islands county province region district borough township village town city canyon
creek forest desert coast peninsula strait canal stadium arena rue via calle avenida
""")

# Last words that make a capitalised name a place ("Jones Valley Road"), first words likewise.
PLACE_LAST_WORDS = _words("""
road street avenue boulevard lane highway motorway freeway bridge square plaza airport station
harbour harbor beach valley mountains peninsula coast creek canyon strait canal stadium arena
""")
PLACE_FIRST_WORDS = _words("rue via calle avenida piazza lake mount cape isle southeast northeast southwest northwest")

# More given names, from many languages (folded; gender where it is clear).
_MORE_MALE = """
jonas mats nils sven lars olle henrik magnus rasmus soren jorgen kristoffer
pieter jan joost bram sander wouter maarten niels koen ruud arjen dirk henk piet
chinedu obinna ikenna tunde segun femi kunle bayo kwame kofi kojo yaw kwabena
ama nana themba sipho thabo bongani lwazi mandla jabulani tendai tafadzwa farai blessing
rohit rakesh suresh ramesh mahesh ganesh prakash deepak manoj sandeep sachin
arvind ajay vijay sunil anil aamir imtiaz zubair junaid usman asif faisal kamran
tariq zahid shahid naveed waqar bilal hamed khalid saeed sultan nasser fahad majid
omar yousef youssef mahmud hasan huseyin emre burak mert cem can baris onur serkan volkan
thiago tiago rodrigo gabriel lucas matheus felipe caio bruno diogo andre joaquim
luigi gianni franco aldo enrico fabio marco paolo davide simone riccardo
pavel petr jiri martin lukas jakub ondrej vaclav milan zoran goran dragan ivo ante
bogdan mircea ionut adrian florin stefan gheorghe nikos giorgos yannis kostas dimitris
takumi haruto hiroto yuto sota kenta daiki ryota shota kazuki wei jun hao ming lei jian
minh duc tuan hung thanh dong-hyun ji-hoon min-ho seung sung-min jae-sung young-soo
dwayne tyrone darnell jamal malik deshawn terrell marquis andre rashad cedric reggie
cole brody colt wyatt hunter tanner dalton garrett bryce chase blake
ed hank walt
"""
_MORE_FEMALE = """
hannah ingrid astrid sigrid karin kerstin birgit britt annika malin freya frida
liv saga ebba elin signe maja marit anneke femke sanne lotte marloes
ngozi chioma adaeze amaka nneka funmi yetunde folake abena akosua efua adwoa thandiwe
nomvula zanele lindiwe precious nokuthula chipo rudo tsitsi
ananya kavya pooja neha shreya divya lakshmi meera radha sita gita kamala kalpana
swati rekha usha asha nisha ritu payal sapna farida nasreen shabana ayesha sana
zainab khadija amina halima mariam samira yasmin salma dalia nour rana lina hala
elif ayse zeynep fatma emine hatice merve busra esra ozlem
joana ines beatriz mariana leticia larissa juliana fernanda renata vanessa thais
chiara giulia federica martina alessia sara elisa silvia valentina francesca
petra jana eva lenka katerina zuzana marketa veronika monika lucie tereza
yuki yuka aiko akiko emi haruka sakura yui hina mei xiu ling li na hui yan
ji-yeon min-ji seo-yeon eun-ji soo-jin mi-kyung
tanisha latoya shanice imani aaliyah jasmine ebony brittany ashlyn
sian cerys bethan ffion nia eleri catrin
margaret tammy marilyn bonnie gladys edna edith sherry thelma ethel carrie juanita rhonda
lucille joanne eleanor bertha geraldine joann lorraine beatrice bernice stacy vivian loretta
jeanette sue elsie agnes mabel myrtle muriel winifred doreen maureen noreen eileen siobhan
aoife niamh roisin saoirse ciara orla sinead grainne mairead brigid ingrid astrid sigrid
meg jen deb patty trish
"""
for _n in _MORE_MALE.split():
    FIRST_NAMES.setdefault(_n, "m")
for _n in _MORE_FEMALE.split():
    FIRST_NAMES[_n] = "" if FIRST_NAMES.get(_n) == "m" else "f"
FIRST_NAMES_SET = frozenset(FIRST_NAMES)
