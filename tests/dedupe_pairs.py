"""Pairs of claim sentences written for the duplicate tests (this project's own prose).

DECOYS say something else than their first sentence, however alike they look: an
opposite word, a swapped role, another number, an added restrictor or clause. None may
ever be reported. SAME_CLAIMS say the same thing in another form: extraction damage,
abbreviations, titles, attributions, synonyms, spellings. At least 80% must be found.
"""

from __future__ import annotations

DECOYS: list[tuple[str, str]] = [
    # relation and polarity words
    (
        "The evacuation of the eastern districts began before the dam was breached, "
        "regional officials confirmed.",
        "The evacuation of the eastern districts began after the dam was breached, "
        "regional officials confirmed.",
    ),
    (
        "Households in the northern provinces are paying more for heating this winter "
        "than they did a year ago.",
        "Households in the northern provinces are paying less for heating this winter "
        "than they did a year ago.",
    ),
    (
        "Fewer migrants crossed the channel in small boats during the summer than in the "
        "previous two years.",
        "More migrants crossed the channel in small boats during the summer than in the "
        "previous two years.",
    ),
    (
        "Water levels in the reservoir stayed above the emergency mark for most of the dry season.",
        "Water levels in the reservoir stayed below the emergency mark for most of the dry season.",
    ),
    (
        "The opposition party voted for the emergency budget when it reached the floor "
        "of the assembly.",
        "The opposition party voted against the emergency budget when it reached the "
        "floor of the assembly.",
    ),
    (
        "Grain prices on the regional exchange went up sharply in the week after the "
        "corridor reopened.",
        "Grain prices on the regional exchange went down sharply in the week after the "
        "corridor reopened.",
    ),
    (
        "All of the hospitals in the city were running on backup generators by Thursday evening.",
        "Some of the hospitals in the city were running on backup generators by Thursday evening.",
    ),
    (
        "He told the committee that the contracts had been signed without a competitive tender.",
        "She told the committee that the contracts had been signed without a competitive tender.",
    ),
    (
        "The convoy travelled with an armed escort through the mountain pass to the "
        "border crossing.",
        "The convoy travelled without an armed escort through the mountain pass to the "
        "border crossing.",
    ),
    (
        "The earliest estimates put the number of displaced families at several "
        "thousand across the valley.",
        "The latest estimates put the number of displaced families at several thousand "
        "across the valley.",
    ),
    (
        "The first shipment of vaccines reached the island clinics by ferry early in the campaign.",
        "The last shipment of vaccines reached the island clinics by ferry early in the campaign.",
    ),
    (
        "The central bank said inflation would increase over the coming months as "
        "energy subsidies expire.",
        "The central bank said inflation would decrease over the coming months as "
        "energy subsidies expire.",
    ),
    (
        "Exports of frozen fish rose in the third quarter, according to the customs "
        "agency's figures.",
        "Exports of frozen fish fell in the third quarter, according to the customs "
        "agency's figures.",
    ),
    (
        "The ruling coalition won the vote on the pension reform by a narrow margin "
        "late on Wednesday.",
        "The ruling coalition lost the vote on the pension reform by a narrow margin "
        "late on Wednesday.",
    ),
    (
        "The appeals court approved the extradition request filed by the prosecutors last spring.",
        "The appeals court rejected the extradition request filed by the prosecutors last spring.",
    ),
    (
        "Unemployment among young graduates is higher in the coastal cities than in the interior.",
        "Unemployment among young graduates is lower in the coastal cities than in the interior.",
    ),
    (
        "Most of the stolen paintings were recovered from a warehouse outside the "
        "capital in March.",
        "Few of the stolen paintings were recovered from a warehouse outside the capital in March.",
    ),
    (
        "The company bought the two regional airlines in a deal worth far less than "
        "analysts expected.",
        "The company sold the two regional airlines in a deal worth far less than "
        "analysts expected.",
    ),
    (
        "Importing the medicine without a licence is legal under the amended law, the "
        "ministry said.",
        "Importing the medicine without a licence is illegal under the amended law, the "
        "ministry said.",
    ),
    # closed classes: directions, days, months, numbers
    (
        "Heavy fighting was reported on the northern edge of the town throughout the "
        "night, witnesses said.",
        "Heavy fighting was reported on the southern edge of the town throughout the "
        "night, witnesses said.",
    ),
    (
        "The strike by port workers is expected to start on Monday and last for at least a week.",
        "The strike by port workers is expected to start on Tuesday and last for at least a week.",
    ),
    (
        "The ceasefire agreement was signed in January after months of talks mediated "
        "by neighbouring states.",
        "The ceasefire agreement was signed in March after months of talks mediated by "
        "neighbouring states.",
    ),
    (
        "Rescue teams pulled 37 survivors from the collapsed apartment block over the weekend.",
        "Rescue teams pulled 73 survivors from the collapsed apartment block over the weekend.",
    ),
    (
        "Three journalists were detained at the airport as they tried to board a flight "
        "to the capital.",
        "Four journalists were detained at the airport as they tried to board a flight "
        "to the capital.",
    ),
    (
        "The new terminal is due to open in 2026 after repeated delays to its "
        "construction, officials said.",
        "The new terminal is due to open in 2027 after repeated delays to its "
        "construction, officials said.",
    ),
    (
        "The country imports most of its wheat through the southern ports, "
        "according to trade data.",
        "The country exports most of its wheat through the southern ports, "
        "according to trade data.",
    ),
    # negation and hedging
    (
        "Investigators believe the fire at the depot was started deliberately by "
        "someone with access to the site.",
        "Investigators do not believe the fire at the depot was started deliberately by "
        "someone with access to the site.",
    ),
    (
        "The militia sent fighters across the river to reinforce the garrison "
        "before the offensive.",
        "The militia may have sent fighters across the river to reinforce the garrison "
        "before the offensive.",
    ),
    # names and roles
    (
        "Norway agreed to supply gas to Poland through the new pipeline under a ten-year contract.",
        "Poland agreed to supply gas to Norway through the new pipeline under a ten-year contract.",
    ),
    (
        "Officials in Ankara accused Athens of violating the airspace agreement twice in one week.",
        "Officials in Athens accused Ankara of violating the airspace agreement twice in one week.",
    ),
    (
        "The drones were assembled in Iran and shipped across the Caspian Sea, the report said.",
        "The drones were assembled in Syria and shipped across the Caspian Sea, the report said.",
    ),
    (
        "Chelsea beat Arsenal in the cup final after extra time in front of a record crowd.",
        "Arsenal beat Chelsea in the cup final after extra time in front of a record crowd.",
    ),
    (
        "The trade delegation from Austria arrived in the capital on a two-day visit to "
        "discuss energy.",
        "The trade delegation from Australia arrived in the capital on a two-day visit to "
        "discuss energy.",
    ),
    # restrictors and a second predicate
    (
        "The embassy evacuated its staff from the capital as the rebels advanced on the airport.",
        "The embassy evacuated only its staff from the capital as the rebels advanced on "
        "the airport.",
    ),
    (
        "The flooding destroyed the harvest in the river delta, the agriculture ministry reported.",
        "The flooding partly destroyed the harvest in the river delta, the agriculture "
        "ministry reported.",
    ),
    (
        "The new reactor has reached full capacity ahead of the winter, the operator announced.",
        "The new reactor has nearly reached full capacity ahead of the winter, the "
        "operator announced.",
    ),
    (
        "The government raised the minimum wage for public sector workers in the spring budget.",
        "The government raised the minimum wage and cut pensions for public sector "
        "workers in the spring budget.",
    ),
    # content words that change the claim
    (
        "At least a dozen civilians were killed when the market was shelled on Sunday morning.",
        "At least a dozen civilians were injured when the market was shelled on Sunday morning.",
    ),
    (
        "The regulator has opened an investigation into the bank's lending to property developers.",
        "The regulator has closed an investigation into the bank's lending to property developers.",
    ),
    (
        "Prosecutors asked the judge to keep the former minister in custody until the "
        "trial begins.",
        "Defence lawyers asked the judge to keep the former minister in custody until "
        "the trial begins.",
    ),
    # found by probing after the first round: closed words against open ones
    (
        "Oil prices rose sharply on Monday after the attack on the pipeline in the north.",
        "Oil prices slumped sharply on Monday after the attack on the pipeline in the north.",
    ),
    (
        "The company said sales of electric cars were over 500,000 units in the first quarter.",
        "The company said sales of electric cars were under 500,000 units in the first quarter.",
    ),
    (
        "Flights to Moscow were suspended for a week after the drone attacks on the airport.",
        "Flights from Moscow were suspended for a week after the drone attacks on the airport.",
    ),
    (
        "The pension fund increased its stake in the shipping company to 12 percent last month.",
        "The pension fund reduced its stake in the shipping company to 12 percent last month.",
    ),
    (
        "The court convicted the former mayor of taking bribes from construction firms "
        "in the port.",
        "The court acquitted the former mayor of taking bribes from construction firms "
        "in the port.",
    ),
    (
        "Officials confirmed that the bridge was damaged by the explosion on Saturday morning.",
        "Officials denied that the bridge was damaged by the explosion on Saturday morning.",
    ),
    (
        "Investigators said the weapons were supplied by Iran and Syria to the militias "
        "in the east.",
        "Investigators said the weapons were supplied by Iran or Syria to the militias in "
        "the east.",
    ),
    (
        "The bridge was damaged by a drone strike on Saturday morning, officials said.",
        "The bridge was damaged by a drone strike on Saturday morning, officials denied.",
    ),
]

SAME_CLAIMS: list[tuple[str, str]] = [
    (
        "The agency said the damaged section near the turbine hall would be repaired "
        "within two weeks.",
        "The agency said the damaged sectionnear the turbine hall would be repaired "
        "within two weeks.",
    ),
    (
        "The U.S. Treasury announced new sanctions on three shipping firms accused of "
        "moving oil for the regime.",
        "The US Treasury announced new sanctions on three shipping firms accused of "
        "moving oil for the regime.",
    ),
    (
        "General Mark Ellison ordered the battalion to withdraw from the ridge before "
        "dawn on the third day.",
        "Mark Ellison ordered the battalion to withdraw from the ridge before dawn on the "
        "third day.",
    ),
    (
        "Power was restored to most homes in the eastern suburbs by Saturday night, "
        "utility officials said.",
        "Power was restored to most homes in the eastern suburbs by Saturday night.",
    ),
    (
        "Construction of the second runway began in the spring despite protests from "
        "nearby villages.",
        "Construction of the second runway started in the spring despite protests from "
        "nearby villages.",
    ),
    (
        "The ministry wants to modernise the rail network in the north before the next election.",
        "The ministry wants to modernize the entire rail network in the north before the "
        "next election.",
    ),
    (
        "Nine people were taken to hospital after the bus overturned on the mountain "
        "road near the border.",
        "9 people were taken to hospital after the bus overturned on the mountain road "
        "near the border.",
    ),
    (
        "It's the third time this year that the refinery has been forced to halt "
        "production after a drone strike.",
        "It is the third time this year that the refinery has been forced to halt "
        "production after a drone strike.",
    ),
    (
        "Inspectors visited the Zaporizhzhia plant on Tuesday to check the cooling "
        "systems and backup power lines.",
        "Inspectors visited the Zaporizhia plant on Tuesday to check the cooling systems "
        "and backup power lines.",
    ),
    (
        "Under General Surovikin the army pulled back from the west bank of the river "
        "and dug in along new lines.",
        "Under Surovikin the army pulled back from the west bank of the river and dug in "
        "along new lines.",
    ),
    (
        "The spokesman said the talks with the unions had made no progress on the "
        "question of overtime pay.",
        "The spokesman stated the talks with the unions had made no progress on the "
        "question of overtime pay.",
    ),
    (
        "The city council bought the derelict warehouse on the waterfront to turn it "
        "into social housing.",
        "The city council purchased the derelict warehouse on the waterfront to turn it "
        "into social housing.",
    ),
    (
        "Some context: the reservoir supplies drinking water to about two million people "
        "in the region.",
        "The reservoir supplies drinking water to about two million people in the region.",
    ),
    (
        "The U.N. refugee agency says the camp now holds more than twice the number of "
        "people it was built for.",
        "The UN refugee agency said the camp now holds more than twice the number of "
        "people it was built for.",
    ),
    (
        "The company says its new factory will employ around 800 workers once it is fully running.",
        "The company says their new factory will employ around 800 workers once it is "
        "fully running.",
    ),
    (
        "Police don't expect the road to reopen before the weekend because of the "
        "damage to the bridge.",
        "Police do not expect the road to reopen before the weekend because of the "
        "damage to the bridge.",
    ),
    (
        "Volunteers handed out blankets and hot food to families sheltering in the "
        "metro stations overnight.",
        "Volunteers handed out blankets and hot food to families sheltering in the metro "
        "stations overnight, the mayor said.",
    ),
    (
        "The colour of the water in the bay changed after the spill, which the port "
        "authority blamed on a tanker.",
        "The color of the water in the bay changed after the spill, which the port "
        "authority blamed on a tanker.",
    ),
    (
        "President Amara Diallo signed the decree dissolving the electoral commission "
        "late on Friday.",
        "Amara Diallo signed the decree dissolving the electoral commission late on Friday.",
    ),
    (
        "The rebels captured the airfield and the fuel depot next to it after two days "
        "of heavy fighting.",
        "The rebels seized the airfield and the fuel depot next to it after two days "
        "of heavy fighting.",
    ),
    (
        "The minister said the budget deficit would fall to 3 per cent of output by the "
        "end of next year.",
        "The minister said the budget deficit would fall to 3 percent of output by the end "
        "of next year.",
    ),
    (
        "The storm knocked out power to the region's main hospital, forcing staff to "
        "move patients.",
        "The storm knocked out power to the region's main hospital, forcing staff to "
        "transfer patients, officials said.",
    ),
    (
        "Ukrainian forces pushed the front line several kilometres east of the village "
        "during the counter-offensive.",
        "Ukrainian forces pushed the frontline several kilometres east of the village "
        "during the counteroffensive.",
    ),
    (
        "Kyiv's mayor said the shelters in the capital would stay open around the clock "
        "throughout the winter.",
        "Kyiv's mayor says the shelters in the capital will stay open around the clock "
        "throughout the winter.",
    ),
    (
        "Twenty-five fishing boats were stranded in the harbour when the storm closed the "
        "shipping lane.",
        "25 fishing boats were stranded in the harbour when the storm closed the shipping lane.",
    ),
    # two nouns reworded as two others that the lexicon does not relate: the same people
    # or thing, named as another outlet names them
    (
        "Aid workers said food shortages were worsening across the besieged city.",
        "Humanitarian staff said food shortages were worsening across the besieged city.",
    ),
    (
        "The border crossing reopened on Monday after three days of heavy shelling.",
        "The frontier checkpoint reopened on Monday after three days of heavy shelling.",
    ),
    (
        "Police officers arrested 12 protesters outside the parliament building on Friday.",
        "Security forces arrested 12 protesters outside the parliament building on Friday.",
    ),
]
