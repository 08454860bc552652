"""The blind8 split: 25 answers written and labelled before the reader ran on them (see
docx_answers.py for the form). Stances: supports | partly | opposes | no_view | "-"; a proposal
left out is not addressed."""

KAMERA = "sou-2026-11-kamera.json"
SKOLSKJUTS = "sou-2026-25-skolskjuts.json"
MILJO = "sou-2026-40-miljoprovning.json"
TILLIT = "sou-2018-47.json"
DEMOKRATI = "sou-2022-28.json"
JAMSTALLDHET = "sou-2015-86.json"

K = ["5.1 (1)", "5.2 (1)", "6.1 (1)", "6.2 (1)", "7.1 (1)", "7.2 (1)", "8.1 (1)", "9.1 (1)"]
S = ["4.1 (1)", "4.2 (1)", "5.1 (1)", "5.2 (1)", "6.1 (1)", "6.2 (1)", "7.1 (1)"]
M = ["3.1 (1)", "3.2 (1)", "4.1 (1)", "4.2 (1)", "5.1 (1)", "5.2 (1)", "6.1 (1)", "6.2 (1)"]
T = [
    "7.1.1 (1)",
    "7.1.1 (2)",
    "7.1.1 (3)",
    "7.1.2 (1)",
    "7.1.2 (2)",
    "7.1.2 (3)",
    "7.1.2 (4)",
    "7.1.2 (5)",
    "7.2.1 (1)",
    "7.2.1 (2)",
    "7.2.1 (3)",
    "7.2.2 (1)",
    "7.2.2 (2)",
    "7.2.2 (3)",
    "7.3.1 (1)",
    "7.3.1 (2)",
    "7.3.1 (3)",
    "7.3.4 (1)",
    "7.3.5 (1)",
    "7.3.5 (2)",
    "7.4.1 (1)",
    "7.4.2 (1)",
    "7.4.3 (1)",
    "7.5 (1)",
    "7.5 (2)",
    "7.6.2 (1)",
    "7.6.3 (1)",
    "7.6.4 (1)",
    "7.6.4 (2)",
]


def every(labels, stance, **overrides):
    result = {label: stance for label in labels}
    result.update(overrides)
    return result


ANSWERS = {}

ANSWERS["polismyndigheten-kamera"] = (
    KAMERA,
    """
H: POLISMYNDIGHETEN    YTTRANDE    Datum 2027-02-10    Saknr A123.456/2026
F: Polismyndigheten, Box 12256, 102 26 Stockholm. Telefon 114 14. registrator.polisen@polisen.se
Justitiedepartementet
ju.remissvar@regeringskansliet.se
Er referens: Ju2026/01234
Yttrande över betänkandet Enklare regler för kameraövervakning (SOU 2026:11)
# Sammanfattning
Polismyndigheten tillstyrker förslagen i betänkandet med undantag för bedömningen om ljudupptagning, som myndigheten inte delar, och förslaget om bevarandetid, där myndigheten anser att tiden bör vara längre än den föreslagna.
# 5.1 Tillståndsplikten för myndigheter avskaffas
Polismyndigheten tillstyrker förslaget. Tillståndsprövningen har under lång tid fördröjt bevakning av platser där brottsligheten är hög, och myndigheten har redan i dag en omfattande intern kontroll av att bevakningen är förenlig med dataskyddsregleringen.
# 5.2 Kommuners kamerabevakning av allmän plats
Polismyndigheten ser positivt på förslaget. Kommunernas bevakning kan komplettera polisens egen bevakning, och myndigheten förutsätter att samverkan mellan kommun och polis regleras i de lokala samverkansöverenskommelserna.
---
Polismyndigheten    2027-02-10    Sida 2 (3)
# 6.1 Integritetsskyddsmyndighetens tillsyn
Förslaget tillstyrks.
# 6.2 Sanktionsavgifter
Polismyndigheten har ingen erinran mot förslaget.
# 7.1 Kamerabevakning i skolor
Polismyndigheten tillstyrker förslaget. Skadegörelse och anlagda bränder på skolor sker främst nattetid och under helger.
# 7.2 Ljudupptagning
Polismyndigheten delar inte utredningens bedömning. I vissa miljöer, till exempel vid ordningsstörningar i kollektivtrafiken, skulle ljudupptagning kunna ge avgörande bevisning. Myndigheten anser att frågan bör utredas vidare.
# 8.1 Bevarandetid för inspelat material
En förlängd bevarandetid är välkommen, men två månader är enligt myndighetens erfarenhet inte tillräckligt. Anmälningar om exempelvis bedrägerier kommer ofta in flera månader efter brottet. Polismyndigheten förordar därför en bevarandetid om tre månader.
---
Polismyndigheten    2027-02-10    Sida 3 (3)
I detta ärende har rikspolischefen Petra Lundh beslutat. Chefsjuristen Karin Ekholm har varit föredragande. I den slutliga handläggningen har även biträdande rikspolischefen deltagit.
Petra Lundh
Karin Ekholm
""",
    every(K, "supports", **{"7.2 (1)": "opposes", "8.1 (1)": "partly"}),
    {
        "Tillståndsprövningen har under lång tid": "proposal:5.1 (1)",
        "Anmälningar om exempelvis bedrägerier": "proposal:8.1 (1)",
        "Sida 2 (3)": "furniture",
        "har varit föredragande": "furniture",
    },
)

ANSWERS["imy-kamera"] = (
    KAMERA,
    """
H: Integritetsskyddsmyndigheten    Yttrande    Diarienummer: IMY-2026-4411    Datum: 2027-01-28
Regeringskansliet
Justitiedepartementet
Remissyttrande över SOU 2026:11 Enklare regler för kameraövervakning
# Integritetsskyddsmyndighetens ställningstaganden i korthet
- IMY avstyrker förslaget att avskaffa tillståndsplikten för myndigheter (avsnitt 5.1).
- IMY kan inte tillstyrka att kommuner ska få kamerabevaka allmän plats utan tillstånd (avsnitt 5.2).
- IMY välkomnar en förstärkt tillsyn men anser att den inte kan genomföras utan ökade anslag (avsnitt 6.1).
- IMY ser positivt på höjda sanktionsavgifter (avsnitt 6.2).
- IMY anser att förslaget om kamerabevakning av skolgårdar inte bör genomföras (avsnitt 7.1).
# Allmänna synpunkter
Kamerabevakning innebär ett intrång i den personliga integriteten. Tillståndsprövningen är i dag den enda förhandskontroll som säkerställer att intresset av bevakning väger tyngre än den enskildes intresse av att inte bli bevakad. Det är olyckligt att utredningen inte har analyserat de samlade effekterna av förslagen på integritetsskyddet.
# Tillståndsplikten för myndigheter (avsnitt 5.1)
Utredningen föreslår att statliga myndigheter inte längre ska behöva tillstånd. IMY anser att den förhandsprövning som sker i dag är en viktig rättssäkerhetsgaranti och avstyrker därför förslaget.
# Kommunal kamerabevakning (avsnitt 5.2)
Kommunernas behov av att förebygga brott är legitimt. Förslaget saknar dock tillräckliga skyddsmekanismer och IMY kan därför inte tillstyrka det.
# Tillsyn (avsnitt 6.1)
IMY välkomnar att tillsynen förstärks. Möjligheten att göra oanmälda inspektioner kräver dock resurser som utredningen inte har beräknat, och förslaget bör därför inte genomföras utan att myndighetens anslag ökas.
# Ljudupptagning
IMY delar utredningens bedömning att ljudupptagning även fortsättningsvis bör vara förbjuden.
# Bevarandetid
IMY anser att bevarandetiden inte bör förlängas. Utredningen har inte visat att en längre bevarandetid behövs.
Detta yttrande har beslutats av generaldirektören Lena Lindgren Schelin efter föredragning av juristen Anna Berg.
""",
    {
        "5.1 (1)": "opposes",
        "5.2 (1)": "opposes",
        "6.1 (1)": "partly",
        "6.2 (1)": "supports",
        "7.1 (1)": "opposes",
        "7.2 (1)": "supports",
        "8.1 (1)": "opposes",
    },
    {
        "Kamerabevakning innebär ett intrång": "general_views",
        "Kommunernas behov av att förebygga brott": "proposal:5.2 (1)",
        "Utredningen har inte visat att en längre": "proposal:8.1 (1)",
    },
)

ANSWERS["linkopings-kommun-kamera"] = (
    KAMERA,
    """
H: Tjänsteskrivelse    Kommunledningsförvaltningen    2027-01-15    Dnr KS 2026-0912
Linköpings kommun
Kommunstyrelsen
Remiss – Enklare regler för kameraövervakning (SOU 2026:11)
# Förslag till beslut
Kommunstyrelsen beslutar att som svar på remissen översända kommunledningsförvaltningens tjänsteskrivelse till Justitiedepartementet.
# Ärendet
Linköpings kommun har fått betänkandet Enklare regler för kameraövervakning (SOU 2026:11) på remiss. Utredningen föreslår bland annat att tillståndsplikten för myndigheter avskaffas, att sanktionsavgifterna höjs och att kommuner får kamerabevaka allmän plats utan tillstånd. Svaret ska ha kommit in till departementet senast den 15 februari 2027.
# Förvaltningens synpunkter
## Kommunal kamerabevakning av allmän plats
Förvaltningen ser mycket positivt på förslaget. Kommunen har vid två tillfällen nekats tillstånd för bevakning av resecentrum trots en omfattande brottslighet på platsen. Förslaget ger kommunen bättre möjligheter att arbeta brottsförebyggande tillsammans med polisen.
## Kamerabevakning i skolor
Förvaltningen välkomnar förslaget om kamerabevakning av skolgårdar, men anser att möjligheten även bör omfatta dagtid under skolloven, då skolgårdarna står tomma.
## Bevarandetid
Förvaltningen har inga synpunkter på förslaget om bevarandetid.
# Ekonomiska konsekvenser
Förslagen bedöms inte medföra några ökade kostnader för kommunen.
Kommunledningsförvaltningen
Anna Holm, kommundirektör
Per Sandberg, säkerhetschef
Beslutet skickas till: Justitiedepartementet, Säkerhetsenheten
""",
    {"5.2 (1)": "supports", "7.1 (1)": "partly", "8.1 (1)": "no_view"},
    {
        "Kommunen har vid två tillfällen nekats": "proposal:5.2 (1)",
        "Linköpings kommun har fått betänkandet": "summary",
        "Förslagen bedöms inte medföra några ökade": "consequences",
        "Anna Holm, kommundirektör": "furniture",
    },
)

ANSWERS["svea-hovratt-kamera"] = (
    KAMERA,
    """
H: SVEA HOVRÄTT    YTTRANDE    2027-01-20    Dnr 2026/0456
Justitiedepartementet
Betänkandet Enklare regler för kameraövervakning (SOU 2026:11)
Svea hovrätt har inga synpunkter på förslagen i betänkandet.
Detta yttrande har beslutats av hovrättspresidenten Anders Perklev. Föredragande har varit hovrättsassessorn Sara Nyman.
Anders Perklev
Sara Nyman
""",
    every(K, "no_view"),
    {"Föredragande har varit": "furniture"},
)

ANSWERS["aklagarmyndigheten-kamera"] = (
    KAMERA,
    """
F: Åklagarmyndigheten | Box 5553, 114 85 Stockholm | Tel 010-562 50 00 | www.aklagare.se
REMISSVAR    2027-02-01    ÅM2026-1870
Justitiedepartementet
Enklare regler för kameraövervakning (SOU 2026:11)
# Sammanfattning
Åklagarmyndigheten tillstyrker förslaget om att tillståndsplikten för myndigheter avskaffas och har ingen erinran mot den föreslagna tidpunkten för ikraftträdande. Förslagen i övrigt berör inte Åklagarmyndighetens verksamhet och myndigheten avstår därför från att yttra sig över dem.
# Tillståndsplikten för myndigheter
Åklagarmyndigheten tillstyrker förslaget. Myndigheten bedriver själv ingen kamerabevakning, men den bevakning som Polismyndigheten och andra brottsbekämpande myndigheter bedriver är av stor betydelse för utredningen av brott. Bildmaterial från kameror används i en växande andel av de mål som åklagare för till domstol.
# Ikraftträdande
Åklagarmyndigheten har ingen erinran mot att lagändringarna träder i kraft den 1 juli 2027.
Petra Lundh
Riksåklagare
Ulrika Rogland
""",
    every(K, "no_view", **{"5.1 (1)": "supports", "9.1 (1)": "supports"}),
    {
        "Bildmaterial från kameror används": "proposal:5.1 (1)",
        "Riksåklagare": "furniture",
    },
)

ANSWERS["sveriges-larare-kamera"] = (
    KAMERA,
    """
Sveriges Lärare
Yttrande    Vår referens 2026/311    2027-02-03
Till Justitiedepartementet
Sveriges Lärares synpunkter på betänkandet Enklare regler för kameraövervakning
Sveriges Lärare har tagit del av betänkandet och lämnar följande synpunkter. Vi har valt att endast kommenterar de delar som rör skolan och lärarnas arbetsmiljö.
# Kamerabevakning av skolgårdar
Skolan ska vara en trygg plats för elever och personal. Vi förstår att skadegörelse på skolor är ett stort problem för många huvudmän. Vi anser ändå att skolor inte ska få kamerabevaka skolgårdar utan tillstånd. En skolgård är inte bara en skolgård utan på kvällar och helger en mötesplats för barn och unga i bostadsområdet. Det är olyckligt att utredningen inte har analyserat hur bevakningen påverkar barns rätt till privatliv enligt barnkonventionen.
# Sanktionsavgifter
Vi välkomnar högre sanktionsavgifter, men vill samtidigt påpeka att avgifterna inte får drabba enskilda skolor vars budget redan är ansträngd. Avgifterna bör i första hand riktas mot huvudmannen.
# Ljud
Vi delar utredningens bedömning att ljudupptagning även fortsättningsvis bör vara förbjuden. Samtal mellan lärare och elever måste kunna föras utan risk för att spelas in.
Med vänlig hälsning
Sveriges Lärare
Åsa Fahlén, ordförande
Maria Persson, förbundsdirektör
""",
    {"7.1 (1)": "opposes", "6.2 (1)": "partly", "7.2 (1)": "supports"},
    {
        "En skolgård är inte bara en skolgård": "proposal:7.1 (1)",
        "Samtal mellan lärare och elever": "proposal:7.2 (1)",
        "Åsa Fahlén, ordförande": "furniture",
    },
)

ANSWERS["lansstyrelsen-skane-kamera"] = (
    KAMERA,
    """
H: Länsstyrelsen Skåne    YTTRANDE    2027-02-05    Dnr 101-4567-2026
Justitiedepartementet
Remiss av SOU 2026:11 Enklare regler för kameraövervakning
Länsstyrelsen Skåne har följande ställningstaganden till utredningens förslag. Länsstyrelsen har samordnat sitt svar med länsstyrelsernas rättsliga nätverk.
| Förslag | Ställningstagande | Kommentar
| 5.1 Tillståndsplikten för myndigheter avskaffas | Tillstyrks | –
| 5.2 Kommuners kamerabevakning av allmän plats | Tillstyrks med medskick | Kommunerna bör åläggas att årligen redovisa bevakningen till Integritetsskyddsmyndigheten.
| 6.1 Integritetsskyddsmyndighetens tillsyn | Tillstyrks | –
| 6.2 Sanktionsavgifter | Avstyrks | De föreslagna nivåerna är oproportionerliga för små föreningar och enskilda näringsidkare.
| 7.1 Kamerabevakning i skolor | Inga synpunkter |
| 7.2 Ljudupptagning | Instämmer |
| 8.1 Bevarandetid | Tillstyrks delvis | En förlängning bör endast gälla brottsbekämpande myndigheter.
| 9.1 Ikraftträdande | Ingen erinran |
Beslut i detta ärende har fattats av landshövding Anneli Hulthén. I den slutliga handläggningen har även länsråd Ola Melin deltagit samt jurist Eva Ljung, föredragande.
""",
    every(K, "supports", **{"6.2 (1)": "opposes", "7.1 (1)": "no_view", "8.1 (1)": "partly"}),
    {
        "Länsstyrelsen har samordnat sitt svar": "summary",
        "Beslut i detta ärende har fattats": "furniture",
    },
)

ANSWERS["advokatsamfundet-kamera"] = (
    KAMERA,
    """
SVERIGES ADVOKATSAMFUND
R-2026/1502    Stockholm den 8 februari 2027
Till Justitiedepartementet
Ju2026/01234
Sveriges advokatsamfund har genom remiss den 2 november 2026 beretts tillfälle att avge yttrande över betänkandet Enklare regler för kameraövervakning (SOU 2026:11).
# Inledande synpunkter
Advokatsamfundet har vid upprepade tillfällen framhållit att integritetsskyddet urholkas genom att lagstiftning om övervakning införs stegvis utan att de samlade effekterna utvärderas. Betänkandet är ytterligare ett exempel på detta.
# Tillståndsplikten för myndigheter
Advokatsamfundet kan inte tillstyrka förslaget. Tillståndsprövningen är en av få möjligheter till en oberoende kontroll av myndigheternas bevakning.
# Kommunal kamerabevakning
Advokatsamfundet ställer sig bakom syftet att förebygga brott men avstyrker förslaget i dess nuvarande utformning. Kravet på att bevakningen behövs för att förebygga brott är alltför vagt för att utgöra en verklig begränsning.
# Sanktionsavgifter
Advokatsamfundet har inget att erinra mot förslaget om höjda sanktionsavgifter.
# Bevarandetid
Advokatsamfundet anser att förslaget om förlängd bevarandetid bör bearbetas ytterligare. Det behövs en analys av vilka kategorier av material som faktiskt behöver bevaras längre.
Advokatsamfundet har i övrigt inga synpunkter på betänkandet.
SVERIGES ADVOKATSAMFUND
Mia Edwall Insulander
Generalsekreterare
""",
    every(K, "no_view", **{"5.1 (1)": "opposes", "5.2 (1)": "opposes", "6.2 (1)": "supports", "8.1 (1)": "partly"}),
    {
        "integritetsskyddet urholkas": "general_views",
        "Kravet på att bevakningen behövs": "proposal:5.2 (1)",
        "Generalsekreterare": "furniture",
    },
)

ANSWERS["skolverket-skolskjuts"] = (
    SKOLSKJUTS,
    """
H: Skolverket    Remissvar    2027-03-01    Dnr 2026:2211
F: Skolverket, 106 20 Stockholm. Besöksadress: Fleminggatan 14. Telefon: 08-527 332 00
Utbildningsdepartementet
Skolskjuts för fler elever (SOU 2026:25)
# Sammanfattning
Skolverket är i huvudsak positivt till utredningens förslag. Skolverket tillstyrker förslagen om rätt till skolskjuts vid växelvis boende och till fritidshem, men anser att förslaget om skolskjuts vid val av annan skola behöver bearbetas ytterligare.
# Skolverkets synpunkter
## 4.1 Rätt till skolskjuts vid växelvis boende
Skolverket tillstyrker förslaget. Rättsläget har varit oklart sedan Högsta förvaltningsdomstolens avgörande 2015, och kommunerna har tillämpat reglerna olika. Förslaget skapar en likvärdig rätt för elever oavsett var de bor.
## 4.2 Skolskjuts till och från fritidshem
Skolverket tillstyrker förslaget med följande medskick. Kommunerna bör i sina riktlinjer tydliggöra hur skolskjuts till fritidshem ska samordnas med den ordinarie skolskjutsen, så att eleverna inte får orimligt långa väntetider.
## 5.1 Skolskjuts vid val av annan skola
Skolverket anser att förslaget bör bearbetas ytterligare. Begreppet organisatoriska eller ekonomiska svårigheter har i praxis fått en mycket vid tolkning, och utan en tydligare reglering riskerar rätten att bli verkningslös.
## 5.2 Trafiksäkerhet vid skolskjuts
Skolverket instämmer i utredningens förslag.
## 6.1 Statsbidrag till skolskjuts i glesbygd
Skolverket har inget att erinra mot förslaget. Skolverket vill dock framhålla att myndigheten behöver tillföras medel för att administrera statsbidraget.
## 6.2 Maximal restid
Skolverket delar bedömningen.
# Författningskommentar
I 10 kap. 32 § skollagen bör orden "från båda bostäderna" kompletteras med en hänvisning till var eleven är folkbokförd, så att det framgår vilken kommun som ansvarar.
I detta ärende har generaldirektören Peter Fredriksson beslutat. Undervisningsrådet Lars Åberg har varit föredragande. I den slutliga handläggningen har även avdelningschefen Eva Blomqvist medverkat.
""",
    {
        "4.1 (1)": "supports",
        "4.2 (1)": "supports",
        "5.1 (1)": "partly",
        "5.2 (1)": "supports",
        "6.1 (1)": "supports",
        "6.2 (1)": "supports",
    },
    {
        "Rättsläget har varit oklart": "proposal:4.1 (1)",
        "Begreppet organisatoriska eller ekonomiska": "proposal:5.1 (1)",
        "Undervisningsrådet Lars Åberg": "furniture",
    },
)

ANSWERS["storumans-kommun-skolskjuts"] = (
    SKOLSKJUTS,
    """
STORUMANS KOMMUN
Barn- och utbildningsförvaltningen
Tjänsteskrivelse    2027-02-11    Dnr BUN 2026/88
Remissyttrande – Skolskjuts för fler elever (SOU 2026:25)
# Förslag till beslut
Barn- och utbildningsnämnden föreslår kommunstyrelsen besluta
att som svar på remissen översända förvaltningens yttrande till Utbildningsdepartementet.
# Ärendet
Utbildningsdepartementet har skickat betänkandet Skolskjuts för fler elever på remiss. Utredningen föreslår att rätten till skolskjuts utvidgas och att ett statsbidrag införs för kommuner i glesbygd. Utredningen bedömer att någon maximal restid inte bör införas.
# Bedömning
Storumans kommun är en av landets glesast befolkade kommuner. Skolskjutsen kostar i dag kommunen över 20 miljoner kronor per år, och flera elever reser mer än två timmar om dagen.
Kommunen ställer sig positiv till förslagen om rätt till skolskjuts vid växelvis boende och till fritidshem, under förutsättning att finansiering tillförs. Utan full kostnadstäckning kommer förslagen att tränga undan annan verksamhet i skolan.
Kommunen välkomnar statsbidraget till skolskjuts i glesbygd och anser att det bör fördelas efter faktiska kostnader.
Kommunen delar inte utredningens bedömning att någon maximal restid inte bör införas. Elever i kommunen har i dag restider som påverkar både skolresultat och hälsa, och en nationell gräns skulle ge kommunen stöd i upphandlingen av skolskjuts.
# Ekonomiska konsekvenser
Förslagen om växelvis boende och fritidshem beräknas kosta kommunen cirka 1,5 miljoner kronor per år.
Maria Lindqvist
Förvaltningschef
""",
    {"4.1 (1)": "partly", "4.2 (1)": "partly", "6.1 (1)": "supports", "6.2 (1)": "opposes"},
    {
        "Storumans kommun är en av landets glesast": "general_views",
        "beräknas kosta kommunen cirka": "consequences",
        "Utbildningsdepartementet har skickat betänkandet": "summary",
    },
)

ANSWERS["transportstyrelsen-skolskjuts"] = (
    SKOLSKJUTS,
    """
H: Transportstyrelsen    YTTRANDE    Datum 2027-02-20    TSG 2026-5512
Utbildningsdepartementet
Yttrande över betänkandet Skolskjuts för fler elever (SOU 2026:25)
Transportstyrelsen har inga synpunkter på förslagen i betänkandet utöver det som rör myndighetens ansvarsområde.
# Föreskrifter om trafiksäkerhet vid skolskjuts
Transportstyrelsen avstyrker förslaget att myndigheten ska meddela föreskrifter om trafiksäkerhet vid skolskjuts. Trafiksäkerheten vid skolskjuts regleras redan i dag av trafikförordningen och av föreskrifter om fordon och förare. Ett särskilt regelverk för skolskjuts skulle skapa gränsdragningsproblem, och utredningen har inte visat vilka brister i trafiksäkerheten som föreskrifterna skulle avhjälpa.
Beslut i detta ärende har fattats av generaldirektör Jonas Bjelfvenstam. Verksjurist Kim Ek har varit föredragande.
""",
    every(S, "no_view", **{"5.2 (1)": "opposes"}),
    {
        "Trafiksäkerheten vid skolskjuts regleras redan": "proposal:5.2 (1)",
    },
)

ANSWERS["barnombudsmannen-skolskjuts"] = (
    SKOLSKJUTS,
    """
BARNOMBUDSMANNEN
Utbildningsdepartementet
Dnr 2.2:0456/26
Skolskjuts för fler elever (SOU 2026:25)
Barnombudsmannen avstår från att yttra sig över betänkandet.
Stockholm den 4 februari 2027
Elisabeth Dahlin
Barnombudsman
""",
    every(S, "no_view"),
    {},
)

ANSWERS["friskolornas-riksforbund-skolskjuts"] = (
    SKOLSKJUTS,
    """
Friskolornas riksförbund
Remissvar: Skolskjuts för fler elever, SOU 2026:25
Datum: 2027-02-25
Friskolornas riksförbund organiserar cirka 600 huvudmän för fristående förskolor och skolor. Vi lämnar här våra synpunkter på de delar av betänkandet som berör elever i fristående skolor.
# Val av skola
Vi välkomnar att utredningen föreslår att rätten till skolskjuts även ska gälla när eleven väljer en annan skola inom hemkommunen, men förslaget går inte tillräckligt långt. Undantaget för organisatoriska eller ekonomiska svårigheter ger kommunerna möjlighet att neka skolskjuts till elever i fristående skolor i nästan alla fall.
Vi anser att elever som väljer en fristående skola ska ha samma rätt till skolskjuts som elever i kommunala skolor.
# Statsbidraget
Det är olyckligt att statsbidraget endast riktas till kommuner i glesbygd. Kostnaderna för skolskjuts är höga även i många mellanstora kommuner. Statsbidraget bör i stället utformas så att alla kommuner med höga kostnader kan söka det. Vi ser därför inte att statsbidraget i sin föreslagna form bör införas.
Ulla Hamilton
Vd, Friskolornas riksförbund
""",
    {"5.1 (1)": "partly", "6.1 (1)": "opposes"},
    {
        "Undantaget för organisatoriska": "proposal:5.1 (1)",
        "Kostnaderna för skolskjuts är höga": "proposal:6.1 (1)",
        "Friskolornas riksförbund organiserar": "summary",
    },
)

ANSWERS["region-jamtland-skolskjuts"] = (
    SKOLSKJUTS,
    """
H: Region Jämtland Härjedalen    Regional utveckling    Yttrande    RS/1234/2026
Utbildningsdepartementet
u.remissvar@regeringskansliet.se
Yttrande över Skolskjuts för fler elever (SOU 2026:25)
Region Jämtland Härjedalen är regional kollektivtrafikmyndighet och ansvarar för den allmänna kollektivtrafik som många elever använder för sina skolresor. Regionen har följande synpunkter:
- Regionen tillstyrker förslaget om skolskjuts vid växelvis boende (avsnitt 4.1).
- Regionen avstyrker förslaget om skolskjuts till och från fritidshem (avsnitt 4.2). Resorna sker på tider då kollektivtrafiken har låg turtäthet och skulle kräva särskilda linjer.
- Regionen ser positivt på statsbidraget (avsnitt 6.1), men vill att även regioner som organiserar skolskjuts på uppdrag av kommuner ska kunna ta del av det.
- Regionen har inget att erinra mot ikraftträdandet (avsnitt 7.1).
För Region Jämtland Härjedalen
Anna Berglund, regionråd
Lars Nilsson, kollektivtrafikchef
""",
    {"4.1 (1)": "supports", "4.2 (1)": "opposes", "6.1 (1)": "partly", "7.1 (1)": "supports"},
    {
        "Resorna sker på tider då kollektivtrafiken": "proposal:4.2 (1)",
        "Anna Berglund, regionråd": "furniture",
    },
)

ANSWERS["naturvardsverket-miljo"] = (
    MILJO,
    """
H: NATURVÅRDSVERKET    REMISSYTTRANDE    2027-03-10    NV-07123-26
F: Naturvårdsverket | 106 48 Stockholm | Tel 010-698 10 00 | registrator@naturvardsverket.se | www.naturvardsverket.se
Klimat- och näringslivsdepartementet
Yttrande över Snabbare och samordnad miljöprövning (SOU 2026:40)
# 1 Sammanfattning
Naturvårdsverket delar utredningens analys av att miljöprövningen behöver bli snabbare och mer förutsebar. Verket tillstyrker förslaget om en samordnad prövning och om digitala ansökningar. Verket avstyrker förslagen om bindande tidsfrister och om anmälan i stället för tillstånd vid ändringar, och förordar ett annat alternativ än en nationell prövningsmyndighet.
# 2 Naturvårdsverkets synpunkter
## 3.1 En samordnad prövning
Naturvårdsverket tillstyrker förslaget. En väg in för verksamhetsutövaren bör kunna korta handläggningstiderna avsevärt.
## 3.2 Tidsfrister för prövningen
Naturvårdsverket ställer sig bakom syftet men avstyrker förslaget i dess nuvarande utformning. En tidsfrist på nio månader riskerar att leda till att ansökningar avvisas i stället för att kompletteras, vilket förlänger den samlade tiden för verksamhetsutövaren.
## 4.1 En nationell prövningsmyndighet
Utredningen har redovisat två alternativ: en nationell prövningsmyndighet (alternativ A) och färre men större miljöprövningsdelegationer vid sex länsstyrelser (alternativ B). Naturvårdsverket förordar alternativ B. Den regionala kunskapen om naturförhållanden är avgörande för prövningens kvalitet.
---
## 4.2 Avgifter för prövning
Naturvårdsverket har inga invändningar mot förslaget.
## 5.1 Anmälan i stället för tillstånd vid ändringar
Naturvårdsverket kan inte tillstyrka förslaget. Många ändringar som i dag kräver tillstånd har betydande miljöeffekter, och anmälningsförfarandet ger inte samma möjlighet för allmänheten att delta.
## 5.2 Strandskyddsdispens i samma prövning
Naturvårdsverket tillstyrker förslaget under förutsättning att länsstyrelsens särskilda kompetens i strandskyddsfrågor tas till vara i prövningen.
## 6.1 Digital ansökan
Naturvårdsverket ser positivt på förslaget.
## 6.2 Uppföljning av reformen
Naturvårdsverket är berett att följa upp reformen, under förutsättning att verket tillförs medel för uppdraget.
# 3 Konsekvenser för Naturvårdsverket
Förslagen innebär ökade kostnader för Naturvårdsverket för vägledning och uppföljning om cirka 8 miljoner kronor per år.
I detta ärende har generaldirektör Björn Risinger beslutat. Jurist Maja Ström har varit föredragande. I den slutliga handläggningen har även avdelningschef Per Ek deltagit.
""",
    {
        "3.1 (1)": "supports",
        "3.2 (1)": "opposes",
        "4.1 (1)": "opposes",
        "4.2 (1)": "supports",
        "5.1 (1)": "opposes",
        "5.2 (1)": "partly",
        "6.1 (1)": "supports",
        "6.2 (1)": "partly",
    },
    {
        "En väg in för verksamhetsutövaren": "proposal:3.1 (1)",
        "Den regionala kunskapen om naturförhållanden": "proposal:4.1 (1)",
        "ökade kostnader för Naturvårdsverket": "consequences",
    },
)

ANSWERS["svenskt-naringsliv-miljo"] = (
    MILJO,
    """
Svenskt Näringsliv
Klimat- och näringslivsdepartementet
Stockholm den 12 mars 2027
Snabbare och samordnad miljöprövning (SOU 2026:40)
Svenskt Näringsliv har beretts möjlighet att lämna synpunkter på rubricerat betänkande och vill anföra följande.
# Övergripande
Långa och oförutsägbara tillståndsprocesser är i dag ett av de största hindren för investeringar i Sverige. Vi välkomnar därför att regeringen tillsatt utredningen och att betänkandet innehåller flera förslag som kan förkorta prövningen.
# Tidsfrister
Vi välkomnar förslaget om tidsfrister, men anser att fristen bör vara sex månader och att en överskriden frist ska få konsekvenser för prövningsmyndigheten, till exempel att avgiften sätts ned.
# Avgifter
Vi delar inte utredningens bedömning att avgifterna ska täcka prövningsmyndighetens kostnader fullt ut. Prövningen är en myndighetsuppgift som i huvudsak bör finansieras med anslag, och höjda avgifter slår särskilt hårt mot små och medelstora företag.
# Ändringsanmälan
Förslaget om att ändringar i fler fall ska kunna anmälas är mycket välkommet och tillstyrks. Det kommer att göra det möjligt för företag att ställa om sin produktion snabbare.
# Digital ansökan
Vi är positiva till en gemensam digital ingång för ansökningar.
Svenskt Näringsliv
Jan-Olof Jacke
Carolina Dahl
""",
    {"3.2 (1)": "partly", "4.2 (1)": "opposes", "5.1 (1)": "supports", "6.1 (1)": "supports"},
    {
        "Långa och oförutsägbara tillståndsprocesser": "general_views",
        "Prövningen är en myndighetsuppgift": "proposal:4.2 (1)",
    },
)

ANSWERS["gavle-kommun-miljo"] = (
    MILJO,
    """
H: GÄVLE KOMMUN    Samhällsbyggnad Gävle    TJÄNSTESKRIVELSE    2027-02-18    Dnr MHN 2026-0334
Miljö- och hälsoskyddsnämnden
Yttrande över remiss – Snabbare och samordnad miljöprövning (SOU 2026:40)
# Förslag till beslut
Miljö- och hälsoskyddsnämnden föreslås besluta
att som svar på remissen översända förvaltningens yttrande till Kommunstyrelsen,
att paragrafen förklaras omedelbart justerad.
# Ärendet
Kommunstyrelsen har gett nämnden möjlighet att yttra sig över betänkandet. Utredningen föreslår bland annat en samordnad prövning vid länsstyrelsen, bindande tidsfrister och att strandskyddsdispens ska prövas tillsammans med tillståndet. Kommunstyrelsens yttrande ska lämnas till departementet senast 15 mars 2027.
# Förvaltningens synpunkter
## Samordnad prövning
Förvaltningen är i grunden positiv till en samordnad prövning men anser att förslaget i sin nuvarande form riskerar att försvaga kommunens inflytande i frågor om lokal miljö och planering. Kommunen måste få yttra sig innan länsstyrelsen fattar beslut.
## Avgifter
Utredningens resonemang på sidorna 212–218 om kostnadstäckning är väl underbyggt. Förvaltningen delar utredningens bedömning att avgifterna bör höjas.
## Strandskyddsdispens
Förvaltningen avstyrker att strandskyddsdispensen ska prövas i samma prövning. Kommunen prövar i dag de flesta dispenserna och har den lokala kännedom som prövningen kräver.
# Konsekvenser
Förslaget om strandskydd skulle minska kommunens intäkter från dispensavgifter med cirka 300 000 kronor per år.
Samhällsbyggnad Gävle
Karin Åström, förvaltningschef
Jonas Lind, miljöchef
""",
    {"3.1 (1)": "partly", "4.2 (1)": "supports", "5.2 (1)": "opposes"},
    {
        "Kommunen måste få yttra sig": "proposal:3.1 (1)",
        "Kommunen prövar i dag de flesta": "proposal:5.2 (1)",
        "minska kommunens intäkter": "consequences",
    },
)

ANSWERS["kammarkollegiet-miljo"] = (
    MILJO,
    """
H: KAMMARKOLLEGIET    Yttrande    2027-02-09    Dnr 3.1.2-4455-26
Klimat- och näringslivsdepartementet
Betänkandet Snabbare och samordnad miljöprövning (SOU 2026:40)
Kammarkollegiet har inget att erinra mot förslagen.
Detta beslut har fattats av generaldirektören Maria Eka efter föredragning av verksjuristen Sven Ahl.
""",
    every(M, "supports"),
    {"efter föredragning av": "furniture"},
)

ANSWERS["lansstyrelsen-vg-miljo"] = (
    MILJO,
    """
H: Länsstyrelsen i Västra Götalands län    YTTRANDE    2027-03-02    Diarienummer 501-12345-2026
F: Postadress: 403 40 Göteborg    Telefon: 010-224 40 00    E-post: vastragotaland@lansstyrelsen.se
Klimat- och näringslivsdepartementet
Remiss: Snabbare och samordnad miljöprövning (SOU 2026:40)
# Länsstyrelsens ställningstagande
Länsstyrelsen tillstyrker förslaget att länsstyrelsen ska samordna prövningen. Länsstyrelsen avstyrker förslaget att inrätta en nationell prövningsmyndighet. Länsstyrelsen tillstyrker i övrigt förslagen.
# Bedömning
## En samordnad prövning
Länsstyrelsen har i dag ansvar för en stor del av prövningen enligt miljöbalken och har den samlade kompetens som krävs. En samordning hos länsstyrelsen är därför naturlig.
## En nationell prövningsmyndighet
En nationell myndighet skulle förlora den regionala förankringen och kunskapen om lokala förhållanden. Miljöprövningsdelegationerna fungerar väl i dag, och utredningen har inte visat att en ny myndighet skulle korta handläggningstiderna.
# Författningskommentar
19 kap. 2 § miljöbalken: Länsstyrelsen föreslår att det av bestämmelsen uttryckligen framgår vilken länsstyrelse som är behörig när en verksamhet berör flera län.
Beslut i detta ärende har fattats av landshövding Sten Tolgfors. Miljörättsexpert Helena Borg har varit föredragande. I den slutliga handläggningen har även miljödirektör Anna Ek deltagit.
""",
    every(M, "supports", **{"4.1 (1)": "opposes"}),
    {
        "En nationell myndighet skulle förlora": "proposal:4.1 (1)",
        "Länsstyrelsen har i dag ansvar för en stor del": "proposal:3.1 (1)",
        "Beslut i detta ärende har fattats": "furniture",
    },
)

ANSWERS["lunds-universitet-miljo"] = (
    MILJO,
    """
LUNDS UNIVERSITET
Juridiska fakulteten
YTTRANDE    2027-02-27    STYR 2026/1988
Klimat- och näringslivsdepartementet
Yttrande över betänkandet Snabbare och samordnad miljöprövning
Juridiska fakultetsstyrelsen har genom dekanus uppdragit åt professor Jonas Ebbesson att utarbeta ett förslag till yttrande. Fakultetsstyrelsen har därefter ställt sig bakom yttrandet, som får följande lydelse.
Fakulteten ser allvarliga problem med förslaget om tidsfrister för prövningen. Tidsfristerna riskerar att försämra underlaget för besluten och därmed rättssäkerheten för både sökande och berörda. Erfarenheter från andra länder visar att frister av detta slag leder till fler överklaganden. Fakulteten anser att förslaget inte bör genomföras.
Fakulteten instämmer i förslaget om att ändringar i fler fall ska kunna anmälas i stället för att prövas.
Lund som ovan
Jonas Ebbesson
Dekanus
""",
    {"3.2 (1)": "opposes", "5.1 (1)": "supports"},
    {
        "Erfarenheter från andra länder": "proposal:3.2 (1)",
        "Juridiska fakultetsstyrelsen har genom dekanus": "furniture",
    },
)

ANSWERS["region-orebro-tillit"] = (
    TILLIT,
    """
H: Region Örebro län    Regionkansliet    Yttrande    Diarienummer 18RS4411
Finansdepartementet
Yttrande över betänkandena SOU 2018:47 och SOU 2018:48
# Sammanfattning
Region Örebro län ställer sig positiv till utredningens huvudsakliga analys av tillitsbaserad styrning. Regionen tillstyrker förslagen om en samlad och tillitsbaserad statlig styrning, avstyrker förslaget om patientsäkerhetslagens bestämmelse om tillsyn och är positiv till ett frikommunförsök.
# 7.1.1 En samlad och tillitsbaserad statlig styrning av kommuner och landsting
Regionen tillstyrker förslagen. Den detaljerade styrningen genom riktade statsbidrag har under lång tid försvårat regionens långsiktiga planering, och en nationell konsultationsordning skulle ge verksamheterna bättre möjligheter att påverka statens styrning.
# 7.4.3 Patientsäkerhetslagens bestämmelse om att tillsyn främst ska inriktas på vårdgivarens systematiska patientsäkerhetsarbete tas bort
Regionen ställer sig bakom syftet men avstyrker förslaget i dess nuvarande utformning. Inriktningen mot det systematiska patientsäkerhetsarbetet har bidragit till ett lärande i verksamheterna, och det är oklart vad som ska ersätta den.
# 7.6.3 Frikommunförsök
Regionen är intresserad av att delta i ett frikommunförsök och ser positivt på förslaget.
Regionstyrelsen
Irja Gustavsson, ordförande
Rickard Simonsson, regiondirektör
""",
    {
        "7.1.1 (1)": "supports",
        "7.1.1 (2)": "supports",
        "7.1.1 (3)": "supports",
        "7.4.3 (1)": "opposes",
        "7.6.3 (1)": "supports",
    },
    {
        "Inriktningen mot det systematiska": "proposal:7.4.3 (1)",
        "Rickard Simonsson, regiondirektör": "furniture",
    },
)

ANSWERS["statskontoret-tillit"] = (
    TILLIT,
    """
H: Statskontoret    Yttrande    2018-10-22    2018/155-4
Finansdepartementet
Remiss av betänkandena Med tillit växer handlingsutrymmet (SOU 2018:47) och En lärande tillsyn (SOU 2018:48)
Statskontoret begränsar sitt yttrande till de förslag som berör myndighetens uppdrag.
# Stödmaterial om en värderingsstyrd organisation (avsnitt 7.2.2)
Statskontoret tillstyrker förslaget att Statskontoret ska få i uppdrag att utveckla ett stödmaterial, med följande medskick. Uppdraget bör ges en längre tidsram än den föreslagna, och materialet bör tas fram i samråd med Arbetsgivarverket.
# Ett nationellt policylabb (avsnitt 7.6.2)
Statskontoret avstyrker förslaget om att inrätta ett nationellt policylabb. Det finns redan i dag flera aktörer som arbetar med att utveckla offentlig verksamhet, och ett policylabb riskerar att skapa oklara ansvarsförhållanden.
I övrigt har Statskontoret inga synpunkter.
I detta ärende har generaldirektör Annika Järvelin beslutat. Utredningschef Mats Ek har varit föredragande.
""",
    every(T, "no_view", **{"7.2.2 (1)": "supports", "7.6.2 (1)": "opposes"}),
    {
        "Uppdraget bör ges en längre tidsram": "proposal:7.2.2 (1)",
        "ett policylabb riskerar att skapa": "proposal:7.6.2 (1)",
    },
)

ANSWERS["vision-tillit"] = (
    TILLIT,
    """
Vision
Finansdepartementet
Vår referens: 2018/0231
Visions remissvar på Med tillit växer handlingsutrymmet (SOU 2018:47)
Vision organiserar 200 000 medlemmar i kommuner, regioner, privata företag och kyrkan. Många av dem är chefer och professionella inom välfärden, och frågan om tillitsbaserad styrning är central för deras arbetsmiljö.
Vision välkomnar utredningens förslag om en nationell konsultationsordning för verksamheterna inom välfärdssektorn. Det är viktigt att medarbetarnas erfarenheter tas till vara när staten styr.
Det är olyckligt att utredningen inte har lämnat några förslag om chefers arbetsmiljö och förutsättningar. Utan rimliga förutsättningar för cheferna kommer tillitsreformen inte att nå verksamheterna.
Vi anser att frikommunförsöket inte bör genomföras. Ett försök där kommuner undantas från regler riskerar att försämra likvärdigheten och medarbetarnas anställningsvillkor.
Veronica Magnusson
Förbundsordförande
""",
    {"7.1.1 (2)": "supports", "7.6.3 (1)": "opposes"},
    {
        "Det är viktigt att medarbetarnas erfarenheter": "proposal:7.1.1 (2)",
        "Utan rimliga förutsättningar för cheferna": "general_views",
    },
)

ANSWERS["mucf-demokrati"] = (
    DEMOKRATI,
    """
H: Myndigheten för ungdoms- och civilsamhällesfrågor    Remissvar    2022-09-30    Dnr 2022/431
Kulturdepartementet
Remissvar: Vår demokrati – värd att värna varje dag (SOU 2022:28)
# MUCF:s ställningstaganden
MUCF ser positivt på att en nationell demokratifunktion inrättas men anser att funktionen bör placeras vid en befintlig myndighet med uppdrag inom demokratiområdet i stället för att bilda en ny organisation.
MUCF instämmer i förslaget att Skolverket ska förtydliga skolans demokratiuppdrag.
Mot förslaget om att kommittéförordningen ändras så att utredningar redovisar förslagens konsekvenser för demokratin har MUCF inget att erinra.
# Skälen för MUCF:s ställningstaganden
Unga människors förtroende för demokratin varierar kraftigt mellan olika grupper. MUCF:s undersökningar visar att unga som upplever att de inte kan påverka sin situation i lägre grad deltar i val.
Beslut om detta yttrande har fattats av generaldirektör Lena Nyberg. Föredragande har varit utredare Amir Ali.
""",
    {"8.1 (1)": "partly", "8.2 (1)": "supports", "8.4 (1)": "supports"},
    {
        "Unga människors förtroende för demokratin": "general_views",
    },
)

ANSWERS["lansstyrelsen-stockholm-jamstalldhet"] = (
    JAMSTALLDHET,
    """
H: Länsstyrelsen Stockholm    Yttrande    2016-04-14    Dnr 101-5566-2016
Socialdepartementet
Yttrande över betänkandet Mål och myndighet – en effektiv styrning av jämställdhetspolitiken (SOU 2015:86)
# Sammanfattning
Länsstyrelsen tillstyrker med följande medskick förslaget om en ny jämställdhetsmyndighet. Länsstyrelsen anser att länsstyrelsernas uppdrag att samordna jämställdhetsarbetet i länet bör ligga kvar hos länsstyrelserna.
# Synpunkter
## En ny jämställdhetsmyndighet
Länsstyrelsen delar utredningens bild av att styrningen av jämställdhetspolitiken är splittrad. En myndighet med ett samlat ansvar kan ge bättre förutsättningar för uppföljning. Myndigheten bör ha en regional närvaro och samverka nära med länsstyrelserna.
## Myndighetens uppgifter
Länsstyrelserna har under lång tid byggt upp kunskap om jämställdhetsintegrering i länen. Att flytta dessa uppgifter till den nya myndigheten skulle innebära att den regionala kunskapen går förlorad.
## Könsuppdelad statistik
Länsstyrelsen delar utredningens uppfattning att en generell regel om könsuppdelad statistik i myndigheternas årsredovisningar bör införas.
Beslut i detta ärende har fattats av landshövding Chris Heister. Jämställdhetsstrateg Lina Nord har varit föredragande.
""",
    {"9.1 (1)": "supports", "9.2 (1)": "partly", "10.1 (1)": "supports"},
    {
        "Myndigheten bör ha en regional närvaro": "proposal:9.1 (1)",
        "Länsstyrelserna har under lång tid byggt upp": "proposal:9.2 (1)",
    },
)

ANSWERS["sveriges-kommuner-regioner-skolskjuts"] = (
    SKOLSKJUTS,
    """
H: Sveriges Kommuner och Regioner    Remissvar    2027-03-03    Vårt ärendenr: 26/01234
Utbildningsdepartementet
Skolskjuts för fler elever (SOU 2026:25)
Sveriges Kommuner och Regioner (SKR) har beretts möjlighet att lämna synpunkter på betänkandet.
# SKR:s ställningstagande
SKR avstyrker förslagen som utvidgar rätten till skolskjuts i avsnitt 4.1, 4.2 och 5.1. Förslagen innebär ett nytt åtagande för kommunerna som enligt den kommunala finansieringsprincipen måste finansieras fullt ut av staten, och utredningen har kraftigt underskattat kostnaderna.
SKR tillstyrker förslaget om statsbidrag till skolskjuts i glesbygd och delar utredningens bedömning att någon maximal restid inte bör införas.
# Trafiksäkerhet
SKR ser ingen anledning till särskilda föreskrifter om trafiksäkerhet vid skolskjuts. Kommunerna ställer redan i dag höga krav i sina upphandlingar.
Anders Knape
Ordförande
Sveriges Kommuner och Regioner
Avdelningen för utbildning och arbetsmarknad
""",
    {
        "4.1 (1)": "opposes",
        "4.2 (1)": "opposes",
        "5.1 (1)": "opposes",
        "6.1 (1)": "supports",
        "6.2 (1)": "supports",
        "5.2 (1)": "opposes",
    },
    {
        "kommunala finansieringsprincipen": "proposal:4.1 (1)",
        "Kommunerna ställer redan i dag höga krav": "proposal:5.2 (1)",
    },
)
