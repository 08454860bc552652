"""The blind9 split: 10 answers written and labelled after the fixes that followed blind8's first
read, before the reader ran on them (see docx_answers.py for the form)."""

from blind8_answers import M, S, every

VATTENSKOTER = "ds-2026-14-vattenskoter.json"
KAMERA = "sou-2026-11-kamera.json"
SKOLSKJUTS = "sou-2026-25-skolskjuts.json"
MILJO = "sou-2026-40-miljoprovning.json"
DISKRIMINERING = "sou-2016-87.json"

V = ["2.1 (1)", "2.2 (1)", "3.1 (1)", "3.2 (1)", "4.1 (1)", "4.2 (1)", "5.1 (1)"]

ANSWERS = {}

ANSWERS["varmdo-kommun-vattenskoter"] = (
    VATTENSKOTER,
    """
H: VÄRMDÖ KOMMUN    PROTOKOLLSUTDRAG    Kommunstyrelsen    2027-04-12
§ 87    Dnr KS 2027/0112
Yttrande över promemorian Förarbevis och åldersgräns för vattenskoter (Ds 2026:14)
# Kommunstyrelsens beslut
Kommunstyrelsen beslutar att avge yttrande till Landsbygds- och infrastrukturdepartementet i enlighet med förvaltningens förslag.
# Sammanfattning av ärendet
Departementet föreslår att förarbevis och en åldersgräns införs för vattenskoter, att hastigheten begränsas nära stranden och att kommuner får meddela lokala förbud. Värmdö kommun har en av landets längsta kuststräckor och påverkas i hög grad av förslagen.
# Yttrande
Värmdö kommun ställer sig i allt väsentligt bakom förslagen i promemorian.
n: Avsnitt 2.1 och 2.2. Kommunen tillstyrker kravet på förarbevis och åldersgränsen. Olyckorna med vattenskoter i skärgården har ökat och många förare är unga.
n: Avsnitt 3.2. Kommunen välkomnar möjligheten att meddela lokala förbud men vill framhålla att kommunerna behöver vägledning från Transportstyrelsen om hur områdena ska avgränsas.
n: Avsnitt 4.2. Kommunen delar inte bedömningen att någon ny tillsyn inte behövs. Kustbevakningen och polisen har i dag inte resurser att bedriva tillsyn i skärgården under sommaren, och kommunen anser att även kommunerna bör få tillsynsansvar.
Protokollet justeras
Justerandes signatur    Utdragsbestyrkande
""",
    every(V, "supports", **{"3.2 (1)": "partly", "4.2 (1)": "opposes"}),
    {
        "Olyckorna med vattenskoter i skärgården": "proposal:2.1 (1)",
        "Kustbevakningen och polisen har i dag inte resurser": "proposal:4.2 (1)",
        "Departementet föreslår att förarbevis": "summary",
    },
)

ANSWERS["transportstyrelsen-vattenskoter"] = (
    VATTENSKOTER,
    """
H: Transportstyrelsen    Sjö- och luftfartsavdelningen    YTTRANDE    2027-04-02    TSG 2027-0456
Landsbygds- och infrastrukturdepartementet
Ds 2026:14 Förarbevis och åldersgräns för vattenskoter
| Avsnitt | Förslag | Transportstyrelsens synpunkt
| 2.1 | Krav på förarbevis | Positiv. Transportstyrelsen bedömer att ett förarbevis kan genomföras inom befintliga system för förarbevis för fritidsbåtar.
| 2.2 | Åldersgräns 16 år | Positiv.
| 3.1 | Fem knop inom 100 meter | Negativ. En generell hastighetsgräns är svår att övervaka och tar inte hänsyn till lokala förhållanden.
| 3.2 | Kommunala förbudsområden | Ingen synpunkt.
| 4.1 | Sanktionsavgift | Positiv, under förutsättning att Transportstyrelsen inte blir beslutande myndighet.
| 4.2 | Tillsyn | Ingen synpunkt.
| 5.1 | Ikraftträdande | Transportstyrelsen behöver minst tolv månader från beslut för att bygga upp ett register över förarbevis. Ikraftträdandet den 1 maj 2028 bör därför senareläggas.
Detta yttrande har beslutats av generaldirektören Jonas Bjelfvenstam. Vid den slutliga handläggningen har även sjöfartsdirektören deltagit. Föredragande har varit utredaren Erik Holm.
""",
    {
        "2.1 (1)": "supports",
        "2.2 (1)": "supports",
        "3.1 (1)": "opposes",
        "3.2 (1)": "no_view",
        "4.1 (1)": "partly",
        "4.2 (1)": "no_view",
        "5.1 (1)": "partly",
    },
    {"Vid den slutliga handläggningen": "furniture"},
)

ANSWERS["svenska-kanotforbundet-vattenskoter"] = (
    VATTENSKOTER,
    """
Svenska Kanotförbundet
Till Landsbygds- och infrastrukturdepartementet
Remissvar avseende Ds 2026:14
Svenska Kanotförbundet representerar drygt 30 000 paddlare. Våra medlemmar delar vattnet med vattenskotrar varje sommar och har under många år vittnat om farliga situationer nära land.
Vi har länge efterfrågat ett krav på förarbevis och motsätter oss inte att det införs en åldersgräns, även om vi hade föredragit 18 år.
Hastighetsbegränsningen nära stranden är enligt vår mening den viktigaste delen av promemorian. Den är nödvändig för att paddlare och badande ska kunna vistas tryggt nära land.
Det är också bra att kommunerna får möjlighet att förbjuda vattenskoteråkning i känsliga områden.
Vi saknar i promemorian en diskussion om buller och påverkan på fågellivet.
Stockholm den 28 mars 2027
Maria Ek
Generalsekreterare
""",
    {"2.1 (1)": "supports", "2.2 (1)": "partly", "3.1 (1)": "supports", "3.2 (1)": "supports"},
    {
        "Vi saknar i promemorian en diskussion om buller": "general_views",
        "Svenska Kanotförbundet representerar": "general_views",
    },
)

ANSWERS["kustbevakningen-vattenskoter"] = (
    VATTENSKOTER,
    """
H: KUSTBEVAKNINGEN    Remissyttrande    2027-04-07    Dnr 2027-1233
Landsbygds- och infrastrukturdepartementet
Förarbevis och åldersgräns för vattenskoter (Ds 2026:14)
Kustbevakningen har tagit del av promemorian och lämnar följande synpunkter.
Kustbevakningen är positiv till förslagen om förarbevis, åldersgräns och hastighetsbegränsning nära stranden, som sammantaget kan minska antalet olyckor.
Kustbevakningen är däremot tveksam till bedömningen att tillsynen kan bedrivas inom befintliga ramar. Tillsynen av vattenskotrar kräver närvaro på vattnet under korta och intensiva perioder, och myndighetens fartyg och personal är i dag i första hand dimensionerade för andra uppgifter. Kustbevakningen anser att frågan om resurser för tillsynen behöver analyseras ytterligare innan reglerna träder i kraft.
Kustbevakningen har i övrigt inga synpunkter på förslagen.
Detta yttrande har beslutats av generaldirektören Lars Wilske. Föredragande har varit verksjuristen Nina Berg.
""",
    {
        "2.1 (1)": "supports",
        "2.2 (1)": "supports",
        "3.1 (1)": "supports",
        "3.2 (1)": "no_view",
        "4.1 (1)": "no_view",
        "4.2 (1)": "partly",
        "5.1 (1)": "no_view",
    },
    {"Tillsynen av vattenskotrar kräver närvaro": "proposal:4.2 (1)"},
)

ANSWERS["umea-kommun-skolskjuts"] = (
    SKOLSKJUTS,
    """
UMEÅ KOMMUN
Utbildningsförvaltningen
Tjänsteskrivelse 2027-02-14
Diarienummer: UN-2026/412
Remiss av SOU 2026:25 Skolskjuts för fler elever
# Förslag till beslut
Utbildningsnämnden beslutar
att tillstyrka förslagen i kapitel 4 om skolskjuts vid växelvis boende och till fritidshem,
att avstyrka förslaget om skolskjuts vid val av annan skola,
att i övrigt inte lämna några synpunkter,
att översända tjänsteskrivelsen som kommunens svar på remissen.
# Bakgrund
Utredningen har haft i uppdrag att se över reglerna om skolskjuts. Umeå kommun anordnar i dag skolskjuts för cirka 2 300 elever.
# Förvaltningens bedömning
Kommunen gör redan i dag bedömningar av skolskjuts vid växelvis boende och ser positivt på att rättsläget klargörs. Skolskjuts till fritidshem förekommer också i dag i vissa delar av kommunen.
Ett krav på skolskjuts vid val av annan skola skulle kräva att kommunen organiserar om sin skolskjutsverksamhet. Kostnaden beräknas till cirka 4 miljoner kronor per år, och utredningen har inte föreslagit någon finansiering.
Anna Lund
Utbildningsdirektör
""",
    every(S, "no_view", **{"4.1 (1)": "supports", "4.2 (1)": "supports", "5.1 (1)": "opposes"}),
    {
        "Ett krav på skolskjuts vid val av annan skola": "proposal:5.1 (1)",
        "Utredningen har haft i uppdrag": "summary",
    },
)

ANSWERS["tekniksektorn-kamera"] = (
    KAMERA,
    """
Svensk Säkerhetsbransch
Remissvar    2027-02-12
Till: Justitiedepartementet
Ärende: SOU 2026:11
Svensk Säkerhetsbransch är branschorganisation för företag som installerar och driver kamerabevakning. Vi har inget att invända mot att tillståndsplikten för myndigheter avskaffas eller mot att kommuner får kamerabevaka allmän plats utan tillstånd. Förslagen gör det möjligt att snabbare sätta upp bevakning där den behövs.
Vi är däremot kritiska till förslaget om höjda sanktionsavgifter. Redan i dag är osäkerheten om regelverket stor bland mindre företag, och avgifter i den föreslagna storleken kan slå ut företag för rena formfel. Förslaget bör inte genomföras.
Branschen efterfrågar dessutom en längre bevarandetid än två månader, då många ärenden om stöld i butik anmäls först efter lång tid. Vi förordar en bevarandetid om sex månader.
Med vänlig hälsning
Lars Björk
Vd
""",
    {"5.1 (1)": "supports", "5.2 (1)": "supports", "6.2 (1)": "opposes", "8.1 (1)": "partly"},
    {"Förslagen gör det möjligt att snabbare": "proposal:5.1 (1)", "Lars Björk": "furniture"},
)

ANSWERS["hav-miljo"] = (
    MILJO,
    """
H: Havs- och vattenmyndigheten    YTTRANDE    2027-03-05    Dnr 2456-2026
Klimat- och näringslivsdepartementet
Remissvar över betänkandet Snabbare och samordnad miljöprövning (SOU 2026:40)
# Sammanfattande synpunkter
Havs- och vattenmyndigheten (HaV) delar utredningens uppfattning att prövningen av vattenverksamheter behöver bli mer effektiv. HaV har dock invändningar mot flera av förslagen.
# Kapitel 3 Samordnad prövning och tidsfrister
HaV tillstyrker en samordnad prövning. När det gäller tidsfristerna bedömer HaV att nio månader inte är realistiskt för stora vattenverksamheter, där underlaget om påverkan på vattenmiljön ofta behöver kompletteras under prövningen. HaV avstyrker därför förslaget om tidsfrister.
# Kapitel 5 Anmälan och strandskydd
HaV motsätter sig att fler ändringar ska kunna anmälas i stället för att prövas. För vattenverksamheter kan även mindre ändringar ha stor påverkan på vattenmiljön.
HaV har ingen invändning mot att strandskyddsdispens prövas i samma prövning.
# Övrigt
HaV lämnar inga synpunkter på övriga förslag.
I detta ärende har generaldirektören Jakob Granit beslutat. Utredaren Sofia Lind har varit föredragande.
""",
    every(M, "no_view", **{"3.1 (1)": "supports", "3.2 (1)": "opposes", "5.1 (1)": "opposes", "5.2 (1)": "supports"}),
    {"För vattenverksamheter kan även mindre ändringar": "proposal:5.1 (1)"},
)

ANSWERS["region-gotland-skolskjuts"] = (
    SKOLSKJUTS,
    """
Region Gotland
Regionstyrelseförvaltningen
Yttrande 2027-02-22    RS 2026/1077
Skolskjuts för fler elever, SOU 2026:25
Region Gotland har tagit del av betänkandet och har inga synpunkter på förslagen. Region Gotland vill dock understryka vikten av att skolskjutsen på landsbygden även fortsättningsvis anpassas efter färjetrafiken och de långa avstånden på ön.
Region Gotland
Meit Fohlin
Regiondirektör
""",
    every(S, "no_view"),
    {"vill dock understryka vikten": "general_views"},
)

ANSWERS["diskrimineringsbyra-diskriminering"] = (
    DISKRIMINERING,
    """
Antidiskrimineringsbyrån Väst
Yttrande över SOU 2016:87 Bättre skydd mot diskriminering
Antidiskrimineringsbyrån Väst har fått möjlighet att yttra sig över betänkandet och vill lämna följande synpunkter.
# Avsnitt 7.2 DO:s tillsyn och förlikningar
Byrån ser mycket positivt på att DO:s tillsyn i större utsträckning ska inriktas på enskildas anspråk. Det är enskilda som drabbas av diskriminering, och de behöver få sin sak prövad.
# Avsnitt 8.1 Sanktioner
Vi är kritiska till utredningens bedömning att sanktionssystemet inte bör ändras nu. Diskrimineringsersättningen är i dag för låg för att verka avskräckande, och frågan har utretts flera gånger utan resultat.
# Avsnitt 9.3 Stödordning för antidiskrimineringsbyråerna
Vi välkomnar en ny stödordning. Stödet måste dock vara långsiktigt och fleråriga bidrag bör vara huvudregel, annars kommer byråerna inte kunna behålla sin kompetens.
Göteborg den 3 april 2017
Hanna Svensson
Verksamhetschef
""",
    {"7.2 (1)": "supports", "8.1 (1)": "opposes", "9.3 (1)": "partly"},
    {"Diskrimineringsersättningen är i dag för låg": "proposal:8.1 (1)"},
)

ANSWERS["sjofartsverket-vattenskoter"] = (
    VATTENSKOTER,
    """
H: SJÖFARTSVERKET    Remissvar    2027-03-30    Dnr 27-01234
Landsbygds- och infrastrukturdepartementet
Sjöfartsverket har beretts tillfälle att yttra sig över Ds 2026:14 Förarbevis och åldersgräns för vattenskoter och lämnar följande yttrande.
# Sjöfartsverkets ställningstagande
Sjöfartsverket tillstyrker samtliga förslag i promemorian, med undantag för förslaget om hastighetsbegränsning nära stranden.
# Hastighetsbegränsning
En fast gräns om fem knop inom 100 meter från strandlinjen kan inte märkas ut i farleder som passerar nära land. Sjöfartsverket anser att en sådan gräns endast bör kunna införas genom lokala föreskrifter där förhållandena motiverar det och avstyrker därför förslaget i dess nuvarande form.
Beslut i detta ärende har fattats av generaldirektören Katarina Norén. I ärendets handläggning har även chefsjuristen deltagit.
""",
    every(V, "supports", **{"3.1 (1)": "opposes"}),
    {"En fast gräns om fem knop": "proposal:3.1 (1)"},
)
