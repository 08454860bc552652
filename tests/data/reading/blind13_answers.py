"""The blind13 split: 8 answers written and labelled after the last fixes (the rules as committed at
the end of the round), before the reader ran on them (see docx_answers.py for the form)."""

from blind8_answers import K, S, T, every

RADDNING = "sou-2026-70-raddningstjanst.json"
APOTEK = "ds-2026-30-apotek.json"
VATTENSKOTER = "ds-2026-14-vattenskoter.json"
KAMERA = "sou-2026-11-kamera.json"
SKOLSKJUTS = "sou-2026-25-skolskjuts.json"
TILLIT = "sou-2018-47.json"
DISKRIMINERING = "sou-2016-87.json"

R = ["6.1 (1)", "6.2 (1)", "7.1 (1)", "7.2 (1)", "8.1 (1)", "9.1 (1)"]
A = ["4.1 (1)", "4.2 (1)", "5.1 (1)", "5.2 (1)", "6.1 (1)", "7.1 (1)"]

ANSWERS = {}

ANSWERS["forsvarsmakten-raddning"] = (
    RADDNING,
    """
H: FÖRSVARSMAKTEN    Högkvarteret    REMISSVAR    2027-05-28    FM2027-11223:2
Försvarsdepartementet
Yttrande över betänkandet En starkare räddningstjänst (SOU 2026:70)
Försvarsmakten har tagit del av rubricerat betänkande och har följande synpunkter.
Försvarsmakten ser positivt på att räddningstjänstens ledningsförmåga stärks, både nationellt och regionalt. En stärkt ledningsförmåga är en förutsättning för att räddningstjänsten ska kunna verka även under höjd beredskap.
Försvarsmakten har inga invändningar mot förslaget om arbetsgivares skyldighet att låta deltidsbrandmän lämna arbetet vid larm, men vill påpeka att skyldigheten inte bör gälla Försvarsmaktens anställda under höjd beredskap.
Försvarsmakten har i övrigt inga synpunkter på betänkandet.
Detta yttrande har beslutats av chefen för ledningsstaben. I den slutliga handläggningen har även chefen för juridiska staben deltagit.
""",
    every(R, "no_view", **{"6.1 (1)": "supports", "6.2 (1)": "supports", "7.1 (1)": "partly"}),
    {"En stärkt ledningsförmåga är en förutsättning": "general_views"},
)

ANSWERS["hjo-kommun-apotek"] = (
    APOTEK,
    """
Hjo kommun
Kommunstyrelsen
Yttrande 2027-04-25
Dnr KS 2027/55
Remissvar – Bättre tillgång till läkemedel i hela landet (Ds 2026:30)
Hjo kommun välkomnar förslagen i promemorian och tillstyrker dem i sin helhet.
Sedan det sista apoteket i tätorten stängde 2024 har invånarna fått åka till Skövde för att hämta ut läkemedel. Ett apoteksombud med möjlighet till utlämning av receptbelagda läkemedel skulle göra stor skillnad för framför allt äldre invånare.
För kommunstyrelsen
Catharina Fredriksson, ordförande
""",
    every(A, "supports"),
    {"Sedan det sista apoteket i tätorten stängde": "general_views"},
)

ANSWERS["transportforetagen-skolskjuts"] = (
    SKOLSKJUTS,
    """
Transportföretagen
Utbildningsdepartementet
Stockholm 2027-03-01
Remissvar avseende SOU 2026:25 Skolskjuts för fler elever
Transportföretagen organiserar bussföretag som utför en stor del av landets skolskjutsar.
Vi anser att trafiksäkerhetskraven bör samlas i nationella föreskrifter och välkomnar därför förslaget att Transportstyrelsen ska meddela föreskrifter om trafiksäkerhet vid skolskjuts. I dag ställer kommunerna olika krav i sina upphandlingar, vilket gör det svårt och dyrt för företagen.
Vi är tveksamma till förslaget om skolskjuts till fritidshem. Det innebär korta resor mitt på dagen som är svåra att samordna med linjetrafiken och som kräver fler fordon och förare.
Transportföretagen
Anna Grönlund
""",
    {"5.2 (1)": "supports", "4.2 (1)": "partly"},
    {"I dag ställer kommunerna olika krav": "proposal:5.2 (1)"},
)

ANSWERS["integritetsskydd-kamera"] = (
    KAMERA,
    """
H: Justitiekanslern    YTTRANDE    2027-02-15    Dnr 2026/8877
Justitiedepartementet
Enklare regler för kameraövervakning (SOU 2026:11)
**Inledning
Justitiekanslern (JK) har granskat betänkandet utifrån JK:s uppgift att värna den enskildes rättssäkerhet.
**Tillståndsplikten för myndigheter
Utredningen föreslår att myndigheternas tillståndsplikt avskaffas. JK delar inte utredningens bedömning att myndigheternas interna kontroll ger ett tillräckligt skydd. En oberoende förhandsprövning är en viktig rättssäkerhetsgaranti. JK kan därför inte ställa sig bakom förslaget.
**Sanktionsavgifter
JK har ingen erinran mot förslaget.
**Övriga förslag
JK lämnar övriga förslag utan erinran.
Mari Heidenborg
Justitiekansler
""",
    every(K, "supports", **{"5.1 (1)": "opposes"}),
    {"En oberoende förhandsprövning är en viktig": "proposal:5.1 (1)"},
)

ANSWERS["vision-tillit-2"] = (
    TILLIT,
    """
Akademikerförbundet SSR
Finansdepartementet
Remissvar Dnr Fi2018/02455
SSR har tagit del av betänkandet Med tillit växer handlingsutrymmet.
Akademikerförbundet SSR ställer sig bakom delegationens förslag och rekommendationer i sin helhet, med ett undantag: vi avstyrker förslaget om att skollagens bestämmelse om tvingande vite tas bort.
Förbundets medlemmar i socialtjänsten och skolan möter dagligen följderna av detaljstyrning. Vi ser därför särskilt fram emot att rekommendationerna om kollegialt lärande och tillitsbaserat ledarskap genomförs.
Heike Erkers
Förbundsordförande
""",
    every(T, "supports", **{"7.4.2 (1)": "opposes"}),
    {"Förbundets medlemmar i socialtjänsten": "general_views"},
)

ANSWERS["boverket-diskriminering"] = (
    DISKRIMINERING,
    """
H: Boverket    YTTRANDE    2017-03-20    Dnr 1023/2017
Kulturdepartementet
Bättre skydd mot diskriminering (SOU 2016:87)
Boverket har inga synpunkter på betänkandets förslag och bedömningar.
Boverket vill dock upplysa om att frågor om diskriminering på bostadsmarknaden i hög grad berör myndighetens verksamhetsområde, och att myndigheten gärna bidrar i det fortsatta arbetet.
Beslut i detta ärende har fattats av generaldirektören Janna Valik efter föredragning av utredaren Per Ek.
""",
    every(["7.2 (1)", "8.1 (1)", "9.2 (1)", "9.3 (1)", "10.1 (1)"], "no_view"),
    {"Boverket vill dock upplysa om": "general_views"},
)

ANSWERS["motorbranschen-vattenskoter"] = (
    VATTENSKOTER,
    """
Motorbranschens Riksförbund, Båtsektionen
Remissvar
Ds 2026:14 – Förarbevis och åldersgräns för vattenskoter
**Sammanfattning
Båtsektionen kan acceptera ett krav på förarbevis, men avvisar en åldersgräns på 16 år. En 15-åring som har tagit förarbevis har visat att hon eller han kan framföra en vattenskoter säkert.
**Hastighet och förbud
Båtsektionen anser att en hastighetsbegränsning om fem knop nära stranden är rimlig. Förslaget om att kommuner ska få meddela lokala förbud riskerar däremot att leda till att vattenskoteråkning i praktiken förbjuds i hela skärgårdar, och båtsektionen motsätter sig det.
Göteborg den 1 april 2027
Henrik Lund
""",
    {"2.1 (1)": "supports", "2.2 (1)": "opposes", "3.1 (1)": "supports", "3.2 (1)": "opposes"},
    {"En 15-åring som har tagit förarbevis": "proposal:2.2 (1)"},
)

ANSWERS["karlstads-kommun-skolskjuts"] = (
    SKOLSKJUTS,
    """
H: KARLSTADS KOMMUN    Barn- och ungdomsförvaltningen    Tjänsteskrivelse    2027-02-19    BUN-2026-0812
Barn- och ungdomsnämnden
Remissvar om Skolskjuts för fler elever, SOU 2026:25
# Förslag till beslut
Barn- och ungdomsnämnden föreslår kommunstyrelsen besluta
att tillstyrka förslaget om skolskjuts vid växelvis boende,
att avstyrka förslaget om statsbidrag till skolskjuts i glesbygd,
att i övrigt inte yttra sig.
# Ärendet
Karlstads kommun har fått betänkandet på remiss. Förvaltningen har tagit fram ett förslag till yttrande.
# Förvaltningens bedömning
Ett statsbidrag som endast riktas till glesbygdskommuner gynnar inte kommuner som Karlstad, som har både tätort och omfattande landsbygd. Förvaltningen anser att kostnaderna för skolskjuts i stället bör beaktas i det generella utjämningssystemet.
Lena Ek
Förvaltningschef
""",
    every(S, "no_view", **{"4.1 (1)": "supports", "6.1 (1)": "opposes"}),
    {"Ett statsbidrag som endast riktas till glesbygdskommuner": "proposal:6.1 (1)"},
)
