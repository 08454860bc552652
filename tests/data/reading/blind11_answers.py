"""The blind11 split: 10 answers written and labelled after the fixes that followed blind10's first
read, before the reader ran on them (see docx_answers.py for the form)."""

from blind8_answers import K, every

RADDNING = "sou-2026-70-raddningstjanst.json"
APOTEK = "ds-2026-30-apotek.json"
MILJO = "sou-2026-40-miljoprovning.json"
KAMERA = "sou-2026-11-kamera.json"
DEMOKRATI = "sou-2022-28.json"

R = ["6.1 (1)", "6.2 (1)", "7.1 (1)", "7.2 (1)", "8.1 (1)", "9.1 (1)"]

ANSWERS = {}

ANSWERS["msb-raddning"] = (
    RADDNING,
    """
H: MSB    Myndigheten för samhällsskydd och beredskap    YTTRANDE    2027-06-01    Ärendenr MSB 2027-04512
Försvarsdepartementet
Yttrande över En starkare räddningstjänst (SOU 2026:70)
# Sammanfattning
MSB tillstyrker i huvudsak utredningens förslag. MSB avstyrker dock förslaget om att myndigheten ska kunna ta över ledningen av räddningsinsatser, och anser att tillsynsförslaget bör genomföras först när myndigheten fått de resurser som krävs.
# 6.1 Nationell ledning av räddningstjänsten
MSB har inte den operativa förmåga som krävs för att leda räddningsinsatser och bör inte heller bygga upp en sådan. Ledningen bör i stället ligga kvar hos de regionala ledningscentralerna, med stöd från MSB.
# 6.2 Regionala ledningscentraler
MSB tillstyrker förslaget.
# 7.1 Krav på deltidsbrandmäns arbetsgivare
MSB tillstyrker förslaget. Tillgången på deltidsbrandmän är en av de största utmaningarna för räddningstjänsten i landsbygdskommuner.
# 8.1 Tillsyn över kommunernas räddningstjänst
MSB är positiv till att ta över tillsynen, men förslaget bör inte genomföras utan att MSB tillförs medel motsvarande länsstyrelsernas nuvarande kostnader.
I detta ärende har generaldirektören Charlotte Petri Gornitzka beslutat. Enhetschefen Erik Lund har varit föredragande.
""",
    every(R, "supports", **{"6.1 (1)": "opposes", "8.1 (1)": "partly"}),
    {"Tillgången på deltidsbrandmän är en av": "proposal:7.1 (1)"},
)

ANSWERS["brandmannaforbundet-raddning"] = (
    RADDNING,
    """
Brandmännens Riksförbund
Till Försvarsdepartementet
Remissvar SOU 2026:70
Brandmännens Riksförbund organiserar deltidsbrandmän i hela landet.
Det är hög tid att arbetsgivare åläggs att släppa iväg sina anställda vid larm. Förbundet har krävt detta i över tio år och välkomnar att utredningen nu föreslår en sådan skyldighet.
Däremot är vi starkt kritiska till att utredningen inte föreslår någon ersättning till arbetsgivarna. Utan ersättning kommer små företag att sluta anställa deltidsbrandmän. Förbundet anser att en statlig ersättning måste införas.
Övriga förslag lämnar förbundet utan kommentar.
Per Nilsson
Ordförande
""",
    every(R, "no_view", **{"7.1 (1)": "supports", "7.2 (1)": "opposes"}),
    {"Utan ersättning kommer små företag": "proposal:7.2 (1)"},
)

ANSWERS["storstockholms-brandforsvar-raddning"] = (
    RADDNING,
    """
H: Storstockholms brandförsvar    Tjänsteutlåtande    2027-05-10    Dnr SSBF 2027/0334
Direktionen
Remissvar – En starkare räddningstjänst (SOU 2026:70)
**Förslag till beslut
Direktionen beslutar att som förbundets yttrande över betänkandet översända detta tjänsteutlåtande.
**Bakgrund
Storstockholms brandförsvar är ett kommunalförbund som ansvarar för räddningstjänsten i tio kommuner och driver en regional ledningscentral sedan 2019.
**Förbundets synpunkter
Förbundet delar utredningens slutsats att räddningstjänsten behöver en mer sammanhållen ledning. Erfarenheterna från den egna ledningscentralen är mycket goda, och förbundet ser det som självklart att alla kommuner ska vara anslutna till en regional ledningscentral.
Att MSB skulle kunna ta över ledningen av räddningsinsatser ser förbundet däremot som olämpligt. Ledningen av en insats måste ligga hos den som har kunskap om de lokala förhållandena.
Förbundet har inga synpunkter på förslagen om deltidsbrandmän, eftersom förbundet inte har några deltidsanställda.
Förbundet anser att tillsynen även fortsättningsvis bör utövas av länsstyrelserna, som har god kännedom om kommunerna i länet.
Mats Andersson
Brandchef
""",
    {"6.1 (1)": "opposes", "6.2 (1)": "supports", "7.1 (1)": "no_view", "7.2 (1)": "no_view", "8.1 (1)": "opposes"},
    {"Ledningen av en insats måste ligga hos": "proposal:6.1 (1)"},
)

ANSWERS["lansstyrelsen-dalarna-raddning"] = (
    RADDNING,
    """
H: Länsstyrelsen Dalarna    YTTRANDE    2027-05-22    Dnr 450-1234-2027
Försvarsdepartementet
En starkare räddningstjänst (SOU 2026:70)
Länsstyrelsen Dalarna ställer sig bakom utredningens förslag med ett undantag: länsstyrelsen avstyrker att tillsynen över kommunernas räddningstjänst flyttas till MSB.
Länsstyrelsen har i dag en nära dialog med kommunerna i länet om deras förebyggande arbete och räddningstjänst. Den regionala tillsynen är en del av länsstyrelsens samlade ansvar för krisberedskap och civilt försvar i länet, och en flytt till MSB skulle försvaga den regionala samordningen.
Beslut i detta ärende har fattats av landshövding Ylva Thörn. Föredragande har varit beredskapsdirektör Jan Ek.
""",
    every(R, "supports", **{"8.1 (1)": "opposes"}),
    {"Den regionala tillsynen är en del av": "proposal:8.1 (1)"},
)

ANSWERS["glesbygdsverket-apotek"] = (
    APOTEK,
    """
Landsbygdsnätverket
Remissvar Ds 2026:30 Bättre tillgång till läkemedel i hela landet
Landsbygdsnätverket välkomnar promemorian. Förslagen om apoteksombud och receptbelagda läkemedel via ombud är efterlängtade i många byar och skulle göra vardagen enklare för äldre och personer utan bil.
Vi instämmer också i förslaget att höja och utvidga stödet till glesbygdsapoteken.
Vi vill däremot varna för bedömningen att inga krav på öppettider behövs. Utan sådana krav riskerar apotek på landsbygden att bara hålla öppet några timmar i veckan.
Anna Berg
Ordförande
""",
    {"4.1 (1)": "supports", "4.2 (1)": "supports", "5.1 (1)": "supports", "6.1 (1)": "opposes"},
    {"Utan sådana krav riskerar apotek": "proposal:6.1 (1)"},
)

ANSWERS["tandvards-lakemedelsformansverket-apotek"] = (
    APOTEK,
    """
H: TLV    Tandvårds- och läkemedelsförmånsverket    Yttrande    2027-04-28    Dnr 01234/2027
Socialdepartementet
Bättre tillgång till läkemedel i hela landet (Ds 2026:30)
TLV har granskat promemorian utifrån myndighetens ansvar för apotekens handelsmarginal och glesbygdsstödet.
**Statligt stöd till glesbygdsapotek
TLV har inget att invända mot att stödet höjs. TLV noterar dock att promemorian inte redovisar hur utvidgningen till fler orter ska finansieras, och ser behov av förtydliganden innan förslaget genomförs.
**Övriga förslag
TLV berörs inte av övriga förslag och avstår från att yttra sig över dem.
Beslut i detta ärende har fattats av generaldirektören Agneta Karlsson. Föredragande har varit utredaren Jonas Lind.
""",
    {
        "4.1 (1)": "no_view",
        "4.2 (1)": "no_view",
        "5.1 (1)": "partly",
        "5.2 (1)": "no_view",
        "6.1 (1)": "no_view",
        "7.1 (1)": "no_view",
    },
    {"TLV noterar dock att promemorian": "proposal:5.1 (1)"},
)

ANSWERS["skogsstyrelsen-miljo"] = (
    MILJO,
    """
H: Skogsstyrelsen    Remissvar    2027-03-11    Dnr 2026/4455
Klimat- och näringslivsdepartementet
Snabbare och samordnad miljöprövning (SOU 2026:40)
Skogsstyrelsen har getts möjlighet att yttra sig över rubricerat betänkande. Skogsstyrelsen begränsar sitt yttrande till förslaget om digital ansökan.
Skogsstyrelsen har sedan länge digitala tjänster för avverkningsanmälningar och ser stora fördelar med en gemensam digital ingång. Skogsstyrelsen föreslår att den gemensamma ingången byggs så att den kan samverka med myndighetens befintliga e-tjänster, och tillstyrker förslaget.
Skogsstyrelsen
Herman Sundqvist, generaldirektör
""",
    {"6.1 (1)": "supports"},
    {"Skogsstyrelsen har sedan länge digitala tjänster": "proposal:6.1 (1)"},
)

ANSWERS["energiforetagen-miljo"] = (
    MILJO,
    """
Energiföretagen Sverige
Klimat- och näringslivsdepartementet
Stockholm 2027-03-14
Yttrande över SOU 2026:40
# Sammanfattning
Energiföretagen Sverige ser positivt på betänkandets inriktning men anser att flera förslag behöver skärpas för att prövningen verkligen ska bli snabbare.
# Tidsfrister
Energiföretagen tillstyrker att bindande tidsfrister införs. Fristen om nio månader är dock för lång för mindre verksamheter; för dessa bör fristen vara sex månader.
# Nationell prövningsmyndighet
Energiföretagen stödjer förslaget om en nationell prövningsmyndighet. En myndighet skulle ge en mer enhetlig praxis och bättre förutsägbarhet.
# Avgifter
Energiföretagen motsätter sig höjda avgifter för prövningen. Prövning är en myndighetsuppgift och bör finansieras med anslag.
Pernilla Winnhed
Vd
""",
    {"3.2 (1)": "partly", "4.1 (1)": "supports", "4.2 (1)": "opposes"},
    {"En myndighet skulle ge en mer enhetlig praxis": "proposal:4.1 (1)"},
)

ANSWERS["malmo-stad-kamera"] = (
    KAMERA,
    """
H: Malmö stad    Stadskontoret    Tjänsteskrivelse    2027-01-25    STK-2026-1780
Kommunstyrelsen
Remiss från Justitiedepartementet – Enklare regler för kameraövervakning (SOU 2026:11)
**Förslag till beslut
Kommunstyrelsen föreslås besluta
att tillstyrka förslagen i betänkandet,
att därutöver framhålla vad stadskontoret anfört om bevarandetiden.
**Beslutsunderlag
Tjänsteskrivelse 2027-01-25. Betänkandet SOU 2026:11.
**Ärendet
Malmö stad har fått betänkandet på remiss. Stadskontoret har samrått med polisen och med stadens säkerhetsavdelning.
**Stadskontorets synpunkter
Stadskontoret ser att förslagen ger kommunerna bättre verktyg i det brottsförebyggande arbetet. Bevarandetiden om två månader är dock kort för kommunernas egen bevakning, och stadskontoret förordar att kommuner ska kunna bevara material i upp till tre månader.
Katrin Stjernfeldt Jammeh
Kommunstyrelsens ordförande
""",
    every(K, "supports", **{"8.1 (1)": "partly"}),
    {"Stadskontoret har samrått med polisen": "summary"},
)

ANSWERS["sverige-kommuner-demokrati"] = (
    DEMOKRATI,
    """
H: Sveriges Kommuner och Regioner    Remissvar    2022-10-03    Vårt ärendenr 22/00789
Kulturdepartementet
Vår demokrati – värd att värna varje dag (SOU 2022:28)
**Sammanfattning
SKR ställer sig positivt till att en nationell demokratifunktion inrättas och till förslaget om att Skolverket ska förtydliga skolans demokratiuppdrag. SKR avstyrker förslaget om att statliga myndigheter ska ha ett uttryckligt ansvar för att främja demokratin, eftersom ansvaret redan följer av regeringsformen.
**Uppföljning
SKR delar kommitténs bedömning att demokratins utveckling bör följas upp regelbundet och bidrar gärna med kunskap om det lokala demokratiarbetet.
Anders Henriksson
Ordförande
""",
    {"8.1 (1)": "supports", "8.2 (1)": "supports", "8.3 (1)": "opposes", "8.5 (1)": "supports"},
    {"bidrar gärna med kunskap": "proposal:8.5 (1)"},
)
