H = {}
H["VIOL_DEMONSTR"] = [
    "!Protesters in {city} blocked the main roads with burning tyres and rocks on {day}, paralysing traffic.",
    "!Residents angry over power cuts vandalised the offices of the electricity company in {city}.",
    "!Demonstrators clashed with police in {city}; protesters threw stones and officers fired tear gas in return.",
    "!Scenes of escalating violence in {city} as protesters smashed shop windows during the summit.",
    "!Protesters forced their way into the parliament compound in {capital}, breaking doors and furniture.",
    "!On {date}, youths protesting the death of a detainee burned a police vehicle in {city}.",
    "!Protesters stoned security forces at the border fence near {city}; troops fired back and killed {n}.",
    "!Crowds protesting against the lockdown attacked a testing centre and set it alight in {city}.",
    "!Striking miners blocked the railway near {city} and beat up workers who crossed the picket line.",
    "!Protesters in {city} erected barricades, shut down government offices and forced shops to close.",
    "!Demonstrators attacked the convoy of the governor in {city} with stones and bottles.",
    "!A civil disobedience campaign in {capital} saw protesters block streets and ministries, scuffling with police.",
]
H["FORCE_AGAINST_PROTEST"] = [
    "!Dozens were injured in {capital} as security forces fired rubber bullets, tear gas and water cannon at anti-government protesters.",
    "!A peaceful march in {city} turned chaotic when police fired tear gas and charged with batons, injuring many.",
    "!Police beat and arrested hundreds of peaceful protesters in {capital}; {n} were taken to hospital.",
    "!On {date}, protesters in {city} were hit by rubber bullets and at least {N} needed treatment.",
]
H["PROTEST_WITH_INTER"] = [
    "!Police in {city} arrested {n} protesters who were holding a peaceful demonstration, the organisers said.",
    "!Officers dispersed a small protest in {city} and told the organisers to leave; nobody was hurt.",
    "!Protesters in {city} were pepper-sprayed and pushed back by police at the gates of the ministry.",
]
H["DISR_WEAP"] = [
    "!Police recovered {n} hand grenades and a rocket launcher from a hideout in {city}.",
    "!Security forces found explosives packed into a car parked near a church in {city} and disarmed them.",
    "!Two militants were killed when the explosive vest one of them was wearing went off early in {city}.",
    "!The army said it had dismantled a bomb-making factory of {group} near {city}.",
    "!Troops seized a truck carrying ammunition and explosives to {group} at a checkpoint near {city}.",
    "!A suspicious package left at the train station in {city} was found to contain a pipe bomb and was made safe.",
    "!Officers seized pistols, a musket and live cartridges from {n} men arrested in {city}.",
    "!{group} militants accidentally set off incendiary devices they were carrying near a hospital in {city}.",
]
H["ARMED_CLASH"] = [
    "!{group} fighters attacked soldiers guarding a bridge near {city}, and the soldiers fought back.",
    "!On {date}, police and gunmen exchanged fire for two hours in {city}; {n} attackers were killed.",
    "!Rival armed groups fought each other near {city}, killing {n} fighters.",
    "!{army} repelled an attack by {group} on its base near {city} on {day}.",
    "!Soldiers killed {n} members of {group} who had attacked a checkpoint near {city}.",
    "!Clashes between {army} and {group} continued in villages around {city} for a third day.",
]
H["MAN_MADE_DISASTER"] = [
    "!An explosion at a fireworks warehouse in {city} killed {n} people; police ruled out sabotage.",
    "!A gas explosion in a residential building in {city} left {n} dead; investigators blamed a faulty pipe.",
]
H["REM_EXPLOS"] = [
    "!A bomb exploded at an airport in {city}, and passengers were evacuated; militants were suspected.",
    "!A parcel bomb exploded at a post office in {city}, injuring {n} workers.",
]
