"""The Swedish and English versions of the demo pages (demo_content.py holds the Finnish).

Keyed like the Finnish specs: "home", the theme code, the article's or the
standard page's slug. Each language gives title (not for theme pages: the
theme vocabulary names them), intro and body; the search description is the
intro. Swedish is Finland-Swedish public-service Swedish, with the terms of
Finland's employment services; English is plain English. The facts are those
of the Finnish texts.
"""


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


HOME = {
    "sv": {
        "title": "Mallipankki",
        "intro": (
            "Mallipankki samlar god praxis och modeller som hjälper personer i svag ställning på arbetsmarknaden "
            "att få arbete."
        ),
        "body": paragraphs(
            "Kompetenscentret för sociala företag har i uppgift att främja sysselsättningen bland personer i svag "
            "ställning på arbetsmarknaden. Därför söker, utvärderar och sprider kompetenscentret god praxis och "
            "modeller som stöder sysselsättning, både i Finland och i övriga Europa.",
            "Webbplatsens teman bygger på kompetenscentrets utvärderingsarbete och på forskningslitteratur. Temana "
            "är fem: samarbete, individuellt stöd och vägledning, kompetensutveckling, stärkande av "
            "funktionsförmågan och arbetsgivarnas perspektiv. Dessutom berättar vi hur god praxis kan spridas och "
            "skalas upp.",
            "Modeller som främjar sysselsättning utvecklas ofta med projektfinansiering, och när projektet tar slut "
            "kan resultaten bli delvis outnyttjade. Mallipankki uppmuntrar projektaktörer att ta i bruk modeller som "
            "redan utvecklats och förädla dem vidare, i stället för att varje projekt börjar från noll.",
            "Kompetenscentrets regionala medarbetare stöder det lokala utvecklingsarbetet. Av dem får du hjälp att "
            "vidareutveckla modeller, till exempel i ESF+-projekt.",
        ),
    },
    "en": {
        "title": "Mallipankki",
        "intro": (
            "Mallipankki collects good practices and models that help people who face barriers in the labour "
            "market into work."
        ),
        "body": paragraphs(
            "The Centre of Expertise for Social Enterprises works to improve employment among people in a weak "
            "position in the labour market. To do so, the centre looks for, evaluates and shares good practices "
            "and models that support employment, both in Finland and elsewhere in Europe.",
            "The themes of this site are based on the centre's evaluation work and on research. There are five "
            "themes: cooperation, individual support and guidance, competence development, strengthening "
            "functional capacity, and the employers' perspective. We also explain how good practices can be "
            "spread and scaled up.",
            "Models that promote employment are often developed with project funding, and when a project ends its "
            "results may be left partly unused. Mallipankki encourages project teams to take up models that "
            "already exist and develop them further, instead of every project starting from scratch.",
            "The centre's regional workers support local development. They can help you develop a model further, "
            "for example in an ESF+ project.",
        ),
    },
}

THEMES = {
    "yhteistyo": {
        "sv": {
            "intro": (
                "Sysselsättningen främjas bäst tillsammans: offentliga aktörer, den sociala ekonomin, "
                "läroanstalter och arbetsgivare behöver varandra."
            ),
            "body": paragraphs(
                "Ingen organisation kan ensam lösa hur personer i svag ställning på arbetsmarknaden ska få arbete. "
                "Centrala aktörer är de offentliga tjänsterna, den sociala ekonomins aktörer, såsom föreningar och "
                "sociala företag, samt läroanstalterna.",
                "När modeller utvecklas lönar det sig att också lyssna på arbetsgivarna: vilken kompetens behöver "
                "de och vad strävar de efter? Lika viktigt är att ta till vara erfarenheterna hos dem som deltar i "
                "tjänsterna och idéerna och synvinklarna hos internationella partner.",
                "Utöver enskilda partnerskap behövs starka nätverk och ett ekosystemtänkande. Ett fungerande "
                "ekosystem ger sociala företag stöd, resurser och möjligheter att utveckla och växa sin "
                "sysselsättande verksamhet.",
            ),
        },
        "en": {
            "intro": (
                "Employment is best promoted together: public bodies, the social economy, schools and employers "
                "need each other."
            ),
            "body": paragraphs(
                "No single organisation can solve the employment of people in a weak position in the labour "
                "market. The key players are public services, the social economy, such as associations and "
                "social enterprises, and schools and colleges.",
                "When developing a model, it pays to listen to employers too: what skills do they need, and what "
                "are they aiming for? It is just as important to draw on the experience of the people who use the "
                "services, and on the ideas and views of international partners.",
                "Beyond single partnerships, strong networks and ecosystem thinking are needed. A working "
                "ecosystem gives social enterprises support, resources and opportunities to develop and grow "
                "their work that creates jobs.",
            ),
        },
    },
    "yksilollinen-tuki": {
        "sv": {
            "intro": (
                "I individuellt stöd och vägledning anpassas tjänsterna till personens egna behov, önskemål och "
                "förmågor."
            ),
            "body": paragraphs(
                "Individuellt stöd och vägledning är ett arbetssätt där sysselsättningstjänsterna inte erbjuds som "
                "ett färdigt paket utan anpassas till varje persons situation. Målen bestäms tillsammans med "
                "personen utifrån hans eller hennes önskemål och förmågor, och de kan gälla arbete, studier eller "
                "yrkesmässig utveckling.",
                "De bästa resultaten nås genom att kombinera olika åtgärder. Det individuella stödet måste vara "
                "tillräckligt, och sektorsövergripande samarbete hjälper till att samla rätt tjänster vid rätt "
                "tidpunkt. Ett nära samarbete med arbetsgivarna hör till helheten.",
            ),
        },
        "en": {
            "intro": (
                "Individual support and guidance fits the services to each person's own needs, wishes and abilities."
            ),
            "body": paragraphs(
                "Individual support and guidance is a way of working in which employment services are not offered "
                "as a ready-made package but shaped to fit each person's situation. Goals are agreed together with "
                "the person, taking their wishes and abilities into account, and they can concern work, study or "
                "career development.",
                "The best results come from combining different measures. There must be enough individual support, "
                "and multi-professional cooperation helps bring together the right services at the right time. "
                "Close cooperation with employers is part of the whole.",
            ),
        },
    },
    "osaamisen-kehittaminen": {
        "sv": {
            "intro": "Att utveckla kompetens och synliggöra den öppnar dörrar till arbetslivet och till utbildning.",
            "body": paragraphs(
                "Också för partiellt arbetsföra kräver kompetensutveckling individuella lösningar. Tre faktorer "
                "påverkar särskilt hur kompetensen växer: hur arbetsgivare bedömer kompetens när de rekryterar "
                "partiellt arbetsföra, hur förvärvad kompetens kan påvisas och hur lärande kan upptäckas mitt i "
                "vardagens arbetsuppgifter.",
                "Studifiering är ett av de vanligaste sätten att påvisa kompetens. Kompetens som byggts upp i en "
                "arbets- eller lärmiljö identifieras och beskrivs enligt examensgrunderna, så att den kan erkännas "
                "officiellt, till exempel i ett yrkesprov. Det förutsätter ett nära samarbete med läroanstalterna.",
                "Studifiering och det individuella stöd som hör till den har utvecklats i många projekt. Stödet kan "
                "till exempel vara rehabiliterande stöd vid psykisk ohälsa och missbruksproblem, hjälp med "
                "vardagens rytm och färdigheter eller att planera och genomföra lärandet tillsammans.",
            ),
        },
        "en": {
            "intro": "Developing skills, and making them visible, opens doors to work and to education.",
            "body": paragraphs(
                "People whose work ability fits specific tasks also need individual solutions for developing their "
                "skills. Three things matter most for how skills build up: how employers assess skills when "
                "recruiting someone with partial work ability, how the skills gained can be demonstrated, and how "
                "learning can be noticed in the middle of everyday work.",
                "Recognising learning at work (in Finnish, opinnollistaminen) is one of the most common ways of "
                "demonstrating skills. Skills gained at work or in another learning environment are identified and "
                "described against the qualification requirements, so that they can be formally recognised, for "
                "example in a skills demonstration. This requires close cooperation with colleges.",
                "Many projects have developed ways of recognising learning at work and the individual support that "
                "goes with it. The support can be, for example, rehabilitative support for mental health and "
                "substance use problems, help with daily routines and skills, or planning and carrying out "
                "learning together.",
            ),
        },
    },
    "toimintakyky": {
        "sv": {
            "intro": "För många är tillräcklig funktionsförmåga det första steget mot arbete eller utbildning.",
            "body": paragraphs(
                "Funktionsförmågan omfattar de fysiska, psykiska, sociala och kognitiva resurser som hjälper en "
                "människa att klara vardagen, studierna och arbetet. Hinder för sysselsättning kan till exempel vara "
                "en långvarig sjukdom, psykisk ohälsa eller en dygnsrytm som gått sönder under lång arbetslöshet.",
                "Modeller som stärker funktionsförmågan förenar rehabilitering, stöd i vardagen och målen för "
                "sysselsättning så att de går framåt parallellt och inte i tur och ordning. Här samlas sådana "
                "modeller; du kan föreslå en modell som passar temat för Mallipankki.",
            ),
        },
        "en": {
            "intro": "For many people, enough functional capacity is the first step towards work or education.",
            "body": paragraphs(
                "Functional capacity covers the physical, mental, social and cognitive resources that let a person "
                "cope with daily life, study and work. Barriers to employment can be, for example, a long-term "
                "illness, mental health problems or a daily rhythm lost during long unemployment.",
                "Models that strengthen functional capacity combine rehabilitation, everyday support and "
                "employment goals so that they move forward side by side rather than one after another. This "
                "theme collects such models; you can suggest a model that fits the theme to Mallipankki.",
            ),
        },
    },
    "tyonantajat": {
        "sv": {
            "intro": (
                "Att förstå arbetsgivarens behov är en förutsättning för att stödet till sysselsättning ska leda "
                "till ett varaktigt arbete."
            ),
            "body": paragraphs(
                "Sysselsättning sker alltid på en arbetsplats. Därför är det bra att modeller som främjar "
                "sysselsättning utreder vilken kompetens arbetsgivarna behöver, vilket stöd de önskar vid "
                "rekryteringen och hur arbetsuppgifterna kan anpassas så att de passar olika arbetstagare.",
                "Till det här temat samlas modeller där arbetsgivare deltar i utvecklingen eller som ger "
                "arbetsgivare information och stöd för att anställa personer i svag ställning på arbetsmarknaden. "
                "Modeller med arbetsgivarsamarbete finns också under temana samarbete samt individuellt stöd och "
                "vägledning.",
            ),
        },
        "en": {
            "intro": "Understanding what employers need is a condition for employment support to lead to lasting work.",
            "body": paragraphs(
                "Employment always happens in a workplace. That is why models that promote employment should find "
                "out what skills employers need, what support they would like when recruiting and how tasks can be "
                "adapted to suit different workers.",
                "This theme collects models in which employers take part in the development, or which give "
                "employers information and support for hiring people in a weak position in the labour market. "
                "Models with employer cooperation can also be found under the themes of cooperation and of "
                "individual support and guidance.",
            ),
        },
    },
    "levittaminen": {
        "sv": {
            "intro": (
                "En bra modell gör mest nytta när den används i stor skala och verksamheten fortsätter efter projektet."
            ),
            "body": paragraphs(
                "Många sysselsättningsmodeller är sociala innovationer. Att skala upp dem betyder antingen att öka "
                "deras genomslag eller att sprida innovationen till nya orter och organisationer.",
                "Det finns kända flaskhalsar när sociala innovationer ska skalas upp, och finansieringen är en av de "
                "tydligaste. I projektplanerna ombeds man allt oftare beskriva hur verksamheten ska förankras och "
                "spridas efter projektet, men bara få projekt som utvecklar sysselsättningsmodeller har på förhand "
                "förberett sig på att försöket lyckas.",
                "Spridningen bör därför beaktas i alla skeden av utvecklingsarbetet. För en lokal modell måste man "
                "säkerställa vem som fortsätter verksamheten när projektet tar slut och om det behövs mer "
                "finansiering. Om modellen ska spridas i hela landet eller internationellt måste man fundera på "
                "förutsättningarna för att utvidga den: sannolikt behövs nya aktörer och ny finansiering.",
            ),
        },
        "en": {
            "intro": "A good model does the most good when it is widely used and the work goes on after the project.",
            "body": paragraphs(
                "Many employment models are social innovations. Scaling them means either increasing their impact "
                "or spreading the innovation to new places and organisations.",
                "There are known bottlenecks in scaling social innovations, and funding is one of the clearest. "
                "Project plans are more and more often asked to explain how the work will be embedded and spread "
                "after the project, yet few projects developing employment models have prepared in advance for "
                "the pilot actually succeeding.",
                "Spreading a model should therefore be considered at every stage of development. For a local model, "
                "you need to make sure who will continue the work when the project ends, and whether more funding "
                "is needed. If the model is meant to spread nationally or internationally, you need to think about "
                "what it takes to expand it: new partners and new funding will probably be needed.",
            ),
        },
    },
}

ARTICLES = {
    "yhteistyosta-ekosysteemeihin": {
        "sv": {
            "title": "Från samarbete till ekosystem",
            "intro": (
                "Enskilda partnerskap är en bra början, men hållbara resultat uppstår i nätverk där aktörerna delar "
                "mål, kunskap och resurser."
            ),
            "body": paragraphs(
                "Utvecklingsarbete för sysselsättning börjar ofta som ett samarbete mellan några organisationer: "
                "kommunen, en förening och en läroanstalt kommer överens om ett projekt och fördelar uppgifterna. "
                "Ett sådant samarbete är värdefullt men sårbart. När finansieringen upphör eller en nyckelperson "
                "byter jobb kan kontakten brytas.",
                "Ekosystemtänkandet vidgar perspektivet. I ett ekosystem deltar offentliga aktörer, den sociala "
                "ekonomins organisationer, läroanstalter, företag och de människor som använder tjänsterna, och var "
                "och en bidrar med något som de andra saknar. För ett socialt företag kan ekosystemet ge till "
                "exempel kunder, kompetens, kamratstöd och möjligheter att växa.",
                "Ett ekosystem uppstår ändå inte av sig självt. Det behöver gemensamma mål, regelbundna möten och "
                "någon som håller i trådarna. En bra utgångspunkt är att ta reda på vilka i regionen som redan "
                "arbetar med samma fråga och vad var och en behöver av de andra.",
                "Under temat samarbete finns exempel både på regionala nätverk och på internationella lösningar där "
                "företag har förenat sina krafter.",
            ),
        },
        "en": {
            "title": "From cooperation to ecosystems",
            "intro": (
                "Single partnerships are a good start, but lasting results come from networks whose members share "
                "goals, knowledge and resources."
            ),
            "body": paragraphs(
                "Work to promote employment often begins with a few organisations working together: a "
                "municipality, an association and a college agree on a project and share out the tasks. Such "
                "cooperation is valuable but fragile. When the funding ends or a key person changes jobs, the link "
                "can break.",
                "Ecosystem thinking widens the view. An ecosystem brings together public bodies, social economy "
                "organisations, colleges, businesses and the people who use the services, and each brings "
                "something the others lack. For a social enterprise, an ecosystem can offer customers, skills, "
                "peer support and room to grow.",
                "But an ecosystem does not appear by itself. It needs shared goals, regular meetings and someone to "
                "hold the threads together. A good starting point is to find out who in the region is already "
                "working on the same issue and what each of them needs from the others.",
                "The cooperation theme has examples of both regional networks and international solutions in which "
                "businesses have joined forces.",
            ),
        },
    },
    "yhteiskehittamalla-kestavia-ratkaisuja": {
        "sv": {
            "title": "Hållbara lösningar för sysselsättningen genom samutveckling",
            "intro": (
                "När en tjänst utvecklas tillsammans med dem som den berör träffar lösningarna bättre rätt och "
                "lever oftare vidare."
            ),
            "body": paragraphs(
                "I samutveckling är tjänsternas användare, personalen, arbetsgivarna och andra intressenter med i "
                "planeringen från början. Deras uppgift är inte bara att ge respons på en färdig lösning, utan de "
                "är med och bestämmer vilket problem som över huvud taget ska lösas.",
                "När man stöder personer i svag ställning på arbetsmarknaden är deltagarnas erfarenhet särskilt "
                "värdefull. Den som själv har gått igenom arbetslöshet eller en annan svår livsfas ser ofta hinder "
                "som de professionella inte lägger märke till.",
                "Också arbetsgivarna lönar det sig att ta med. När en arbetsgivare har varit med och utvecklat en "
                "modell känner hon eller han till den och litar på den, och modellen svarar mot verkliga "
                "kompetensbehov.",
                "Samutveckling tar tid, och resurser för den måste reserveras redan i projektplanen. Insatsen lönar "
                "sig när lösningen från början är byggd utifrån sina användare.",
            ),
        },
        "en": {
            "title": "Co-development for lasting employment solutions",
            "intro": (
                "When a service is developed together with the people it concerns, the solutions fit better and "
                "are more likely to last."
            ),
            "body": paragraphs(
                "In co-development, service users, staff, employers and other stakeholders take part in the "
                "planning from the start. Their role is not just to comment on a finished solution: they help "
                "decide which problem is being solved in the first place.",
                "When supporting people in a weak position in the labour market, the participants' experience is "
                "especially valuable. Someone who has lived through unemployment or another hard period in life "
                "often notices barriers that professionals miss.",
                "Employers are worth involving too. An employer who has helped develop a model knows it and trusts "
                "it, and the model meets real skills needs.",
                "Co-development takes time, and resources for it must be set aside in the project plan. The effort "
                "pays off when the solution has been built around its users from the start.",
            ),
        },
    },
    "tuloksia-yksilollisella-ohjauksella": {
        "sv": {
            "title": "Resultat med individuell vägledning",
            "intro": (
                "Individuell vägledning är framför allt ett sätt att tänka: utgångspunkten är personens egna mål, "
                "inte servicesystemets färdiga vägar."
            ),
            "body": paragraphs(
                "Livssituationen hos personer i svag ställning på arbetsmarknaden varierar mycket. För en är "
                "bristande språkkunskaper hindret för att få arbete, för en annan hälsan och för en tredje en "
                "splittrad arbetshistoria. Samma tjänst för alla ger därför inte det bästa resultatet.",
                "I individuell vägledning sätts målen upp tillsammans med kunden, och de kan gälla arbete, "
                "utbildning eller yrkesmässig utveckling. Handledaren hjälper till att dela upp ett stort mål i "
                "mindre steg och samlar de tjänster som behövs för stunden.",
                "Resultaten blir bättre när det individuella stödet kombineras med sektorsövergripande samarbete "
                "och med arbete tillsammans med arbetsgivare. I modeller för stött sysselsättning går till exempel "
                "jobbcoachen vid personens sida också efter att anställningen börjat.",
                "Det väsentliga är att stödet kommer i rätt tid: det finns till hands när det behövs och inte först "
                "efter en lång väntan.",
            ),
        },
        "en": {
            "title": "Results through individual guidance",
            "intro": (
                "Individual guidance is above all a way of thinking: it starts from the person's own goals, not "
                "from the ready-made paths of the service system."
            ),
            "body": paragraphs(
                "People in a weak position in the labour market live in very different situations. For one person "
                "the barrier to work is limited language skills, for another their health, for a third a broken "
                "work history. The same service for everyone will not give the best results.",
                "In individual guidance the goals are set together with the client, and they can concern work, "
                "education or career development. The adviser helps break a large goal into smaller steps and "
                "brings together the services needed at each point.",
                "Results improve when individual support is combined with multi-professional cooperation and work "
                "with employers. In supported employment models, for example, the job coach stays alongside the "
                "person after the job has started.",
                "Timing is essential: support is there when it is needed, not after a long wait.",
            ),
        },
    },
    "tyonantajien-valmiudet-vahvistuvat": {
        "sv": {
            "title": "Information och stöd gör arbetsgivare redo att anställa partiellt arbetsföra",
            "intro": (
                "Många arbetsgivare skulle kunna tänka sig att anställa en partiellt arbetsför person, men ofta är "
                "det brist på information och stöd som står i vägen."
            ),
            "body": paragraphs(
                "Med partiellt arbetsför avses här en person vars arbetsförmåga räcker väl för vissa uppgifter när "
                "arbetet anpassas till hans eller hennes styrkor. Arbetsgivarens frågor är praktiska: vilka "
                "uppgifter passar personen, vilka stöd finns och vem kan man vända sig till om något inte fungerar.",
                "Arbetsgivarens beredskap kan stärkas på många sätt. Tydlig information om till exempel "
                "lönesubvention och andra stödformer sänker tröskeln. Lika viktigt är att arbetsgivaren har en "
                "kontaktperson att fråga till råds under och efter rekryteringen.",
                "Också arbetsgemenskapen behöver förberedas. När uppgifterna, introduktionen och möjligheterna att "
                "anpassa arbetet har tänkts igenom på förhand kommer den nya arbetstagaren snabbare in i arbetet, "
                "och arbetsgemenskapen vet hur den ska göra.",
                "Goda erfarenheter föder nya: en arbetsgivare som har lyckats rekrytera en partiellt arbetsför "
                "person är ofta beredd att göra det igen och berätta om sina erfarenheter för andra.",
            ),
        },
        "en": {
            "title": "Information and support prepare employers to hire people with partial work ability",
            "intro": (
                "Many employers would be willing to hire someone with partial work ability, but a lack of "
                "information and support often stands in the way."
            ),
            "body": paragraphs(
                "Here, a person with partial work ability means someone whose ability to work is fully sufficient "
                "for certain tasks when the work is matched to their strengths. The employer's questions are "
                "practical: which tasks suit the person, what support is available, and who can help if something "
                "does not work.",
                "There are many ways to make employers more ready. Clear information about the wage subsidy and "
                "other forms of support lowers the threshold. Just as important is a named contact person the "
                "employer can ask for advice during and after recruitment.",
                "The work community needs to prepare too. When the tasks, the induction and the ways of adapting "
                "the work have been thought through in advance, the new employee settles into the job faster and "
                "colleagues know what to do.",
                "Good experiences build on each other: an employer who has successfully hired someone with partial "
                "work ability is often ready to do it again and to tell others about it.",
            ),
        },
    },
    "osatyokykyiset-ja-osaamisen-kehittaminen": {
        "sv": {
            "title": "Partiellt arbetsföra och kompetensutveckling",
            "intro": (
                "Kompetensutveckling för partiellt arbetsföra lyckas när fokus ligger på vad personen kan och kan "
                "lära sig, inte på vad han eller hon inte klarar av."
            ),
            "body": paragraphs(
                "Partiellt arbetsföras kompetens förblir ofta osynlig. Arbetshistorien kan ha luckor, och det som "
                "lärts i vardagen eller i frivilligarbete syns inte i betygen. Vid rekrytering bedömer arbetsgivaren "
                "ändå just kompetensen, så att synliggöra den är avgörande för att få arbete.",
                "Hur kompetensen växer påverkas av hur arbetsgivare bedömer kompetens, av sätten att påvisa "
                "förvärvad kompetens och av hur lärandet följs upp i arbetet. Alla tre går att påverka.",
                "Arrangemang som stöder lärandet bör planeras individuellt. För en del passar en kort och intensiv "
                "period, andra har nytta av en lång och flexibel väg där stödet följer med. Det lärande som sker i "
                "arbetet är bra att sätta ord på tillsammans med handledaren, så att framstegen blir synliga.",
                "När kompetensen har beskrivits och påvisats följer den med personen till nästa arbetsplats eller "
                "utbildning.",
            ),
        },
        "en": {
            "title": "People with partial work ability and competence development",
            "intro": (
                "Developing the skills of people with partial work ability works when the focus is on what a person "
                "knows and can learn, not on what they cannot do."
            ),
            "body": paragraphs(
                "The skills of people with partial work ability often go unseen. Their work history may have gaps, "
                "and what they have learnt in daily life or as volunteers does not show on certificates. Yet "
                "skills are exactly what employers assess when recruiting, so making them visible is decisive for "
                "finding work.",
                "How skills build up depends on how employers assess skills, on the ways of demonstrating the "
                "skills gained, and on how learning is followed at work. All three can be influenced.",
                "Arrangements that support learning should be planned individually. Some people do well with a "
                "short, intensive period; others benefit from a long and flexible path with support along the way. "
                "It helps to put learning at work into words together with a supervisor, so that progress becomes "
                "visible.",
                "Once skills have been described and demonstrated, they go with the person to the next job or course.",
            ),
        },
    },
    "osaamisen-kehittamisen-monimuotoisuus": {
        "sv": {
            "title": "Kompetensutvecklingens många former",
            "intro": (
                "Kompetens byggs upp inte bara i klassrummet utan också i verkstäder, arbetsprövning, "
                "föreningsverksamhet och vardagens uppgifter."
            ),
            "body": paragraphs(
                "I den finländska yrkesutbildningen visas kompetensen i yrkesprov i praktiska arbetsuppgifter. Det "
                "öppnar möjligheter för människor som traditionella studier inte passar eller som tidigare har "
                "avbrutit sina studier.",
                "Studifiering är ett av de vanligaste sätten att utnyttja den här möjligheten. Uppgifterna i en "
                "arbets- eller verksamhetsmiljö beskrivs med examensgrundernas språk, så att den studerande och "
                "handledaren ser vilka yrkeskompetenskrav som uppfylls i vardagen. När det finns tillräckligt med "
                "kompetens kan den visas i samarbete med läroanstalten.",
                "Lärandet lyckas när det finns tillräckligt med stöd. Det kan vara rehabiliterande stöd vid psykisk "
                "ohälsa eller missbruk, hjälp att bygga upp vardagens rytm och färdigheter eller att planera "
                "lärandet tillsammans.",
                "Mångfalden är en styrka: när det finns flera vägar kan var och en hitta sin egen.",
            ),
        },
        "en": {
            "title": "The many forms of competence development",
            "intro": (
                "Skills are built not only in the classroom but also in workshops, work trials, voluntary work and "
                "everyday tasks."
            ),
            "body": paragraphs(
                "In Finnish vocational education, skills are shown in skills demonstrations carried out in real "
                "work tasks. This opens doors for people for whom ordinary study does not suit, or who have "
                "dropped out before.",
                "Recognising learning at work is one of the most common ways to use this opportunity. The tasks of "
                "a workplace or activity are described in the language of the qualification requirements, so the "
                "learner and the supervisor can see which vocational skills requirements are met in daily work. "
                "When enough skills have been built up, they can be demonstrated together with a college.",
                "Learning succeeds when there is enough support. That may mean rehabilitative support for mental "
                "health or substance use problems, help with building daily routines and skills, or planning the "
                "learning together.",
                "Variety is a strength: when there are many paths, everyone can find their own.",
            ),
        },
    },
    "toimintakyky-tyollistymisen-perustana": {
        "sv": {
            "title": "Funktionsförmågan som grund för sysselsättning",
            "intro": "Stödet till sysselsättning börjar ofta med vardagens grunder: orken, hälsan och dygnsrytmen.",
            "body": paragraphs(
                "När någon del av funktionsförmågan har försämrats kan steget direkt till arbetssökande vara för "
                "stort. Då behövs stöd som stärker resurserna och samtidigt håller målet, arbete eller utbildning, "
                "synligt.",
                "Funktionsförmågan kan stärkas på många sätt, till exempel i arbetsverksamhet i "
                "rehabiliteringssyfte, i verkstäder, i kamratgrupper eller i samarbete med hälso- och "
                "sjukvårdstjänsterna. Det viktiga är att stödet och målet att få arbete går hand i hand.",
                "Framstegen syns ofta i små saker, som att delta regelbundet, våga pröva något nytt och lita på sin "
                "egen förmåga. När förändringarna uppmärksammas och dokumenteras ser både deltagaren och "
                "handledaren vart man är på väg.",
            ),
        },
        "en": {
            "title": "Functional capacity as a basis for employment",
            "intro": (
                "Supporting someone into work often starts with the basics of daily life: energy, health and routine."
            ),
            "body": paragraphs(
                "When some part of a person's functional capacity has weakened, going straight to job seeking can "
                "be too big a step. Then support is needed that builds up their resources while keeping work or "
                "education in view as the goal.",
                "Functional capacity can be strengthened in many ways, for example through rehabilitative work "
                "activity, workshops, peer groups or cooperation with health services. What matters is that the "
                "support and the employment goal go hand in hand.",
                "Progress often shows in small things, such as taking part regularly, daring to try something new "
                "and trusting one's own abilities. When these changes are noticed and recorded, both the "
                "participant and the adviser can see where things are heading.",
            ),
        },
    },
    "tyonantaja-avainkumppanina": {
        "sv": {
            "title": "Arbetsgivaren som nyckelpartner för sysselsättningen",
            "intro": (
                "Till sist är det på arbetsplatsen som man får arbete, så arbetsgivarens behov måste beaktas redan "
                "när modellerna utvecklas."
            ),
            "body": paragraphs(
                "Modeller som främjar sysselsättning utvecklas ofta ur tjänsteproducentens synvinkel. Arbetsgivaren "
                "kommer med först när den arbetssökande är redo, och då kan det visa sig att coachningen inte "
                "motsvarar arbetsplatsens verkliga behov.",
                "För arbetsgivaren är det viktigt att rekryteringen går smidigt och att riskerna går att hantera. "
                "Tydlig information om stödformerna, en namngiven kontaktperson och möjligheten att lära känna den "
                "arbetssökande, till exempel genom arbetsprövning, sänker tröskeln att anställa.",
                "Arbetsgivarna kan också själva utveckla arbetsplatsen: anpassa uppgifterna, fördela arbetet på ett "
                "nytt sätt och skapa uppgifter där olika slags arbetstagare får använda sina styrkor. Samtidigt kan "
                "de hitta en lösning på sitt eget behov av arbetskraft.",
            ),
        },
        "en": {
            "title": "The employer as a key partner in employment",
            "intro": (
                "In the end, people find work in a workplace, so employers' needs must be taken into account from "
                "the moment a model is developed."
            ),
            "body": paragraphs(
                "Employment models are often developed from the service provider's point of view. The employer only "
                "comes in when the jobseeker is ready, and it may then turn out that the coaching does not match "
                "what the workplace actually needs.",
                "For an employer, it matters that recruitment runs smoothly and that the risks can be managed. Clear "
                "information about support, a named contact person and a chance to get to know the jobseeker, for "
                "example through a work trial, make hiring easier.",
                "Employers can also develop the workplace themselves: adapt tasks, divide work in new ways and "
                "create jobs where different kinds of workers can use their strengths. At the same time, they may "
                "solve their own need for staff.",
            ),
        },
    },
    "skaalaamalla-lisaa-tyollisyytta": {
        "sv": {
            "title": (
                "Mer sysselsättning genom skalning – fungerande modeller drunknar i ständigt nytt utvecklingsarbete"
            ),
            "intro": (
                "Nya sysselsättningsmodeller utvecklas hela tiden, men också bra lösningar blir ofta beroende av ett "
                "enda projekt och en enda ort."
            ),
            "body": paragraphs(
                "Projektfinansieringen har gjort många försök möjliga, och i dem har man hittat nya sätt att stödja "
                "personer i svag ställning på arbetsmarknaden. När projektet tar slut avtar verksamheten ändå ofta, "
                "och nästa projekt börjar utvecklingen från början. Så drunknar fungerande modeller i strömmen av "
                "nya försök.",
                "Skalning betyder att en social innovation får större genomslag eller förs till nya orter och "
                "organisationer. Det sker inte av sig självt utan kräver en plan, resurser och en aktör som tar "
                "ansvar för modellen efter projektet.",
                "Finansieringen är en av de största flaskhalsarna. Projekten får allt oftare frågan hur "
                "verksamheten ska förankras, men få projekt har förberett sig på att försöket faktiskt lyckas. När "
                "resultaten är goda börjar man söka någon som fortsätter och fortsatt finansiering först i sista "
                "stund.",
                "Mallipankki vill bryta den här cirkeln. När modeller beskrivs, utvärderas och publiceras på ett "
                "ställe kan nya projekt bygga vidare på tidigare arbete, och allt behöver inte uppfinnas på nytt.",
            ),
        },
        "en": {
            "title": "More employment through scaling – good models get lost in constant development",
            "intro": (
                "New employment models are developed all the time, but even good solutions often depend on a single "
                "project in a single place."
            ),
            "body": paragraphs(
                "Project funding has made many pilots possible, and they have found new ways to support people in a "
                "weak position in the labour market. But when a project ends, the work often fades away, and the "
                "next project starts again from the beginning. That is how working models get lost in a stream of "
                "new pilots.",
                "Scaling means increasing the impact of a social innovation or taking it to new places and "
                "organisations. It does not happen by itself: it needs a plan, resources and someone who takes "
                "responsibility for the model after the project.",
                "Funding is one of the biggest bottlenecks. Projects are increasingly asked how their work will be "
                "embedded, but few have prepared for the pilot actually succeeding. When the results are good, the "
                "search for someone to carry on, and for funding, starts only at the last minute.",
                "Mallipankki aims to break this cycle. When models are described, evaluated and published in one "
                "place, new projects can build on earlier work, and not everything has to be reinvented.",
            ),
        },
    },
}

ACCESSIBILITY_SV = (
    "<h2>Vad utlåtandet gäller</h2>"
    "<p>Utlåtandet gäller webbtjänsten Mallipankki: dess offentliga sidor, förteckningen över modeller och "
    "sökningen, formulären samt det innehållshanteringssystem som tjänstens administratörer använder. Tjänsten "
    "omfattas av lagen om tillhandahållande av digitala tjänster (306/2019).</p>"
    "<h2>Tillgänglighetsstatus</h2>"
    "<p>Mallipankki uppfyller WCAG 2.1-kriterierna på AA-nivå delvis. De kända bristerna räknas upp nedan.</p>"
    "<h2>Innehåll som inte är tillgängligt</h2>"
    "<ul>"
    "<li>Innehållshanteringens administrationsvy (Wagtail) är delvis på engelska, trots att finska har valts som "
    "användargränssnittets språk. Språkbytet är inte märkt, så en skärmläsare kan läsa de engelska texterna med "
    "finskt uttal (WCAG 3.1.2 Språk för delar).</li>"
    "<li>Pdf-filer och länkade webbsidor som hör till modellerna har producerats av modellernas utvecklare. De är "
    "inte nödvändigtvis tillgängliga. På begäran levererar vi innehållet i tillgänglig form, om det är "
    "möjligt.</li>"
    "<li>Alla modeller och sidor är inte beskrivna på svenska. Då visas texten på finska eller engelska, och "
    "språket är märkt i sidans kod och i texten.</li>"
    "</ul>"
    "<h2>Hur utlåtandet har utarbetats</h2>"
    "<p>Utlåtandet har utarbetats den 28 november 2026. Tillgängligheten har bedömts genom en självbedömning där "
    "tjänstens sidmallar har gåtts igenom utifrån kriterierna i WCAG 2.1 AA. Dessutom kontrolleras tjänstens "
    "centrala sidor automatiskt med verktyget axe-core när programvaran ändras. Automatiska tester hittar inte "
    "alla problem, så din respons är viktig för oss.</p>"
    "<h2>Respons och kontaktuppgifter</h2>"
    "<p>Om du upptäcker ett tillgänglighetsproblem i tjänsten eller inte kommer åt något innehåll, meddela oss "
    'per e-post till <a href="mailto:saavutettavuus@mallipankki.example">saavutettavuus@mallipankki.example</a>. '
    "Du kan också begära innehåll som inte är tillgängligt i tillgänglig form. Vi svarar inom 14 dagar.</p>"
    "<h2>Tillsynsmyndighet</h2>"
    "<p>Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till "
    "tillsynsmyndigheten. Tillgänglighetskraven övervakas av tillgänglighetstillsynen vid Transport- och "
    "kommunikationsverket Traficom (tidigare Regionförvaltningsverket i Södra Finland).</p>"
    "<ul>"
    '<li>Webbplats: <a href="https://www.tillganglighetskrav.fi">www.tillganglighetskrav.fi</a></li>'
    '<li>E-post: <a href="mailto:saavutettavuus@traficom.fi">saavutettavuus@traficom.fi</a></li>'
    "</ul>"
)

ACCESSIBILITY_EN = (
    "<h2>What this statement covers</h2>"
    "<p>This statement covers the Mallipankki web service: its public pages, the list of models and the search, "
    "the forms, and the content management system used by the service's administrators. The service is subject "
    "to the Act on the Provision of Digital Services (306/2019).</p>"
    "<h2>Compliance status</h2>"
    "<p>Mallipankki partially meets the WCAG 2.1 criteria at level AA. The known shortcomings are listed "
    "below.</p>"
    "<h2>Content that is not accessible</h2>"
    "<ul>"
    "<li>The administration view of the content management system (Wagtail) is partly in English, even when "
    "Finnish has been chosen as the interface language. The change of language is not marked, so a screen reader "
    "may read the English texts with Finnish pronunciation (WCAG 3.1.2 Language of Parts).</li>"
    "<li>PDF files and linked web pages attached to the models are produced by the models' developers. They may "
    "not be accessible. On request, we will provide the content in an accessible form where possible.</li>"
    "<li>Not every model and page is described in English. In that case the text is shown in Finnish or "
    "Swedish, and its language is marked in the page code and in the text.</li>"
    "</ul>"
    "<h2>How this statement was prepared</h2>"
    "<p>This statement was prepared on 28 November 2026. Accessibility was assessed by self-assessment: the "
    "service's page templates were reviewed against the WCAG 2.1 AA criteria. In addition, the main pages of the "
    "service are checked automatically with the axe-core tool whenever the software changes. Automated tests do "
    "not find every problem, so your feedback matters to us.</p>"
    "<h2>Feedback and contact details</h2>"
    "<p>If you notice an accessibility problem in the service or cannot reach some content, please tell us by "
    'email at <a href="mailto:saavutettavuus@mallipankki.example">saavutettavuus@mallipankki.example</a>. You can '
    "also ask for inaccessible content in an accessible form. We will reply within 14 days.</p>"
    "<h2>Enforcement authority</h2>"
    "<p>If you are not satisfied with our reply, or you get no reply within two weeks, you can report the matter "
    "to the enforcement authority. Compliance with the accessibility requirements is monitored by the "
    "accessibility supervision unit of the Finnish Transport and Communications Agency Traficom (formerly the "
    "Regional State Administrative Agency for Southern Finland).</p>"
    "<ul>"
    '<li>Website: <a href="https://www.webaccessibility.fi">www.webaccessibility.fi</a></li>'
    '<li>Email: <a href="mailto:saavutettavuus@traficom.fi">saavutettavuus@traficom.fi</a></li>'
    "</ul>"
)

PRIVACY_SV = (
    "<h2>Personuppgiftsansvarig</h2>"
    "<p>Kompetenscentret för sociala företag, som upprätthåller webbtjänsten Mallipankki. Dataskyddsfrågor: "
    '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a>.</p>'
    "<h2>Vilka personuppgifter vi behandlar</h2>"
    "<ul>"
    "<li><b>De som föreslår modeller:</b> namn, e-postadress, organisation samt förslagets innehåll och "
    "tidpunkten då det skickades. Den som föreslår en modell blir modellens kontaktperson (se nästa punkt), så "
    "att vi en gång om året kan fråga om modellen fortfarande används.</li>"
    "<li><b>Modellernas kontaktpersoner:</b> namn, organisation, e-postadress och telefonnummer. "
    "Kontaktuppgifterna visas offentligt endast om personen har gett sitt tillstånd till det.</li>"
    "<li><b>De som meddelar att de tagit i bruk en modell</b> (formuläret ”Vi använder den här modellen”): "
    "kontaktpersonens namn, e-postadress och telefonnummer, tillståndet att visa kontaktuppgifterna på modellens "
    "sida samt meddelandets innehåll (organisation, landskap eller land, året då modellen togs i bruk, vad som "
    "ändrades i modellen) och tidpunkten då det skickades.</li>"
    "<li><b>De som ber om stöd</b> (formuläret ”Be om stöd”): namn, organisation, e-postadress, telefonnummer, "
    "meddelande och tidpunkten då det skickades. Uppgifterna ses endast av de regionala medarbetare och "
    "redaktörer som behandlar begäran.</li>"
    "<li><b>Administrationens användare:</b> namn, e-postadress, användarnamn, behörigheter samt en historik "
    "över vilket innehåll användaren har redigerat, utvärderat eller publicerat.</li>"
    "</ul>"
    "<p>När någon skickar ett förslag, ett meddelande om ibruktagande eller en begäran om stöd sparar vi också en "
    "hashkod som räknats ut från avsändarens IP-adress (inte själva adressen), så att vi kan begränsa skräppost "
    "och missbruk.</p>"
    "<p>Tjänsten använder endast kakor som är nödvändiga för att den ska fungera, såsom kakor för inloggning och "
    "för att skydda formulären. Analys- eller reklamkakor används inte.</p>"
    "<h2>Ändamålet med behandlingen och den rättsliga grunden</h2>"
    "<ul>"
    "<li>Behandling av förslag och kontakter med den som föreslagit en modell: den personuppgiftsansvariges "
    "berättigade intresse (artikel 6.1 f i EU:s allmänna dataskyddsförordning).</li>"
    "<li>Behandling av meddelanden om ibruktagande och begäranden om stöd och kontakter med avsändaren: berättigat "
    "intresse. Att kontaktpersonen för ett ibruktagande visas på modellens sida grundar sig på samtycke, som kan "
    "återkallas när som helst.</li>"
    "<li>Underhåll av uppgifterna om modellernas kontaktpersoner, så att modellens uppgifter kan kontrolleras och "
    "uppdateras: berättigat intresse. Att kontaktuppgifterna visas offentligt grundar sig på personens samtycke "
    "(artikel 6.1 a), som kan återkallas när som helst.</li>"
    "<li>Administrationens användarkonton, hantering av behörigheter, informationssäkerhet och innehållets "
    "ändringshistorik: berättigat intresse.</li>"
    "</ul>"
    "<h2>Lagringstid</h2>"
    "<ul>"
    "<li>Uppgifterna om den som föreslagit en modell sparas medan förslaget behandlas och högst 12 månader efter "
    "att behandlingen avslutats.</li>"
    "<li>Uppgifterna om den som meddelat ett ibruktagande eller bett om stöd sparas på samma sätt: medan "
    "meddelandet eller begäran behandlas och högst 12 månader därefter. Om personen har gett tillstånd att visa "
    "sina kontaktuppgifter i samband med ett bekräftat ibruktagande, sparas de så länge ibruktagandet visas på "
    "modellens sida eller tills personen återkallar tillståndet.</li>"
    "<li>Kontaktpersonens uppgifter sparas så länge modellen finns i tjänsten och uppgifterna är aktuella. Att "
    "uppgifterna är aktuella kontrolleras när det bekräftas att modellen fortfarande är i bruk.</li>"
    "<li>Uppgifterna om en användare av administrationen sparas så länge användarkontot är i kraft. Användarens "
    "namn finns kvar i sidornas versionshistorik så länge versionerna sparas.</li>"
    "</ul>"
    "<h2>Mottagare av uppgifterna</h2>"
    "<p>Uppgifterna säljs inte och lämnas inte ut till utomstående. De tjänsteleverantörer som sköter tjänstens "
    "tekniska underhåll och servermiljö behandlar uppgifterna för den personuppgiftsansvariges räkning och enligt "
    "dennes anvisningar. Uppgifterna överförs inte utanför EU eller EES. Kontaktuppgifter som markerats som "
    "offentliga syns på modellens sida och i tjänstens öppna data. Kontaktpersonen för ett ibruktagande syns, "
    "med tillstånd, endast på modellens sida.</p>"
    "<h2>Den registrerades rättigheter</h2>"
    "<ul>"
    "<li>rätt att få tillgång till sina uppgifter</li>"
    "<li>rätt att kräva att felaktiga uppgifter rättas</li>"
    "<li>rätt att kräva att uppgifterna raderas</li>"
    "<li>rätt att kräva att behandlingen begränsas</li>"
    "<li>rätt att invända mot behandling som grundar sig på berättigat intresse</li>"
    "<li>rätt att återkalla sitt samtycke</li>"
    "<li>rätt att flytta uppgifter som lämnats med samtycke från ett system till ett annat</li>"
    "</ul>"
    "<p>Om du vill ha en kopia av dina uppgifter eller vill att de raderas, skriv till "
    '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a> och uppge den '
    "e-postadress som du angav i formuläret. Begäran gäller alla förslag, meddelanden om ibruktagande och "
    "begäranden om stöd som skickats med den adressen. Vid radering ersätts ditt namn med ”(raderat)”, och din "
    "e-postadress, ditt telefonnummer, hashkoden av IP-adressen samt organisationen i förslag och begäranden om "
    "stöd raderas. Samtidigt raderas kontaktuppgifterna i de modeller där samma e-postadress är angiven för "
    "kontaktpersonen. Den föreslagna modellen, det bekräftade ibruktagandet och meddelandet i begäran om stöd blir "
    "kvar i tjänsten, eftersom de är en del av tjänstens innehåll. Om du har skrivit andra uppgifter om dig själv "
    "i dem, nämn dem i din begäran så raderar vi också dem.</p>"
    "<p>Efter en begäran om radering raderar vi uppgifterna eller gör dem oidentifierbara, om det inte finns en i "
    "lag föreskriven grund för att spara dem. Om du anser att behandlingen av dina uppgifter strider mot "
    "dataskyddslagstiftningen kan du lämna in ett klagomål till dataombudsmannens byrå "
    '(<a href="https://tietosuoja.fi/sv">tietosuoja.fi/sv</a>).</p>'
    "<h2>Kontakt</h2>"
    "<p>Skicka frågor och begäranden som gäller dataskydd till "
    '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a>. Vi svarar på '
    "begäranden senast inom en månad. Dataskyddsbeskrivningen har uppdaterats den 28 november 2026.</p>"
)

PRIVACY_EN = (
    "<h2>Controller</h2>"
    "<p>The Centre of Expertise for Social Enterprises, which runs the Mallipankki web service. Data protection "
    'matters: <a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a>.</p>'
    "<h2>What personal data we process</h2>"
    "<ul>"
    "<li><b>People who suggest models:</b> name, email address, organisation, and the content and time of the "
    "suggestion. The person who suggests a model becomes its contact person (see the next item), so that we can "
    "ask them once a year whether the model is still in use.</li>"
    "<li><b>Contact persons of models:</b> name, organisation, email address and phone number. Contact details "
    "are shown publicly only if the person has agreed to it.</li>"
    "<li><b>People who report using a model</b> (the form “We use this model”): the contact person's name, email "
    "address and phone number, their permission to show the contact details on the model's page, and the content "
    "of the report (organisation, region or country, the year the model was taken into use, what was changed in "
    "the model) and the time it was sent.</li>"
    "<li><b>People who ask for support</b> (the form “Ask for support”): name, organisation, email address, phone "
    "number, message and the time it was sent. Only the regional workers and editors who handle the request see "
    "these details.</li>"
    "<li><b>Users of the administration:</b> name, email address, username, permissions and a history of the "
    "content the user has edited, evaluated or published.</li>"
    "</ul>"
    "<p>When someone sends a suggestion, a report of use or a request for support, we also store a hash calculated "
    "from the sender's IP address (not the address itself), so that we can limit spam and misuse.</p>"
    "<p>The service uses only cookies that are necessary for it to work, such as cookies for signing in and for "
    "protecting the forms. No analytics or advertising cookies are used.</p>"
    "<h2>Purpose and legal basis of the processing</h2>"
    "<ul>"
    "<li>Handling suggestions and contacting the person who made them: the controller's legitimate interest "
    "(Article 6(1)(f) of the EU General Data Protection Regulation).</li>"
    "<li>Handling reports of use and requests for support, and contacting the sender: legitimate interest. Showing "
    "the contact person of a reported use on the model's page is based on consent, which can be withdrawn at any "
    "time.</li>"
    "<li>Keeping the details of models' contact persons, so that the model's information can be checked and "
    "updated: legitimate interest. Showing contact details publicly is based on the person's consent (Article "
    "6(1)(a)), which can be withdrawn at any time.</li>"
    "<li>User accounts of the administration, managing permissions, information security and the history of "
    "content changes: legitimate interest.</li>"
    "</ul>"
    "<h2>How long we keep the data</h2>"
    "<ul>"
    "<li>The details of a person who suggested a model are kept while the suggestion is handled and for at most "
    "12 months after handling ends.</li>"
    "<li>The details of people who reported using a model or asked for support are kept in the same way: while "
    "the report or request is handled and for at most 12 months afterwards. If the person has allowed their "
    "contact details to be shown with a confirmed use, they are kept as long as the use is shown on the model's "
    "page or until the person withdraws their permission.</li>"
    "<li>A contact person's details are kept as long as the model is in the service and the details are up to "
    "date. Whether they are up to date is checked when the model's continuing use is confirmed.</li>"
    "<li>The details of an administration user are kept as long as the user account is valid. The user's name "
    "remains in the pages' version history as long as the versions are kept.</li>"
    "</ul>"
    "<h2>Who receives the data</h2>"
    "<p>The data is not sold or disclosed to third parties. The service providers who handle the technical "
    "maintenance and server environment of the service process the data on behalf of the controller and on its "
    "instructions. The data is not transferred outside the EU or the EEA. Contact details marked as public are "
    "shown on the model's page and in the service's open data. The contact person of a reported use is shown, "
    "with permission, only on the model's page.</p>"
    "<h2>Your rights</h2>"
    "<ul>"
    "<li>the right to access your data</li>"
    "<li>the right to have incorrect data corrected</li>"
    "<li>the right to have your data erased</li>"
    "<li>the right to restrict processing</li>"
    "<li>the right to object to processing based on legitimate interest</li>"
    "<li>the right to withdraw your consent</li>"
    "<li>the right to move data given with consent from one system to another</li>"
    "</ul>"
    "<p>If you would like a copy of your data, or would like it erased, write to "
    '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a> and give the email address '
    "you used in the form. The request covers all suggestions, reports of use and requests for support sent from "
    "that address. On erasure, your name is replaced with “(deleted)”, and your email address, phone number, the "
    "hash of your IP address and the organisation in suggestions and support requests are deleted. The contact "
    "details are also removed from any models whose contact person has the same email address. The suggested "
    "model, the confirmed use and the message of the support request stay in the service, as they are part of its "
    "content. If you have written other details about yourself in them, mention these in your request and we will "
    "remove them too.</p>"
    "<p>After a request for erasure, we delete the data or make it anonymous, unless the law requires us to keep "
    "it. If you think that the processing of your data breaks data protection law, you can complain to the Office "
    'of the Data Protection Ombudsman (<a href="https://tietosuoja.fi/en">tietosuoja.fi/en</a>).</p>'
    "<h2>Contact</h2>"
    "<p>Send questions and requests about data protection to "
    '<a href="mailto:tietosuoja@mallipankki.example">tietosuoja@mallipankki.example</a>. We reply to requests '
    "within one month at the latest. This notice was last updated on 28 November 2026.</p>"
)

STANDARD = {
    "saavutettavuus": {
        "sv": {
            "title": "Tillgänglighetsutlåtande",
            "intro": "Det här utlåtandet beskriver hur webbtjänsten Mallipankki uppfyller tillgänglighetskraven.",
            "body": ACCESSIBILITY_SV,
        },
        "en": {
            "title": "Accessibility statement",
            "intro": "This statement describes how the Mallipankki web service meets the accessibility requirements.",
            "body": ACCESSIBILITY_EN,
        },
    },
    "tietosuoja": {
        "sv": {
            "title": "Dataskyddsbeskrivning",
            "intro": "Den här beskrivningen berättar vilka personuppgifter Mallipankki behandlar, varför och hur.",
            "body": PRIVACY_SV,
        },
        "en": {
            "title": "Privacy notice",
            "intro": "This notice explains what personal data Mallipankki processes, why and how.",
            "body": PRIVACY_EN,
        },
    },
}


# The catalogue page's own fields (its intro is rich text, unlike the other pages').
PRACTICE_INDEX_FIELDS = {
    "title_sv": "Modeller",
    "search_description_sv": "All god praxis och alla sysselsättningsmodeller som har publicerats i Mallipankki.",
    "intro_sv": paragraphs(
        "Här finns all god praxis och alla sysselsättningsmodeller som har publicerats i Mallipankki. "
        "Du kan avgränsa listan efter tema och målgrupp."
    ),
    "title_en": "Models",
    "search_description_en": "Every good practice and employment model published in Mallipankki.",
    "intro_en": paragraphs(
        "This list brings together every good practice and employment model published in Mallipankki. "
        "You can narrow it down by theme and target group."
    ),
}


def translation_fields(texts: dict) -> dict:
    """Model fields from {"sv": {"title", "intro", "body"}, "en": {...}}; the intro is also the search description."""
    fields = {}
    for lang, version in texts.items():
        for name, value in version.items():
            fields[f"{name}_{lang}"] = value
        fields[f"search_description_{lang}"] = version["intro"]
    return fields
