"""The blind10 split: 10 answers written and labelled after the fixes that followed blind9's first
read, before the reader ran on them (see docx_answers.py for the form)."""

from blind8_answers import K, T, every

APOTEK = "ds-2026-30-apotek.json"
VATTENSKOTER = "ds-2026-14-vattenskoter.json"
KAMERA = "sou-2026-11-kamera.json"
TILLIT = "sou-2018-47.json"
DISKRIMINERING = "sou-2016-87.json"

A = ["4.1 (1)", "4.2 (1)", "5.1 (1)", "5.2 (1)", "6.1 (1)", "7.1 (1)"]
V = ["2.1 (1)", "2.2 (1)", "3.1 (1)", "3.2 (1)", "4.1 (1)", "4.2 (1)", "5.1 (1)"]

ANSWERS = {}

ANSWERS["lakemedelsverket-apotek"] = (
    APOTEK,
    """
H: Läkemedelsverket    Yttrande    2027-05-03    Dnr 4.1.1-2027-012345
F: Läkemedelsverket, Box 26, 751 03 Uppsala. Telefon 018-17 46 00. www.lakemedelsverket.se
Socialdepartementet
Bättre tillgång till läkemedel i hela landet (Ds 2026:30)
**Sammanfattning
Läkemedelsverket biträder förslagen i promemorian med undantag för förslaget om att receptbelagda läkemedel ska kunna lämnas ut via apoteksombud, som verket avråder från.
**Apoteksombud utan tillstånd
Läkemedelsverket har ingen erinran mot att apotek får inrätta apoteksombud utan särskilt tillstånd. Erfarenheterna av ombud är i huvudsak goda.
**Receptbelagda läkemedel via ombud
Utlämnande av receptbelagda läkemedel förutsätter att en farmaceut kan kontrollera att rätt läkemedel lämnas ut till rätt person. Rådgivning på distans kan inte ersätta den kontrollen. Läkemedelsverket avråder därför från förslaget.
**Tillsyn
Läkemedelsverket åtar sig tillsynen över apoteksombuden. Uppdraget kräver dock att verket får ett utökat anslag, eftersom tillsynen inte kan finansieras med avgifter.
Detta yttrande har beslutats av generaldirektören Björn Eriksson. I den slutliga handläggningen har även chefsjuristen deltagit. Föredragande har varit utredaren Lena Ahl.
""",
    every(A, "supports", **{"4.2 (1)": "opposes", "5.2 (1)": "partly"}),
    {
        "Rådgivning på distans kan inte ersätta": "proposal:4.2 (1)",
        "Erfarenheterna av ombud är i huvudsak goda": "proposal:4.1 (1)",
    },
)

ANSWERS["sveriges-farmaceuter-apotek"] = (
    APOTEK,
    """
Sveriges Farmaceuter
Remissvar Ds 2026:30
Sveriges Farmaceuter är fackförbundet för farmaceuter. Förbundet har följande synpunkter på promemorian.
Tillgången till läkemedel på landsbygden är en viktig fråga, och vi delar promemorians beskrivning av problemen. Vi är dock emot att receptbelagda läkemedel ska lämnas ut av ombud utan farmaceutisk kompetens på plats. Det är patientsäkerheten som står på spel.
Ett höjt stöd till glesbygdsapoteken är däremot precis vad som behövs. Det är det enda förslaget i promemorian som faktiskt stärker den farmaceutiska närvaron i glesbygden.
Vi ser också med oro på bedömningen att något krav på öppettider inte behövs. Många apotek har kraftigt minskat sina öppettider de senaste åren.
Stockholm den 25 april 2027
Sofia Ek, förbundsordförande
""",
    {"4.2 (1)": "opposes", "5.1 (1)": "supports", "6.1 (1)": "partly"},
    {"Det är patientsäkerheten som står på spel": "proposal:4.2 (1)"},
)

ANSWERS["kiruna-kommun-apotek"] = (
    APOTEK,
    """
KIRUNA KOMMUN
Kommunstyrelsen
Protokollsutdrag    Sammanträdesdatum 2027-04-20
§ 112    Yttrande över Ds 2026:30 Bättre tillgång till läkemedel i hela landet
Dnr KS 2027/0233
**Beslut
Kommunstyrelsen beslutar att som kommunens yttrande över promemorian anta förvaltningens skrivelse.
**Ärendebeskrivning
Socialdepartementet har remitterat promemorian. Promemorian innehåller förslag om apoteksombud, stöd till glesbygdsapotek och tillsyn.
**Kommunens yttrande
Kiruna kommun ställer sig positiv till samtliga förslag i promemorian. För orter som Vittangi, Karesuando och Abisko skulle apoteksombud med möjlighet att lämna ut receptbelagda läkemedel innebära en avsevärd förbättring.
Kommunen vill särskilt framhålla att stödet till glesbygdsapotek behöver vara långsiktigt.
Justerandes sign    Utdragsbestyrkande
""",
    every(A, "supports"),
    {"För orter som Vittangi": "proposal:4.2 (1)"},
)

ANSWERS["apoteksforeningen-apotek"] = (
    APOTEK,
    """
H: Sveriges Apoteksförening    Remissvar    2027-05-02
Till Socialdepartementet
s.remissvar@regeringskansliet.se
Diarienummer S2026/04411
# Inledning
Sveriges Apoteksförening företräder apotek som tillsammans står för cirka 98 procent av landets apotek. Föreningen lämnar följande synpunkter.
# Föreningens ställningstaganden
n: Förslaget om apoteksombud i glesbygd (avsnitt 4.1) – föreningen är positiv.
n: Förslaget om receptbelagda läkemedel via ombud (avsnitt 4.2) – föreningen är positiv, under förutsättning att kraven på distansrådgivningen utformas i dialog med branschen.
n: Förslaget om statligt stöd (avsnitt 5.1) – föreningen är positiv men anser att stödet bör omfatta alla apotek med låg omsättning, inte bara i glesbygd.
n: Bedömningen om tillgänglighetskrav (avsnitt 6.1) – föreningen delar bedömningen.
n: Ikraftträdandet (avsnitt 7.1) – föreningen bedömer att den 1 januari 2028 är för tidigt och att ikraftträdandet bör skjutas upp ett år.
# Övrigt
Föreningen har inga synpunkter på förslaget om tillsyn.
Johan Wallér
Vd
""",
    {
        "4.1 (1)": "supports",
        "4.2 (1)": "partly",
        "5.1 (1)": "partly",
        "5.2 (1)": "no_view",
        "6.1 (1)": "supports",
        "7.1 (1)": "partly",
    },
    {"Sveriges Apoteksförening företräder": "general_views"},
)

ANSWERS["polisen-vattenskoter"] = (
    VATTENSKOTER,
    """
H: POLISMYNDIGHETEN    Rättsavdelningen    REMISSVAR    2027-04-05    A045.123/2027
Landsbygds- och infrastrukturdepartementet
Förarbevis och åldersgräns för vattenskoter (Ds 2026:14)
Polismyndigheten har inget att invända mot förslagen i promemorian i de delar de rör myndighetens verksamhet, men vill lämna följande kommentarer.
**Hastighetsbegränsning nära stranden
En fast hastighetsgräns underlättar polisens arbete eftersom den är lätt att kontrollera. Polismyndigheten är därför positiv till förslaget.
**Tillsyn
Polismyndigheten delar bedömningen att någon ny tillsynsmyndighet inte behövs, men vill påpeka att polisens möjligheter att bedriva tillsyn till sjöss är begränsade och att Kustbevakningen bör ha huvudansvaret.
I detta ärende har rättschefen Ulf Bergman beslutat. Verksjuristen Anna Lind har varit föredragande.
""",
    every(V, "supports", **{"4.2 (1)": "partly"}),
    {"En fast hastighetsgräns underlättar polisens arbete": "proposal:3.1 (1)"},
)

ANSWERS["naturskyddsforeningen-vattenskoter"] = (
    VATTENSKOTER,
    """
Naturskyddsföreningen
Remissvar
Dnr 2027-044
Landsbygds- och infrastrukturdepartementet
Yttrande över Ds 2026:14
Naturskyddsföreningen välkomnar att regeringen tar ett första steg för att minska störningarna från vattenskotrar, men förslagen är otillräckliga.
Kravet på förarbevis och åldersgränsen kommer att förbättra säkerheten, men de gör ingenting åt buller och störningar för djurlivet. Vi stödjer ändå dessa förslag.
En generell hastighetsbegränsning om fem knop nära stranden är bra men räcker inte. Gränsen bör gälla inom 300 meter från strandlinjen och i alla naturreservat.
Förslaget att kommunerna ska få meddela lokala förbud är det viktigaste i promemorian. Vi anser dock att även länsstyrelserna bör få meddela förbud i skyddade områden.
Med vänliga hälsningar
Karin Lexén, generalsekreterare
""",
    {"2.1 (1)": "supports", "2.2 (1)": "supports", "3.1 (1)": "partly", "3.2 (1)": "partly"},
    {"Gränsen bör gälla inom 300 meter": "proposal:3.1 (1)"},
)

ANSWERS["domstolsverket-kamera"] = (
    KAMERA,
    """
H: DOMSTOLSVERKET    Yttrande    2027-02-08    Dnr 2026/1889
Justitiedepartementet
Enklare regler för kameraövervakning (SOU 2026:11)
Domstolsverket har beretts tillfälle att yttra sig över betänkandet. Förslagen bedöms inte påverka Sveriges Domstolar i någon större utsträckning, och Domstolsverket lämnar därför förslagen utan erinran.
Kamerabevakning i domstolarnas lokaler regleras i annan ordning och berörs inte av förslagen.
Detta yttrande har beslutats av generaldirektören Martin Holmgren efter föredragning av verksjuristen Karin Fält.
""",
    every(K, "supports"),
    {"Kamerabevakning i domstolarnas lokaler": "general_views"},
)

ANSWERS["socialstyrelsen-tillit"] = (
    TILLIT,
    """
H: Socialstyrelsen    Remissyttrande    2018-10-15    Dnr 5.1-23456/2018
Finansdepartementet
Med tillit växer handlingsutrymmet (SOU 2018:47)
# Sammanfattning
Socialstyrelsen är i grunden positiv till delegationens förslag och rekommendationer, men har synpunkter på förslagen om tillsyn i avsnitt 7.4.1 och 7.4.3.
# 7.4.1 Tillsynens inriktning ska förtydligas
Socialstyrelsen har inga invändningar mot att regeringen förtydligar tillsynens inriktning. Det är dock viktigt att förtydligandet inte minskar utrymmet för kontroll av att lagstiftningen följs.
# 7.4.3 Patientsäkerhetslagens bestämmelse om tillsyn
Socialstyrelsen ser inga skäl att ta bort bestämmelsen. Den systematiska patientsäkerheten är en hörnsten i vårdgivarnas ansvar, och bestämmelsen bör därför behållas.
# 7.6.2 Ett nationellt policylabb
Socialstyrelsen ställer sig frågande till hur ett nationellt policylabb skulle förhålla sig till de myndigheter som redan i dag stödjer utveckling i välfärden.
I detta ärende har generaldirektören Olivia Wigzell beslutat. Avdelningschefen Anna Ek har varit föredragande.
""",
    every(T, "supports", **{"7.4.1 (1)": "partly", "7.4.3 (1)": "opposes", "7.6.2 (1)": "partly"}),
    {"Den systematiska patientsäkerheten är en hörnsten": "proposal:7.4.3 (1)"},
)

ANSWERS["kommunal-tillit"] = (
    TILLIT,
    """
Svenska Kommunalarbetareförbundet
Finansdepartementet
Kommunals yttrande över SOU 2018:47
Kommunal organiserar undersköterskor, barnskötare och vårdbiträden, yrken där detaljstyrning och tidsmätning präglar vardagen.
Kommunal tycker att det är bra att Tillitsdelegationen lyfter fram medarbetarnas kunskap. Kommunal anser att förslagen om kollegialt lärande och samverkan är ett viktigt steg, och att kommunledningarna bör få stöd i att genomföra dem.
Förslaget om frikommunförsök kan Kommunal däremot inte ställa sig bakom. Undantag från regelverket riskerar att drabba arbetsmiljön.
Kommunal
Malin Ragnegård, förbundsordförande
""",
    {"7.3.1 (1)": "supports", "7.3.1 (2)": "supports", "7.3.1 (3)": "supports", "7.6.3 (1)": "opposes"},
    {"Undantag från regelverket riskerar": "proposal:7.6.3 (1)"},
)

ANSWERS["diskrimineringsombudsmannen-diskriminering"] = (
    DISKRIMINERING,
    """
H: DISKRIMINERINGSOMBUDSMANNEN    YTTRANDE    2017-03-30    LED 2017/45
Kulturdepartementet
Bättre skydd mot diskriminering (SOU 2016:87)
| Avsnitt | Förslag/bedömning | DO:s inställning
| 7.2 | DO:s tillsyn och förlikningar | DO avstyrker
| 8.1 | Sanktioner | DO delar inte bedömningen
| 9.2 | Samrådsordning | DO tillstyrker
| 9.3 | Stödordning | DO tillstyrker
| 10.1 | Ikraftträdande | DO har ingen erinran
**Skälen för DO:s inställning
DO:s tillsyn bör även fortsättningsvis inriktas på strukturella brister hos arbetsgivare och utbildningsanordnare, inte i första hand på enskildas anspråk. En förskjutning mot enskilda ärenden skulle minska DO:s möjligheter att åstadkomma förändringar som når många.
Beslut i detta ärende har fattats av diskrimineringsombudsmannen Agneta Broberg. Föredragande har varit juristen Per Holm.
""",
    {"7.2 (1)": "opposes", "8.1 (1)": "opposes", "9.2 (1)": "supports", "9.3 (1)": "supports", "10.1 (1)": "supports"},
    {"En förskjutning mot enskilda ärenden": "proposal:7.2 (1)"},
)
