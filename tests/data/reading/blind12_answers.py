"""The blind12 split: 10 answers written and labelled after the fixes that followed blind11's first
read, before the reader ran on them (see docx_answers.py for the form)."""

from blind8_answers import K, M, every

RADDNING = "sou-2026-70-raddningstjanst.json"
APOTEK = "ds-2026-30-apotek.json"
VATTENSKOTER = "ds-2026-14-vattenskoter.json"
KAMERA = "sou-2026-11-kamera.json"
SKOLSKJUTS = "sou-2026-25-skolskjuts.json"
MILJO = "sou-2026-40-miljoprovning.json"
JAMSTALLDHET = "sou-2015-86.json"

R = ["6.1 (1)", "6.2 (1)", "7.1 (1)", "7.2 (1)", "8.1 (1)", "9.1 (1)"]
V = ["2.1 (1)", "2.2 (1)", "3.1 (1)", "3.2 (1)", "4.1 (1)", "4.2 (1)", "5.1 (1)"]

ANSWERS = {}

ANSWERS["svenskt-naringsliv-raddning"] = (
    RADDNING,
    """
Svenskt Näringsliv
Försvarsdepartementet
Stockholm den 2 juni 2027
Er ref: Fö2026/00902
En starkare räddningstjänst (SOU 2026:70)
Svenskt Näringsliv har inbjudits att lämna synpunkter på rubricerat betänkande. Vi begränsar våra synpunkter till förslagen som rör arbetsgivare.
# Arbetsgivares skyldighet att släppa deltidsbrandmän
Svenskt Näringsliv avstyrker bestämt förslaget. Små företag har inte möjlighet att ersätta en anställd som plötsligt lämnar arbetet, och en lagstadgad skyldighet riskerar att leda till att företag undviker att anställa deltidsbrandmän.
# Statlig ersättning
Om en skyldighet ändå införs måste arbetsgivarna kompenseras. Vi delar därför inte utredningens bedömning att någon statlig ersättning inte bör införas.
Carolina Dahl
Johan Ek
""",
    {"7.1 (1)": "opposes", "7.2 (1)": "opposes"},
    {"Små företag har inte möjlighet": "proposal:7.1 (1)"},
)

ANSWERS["region-vasterbotten-raddning"] = (
    RADDNING,
    """
H: Region Västerbotten    Yttrande    2027-05-30    RUN 2027-00412
Försvarsdepartementet
Remissvar En starkare räddningstjänst
Region Västerbotten har tagit del av betänkandet och lämnar följande yttrande.
Regionen står bakom utredningens förslag om regionala ledningscentraler och ser ett stort värde i att räddningstjänsten och den prehospitala vården samverkar i samma ledningsstruktur.
När det gäller förslaget om nationell ledning ansluter sig regionen till utredningens bedömning att det vid mycket omfattande olyckor kan behövas en nationell ledning.
Regionen har i övrigt inga synpunkter.
Peter Olofsson
Regionstyrelsens ordförande
""",
    every(R, "no_view", **{"6.1 (1)": "supports", "6.2 (1)": "supports"}),
    {"ser ett stort värde i att räddningstjänsten": "proposal:6.2 (1)"},
)

ANSWERS["apotekarsocieteten-apotek"] = (
    APOTEK,
    """
Apotekarsocieteten
Remissyttrande
2027-04-30
Socialdepartementet
Bättre tillgång till läkemedel i hela landet, Ds 2026:30
**Övergripande
Apotekarsocieteten ser positivt på promemorians ambition att förbättra tillgången till läkemedel i hela landet.
**Förslag 4.2 – Receptbelagda läkemedel via ombud
Apotekarsocieteten ser svårigheter med förslaget. Farmaceutisk rådgivning på distans kan fungera för förnyade recept, men inte vid första uttag av ett nytt läkemedel. Förslaget bör därför begränsas till förnyade recept.
**Förslag 5.2 – Tillsyn
Apotekarsocieteten godtar förslaget.
Stockholm som ovan
Eva Lind, ordförande
""",
    {"4.2 (1)": "partly", "5.2 (1)": "supports"},
    {"Farmaceutisk rådgivning på distans kan fungera": "proposal:4.2 (1)"},
)

ANSWERS["sjoraddningssallskapet-vattenskoter"] = (
    VATTENSKOTER,
    """
H: Sjöräddningssällskapet    Remissvar    2027-04-04
Landsbygds- och infrastrukturdepartementet
Ds 2026:14 Förarbevis och åldersgräns för vattenskoter
Sjöräddningssällskapet (SSRS) tillstyrker i sak samtliga förslag i promemorian.
SSRS gör varje sommar ett stort antal insatser vid olyckor med vattenskotrar, och många av dem orsakas av oerfarna förare. Ett krav på förarbevis är därför det viktigaste förslaget i promemorian.
SSRS vill samtidigt framhålla att tillsynen till sjöss kräver resurser som Kustbevakningen och polisen i dag saknar, och att promemorians bedömning att någon ny tillsyn inte behövs därför kan behöva omprövas.
Göteborg 2027-04-04
Lars Svensson, generalsekreterare
""",
    every(V, "supports", **{"4.2 (1)": "partly"}),
    {"SSRS gör varje sommar ett stort antal insatser": "proposal:2.1 (1)"},
)

ANSWERS["ostersunds-kommun-vattenskoter"] = (
    VATTENSKOTER,
    """
ÖSTERSUNDS KOMMUN
Samhällsbyggnad
TJÄNSTESKRIVELSE 2027-03-20    Dnr SBN 2027/0077
Svar på remiss – Förarbevis och åldersgräns för vattenskoter (Ds 2026:14)
# Förslag till beslut
Samhällsbyggnadsnämnden beslutar att som svar på remissen anta förvaltningens yttrande.
# Yttrande
Östersunds kommun är i princip positiv till förslagen men har invändningar mot förslaget om kommunala förbudsområden.
Kommunen anser att det är staten som bör ansvara för regleringen av vattenskoteråkning. Att lägga ansvaret för lokala förbud på kommunerna kommer att leda till ett lapptäcke av olika regler i olika kommuner, vilket gör det svårt för förare att veta vad som gäller. Kommunen avstyrker därför förslaget om kommunala förbudsområden.
Maria Berg
Förvaltningschef
""",
    every(V, "supports", **{"3.2 (1)": "opposes"}),
    {"Att lägga ansvaret för lokala förbud på kommunerna": "proposal:3.2 (1)"},
)

ANSWERS["brottsforebyggande-radet-kamera"] = (
    KAMERA,
    """
H: Brottsförebyggande rådet    Yttrande    2027-02-09    Dnr 2026-1122
Justitiedepartementet
Enklare regler för kameraövervakning (SOU 2026:11)
Brå har inget att invända mot förslagen i betänkandet i sak, men vill lämna följande kommentarer om uppföljning.
Forskningen om kamerabevakningens brottsförebyggande effekter visar blandade resultat. Effekterna är störst på parkeringsplatser och i kollektivtrafik och minst på allmänna platser i stadskärnor. Brå anser därför att kommunernas bevakning av allmän plats bör följas upp och utvärderas systematiskt, och att ett sådant uppdrag bör ges i samband med att lagändringarna träder i kraft.
Beslut i detta ärende har fattats av generaldirektören Stina Holmberg. Utredaren Johanna Ek har varit föredragande.
""",
    every(K, "supports"),
    {"Forskningen om kamerabevakningens": "general_views"},
)

ANSWERS["lararnas-riksforbund-skolskjuts"] = (
    SKOLSKJUTS,
    """
Sveriges Lärare
Remissvar
2027-02-27
Vår referens: 2027/0021
Utbildningsdepartementet
Skolskjuts för fler elever, SOU 2026:25
Sveriges Lärare kommenterar nedan de förslag som har betydelse för elevernas skolgång.
Förslag om skolskjuts vid växelvis boende (4.1): Sveriges Lärare anser att förslaget är väl avvägt och stödjer det.
Förslag om skolskjuts till fritidshem (4.2): Förslaget ligger utanför förbundets område och vi tar inte ställning.
Bedömningen om maximal restid (6.2): Vi delar inte bedömningen. Långa restider påverkar elevernas ork och lärande, och en nationell gräns bör införas.
Åsa Fahlén
Ordförande
""",
    {"4.1 (1)": "supports", "4.2 (1)": "no_view", "6.2 (1)": "opposes"},
    {"Långa restider påverkar elevernas ork": "proposal:6.2 (1)"},
)

ANSWERS["sveriges-ingenjorer-miljo"] = (
    MILJO,
    """
Sveriges Ingenjörer
Klimat- och näringslivsdepartementet
Remissvar SOU 2026:40 Snabbare och samordnad miljöprövning
Sveriges Ingenjörer har tagit del av betänkandet. Förbundet delar i huvudsak utredningens analys och tillstyrker förslagen om samordnad prövning, digital ansökan och uppföljning.
Förbundet är däremot tveksamt till förslaget om en nationell prövningsmyndighet. Det finns en risk att kompetens som i dag finns vid länsstyrelserna går förlorad vid en omorganisation, och att handläggningstiderna därför blir längre under flera år.
Förbundet har inga synpunkter på förslagen om tidsfrister, avgifter, anmälan och strandskydd.
Ulrika Lindstrand
Förbundsordförande
""",
    every(M, "no_view", **{"3.1 (1)": "supports", "6.1 (1)": "supports", "6.2 (1)": "supports", "4.1 (1)": "partly"}),
    {"Det finns en risk att kompetens": "proposal:4.1 (1)"},
)

ANSWERS["jamstalldhetsmyndigheten-jamstalldhet"] = (
    JAMSTALLDHET,
    """
H: Nationella sekretariatet för genusforskning    YTTRANDE    2016-04-20    Dnr GU 2016/445
Socialdepartementet
Mål och myndighet – en effektiv styrning av jämställdhetspolitiken (SOU 2015:86)
# Sammanfattning
Nationella sekretariatet för genusforskning tillstyrker förslaget om en ny jämställdhetsmyndighet och delar bedömningen att jämställdhetsintegrering även fortsättningsvis bör vara den huvudsakliga strategin.
# Myndighetens uppgifter
Sekretariatet anser att den nya myndigheten inte bör ta över sekretariatets uppgifter när det gäller kunskapsspridning om genusforskning. Dessa uppgifter är nära knutna till forskningen och bör ligga kvar vid universitetet.
# Delmålen
Sekretariatet avstår från att ta ställning till förslaget om delmålen.
Beslut i detta ärende har fattats av föreståndaren Fredrik Bondestam.
""",
    {"7.1 (1)": "no_view", "7.2 (1)": "supports", "9.1 (1)": "supports", "9.2 (1)": "partly"},
    {"Dessa uppgifter är nära knutna till forskningen": "proposal:9.2 (1)"},
)

ANSWERS["vellinge-kommun-skolskjuts"] = (
    SKOLSKJUTS,
    """
H: VELLINGE KOMMUN    Kommunstyrelsen    PROTOKOLL    2027-02-15
§ 34    Dnr KS 2026/901
Remissvar Skolskjuts för fler elever (SOU 2026:25)
**Beslut
Kommunstyrelsen beslutar
att tillstyrka förslagen i avsnitt 4.1 och 6.1,
att avstyrka förslagen i avsnitt 4.2 och 5.1,
att i övrigt lämna betänkandet utan erinran.
**Beskrivning av ärendet
Kommunen har beretts tillfälle att yttra sig över betänkandet. Barn- och utbildningsförvaltningen har tagit fram ett förslag till yttrande.
**Motivering
Förslagen om skolskjuts till fritidshem och vid val av annan skola skulle innebära betydande merkostnader för kommunen utan att statlig finansiering tillförs.
Justerandes signatur    Utdragsbestyrkande
""",
    {
        "4.1 (1)": "supports",
        "6.1 (1)": "supports",
        "4.2 (1)": "opposes",
        "5.1 (1)": "opposes",
        "5.2 (1)": "supports",
        "6.2 (1)": "supports",
        "7.1 (1)": "supports",
    },
    {"skulle innebära betydande merkostnader": "proposal:4.2 (1)"},
)
