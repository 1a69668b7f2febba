G = {}
G["PEACE_PROTEST"] = [
    "Nurses in {city} walked off the job on {day} over months of unpaid wages, their union said.",
    "Relatives of people killed in the violence in {city} held a march to demand justice.",
    "!On {date}, demonstrators gathered outside the parliament in {capital} chanting against the government; the rally ended without incident.",
    "Hundreds of people rallied in {city} in support of {opp} and dispersed peacefully in the evening.",
    "Lorry drivers parked their vehicles along the highway near {city} in a strike over fuel prices.",
    "!Opposition activists held a candlelight vigil in {capital} for protesters who died last month.",
    "Market women in {city} protested against the demolition of their stalls by the municipality.",
    "On {date}, members of the local bar association boycotted the courts in {city} to protest the arrest of a colleague.",
    "!Residents demonstrated in {city} against the presence of {group} in their district and demanded more troops.",
    "A few hundred people joined a rally in {city} organised by {opp} to denounce corruption.",
]
G["PROTEST_WITH_INTER"] = [
    "Police in {city} detained {n} activists who were holding banners outside the court on {day}.",
    "!Protesters in {city} scuffled with police who tried to remove their tents; several were detained.",
    "On {date}, police blocked a march by {opp} supporters in {capital} and arrested its leaders.",
    "Officers fired tear gas and warning shots in the air to break up a demonstration in {city}; no one was hurt.",
    "!Security forces surrounded a rally in {city} and forced the crowd to leave the square.",
    "!A pro-democracy rally in {city} was broken up by plainclothes police, who detained a dozen people.",
    "Police used batons to push back demonstrators trying to march on the presidential palace in {capital}.",
    "!On {date}, riot police in {city} detained dozens of demonstrators and confiscated their placards.",
]
G["FORCE_AGAINST_PROTEST"] = [
    "!Three people died in {city} when police fired on a crowd protesting against the election result.",
    "!Riot police in {city} beat protesters with batons and fired live ammunition, wounding {N}, rights groups said.",
    "On {date}, soldiers fired into a crowd of demonstrators in {city}, killing a teenage boy.",
    "!A protester was killed in {city} after being hit by a tear gas canister fired at his head.",
    "Security forces killed {n} people at a protest against rising bread prices in {city}.",
    "!Gunmen in plain clothes opened fire on a peaceful sit-in in {capital}, killing several protesters.",
    "!Police in {city} shot dead {n} youths who were protesting against the killing of a motorcycle taxi driver.",
    "Protesters were seriously wounded when troops used live fire to disperse a march in {city}.",
]
G["VIOL_DEMONSTR"] = [
    "!Protesters in {city} set fire to the ruling party's office after the vote count was announced.",
    "Angry demonstrators stormed the governor's residence in {city} and set vehicles ablaze.",
    "!On {date}, rioters in {city} threw stones at police and blocked roads with burning barricades.",
    "!Protesters armed with sticks attacked a police post in {city}; officers fired tear gas.",
    "Crowds ransacked shops and government buildings in {city} during protests over fuel subsidies.",
    "!Football fans protesting against the referee clashed with police and burned cars in {city}.",
    "Demonstrators hurled petrol bombs at the central bank building in {capital}.",
    "Students protesting in {city} smashed the windows of the ministry and injured {n} guards.",
]
G["MOB_VIOL"] = [
    "!On {date}, a crowd in {city} beat a man to death after accusing him of blasphemy.",
    "Residents of a district in {city} attacked a suspected kidnapper and set him on fire.",
    "!Members of two rival political parties attacked each other with sticks and stones in {city}.",
    "A mob stormed a police station in {city} and killed a suspect held in custody.",
    "!Vigilantes in {city} attacked a group of herders and burned their camp after a cattle dispute.",
    "An angry crowd in {city} torched the houses of people suspected of sorcery.",
    "!Fans of rival clubs fought with knives outside a stadium in {city}, leaving {n} injured.",
    "On {date}, villagers near {city} lynched two men they suspected of stealing motorcycles.",
]
G["REM_EXPLOS"] = [
    "!On {date}, an explosive device planted on a motorbike exploded near a police station in {city}.",
    "!A bomb hidden in a bag went off in a crowded bus station in {city}, wounding {N} people.",
    "!A soldier was killed when his vehicle hit a landmine on a road outside {city}.",
    "A car bomb exploded outside a government building in {capital}, killing {n} people.",
    "!Marines were wounded on {day} when a ground mine laid by unidentified militants exploded under their convoy near {city}.",
    "!An IED concealed in a drainage culvert hit a police patrol in {city}.",
    "!Explosive devices have been found around {city} in recent months, and {n} children died in a blast.",
    "A bomb exploded at a wedding hall in {city}; police said it had been detonated by remote control.",
]
G["DISR_WEAP"] = [
    "!Police seized {n} revolvers, a shotgun and {N} rounds of ammunition from two men in {city}.",
    "On {date}, troops found an arms cache of {group} containing rockets and explosives near {city}.",
    "!Bomb disposal experts defused a device planted under a bridge in {city}.",
    "!A drone launched by {group} towards {city} was shot down before it reached its target.",
    "!Soldiers destroyed a workshop in {city} where {group} assembled explosive devices.",
    "!Two men were killed when the bomb they were building exploded in a house in {city}.",
    "A parcel bomb addressed to a minister was intercepted at a sorting office in {capital}.",
    "Government forces seized a stockpile of mortar shells belonging to {group} west of {city}.",
]
G["ARMED_CLASH"] = [
    "!{army} and {group} clashed on the outskirts of {city} on {day}; both sides said they had repelled the other.",
    "!On {date}, {group} attacked an army post near {city}; the assault was repulsed after hours of fighting.",
    "!Heavy fighting raged around {city} as {army} launched an offensive against {group}.",
    "!{group} fighters ambushed a military patrol near {city}, and an exchange of fire followed.",
    "Fighting between {army} and {group} near {city} killed {n} soldiers and {n} militants.",
    "!Troops fought {group} for control of the road into {city}, but neither side gained ground.",
    "!A gun battle broke out between two militias in {city} on {day}.",
    "Security forces killed {n} militants in a firefight near {city}, the army said.",
]
G["CHANGE_TO_GROUP_ACT"] = [
    "!{army} sent reinforcements to {city} in anticipation of more angry demonstrations after Friday prayers.",
    "!{group} announced a new leader after the death of its commander, the group said.",
    "The government declared a curfew in {city} and closed its markets after a week of violence.",
    "!{army} pulled back from its positions around {city} to new defensive lines.",
    "On {date}, {group} ordered all aid agencies to leave the areas it controls near {city}.",
    "!The authorities banned {opp} and ordered its offices closed.",
    "Schools in {city} were closed and the army took over security after the governor declared a state of emergency.",
]
G["AGREEMENT"] = [
    "!{army} and {group} agreed a 72-hour humanitarian truce in {city} to let civilians leave.",
    "The warring sides signed a deal in {ocap} to withdraw heavy weapons from the front near {city}.",
    "!Rebels from {group} handed in their weapons in {city} under a disarmament agreement.",
    "The government and {group} swapped {N} prisoners on {day}, mediated by the Red Cross.",
    "!Community leaders in {city} signed a peace accord ending months of clashes between farmers and herders.",
    "On {date}, {group} and the government agreed to extend the ceasefire for another month.",
]
G["ABDUCT_DISSAP"] = [
    "Gunmen abducted {n} pupils from a school near {city} on {day}.",
    "!Members of {opp} disappeared in {capital} a day after police arrested hundreds of protesters, the party said.",
    "!{group} kidnapped {n} Catholic priests in {city}, church officials said.",
    "On {date}, armed men seized a local journalist in {city} and took him to an unknown location.",
    "!The family of an activist in {city} said he was taken from his home by men in uniform and has not been seen since.",
    "Kidnappers stopped a bus near {city} and took {N} passengers into the forest.",
]
G["NATURAL_DISASTER"] = [
    "!Torrential rains caused a river to burst its banks near {city}, sweeping away homes.",
    "On {date}, a tremor of magnitude 5.4 shook {city} and nearby villages.",
    "An outbreak of measles has killed {n} children in villages near {city}.",
    "!Locust swarms destroyed crops around {city}, officials said.",
    "Heavy snowfall cut off villages around {city}, and {n} people died of cold.",
    "A tropical storm flooded neighbourhoods of {city}, killing {n} people.",
]
G["ATTRIB"] = [
    "!{minister} accused {group} of the massacre in {city} and vowed to hunt down those responsible.",
    "!{group} said in a statement that its fighters carried out the bombing in {city}.",
    "!The military rejected the accusation that it bombed a mosque in {city}, saying the explosion was caused by {group}.",
    "Human rights investigators said {army} was responsible for the killing of {n} civilians in {city}.",
    "!{group} took responsibility for the rocket attack on {city} in a video released on {day}.",
    "!A senior {adj} official said flimsy allegations against his country over the attack were inadmissible.",
    "A UN panel said weapons used by {group} had been supplied by {other} in violation of the embargo.",
    "!Police said the explosion in {city} was the work of {group}, which has not commented.",
]
G["DIPLO"] = [
    "!{country} expelled {n} {oadj} diplomats on {day}, accusing them of spying.",
    "!{country} gave the {oadj} ambassador 72 hours to leave in response to new sanctions.",
    "!{other} announced it would expel {adj} diplomats in retaliation.",
    "!The foreign ministry of {country} said it had ordered {n} staff of the {oadj} embassy to leave.",
    "The {adj} foreign minister held talks with his {oadj} counterpart in {ocap} on the crisis.",
    "{minister} said {country} was open to talks with {other} but would not accept conditions.",
    "!{country} urged its partners to back sanctions against officials responsible for the crackdown.",
    "The {adj} president pledged at a summit in {ocap} to prevent war at all costs.",
]
G["ORG_CRIME"] = [
    "!{n} people were killed when a grenade went off during a robbery at a shop in {city}, police said.",
    "!Police in {city} arrested {n} suspected drug dealers and seized cannabis and cash.",
    "!The authorities confiscated tons of counterfeit cosmetics in a raid on a factory in {city}.",
    "!A man accused of circulating child abuse images was arrested in {city} after a tip-off from Interpol.",
    "!Armed robbers attacked a bus on the highway near {city} and stole passengers' money and phones.",
    "Drug traffickers shot dead {n} police officers at a checkpoint outside {city}.",
    "!Police in {city} detained {n} people who were running an illegal online gambling operation.",
    "A gang that stole copper cables from the railway was arrested in {city}.",
]
G["MAN_MADE_DISASTER"] = [
    "!A series of explosions tore through an industrial area of {city} where toxic chemicals were stored.",
    "!Two people were found dead in a car after a chemical spill in {city}; the road was sealed off.",
    "!{N} people died after drinking methanol-laced liquor sold illegally in {city}.",
    "A ferry sank in the river near {city}; {n} people drowned.",
    "!A fire at a fuel depot in {city} burned for two days; officials said it was an accident.",
    "A gas leak at a fertiliser plant in {city} killed {n} workers.",
    "!Firecrackers stored in a house in {city} exploded, killing {n} members of a family.",
    "An oil tanker collided with a bus near {city}, and the fire that followed killed {n} people.",
]
G["ARREST"] = [
    "!{police} detained a cleric in {city} accused of recruiting for {group}.",
    "!On {date}, {n} suspected members of {group} were arrested for planning attacks on the embassy in {capital}.",
    "A blogger was arrested in {city} for insulting the president on social media.",
    "!Troops arrested a local chief in {city} accused of collaborating with {group}.",
]
