"""The frame engine on sentences written for these tests: one or more per frame and per polarity rule.

Each sentence is plain news English that the parser should read right; the expected edges
follow ../shared/ANNOTATION.md (the guide section is named where it decides the case).
"""

import zlib

import pytest

A, M, E, T, AL = "arms_transfer", "military_support", "energy_trade", "trade", "alliance"
D, C, TH, N, S, K = ("diplomatic_support", "condemnation", "threat", "non_intervention", "sanction",
                     "military_strike")

CASES = [
 # frame give / arm / send-into / deploy / receive / take-delivery / seller / buyer / deal / invest
 ("Iran sold drones to Russia.", {("IRN", A, "RUS")}),
 ("Germany supplied Ukraine with Leopard tanks.", {("DEU", A, "UKR")}),
 ("Ukraine was supplied with tanks by Germany and the Netherlands.", {("DEU", A, "UKR"), ("NLD", A, "UKR")}),
 ("The drones that Iran delivered to Russia were used in Kyiv.", {("IRN", A, "RUS")}),
 ("North Korea has sent thousands of soldiers to Russia.", {("PRK", M, "RUS")}),
 ("Russia sent troops into Ukraine in February 2022.", {("RUS", K, "UKR")}),
 ("India bought Russian oil at a discount.", {("RUS", E, "IND")}),
 ("Japan imports most of its gas from Qatar.", {("QAT", E, "JPN")}),
 ("Poland took its first delivery of gas from Norway.", {("NOR", E, "POL")}),
 ("Norway became Germany's largest gas supplier.", {("NOR", E, "DEU")}),
 ("China is the largest buyer of Iranian oil.", {("IRN", E, "CHN")}),
 ("Trade between Turkey and Israel was worth $7 billion.", {("TUR", T, "ISR")}),
 ("China invested heavily in Pakistan.", {("CHN", T, "PAK")}),
 ("The Netherlands will deliver U.S.-made jets to Ukraine.", {("NLD", A, "UKR"), ("USA", A, "UKR")}),
 ("Britain trained thousands of Ukrainian soldiers.", {("GBR", M, "UKR")}),
 # strikes
 ("Israel struck Iran's nuclear sites.", {("ISR", K, "IRN")}),
 ("Iranian nuclear sites were struck by American and British warplanes.", {("USA", K, "IRN"), ("GBR", K, "IRN")}),
 ("Russia's invasion of Ukraine began in 2022.", {("RUS", K, "UKR")}),
 ("U.S. forces conducted airstrikes against militants in Syria.", {("USA", K, "SYR")}),
 ("Algeria shot down a Malian army drone.", {("DZA", K, "MLI")}),
 ("Iran launched missiles at Israel.", {("IRN", K, "ISR")}),
 ("The United States authorised Ukraine to strike targets in Russia.", set()),
 ("A direct attack by Iran on Israel will carry severe consequences.", set()),
 # verbal conflict
 ("Russia and China condemned the U.S. strikes on Iran.", {("RUS", C, "USA"), ("CHN", C, "USA"), ("USA", K, "IRN")}),
 ("Saudi Arabia accused Iran of sponsoring terrorism.", {("SAU", C, "IRN")}),
 ("Beijing voiced strong criticism of Washington.", {("CHN", C, "USA")}),
 ("China threatened Japan with a crushing defeat.", {("CHN", TH, "JPN")}),
 ("The United States could impose sanctions on Egypt if it buys Russian jets.", {("USA", TH, "EGY")}),
 ("The United States imposed sanctions on Venezuela.", {("USA", S, "VEN")}),
 ("Canada hit Russia with new sanctions.", {("CAN", S, "RUS")}),
 ("Turkey suspended all trade with Israel.", {("TUR", S, "ISR")}),
 ("China banned exports of gallium to the United States.", {("CHN", S, "USA")}),
 ("The United Kingdom sanctioned three Iranian officials.", set()),
 # verbal cooperation, alliance
 ("Turkey voiced support for Azerbaijan.", {("TUR", D, "AZE")}),
 ("Russia and Belarus signed a mutual defence treaty.", {("RUS", AL, "BLR")}),
 ("Egypt and Somalia signed a joint security agreement.", {("EGY", AL, "SOM")}),
 ("Egypt and Somalia signed a trade agreement.", {("EGY", T, "SOM")}),  # an economic deal (guide: trade)
 ("Egypt and Somalia discussed a trade agreement.", set()),
 ("Norway will recognize Palestine as a state, its prime minister said.", {("NOR", D, "PSE")}),
 # non-intervention
 ("Moscow did not come to Armenia's aid.", {("RUS", N, "ARM")}),
 ("Israel struck Iran, and Russia refrained from intervening.", {("ISR", K, "IRN"), ("RUS", N, "IRN")}),
 ("Kazakhstan refused to help Russia evade sanctions.", set()),
 # more frames: one sentence each
 ("China is Brazil's largest trading partner.", {("CHN", T, "BRA")}),
 ("Russia built a new gas pipeline to China.", {("RUS", E, "CHN")}),
 ("India and Japan signed a free trade agreement.", {("IND", T, "JPN")}),
 ("Kazakhstan turned down Russia's request for troops to fight in Ukraine.", {("KAZ", N, "RUS")}),
 ("Algeria and Morocco have long accused one another of backing proxies.", {("DZA", C, "MAR"), ("MAR", C, "DZA")}),
 ("Russian troops killed two Ukrainian soldiers.", {("RUS", K, "UKR")}),
 ("Iranian forces downed a U.S. drone.", {("IRN", K, "USA")}),
 ("A Chinese-made J-10 flown by Pakistan downed an Indian jet.", {("CHN", A, "PAK"), ("PAK", K, "IND")}),
 ("Spain recognised Palestine as a state.", {("ESP", D, "PSE")}),
 ("Norway overtook Russia as Germany's largest gas supplier.", {("NOR", E, "DEU")}),
 ("Japan joined the sanctions against Russia.", {("JPN", S, "RUS")}),
 ("Indian and Pakistani troops exchanged fire along the border.", {("IND", K, "PAK"), ("PAK", K, "IND")}),
 ("Russia said it would respond militarily if Finland joined NATO.", {("RUS", TH, "FIN")}),
 ("Bahrain agreed to participate in the Washington-led task force.", {("BHR", M, "USA")}),
 ("Jordan declined to join the US-led strikes on Yemen.", {("JOR", N, "USA")}),
 ("The US will continue to help Israel defend itself.", {("USA", M, "ISR")}),
 ("Egypt refused to send troops to help Saudi Arabia.", {("EGY", N, "SAU")}),
 ("Armenia accused Azerbaijan of shelling its territory.", {("ARM", C, "AZE"), ("AZE", K, "ARM")}),
 ("Iran vowed to retaliate against Israel.", {("IRN", TH, "ISR")}),
 ("India buys Russia's oil.", {("RUS", E, "IND")}),
 # resolution: amounts stand for the goods they measure; a reference to a party is another party
 ("Canada imposed tariffs on $30 billion worth of imports from the United States.", {("CAN", S, "USA")}),
 ("During a visit by Bahrain's king to Washington, the U.S. signed a defence agreement with the Gulf nation.",
  {("USA", AL, "BHR")}),
 ("Israeli jets struck Iran's Syria consulate.", {("ISR", K, "IRN")}),
 # accused and denied: the accusation stands (guide: Accused and denied)
 ("Rwanda has denied accusations by Kinshasa that it supports the M23.", {("COD", C, "RWA")}),
 # a verb of speech in a side clause does not speak for the threat
 ("Iran's leader threatened a crushing response, as the Pentagon said it would deploy more ships.",
  set()),
 # a sentence naming no state, only "the two countries", is read
 ("Turkey suspended trade with Israel. Trade between the two countries was worth $7bn last year.",
  {("TUR", S, "ISR"), ("TUR", T, "ISR")}),
 # a measure openly weighed against a state is a threat; imposed, a sanction
 ("Saudi Arabia is considering new steps against Iran.", {("SAU", TH, "IRN")}),
 ("The United States is preparing new sanctions against Russia.", {("USA", TH, "RUS")}),
 # particles: "hit back at" words is condemnation, with weapons a strike; a verb tagged a noun
 ("China hit back at the United States over its new chip curbs.", {("CHN", C, "USA")}),
 ("North Korea fired back at South Korea's criticism.", {("PRK", C, "KOR")}),
 ("Iran fired back at Israel with ballistic missiles.", {("IRN", K, "ISR")}),
 ("Ukraine shot down a Russian fighter jet.", {("UKR", K, "RUS")}),
 ("Britain is training Ukrainian pilots.", {("GBR", M, "UKR")}),
 ("South Africa described Israel's actions as apartheid.", {("ZAF", C, "ISR")}),
 # a judged event stands whatever the judgement; a "-led" coalition acts as its leader
 ("India did not condemn Russia's invasion of Ukraine.", {("RUS", K, "UKR")}),
 ("Saudi-led coalition airstrikes hit Yemen.", {("SAU", K, "YEM")}),
 # a pledged delivery is a fact (guide: Commitments); warning against an act is not the act
 ("The Netherlands and Denmark have pledged F-16s to Ukraine.", {("NLD", A, "UKR"), ("DNK", A, "UKR")}),
 ("Washington warned Beijing against arming Russia.", set()),
 ("Moscow has supported Damascus militarily since 2015.", {("RUS", M, "SYR")}),
 ("Iran sent military advisers to help Syria's army.", {("IRN", M, "SYR")}),
 # opposition is condemnation; "against" heading a predicate, not in "a war against"
 ("China is firmly opposed to the deployment of THAAD by the United States.", {("CHN", C, "USA")}),
 ('"We are resolutely against the deployment of THAAD by South Korea," said a spokesman for China\'s'
  ' Foreign Ministry.', {("CHN", C, "KOR")}),
 ("Russia's war against Ukraine continued.", {("RUS", K, "UKR")}),
 # refusing to join a partner's military action (guide: Refusing one weapon)
 ("Egypt rejected an invitation to participate in the Washington-led task force.", {("EGY", N, "USA")}),
 ("Egypt rejected an invitation to join the trade talks led by France.", set()),
 # a strike on targets in a state's territory; a strike that killed someone somewhere
 ("Israel struck targets in southern Lebanon.", {("ISR", K, "LBN")}),
 ("Pakistan carried out strikes inside Iran.", {("PAK", K, "IRN")}),
 ("A US drone strike killed a militia commander in Baghdad.", {("USA", K, "IRQ")}),
 ("Israel killed a general in an air strike in Damascus.", {("ISR", K, "SYR")}),
 # a critical predicate, also where the parser hangs it on the object; sharing intelligence
 ("South Africa called Israel's actions in Gaza genocide.", {("ZAF", C, "ISR")}),
 ("Venezuela's president called Guyana's leader a puppet.", {("VEN", C, "GUY")}),
 ("The United States shares intelligence with Ukraine.", {("USA", M, "UKR")}),
 # a state's goods banned; an asset freeze; cutting trade is a sanction, not trade
 ("Moscow banned Georgian wine in 2006.", {("RUS", S, "GEO")}),
 ("Britain announced an asset freeze against Iran's Revolutionary Guards.", {("GBR", S, "IRN")}),
 ("Turkey cut all trade with Israel.", {("TUR", S, "ISR")}),
 # criticism without the verb: violations, a hostile act, blame, insults; rejecting interference
 ("China's foreign ministry said the US move was a serious violation of international law.", {("CHN", C, "USA")}),
 ("Iran said Israel's attack violated its sovereignty.", {("IRN", C, "ISR")}),
 ('Russia\'s ambassador said Britain\'s decision was "a hostile act".', {("RUS", C, "GBR")}),
 ("Germany's chancellor said Russia bore full responsibility for the war.", {("DEU", C, "RUS")}),
 ("Poland said Russia was responsible for the sabotage.", {("POL", C, "RUS")}),
 ('The Indian government called Pakistan a "terror state".', {("IND", C, "PAK")}),
 ('Venezuela rejected the "interference" of the United States.', {("VEN", C, "USA")}),
 ("The Philippines filed a diplomatic protest against China.", {("PHL", C, "CHN")}),
 ("Israel's foreign minister lashed out at Spain for recognising a Palestinian state.",
  {("ISR", C, "ESP"), ("ESP", D, "PSE")}),
 ('South Korea\'s foreign ministry expressed "strong regret" over Japan\'s decision.', set()),
 ("The treaty will prevent the violation of the territorial integrity of Belarus and Russia, Lukashenko said.",
  set()),
 # "they" of a group with the critic in it is the critic's side, not the criticised
 ("Russia and China condemned the American strikes. Russia called them a violation, and China said they"
  " breached the UN Charter.", {("RUS", C, "USA"), ("CHN", C, "USA")}),
 # a measure announced for later is a threat (guide: Measures), also where the window reads it
 ("Trump vowed to slap tariffs on Chinese imports.", {("USA", TH, "CHN")}),
 ("Trump announced that tariffs of 25% on Mexican goods will take effect next month.", {("USA", TH, "MEX")}),
 ("President Vladimir Putin warned that Russia could provide long-range weapons to others in response to"
  " NATO allies allowing Ukraine to use their arms to attack Russian territory.", set()),
 # a parallel clause's receiver is made plain by the sentence (guide rule 1); not a clause further down
 ("The Netherlands pledged to deliver 24 jets to Ukraine, while Denmark confirmed sending 19 F-16 aircraft.",
  {("NLD", A, "UKR"), ("DNK", A, "UKR")}),
 ("The United States will send missiles to Ukraine, but there's no sign Chancellor Olaf Scholz will budge on"
  " sending Taurus cruise missiles.", {("USA", A, "UKR")}),
 # fighting between two states and clashes of their forces are strikes both ways; blame traded
 ("Fighting between Thailand and Cambodia has killed at least 30 people.", {("THA", K, "KHM"), ("KHM", K, "THA")}),
 ("The border war between Thailand and Cambodia entered its fifth day.", {("THA", K, "KHM"), ("KHM", K, "THA")}),
 ("Clashes erupted between Chinese and Indian soldiers in the Galwan Valley.", {("CHN", K, "IND"), ("IND", K, "CHN")}),
 ("Indian and Chinese troops fought with clubs and stones.", {("CHN", K, "IND"), ("IND", K, "CHN")}),
 ("Thailand and Cambodia traded blame for starting the fighting.", {("THA", C, "KHM"), ("KHM", C, "THA")}),
 ("Armenia and Azerbaijan accused each other of violating the ceasefire.", {("ARM", C, "AZE"), ("AZE", C, "ARM")}),
 ("Iranian artillery shelled villages in Iraq's Kurdistan region.", {("IRN", K, "IRQ")}),
 # a ranking goes on with "followed by"
 ("Germany gets its gas mainly from Norway, followed by Russia, the Netherlands and Belgium.",
  {("NOR", E, "DEU"), ("RUS", E, "DEU"), ("NLD", E, "DEU"), ("BEL", E, "DEU")}),
 ("China is the top buyer of Iranian oil, followed by India and Turkey.",
  {("IRN", E, "CHN"), ("IRN", E, "IND"), ("IRN", E, "TUR")}),
 # a group that names its members acts as them; "along with" coordinates; "the cap" named again
 ("A price cap on Russian crude came into force. The cap was agreed by the Group of Seven - the United"
  " States, Britain and Japan - along with Australia.",
  {("USA", S, "RUS"), ("GBR", S, "RUS"), ("JPN", S, "RUS"), ("AUS", S, "RUS")}),
 ("Neither Beijing nor New Delhi has joined the sanctions on Russia.", set()),
 ("Japan, together with South Korea, condemned the launch by North Korea.", {("JPN", C, "PRK"), ("KOR", C, "PRK")}),
 # curly apostrophes as news sites print them: negation and the parse as with straight ones
 ("The U.S. didn’t sell arms to Iran.", set()),
 ("Russia said it’ll supply gas to Serbia.", {("RUS", E, "SRB")}),
 # a vetoed resolution's condemnation is not the vetoing states'; a "noun" with a subject is a verb
 ("Russia and China vetoed a UN Security Council resolution condemning Syria.", set()),
 ("Kenya exports tea to Pakistan.", {("KEN", T, "PAK")}),
 # a finite "verb" after a preposition is a noun; a root noun with a verb's ending and a phrase is a
 # verb; "LNG imports" are LNG; a ranking on the predicate's phrase; "its" in the reason is the blamed one's
 ("Qatar accounts for 12% of China's LNG imports, followed by Australia with 9%.",
  {("QAT", E, "CHN"), ("AUS", E, "CHN")}),
 ("Beijing lashed out at Washington over its latest arms sale to Taiwan.", {("CHN", C, "USA"), ("USA", A, "TWN")}),
 # the event a threat is conditioned on is no threat; a response's target hung on its oblique
 ('Iran\'s Revolutionary Guards warned Israel of a "crushing response" if it attacked Iranian territory again.',
  {("IRN", TH, "ISR")}),
 ('North Korea\'s state media warned that Pyongyang would respond with "overwhelming force" to any provocation'
  " by Seoul and Washington.", {("PRK", TH, "KOR"), ("PRK", TH, "USA")}),
 # a move "similar" to a sanction the sentence states is a sanction; without one it is nothing
 ("Japan removed South Korea from its white list of trusted trading partners, and Seoul took a similar"
  " step against Tokyo.", {("JPN", S, "KOR"), ("KOR", S, "JPN")}),
 ("Russia expelled ten Polish diplomats, following a similar move by Warsaw.", set()),
 # names, then a past form and a noun: the verb; an economic or energy partnership is no alliance (an
 # economic agreement is a trade deal)
 ("Turkey and Azerbaijan signed agreements to boost trade and energy cooperation.", {("TUR", T, "AZE")}),
 ("Indonesia and South Korea concluded a comprehensive economic partnership agreement.", {("IDN", T, "KOR")}),
 ("Russia and Egypt signed a strategic cooperation treaty.", {("RUS", AL, "EGY")}),
 # conduct a speaker calls dangerous or destabilising; rejected accusations were still made
 ('The Chinese foreign ministry spokesperson said Japan\'s remarks were "extremely dangerous".', {("CHN", C, "JPN")}),
 ("Ethiopia's prime minister said Egypt was trying to destabilise the region.", {("ETH", C, "EGY")}),
 ('Kenya\'s foreign ministry said it "strongly rejects" Sudan\'s accusations.', {("SDN", C, "KEN")}),
 # investment and loans: infrastructure financed, debts owed, loans lent; military aid is arms
 ("China has financed roads, railways and ports across Zambia.", {("CHN", T, "ZMB")}),
 ("Ethiopia owes China more than $13 billion.", {("CHN", T, "ETH")}),
 ("China has lent Caracas more than $60 billion since 2007.", {("CHN", T, "VEN")}),
 ("Washington provides Israel with $3.8 billion in military aid each year.", {("USA", A, "ISR")}),
 ("Japan sent humanitarian assistance to Turkey.", set()),
 # coordinated things sent of two kinds are two facts
 ("Pyongyang has sent artillery shells and troops to Russia.", {("PRK", A, "RUS"), ("PRK", M, "RUS")}),
 # the parser's "Washington imposed(amod) sanctions" mended
 ("Washington imposed sanctions on Turkey's defence industry agency.", {("USA", S, "TUR")}),
 # a name heading its phrase is itself, whoever its possessor is
 ("Moscow did not come to the aid of its ally Syria.", {("RUS", N, "SYR")}),
 # repaired parses: a sentence read as a noun with a reduced relative clause
 ("Israeli jets struck Lebanon overnight.", {("ISR", K, "LBN")}),
 ("Israeli jets struck targets in Lebanon overnight.", {("ISR", K, "LBN")}),
 # an event noun with the relative clause that carried it out; a reaction an event drew
 ("The strikes, which Israel carried out overnight against military sites near Damascus, killed five Syrian "
  "soldiers.", {("ISR", K, "SYR")}),
 ("The sanctions Washington imposed on Iran in 2018 crippled its economy.", {("USA", S, "IRN")}),
 ("The Turkish drone strikes on Kurdish targets in northern Iraq drew condemnation from Baghdad.",
  {("TUR", K, "IRQ"), ("IRQ", C, "TUR")}),
 # a response threatened to another state's act; "according to" names no receiver
 ("Tehran would deliver a crushing response to any Israeli strike, the minister warned.", {("IRN", TH, "ISR")}),
 ("Beijing has sent warships toward Taiwan almost daily, according to Taiwan's defence ministry.", set()),
 # "more than N" read as an oblique of "more", mended; weapons raining down on a state
 ("Britain has trained more than 30,000 Ukrainian soldiers since 2022.", {("GBR", M, "UKR")}),
 ("Iranian missiles rained down on Israel on Tuesday night.", {("IRN", K, "ISR")}),
 # a warning of what the country would do if another state acted; backing through a conflict
 ("North Korea's leader warned that his country would use nuclear weapons if attacked by South Korea.",
  {("PRK", TH, "KOR")}),
 ("Turkey backed Azerbaijan throughout the conflict with Armenia.", {("TUR", D, "AZE")}),
 # a passive subject without a passive auxiliary, mended: "resumed" is active
 ("Iraq resumed oil exports to Jordan after a two-year halt.", {("IRQ", E, "JOR")}),
 # a capitalised common noun opening a sentence is no name; what was supplied goes to its user
 ("Criticism of China by Australia has grown louder.", {("AUS", C, "CHN")}),
 ("Weapons supplied by Iran have been used by Russia in Ukraine.", {("IRN", A, "RUS"), ("RUS", K, "UKR")}),
 # help in name only during an attack is none; without a conflict, or with real help, nothing
 ("Moscow did little to help Armenia when Azerbaijan attacked.", {("RUS", N, "ARM")}),
 ("Russia did nothing to help Iran during the Israeli strikes.", {("RUS", N, "IRN")}),
 ("Russia did little to help Iran's economy.", set()),
 # "according to" names where a report comes from, not who acts (a parse that made it the subject, mended)
 ("According to the Pentagon, North Korea has shipped millions of artillery shells to Russia.", {("PRK", A, "RUS")}),
 # conduct only supposed ("any aggression") is not criticised; a response threatened to it is a threat
 ("Iran's supreme leader warned that Tehran would deliver a crushing response to any Israeli aggression.",
  {("IRN", TH, "ISR")}),
 ("Iran condemned Israeli aggression.", {("IRN", C, "ISR")}),
 # killing a state's officers strikes its forces (guide: State property counts)
 ("Israel killed an Iranian general in Damascus.", {("ISR", K, "IRN")}),
 # a clause after the refusal's comma is no complement; "ruled out" stops what it governs
 ("Egypt refused to take part in the coalition, leaving Bahrain as the only Arab member.", set()),
 ("Pakistan ruled out sending troops to defend Saudi Arabia against the Houthis.", {("PAK", N, "SAU")}),
 # a dispute about trade is no trade; a deficit in it is
 ("In the trade dispute between the United States and China, Brazil has won.", set()),
 ("India's trade deficit with China widened to $85 billion.", {("IND", T, "CHN")}),
 # backing "in response to" something gives a reason, not a cause backed
 ("Egypt has supported Somalia in response to the Somaliland agreement.", set()),
 # what a state depends on or pays another for, it buys from that state
 ("Serbia depends on Russia for almost all of its gas.", {("RUS", E, "SRB")}),
 ("Japan is heavily dependent on LNG from Qatar and Australia.", {("QAT", E, "JPN"), ("AUS", E, "JPN")}),
 ("Turkey pays Russia for gas partly in roubles.", {("RUS", E, "TUR")}),
 # a root past form without an auxiliary the parser read as passive, mended
 ("Germany relied on Russia for more than half of its gas before the war.", {("RUS", E, "DEU")}),
 # a state's military personnel helping another state's forces support them; helping an economy does not
 ("Iranian advisers are helping Russian forces operate the drones.", {("IRN", M, "RUS")}),
 ("Iranian advisers are helping Syria's economy recover.", set()),
 # two names as objects of one verb: the second belongs to a misread verb; a real double object stays
 ("Washington has accused Beijing of supplying Moscow with drone engines, a charge China denies.",
  {("USA", C, "CHN"), ("CHN", A, "RUS")}),
 # people sanctioned are not their state (guide: Companies and sectors), however the tagger reads them
 ("Britain froze the assets of Russian oligarchs.", set()),
 # a relative clause without a relative word modifies the noun just before its subject (mended);
 # a place compounded to an attack whose attacker is its possessor is the one attacked
 ("Poland built a terminal as part of a plan to reduce reliance on gas it imports from Russia's Gazprom.",
  {("RUS", E, "POL")}),
 ("Belarus served as a launching pad for Russia's Ukraine offensive.", {("RUS", K, "UKR")}),
 ("The Ukraine war dragged on.", set()),
 # a present verb of trade between a name and goods, read by the parser as a noun or an adjective (mended)
 ("Brazil sells iron ore and beef to China.", {("BRA", T, "CHN")}),
 ("Germany buys gas from Norway.", {("NOR", E, "DEU")}),
 ("Egypt buys LNG cargoes from the United States.", {("USA", E, "EGY")}),
 ("US arms sales to Taiwan rose.", {("USA", A, "TWN")}),
 # a verb that says what its object is, with the predicate the parser made the object (mended)
 ("Moscow branded the Lithuanian blockade illegal.", {("RUS", C, "LTU")}),
 ("The Chinese embassy called the Australian report a smear.", {("CHN", C, "AUS")}),
 ("The Kremlin described the British move as a hostile act.", {("RUS", C, "GBR")}),
 ("China's foreign ministry said the Philippine actions were a serious provocation.", {("CHN", C, "PHL")}),
 # an attack condemned whose attacker is not named condemns no one the sentence names
 ("Saudi Arabia strongly condemned the attack on Pakistan's consulate.", set()),
 ("Qatar condemned the Israeli strike on its territory.", {("QAT", C, "ISR"), ("ISR", K, "QAT")}),
 # "support" qualified as military is military support; opening fire on a state's forces strikes them
 ("Russia provided military support to Syria.", {("RUS", M, "SYR")}),
 ("Russia provided Syria with air support during the war.", {("RUS", M, "SYR")}),
 ("Azerbaijani forces opened fire on Armenian positions.", {("AZE", K, "ARM")}),
 ("Russia opened talks with Ukraine.", set()),
 # a participle set off by a comma is the clause's, its subject the clause's; what money received is in
 ("Azerbaijan launched an offensive in Nagorno-Karabakh, attacking Armenian positions.", {("AZE", K, "ARM")}),
 ("Beijing has become Moscow's lifeline, buying record amounts of Russian oil.",
  {("RUS", E, "CHN"), ("CHN", T, "RUS")}),
 ("Israel has received more than $300 billion in U.S. military aid since its founding.", {("USA", A, "ISR")}),
 # "its" in the reason for a measure is the one the measure punishes, not the one imposing it
 ("Washington imposed sanctions on Moscow over its invasion of Ukraine.", {("USA", S, "RUS"), ("RUS", K, "UKR")}),
 ("The United States has imposed sweeping sanctions on Russia since its full-scale invasion of Ukraine.",
  {("USA", S, "RUS"), ("RUS", K, "UKR")}),
 # a role noun said of the subject ("emerged as", "remains"); a relation's possessor is its other party
 ("China overtook Japan as the largest investor in Vietnam.", {("CHN", T, "VNM")}),
 ("Beijing remains the top foreign investor in Cambodia.", {("CHN", T, "KHM")}),
 ("China has emerged as Pakistan's biggest lender.", {("CHN", T, "PAK")}),
 ("Chinese lenders have financed the port.", set()),
 # partners or creditors of one state are not partners of one another; "include", "one of"
 ("Kazakhstan's main trading partners are China and Russia.", {("CHN", T, "KAZ"), ("RUS", T, "KAZ")}),
 ("China and Russia are major trading partners.", {("CHN", T, "RUS")}),
 ("Angola's creditors include China and Brazil.", {("CHN", T, "AGO"), ("BRA", T, "AGO")}),
 ("China is one of Angola's biggest creditors.", {("CHN", T, "AGO")}),
 # criticism without the verb: conduct a state is said to commit or practise; "an act of war"
 ("South Africa said Israel was committing genocide in Gaza.", {("ZAF", C, "ISR")}),
 ("China's foreign ministry said Washington was practising hegemonism and bullying.", {("CHN", C, "USA")}),
 ("Pakistan said the Indian strikes were an act of war.", {("PAK", C, "IND")}),
 ("Ukraine's foreign minister called the Russian strikes an act of terror.", {("UKR", C, "RUS")}),
 # the maker of goods moved is their source, not the one reporting the move; a weapon another state
 # received strikes for its user, not its maker; supplied goods go where they arrived
 ("The shipment of Iranian drones to Russia was confirmed by U.S. officials.", {("IRN", A, "RUS")}),
 ("North Korean shells are being used by Russian forces in Ukraine.", {("PRK", A, "RUS"), ("RUS", K, "UKR")}),
 ("Tanks supplied by Poland arrived in Ukraine last week.", {("POL", A, "UKR")}),
 # a strike announced for later, or on a condition, is a threat
 ("North Korea said it would use nuclear weapons against South Korea if provoked.", {("PRK", TH, "KOR")}),
 ("Israel will launch strikes on Iran, the minister said.", {("ISR", TH, "IRN")}),
 # a preposition the parser hung on the first word of a coordinated phrase still opens the phrase
 ("The U.S. gets about half its supply of both gallium and germanium metals from China.", {("CHN", T, "USA")}),
 # denying another state's measures any justification criticises them
 ("Trudeau emphasized that there was no justification for the U.S. tariffs.", {("CAN", C, "USA")}),
 ("Canada said there was justification for the U.S. tariffs.", set()),
 # praise of a state or its stance, and a veto of a resolution critical of one, support it;
 # a person's "his" that is the speaker is not the nearest other state
 ("Iran praised Russia's stance on the war.", {("IRN", D, "RUS")}),
 ("Russia vetoed a resolution critical of North Korea.", {("RUS", D, "PRK")}),
 ("Sisi, who was visiting Russia, hailed his talks with Russia's Vladimir Putin.", set()),
 # a "verb" with a possessor is a noun: a measure named by its imposer
 ("Japan's export curbs on South Korea triggered a boycott of Japanese goods.", {("JPN", S, "KOR")}),
 # states given as examples of a group ("partners including ...", "countries such as ...")
 ("Kyiv has received more than 100 Leopard tanks from European partners including Germany, Poland and Denmark.",
  {("DEU", A, "UKR"), ("POL", A, "UKR"), ("DNK", A, "UKR")}),
 ("Russia bought drones from countries such as Iran and North Korea.", {("IRN", A, "RUS"), ("PRK", A, "RUS")}),
 # a state called a threat or a danger is criticised, not threatening; "will pay a heavy price" threatens
 ('"The United States is the greatest threat to world peace," North Korea\'s foreign ministry said.',
  {("PRK", C, "USA")}),
 ('"Pakistan will pay a heavy price," the Indian home minister warned.', {("IND", TH, "PAK")}),
 ("Pakistan paid a heavy price for the war.", set()),
 # an act called a crime or a provocation by a state's official criticises its actor; "the
 # ministry" alone is the ministry of the state the text is about
 ("Ukraine's foreign ministry said Russia's attack on Kyiv was a war crime.", {("UKR", C, "RUS"), ("RUS", K, "UKR")}),
 ("Kyiv called Russia's attack on the power grid a war crime.", {("UKR", C, "RUS")}),
 ("Seoul denounced the launch, calling it a grave provocation by Pyongyang.", {("KOR", C, "PRK")}),
 ("Pakistan's foreign ministry issued a statement on Tuesday. The ministry condemned India's missile strikes.",
  {("PAK", C, "IND")}),
 # loans, investment and exports said in more ways (guide: trade)
 ("Kenya borrowed heavily from China to build the railway.", {("CHN", T, "KEN")}),
 ("Egypt secured a $35 billion investment deal with the United Arab Emirates.", {("EGY", T, "ARE")}),
 ("China's imports of Australian barley resumed.", {("AUS", T, "CHN")}),
 ("Mexico overtook China as the largest exporter to the United States.", {("MEX", T, "USA")}),
 ("Chile sells most of its copper to China.", {("CHL", T, "CHN")}),
 ("Japan remains among the top investors in Thailand.", {("JPN", T, "THA")}),
 ("Chinese investment projects in Serbia have multiplied.", {("CHN", T, "SRB")}),
 ("Most foreign investment in Cambodia comes from China.", {("CHN", T, "KHM")}),
 ("Kuwait's sovereign wealth fund is a major investor in the United Kingdom.", {("KWT", T, "GBR")}),
 ("Sri Lanka began talks with its bilateral creditors, which include China, India and Japan.",
  {("CHN", T, "LKA"), ("IND", T, "LKA"), ("JPN", T, "LKA")}),
 ("France and India signed a deal for 26 Rafale jets.", {("FRA", A, "IND")}),
 # military help and ground taken from a state's forces
 ("Iran's Revolutionary Guards helped Syrian forces retake Aleppo.", {("IRN", M, "SYR")}),
 ("Iran supplied weapons to help Syria fight the rebels.", {("IRN", A, "SYR")}),
 ("Turkey sent military advisers and drones to help the Libyan government.", {("TUR", M, "LBY"), ("TUR", A, "LBY")}),
 ("Ukrainian forces recaptured Kherson from Russia in November.", {("UKR", K, "RUS")}),
 ("Thai and Cambodian troops clashed along the disputed border.", {("THA", K, "KHM"), ("KHM", K, "THA")}),
 ("Israel seized weapons from Iran bound for Hezbollah.", set()),
 # export controls by barring sales to a state; sales so barred, and ties cut, are no trade
 ("The United States barred Nvidia from selling advanced chips to China.", {("USA", S, "CHN")}),
 ("India prevented Pakistan from importing goods via its ports.", set()),
 ("Saudi Arabia and the UAE cut diplomatic and trade ties with Qatar and closed their borders.",
  {("SAU", S, "QAT"), ("ARE", S, "QAT")}),
 ("Russia piped gas to Germany through Nord Stream.", {("RUS", E, "DEU")}),
 # a phrase the parser hung on the last of coordinated objects belongs to the verb
 ("Israel's defence minister warned Hezbollah and Lebanon of a devastating war.", {("ISR", TH, "LBN")}),
 ("Austria sources most of its gas from Russia.", {("RUS", E, "AUT")}),
 # diplomatic protest: formal representations, strong dissatisfaction, an envoy summoned to protest
 ("China lodged solemn representations with the United States over the sanctions.", {("CHN", C, "USA")}),
 ("Beijing expressed strong dissatisfaction with Tokyo over the visit.", {("CHN", C, "JPN")}),
 ("Poland summoned Russia's ambassador to protest the drone incursion.", {("POL", C, "RUS")}),
 ("Seoul's foreign ministry expressed deep regret over Japan's decision.", set()),
 # an armed group struck inside a state; a state's forces helping another state; backing by idiom
 ("Turkish drones killed three PKK fighters in northern Iraq.", {("TUR", K, "IRQ")}),
 ("U.S. special forces are assisting Israel in the search for hostages.", {("USA", M, "ISR")}),
 ("Beijing threw its weight behind Pakistan after the strikes.", {("CHN", D, "PAK")}),
 # goods depended on, and goods a pipeline delivers, come from the state they belong to
 ("Iraq depends on Iranian gas for a third of its electricity.", {("IRN", E, "IRQ")}),
 ("The Power of Siberia pipeline delivers Russian gas to China.", {("RUS", E, "CHN")}),
 ("Brazil sells iron ore to China.", {("BRA", T, "CHN")}),
 # a weapon named by another state, used by a state's forces, came from that state (guide: Where a
 # weapon came from); the attack it was used in is the user's
 ("Ukraine said Russian forces used North Korean ballistic missiles in an attack on Kyiv.",
  {("PRK", A, "RUS"), ("RUS", K, "UKR")}),
 ("Russian troops used their own artillery.", set()),
 # a blockade a state faces, imposed by others; exports barred are not made
 ("Qatar faced a blockade imposed by Saudi Arabia, the UAE, Bahrain and Egypt.",
  {("SAU", S, "QAT"), ("ARE", S, "QAT"), ("BHR", S, "QAT"), ("EGY", S, "QAT")}),
 ("The Trump administration placed Huawei on a trade blacklist and barred exports of American chips to China.",
  set()),
 ("Islamabad shut its airspace to Indian airlines, suspended trade with India and warned of war.",
  {("PAK", S, "IND")}),
 # an organisation "led by" states is not theirs to act as (guide: Actors)
 ("The UN Security Council, led by France and Britain, condemned Israel's strike on Qatar.", {("ISR", K, "QAT")}),
 # the subject of a passive verb of belief or report is the one said to act; a passive without its
 # agent names no actor, and none is guessed
 ("North Korea is believed to have sent ballistic missiles to Russia.", {("PRK", A, "RUS")}),
 ("Iran was accused of supplying drones to Russia.", {("IRN", A, "RUS")}),
 # batteries are weapons with a military qualifier
 ("China is supplying Serbia with HQ-22 air defence batteries.", {("CHN", A, "SRB")}),
 # what a speaker said a condemnation "of"; an act described "as" violations; a state's statement
 ("\"We strongly condemn this act of aggression,\" Pakistan's foreign ministry said of the Indian strikes.",
  {("PAK", C, "IND")}),
 ('The Saudi statement described Israel\'s actions as "flagrant violations of international law".',
  {("SAU", C, "ISR")}),
 # exports with no goods named, a stake bought, money deposited in a state's central bank
 ("Exports from Vietnam to the United States hit a record.", {("VNM", T, "USA")}),
 ("The UAE bought a stake in Egypt's Ras El-Hekma for $35 billion.", {("ARE", T, "EGY")}),
 ("Saudi Arabia deposited $3 billion in Pakistan's central bank.", {("SAU", T, "PAK")}),
 # troops backing another state's forces support it militarily; training alongside is a joint
 # exercise, no edge (guide: Strikes on groups)
 ("Russian troops are stationed in Syria to back Assad's forces.", {("RUS", M, "SYR")}),
 ("Egyptian pilots trained alongside Saudi forces.", set()),
 # a strike on a state's installations is on its soil, though their owners may be private; a
 # hyphenated place word ("cross-border") is a modifier, not what the phrase is
 ("Ukrainian drone attacks on Russian refineries have cut output.", {("UKR", K, "RUS")}),
 ("Chinese refineries bought Iranian oil.", set()),
 ("Turkey's cross-border operation against Kurdish militants in Syria drew criticism.", {("TUR", K, "SYR")}),
 # a threat to counter a state's acts; a sale only supposed ("any ... sales") is none; "would be
 # an act of war" warned of is a threat
 ("China said it would resolutely counter any U.S. arms sales to Taiwan.", {("CHN", TH, "USA")}),
 ("Pakistan warned that any diversion of the Indus waters by India would be an act of war.", {("PAK", TH, "IND")}),
 # goods bought named by their maker's demonym on the phrase's head
 ("Armenia signed a deal to buy Indian artillery systems.", {("IND", A, "ARM")}),
 # a state's act called a mistake, a state held responsible, taken to task, named as behind an attack
 ("China said Japan's decision to release the water was a grave mistake.", {("CHN", C, "JPN")}),
 ("Moscow held Kyiv responsible for the attack.", {("RUS", C, "UKR")}),
 ("France took Italy to task over its migration policy.", {("FRA", C, "ITA")}),
 ("Poland's prime minister said Russia was behind the sabotage.", {("POL", C, "RUS")}),
 ("Experts say Russia was behind the attack.", set()),
 ("The two leaders held talks in Beijing.", set()),
 # a loan in a double object the tagger misread ("lent" a noun, the borrower a compound of "$")
 ("China lent Pakistan $2 billion.", {("CHN", T, "PAK")}),
 ("China has lent Pakistan $2 billion.", {("CHN", T, "PAK")}),
 # ties raised to a declared partnership (guide: Alliance wording); talks of one are not
 ("Vietnam and China elevated ties to a comprehensive strategic cooperative partnership.", {("VNM", AL, "CHN")}),
 ("India and Russia discussed ties and a strategic partnership.", set()),
 # refusing to let a partner's troops strike from one's territory is refusing to join its action
 ("Turkey refused to let U.S. troops use its bases to attack Iraq.", {("TUR", N, "USA")}),
 # combining forms of a demonym ("Sino-", "Russo-", "Indo-") name the state as the demonym does
 ("Sino-Russian trade reached a record $240 billion last year.", {("CHN", T, "RUS")}),
 # an official's name said again alone acts for the state of the title it was introduced with
 ("Chinese Foreign Minister Wang Yi met his Russian counterpart. Wang condemned the U.S. sanctions.",
  {("CHN", C, "USA")}),
 # the act a protest is over belongs to the one protested against, not to the protester
 ("Beijing lodged solemn representations with Washington over the arms sale to Taiwan.", {("CHN", C, "USA")}),
 # "it" read by the parser as an empty subject; money pledged in investment; commitments reported
 ("China said it would buy more soybeans from Brazil.", {("BRA", T, "CHN")}),
 ("Qatar pledged $10 billion in investment in Egypt.", {("QAT", T, "EGY")}),
 ("China may invest in Hungary's battery industry.", set()),
 # criticism: conduct asked to stop, rejected as illegal, called so with two predicates, bullying said
 ("Iran urged the world to stop Israel's aggression.", {("IRN", C, "ISR")}),
 ("Iran demanded an end to Israeli aggression.", {("IRN", C, "ISR")}),
 ("Cuba rejected the US sanctions as illegal.", {("CUB", C, "USA")}),
 ("Morocco rejected Algeria's accusations as baseless.", {("DZA", C, "MAR")}),
 ('The Chinese foreign ministry called the US move "irresponsible".', {("CHN", C, "USA")}),
 ("Beijing said the US was bullying smaller nations.", {("CHN", C, "USA")}),
 # fighting alongside is fighting on the other's side (guide table: military_support)
 ("North Korean troops fought alongside Russian forces in Kursk.", {("PRK", M, "RUS")}),
 # a count of events stands where the events would ("hundreds of strikes", "a series of strikes")
 ("Israel has carried out hundreds of strikes in Syria.", {("ISR", K, "SYR")}),
 ("Israel carried out a series of strikes on Iran.", {("ISR", K, "IRN")}),
 # the measures retaliated against are the other side's, not the retaliator's
 ("Beijing vowed to retaliate against Washington's tariffs.", {("CHN", TH, "USA")}),
 ("Israel vowed to make Iran pay a heavy price.", {("ISR", TH, "IRN")}),
 ("China held drills around Taiwan in a warning to Taipei.", {("CHN", TH, "TWN")}),
 # putting peace in danger is criticism; a threat needs a state threatened
 ("China said the United States was threatening regional stability.", {("CHN", C, "USA")}),
 ("China warned the Philippines to stop its provocations.", {("CHN", C, "PHL")}),
 # a share of exports or imports, goods that go or flow, a market flooded, money poured or attracted
 ("China accounts for a third of Australia's exports.", {("AUS", T, "CHN")}),
 ("China accounts for 20% of Germany's imports.", {("CHN", T, "DEU")}),
 ("Most of Iran's oil goes to China.", {("IRN", E, "CHN")}),
 ("Chinese electric vehicles are flooding the Russian market.", {("CHN", T, "RUS")}),
 ("Beijing has poured billions into Cambodia's infrastructure.", {("CHN", T, "KHM")}),
 ("Hungary has attracted billions in Chinese investment.", {("CHN", T, "HUN")}),
 ("China rolled over a $2 billion loan to Pakistan.", {("CHN", T, "PAK")}),
 ("China financed the construction of the dam in Ethiopia.", {("CHN", T, "ETH")}),
 ("Russian troops went to Syria in 2015.", set()),
 # an aim to grow an exchange says the exchange exists; a hope to start one, or a need, is no fact
 ("Russia and India aim to raise bilateral trade to $100 billion by 2030.", {("RUS", T, "IND")}),
 ("Turkey seeks to expand trade with Russia.", {("TUR", T, "RUS")}),
 ("India plans to boost its exports to Russia.", {("IND", T, "RUS")}),
 # "calling it ...": "it" is the act condemned; a response threatened after a condemnation answers its act
 ("Egypt and Jordan condemned Israel's strike on Qatar, calling it a dangerous escalation.",
  {("EGY", C, "ISR"), ("JOR", C, "ISR"), ("ISR", K, "QAT")}),
 ("Pakistan condemned India's missile strikes and said it would respond at a time of its choosing.",
  {("PAK", C, "IND"), ("PAK", TH, "IND")}),
 ("China condemned Japan's new export controls and threatened countermeasures.",
  {("CHN", C, "JPN"), ("CHN", TH, "JPN")}),
 ("Pakistan condemned India's strikes, and Iran said it would respond.", {("PAK", C, "IND")}),
 ("China condemned Japan's attack and vowed a firm response.", {("CHN", C, "JPN"), ("CHN", TH, "JPN")}),
 ("Iran condemned Israel's strikes and promised retaliation.", {("IRN", C, "ISR"), ("IRN", TH, "ISR")}),
 ("Beijing protested Washington's sale of missiles to Taiwan and imposed sanctions on the United States.",
  {("CHN", C, "USA"), ("USA", A, "TWN"), ("CHN", S, "USA")}),
 ("Vietnam and Japan plan to double trade over the next five years.", {("VNM", T, "JPN")}),
 ("The ministers sought ways to boost trade between Poland and Ukraine.", {("POL", T, "UKR")}),
 ("Kazakhstan expects trade with Uzbekistan to hit $10 billion by 2025.", {("KAZ", T, "UZB")}),
 ("Tunisia expects its exports to Libya to grow this year.", {("TUN", T, "LBY")}),
 ("Egypt and Turkey plan to expand trade in agricultural goods.", {("EGY", T, "TUR")}),
 ("Egypt and Turkey intend to facilitate trade.", {("EGY", T, "TUR")}),
 ("Kenya and Uganda aim to lift trade to $2 billion.", {("KEN", T, "UGA")}),
 ("Peru plans to start exporting lithium to Chile.", set()),
 ("The UAE hopes to invest $10 billion in Egypt.", set()),
 ("Japan intends to import more US LNG.", set()),
 ("Ukraine needs more air defence systems from Germany.", set()),
 # a treaty ally named (guide: Alliance wording); a predicate noun's possessor is not its subject
 # the one blamed for an attack made it; "its" in the target is not the one blamed
 ("Armenia blamed Azerbaijan for the shelling of its border villages.", {("ARM", C, "AZE"), ("AZE", K, "ARM")}),
 ("Russia blamed Ukraine for the attack.", {("RUS", C, "UKR")}),
 # a clause the attack sums up; a list of two takes no comma before "and"; "after" opening a clause
 ("U.S. bombers struck Iran's nuclear sites, an attack that Russia and China condemned as illegal.",
  {("USA", K, "IRN"), ("RUS", C, "USA"), ("CHN", C, "USA")}),
 ("In a joint statement issued after talks in Brasilia on Tuesday, Brazil and South Africa condemned Israel's "
  "military operations in Gaza.", {("BRA", C, "ISR"), ("ZAF", C, "ISR")}),
 ("Israel hit dozens of targets in Iran, and Saudi Arabia condemned the attack.",
  {("ISR", K, "IRN"), ("SAU", C, "ISR")}),
 ("Iran condemned Israel after Israeli jets bombed Damascus.", {("IRN", C, "ISR"), ("ISR", K, "SYR")}),
 ("Israel was blamed for an air strike that destroyed Iran's consulate in Damascus.", {("ISR", K, "IRN")}),
 ("Iran vowed that it would punish Israel for the attack.", {("IRN", TH, "ISR")}),
 ("Kabul said the strikes killed eight civilians and vowed to retaliate against Pakistan.", {("AFG", TH, "PAK")}),
 ("Russia annexed Crimea, prompting Ukraine to condemn the move.", {("UKR", C, "RUS")}),
 ("Egypt's foreign minister accused Ethiopia of endangering millions of lives by filling its Nile dam "
  "unilaterally.", {("EGY", C, "ETH")}),
 ("The purchase led Washington to impose sanctions on Ankara's defence procurement agency, a step the Turkish "
  "foreign ministry condemned as a grave mistake.", {("USA", S, "TUR"), ("TUR", C, "USA")}),
 ("Norway supplied nearly half of Germany's natural gas imports last year.", {("NOR", E, "DEU")}),
 # aid is not trade (guide); a deal under negotiation, a trade only made possible, a charge called false
 ("South Korea donated 50,000 tonnes of rice to Kenya as humanitarian aid.", set()),
 ("Japan sent rice to Haiti as aid.", set()),
 ("Poland donated tanks to Ukraine.", {("POL", A, "UKR")}),
 # missiles, or drones by the dozen, shot down are intercepted; a state's aircraft or drone shot down is struck
 ("Warplanes from Britain helped shoot down dozens of drones launched by Iran at Israel.", {("IRN", K, "ISR")}),
 ("Turkey shot down a Russian warplane near the Syrian border.", {("TUR", K, "RUS")}),
 ("Pakistan shot down an Indian fighter jet.", {("PAK", K, "IND")}),
 # sanctions on a state's defence companies are on firms (guide: Companies and sectors)
 ("Beijing said it would impose sanctions on the American defence companies involved.", set()),
 ("Washington imposed sanctions on Chinese defence contractors.", set()),
 # the one paid for goods sold them; a debt is a loan from the lender to the debtor
 ("Iraq paid Iran $1.2 billion for gas imports on Tuesday.", {("IRN", E, "IRQ")}),
 ("Russian gas kept flowing to Slovakia.", {("RUS", E, "SVK")}),
 ("Russian oil continued to flow to India.", {("RUS", E, "IND")}),
 ("Turkey paid Russia for the S-400 missiles.", {("RUS", A, "TUR")}),
 ("Egypt paid a heavy price.", set()),
 ("Angola repays much of its Chinese debt in crude.", {("CHN", T, "AGO")}),
 ("Pakistan's debt to China has grown.", {("CHN", T, "PAK")}),
 ("Sri Lanka's debt crisis deepened.", set()),
 ("India and Britain resumed negotiations on a free trade agreement on Monday.", set()),
 ("The move clears the way for China and Australia to resume the trade.", set()),
 ("Kyiv accused Tehran of arming Russia. Iran denied the accusation, calling it baseless.",
  {("UKR", C, "IRN"), ("IRN", A, "RUS")}),
 ("China called the U.S. sanctions illegal and baseless.", {("CHN", C, "USA")}),
 ("Pyongyang condemned the summit of the United States and Japan and threatened to take countermeasures "
  "against Washington.", {("PRK", C, "USA"), ("PRK", C, "JPN"), ("PRK", TH, "USA")}),
 ("The United States slapped tariffs on Brazilian goods, and Lula called the measure blackmail and vowed to "
  "retaliate.", {("USA", S, "BRA"), ("BRA", C, "USA"), ("BRA", TH, "USA")}),
 ("China condemned Washington's approval of a $1.1 billion arms package for Taiwan.",
  {("CHN", C, "USA"), ("USA", A, "TWN")}),
 ("Washington rebuffed Kyiv's plea to send American troops to Ukraine.", set()),
 ("Russia will supply nuclear fuel to Hungary's Paks power plant, and Ukraine's minister criticised Hungary.",
  {("RUS", E, "HUN"), ("UKR", C, "HUN")}),
 # sinking a state's ship, shells fired onto its island; a reaction one act prompts is the reactor's
 ("Ukrainian sea drones sank a Russian landing ship.", {("UKR", K, "RUS")}),
 ("Turkish warplanes and drones struck more than 30 PKK targets in northern Iraq and Syria on Thursday.",
  {("TUR", K, "IRQ"), ("TUR", K, "SYR")}),
 ("The ferry sank off Indonesia.", set()),
 ("North Korea fired artillery shells onto South Korea's Yeonpyeong island.", {("PRK", K, "KOR")}),
 ("The strike prompted Iran to vow retaliation against Israel.", {("IRN", TH, "ISR")}),
 # an order for goods from a state; a state bankrolled; a delivery from one state to another
 ("Warsaw placed an order for 96 Apache helicopters from the United States.", {("USA", A, "POL")}),
 ("A court issued an order for the arrest of Iran's envoy.", set()),
 ("Riyadh bankrolled Egypt with a $5 billion loan.", {("SAU", T, "EGY")}),
 ("Iran's central bank was accused of financing the Revolutionary Guards.", set()),
 ("The delivery of 24 Rafale fighter jets from France to Egypt was completed this month.", {("FRA", A, "EGY")}),
 # a weapon's use against a state's vessels or land is a strike (guide: water cannon), as "fired at" is
 ("China's use of water cannon against Philippine vessels drew protests.", {("CHN", K, "PHL")}),
 ("Russia's use of energy against Europe angered Kyiv.", set()),
 ("Colombia criticised Ecuador for the raid on Mexico's embassy.", {("COL", C, "ECU"), ("ECU", K, "MEX")}),
 ("Sudan accused the UAE of arming the RSF after a drone attack on Port Sudan.", {("SDN", C, "ARE")}),
 # a mutual defence commitment is a pact declared; an unwilling or possible one is not
 ("Mali, Niger and Burkina Faso pledged to defend each other against any aggression.",
  {("MLI", AL, "NER"), ("MLI", AL, "BFA"), ("NER", AL, "BFA")}),
 ("Kenya and Uganda refused to defend each other.", set()),
 ("Kenya and Uganda could defend each other.", set()),
 ("Turkey's NATO ally Greece condemned the move.", {("GRC", AL, "TUR")}),
 ("Turkey is a NATO member, and Greece is its NATO ally.", {("TUR", AL, "GRC")}),
 ("Greece sent its troops to Cyprus.", {("GRC", M, "CYP")}),
 ("Washington is bound by treaty to defend Japan.", {("USA", AL, "JPN")}),
 ("The United States and India signed a 10-year defence framework.", {("USA", AL, "IND")}),
 ("France and India are strategic partners.", set()),
 # a share of imports made up by goods; a rate's "of" phrase; a particle the parser hung elsewhere
 ("Russian oil now makes up 40% of India's crude imports.", {("RUS", E, "IND")}),
 ("China imported a record 2.5 million barrels per day of Russian crude in May.", {("RUS", E, "CHN")}),
 ("Israel said it would hit back hard at Iran.", {("ISR", TH, "IRN")}),
 # criticism in an official's words: crimes, a source of terrorism, a mistake made, aggression not tolerated
 ('"Russia\'s crimes will not go unpunished," Zelensky said.', {("UKR", C, "RUS")}),
 ('"Pakistan sponsors terrorism," India\'s foreign minister said.', {("IND", C, "PAK")}),
 ('Modi said Pakistan was "the epicentre of terrorism".', {("IND", C, "PAK")}),
 ('Iran\'s supreme leader said Israel had made a "grave mistake".', {("IRN", C, "ISR")}),
 ('"We will not tolerate Chinese aggression," the Philippine defence secretary said.', {("PHL", C, "CHN")}),
 ("Iran said it was a victim of terrorism.", set()),
 # a charge called false is denied, its maker not criticised (guide: Denials)
 ('Pakistan\'s foreign office said India\'s claims were "baseless and unfounded".', set()),
 ('China called India\'s policy "discriminatory".', {("CHN", C, "IND")}),
 ('Seoul called Tokyo\'s move "very reckless".', {("KOR", C, "JPN")}),
 # "it" that cannot be the critic is the state the sentence before was about
 ("Japan said its export curbs were about security. Seoul reacted furiously, with South Korea's president "
  'calling it "very reckless".', {("KOR", C, "JPN")}),
 # "he" is the person who spoke before, not a state named as "a state" or a cabinet; a policy put in danger
 ("Spain will recognize Palestine as a state, Prime Minister Pedro Sanchez said. \"Spain's Cabinet will approve "
  'the recognition,\" he said, adding that Netanyahu was putting the two-state solution in "danger".',
  {("ESP", D, "PSE"), ("ESP", C, "ISR")}),
 ("Turkey said Israel was putting regional peace in danger.", {("TUR", C, "ISR")}),
 ("The storm put crops at risk.", set()),
 # a part of a state's sites stands for them; a weapon destroyed is no strike on the state that made it
 ("Israel destroyed most of Iran's air defences.", {("ISR", K, "IRN")}),
 ("Algeria shot down one of Mali's drones.", {("DZA", K, "MLI")}),
 ("Ukraine destroyed an Iranian drone.", set()),
 # "the three countries" stands for the three named acting together before; "two other countries" does not
 ("Mali and its allies Burkina Faso and Niger recalled their ambassadors from Algeria. Algeria said nothing. "
  "The three Sahel countries condemned the irresponsible act by the Algerian regime.",
  {("MLI", C, "DZA"), ("BFA", C, "DZA"), ("NER", C, "DZA")}),
 ("Russia and China held talks. The two neighbouring countries condemned the US strikes.",
  {("RUS", C, "USA"), ("CHN", C, "USA")}),
 ("Russia and China condemned the strike, as did two other countries.", set()),
 # consequences that will be borne; steps announced against a state; '"...," he said' is the last speaker
 ('Kim Jong Un\'s regime tested missiles. "We are against the US deployment," said a spokesman for China\'s '
  'Foreign Ministry. "All consequences will be borne by the U.S.," he said.', {("CHN", C, "USA"), ("CHN", TH, "USA")}),
 ("China said it would take necessary steps against the United States.", {("CHN", TH, "USA")}),
 ("Iran vowed to take action against Israel.", {("IRN", TH, "ISR")}),
 ("Britain took steps against Russian banks.", set()),
 ("The consequences of the war were borne by Ukraine.", set()),
 ("In July 2015, the Syrian parliament approved an agreement with Iran, under which Syria received a $1 billion "
  "credit line.", {("IRN", T, "SYR")}),
 # a weapon's user strikes, not the state its demonym names; one weapon's user is not another's
 ("Iranian drones used by Russian troops hit Kyiv.", {("IRN", A, "RUS"), ("RUS", K, "UKR")}),
 ("American jets helped intercept the drones launched by Iran at Israel.", {("IRN", K, "ISR")}),
 # "its" in the reason for a measure is the state whose goods the measure hits
 ("Washington imposed a 25% tariff on Indian goods over its purchases of Russian oil.",
  {("USA", S, "IND"), ("RUS", E, "IND")}),
 # security assistance is military aid; troops stationed; support given with training
 ("Washington announced a new $1 billion security assistance package for Kyiv.", {("USA", A, "UKR")}),
 ("Turkish troops are stationed in Qatar.", {("TUR", M, "QAT")}),
 ("Britain supports Ukraine with training and intelligence.", {("GBR", M, "UKR")}),
 # a debt to a state is a loan from it
 ("Kenya's debt to China exceeds $6 billion.", {("CHN", T, "KEN")}),
 ("Pakistan's debts to Saudi Arabia and China are growing.", {("SAU", T, "PAK"), ("CHN", T, "PAK")}),
 # a group of states with a fixed membership acts as its states; an organisation does not
 ("Leaders of the Group of Seven condemned the Iranian attack.",
  {(c, C, "IRN") for c in ("USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CAN")}),
 ("Leaders of the so-called AUKUS military partnership unveiled their plan.",
  {("AUS", AL, "GBR"), ("AUS", AL, "USA"), ("GBR", AL, "USA")}),
 ("NATO condemned Russia.", set()),
 # arms ordered; reactors supplied; a past supply surmised is reported (hedged), a possible one is not
 ("Poland ordered 250 Abrams tanks from the United States.", {("USA", A, "POL")}),
 ("Under the contract, Russia will supply two reactors to Egypt.", {("RUS", T, "EGY")}),
 ("Russia may have supplied air defence systems to Iran.", {("RUS", A, "IRN")}),
 ("Russia may supply air defence systems to Iran.", set()),
 # votes of support: blocking a statement that criticises a state, shielding it; support thanked for
 ("Hungary blocked an EU statement criticising China.", {("HUN", D, "CHN")}),
 ("Turkey blocked Sweden's NATO bid.", set()),
 ("China and Russia shielded North Korea at the UN Security Council.", {("CHN", D, "PRK"), ("RUS", D, "PRK")}),
 ("Pakistan thanked China for its unwavering support in the war with India.", {("CHN", D, "PAK")}),
 # a participle after a comma is the sentence's, even when the parser hung it inside a relative clause
 ("Britain became the first country to provide Ukraine with missiles that Kyiv wants to boost its chances, "
  "prompting a threat from the Kremlin of a military response.", {("GBR", A, "UKR"), ("RUS", TH, "GBR")}),
 # joining another "in" an act says the other does it too
 ("Japan and Britain joined the United States in imposing new sanctions on Russian banks.",
  {("JPN", S, "RUS"), ("GBR", S, "RUS"), ("USA", S, "RUS")}),
 ("Japan joined the United States in condemning Iran.", {("JPN", C, "IRN"), ("USA", C, "IRN")}),
 ("Japan joined the talks in Geneva.", set()),
 # the subject pronoun of what a state says is that state, a relative pronoun standing for the name
 ("Japan warned Russia, which said it would retaliate against Tokyo.", {("RUS", TH, "JPN")}),
 # a route: the lands crossed, then where the goods end
 ("The pipeline, which carries Azerbaijani gas across Georgia and Turkey to Italy, began operations in 2020.",
  {("AZE", E, "ITA")}),
 # a recipient of goods or money is their buyer or host (WordNet: recipient, beneficiary)
 ("Vietnam has become one of the largest recipients of South Korean investment.", {("KOR", T, "VNM")}),
 ("Egypt is a major recipient of Saudi aid.", set()),
 # a verb of transfer after "to", before the goods it moves, is an infinitive (repair)
 ("Qatar, which signed a 27-year deal last year to supply liquefied natural gas to China's Sinopec, said on "
  "Tuesday it would begin deliveries in 2026.", {("QAT", E, "CHN")}),
 ("Qatar signed a deal last year to sell fighter jets to India.", {("QAT", A, "IND")}),
 # "deep inside" a state is inside it (repair); a plural speaker's "they" (Revolutionary Guards)
 ("Kyiv has used long-range drones to hit oil refineries deep inside Russia.", {("UKR", K, "RUS")}),
 ("Iran's Revolutionary Guards said they had fired missiles at Israeli military bases.", {("IRN", K, "ISR")}),
 # idioms: a fire set to a state's site is a strike; objecting to a state's act is criticism
 ("Russian drones set fire to a grain warehouse in Ukraine's Odesa region.", {("RUS", K, "UKR")}),
 ("Protesters set fire to the Chinese embassy.", set()),
 ("India objected to China's remarks.", {("IND", C, "CHN")}),
 # a name after a list closed by "and" is not in the list (a speaker's name after a comma)
 ("South Africa stayed neutral, declining to take sides in the war between Russia and Ukraine, President "
  "Cyril Ramaphosa said.", {("RUS", K, "UKR"), ("UKR", K, "RUS")}),
 # fighting alongside a state's forces is support, however "alongside" was tagged (repair)
 ("U.S. troops fought alongside Iraqi forces.", {("USA", M, "IRQ")}),
 # the leader a "-led" names acts (guide: Clashes and coalitions); taking part in an event is doing it
 ("Japan took part in the U.S.-led operation against Iran.", {("USA", K, "IRN")}),
 ("Britain did not take part in the attack on Iran.", set()),
 ("Britain took part in the attack on Iran.", {("GBR", K, "IRN")}),
 # money given is no trade (guide: Aid is not trade); money for an economy comes as loans
 ("Germany provided 50 million euros in humanitarian aid to Sudan.", set()),
 ("Saudi Arabia gave Egypt a grant of $1 billion.", set()),
 ("Japan will provide Ukraine with $4.5 billion in economic assistance.", {("JPN", T, "UKR")}),
 ("China provided $2 billion in loans to Pakistan.", {("CHN", T, "PAK")}),
 ("Belarus's Alexander Lukashenko pledged his backing to Venezuela's Nicolas Maduro in a phone call.",
  {("BLR", D, "VEN")}),
 # a reported clause read as a name with an appositive (repair)
 ("Cuba expressed solidarity with Iran, its foreign ministry said.", {("CUB", D, "IRN")}),
 ("Nicaragua, Bolivia and Cuba expressed solidarity with Iran, their foreign ministries said.",
  {("NIC", D, "IRN"), ("BOL", D, "IRN"), ("CUB", D, "IRN")}),
 # a definite event noun refers back to the last such event of the article, and to its actors
 ("Russia and North Korea signed a mutual defence pact. South Korea condemned the pact.",
  {("RUS", AL, "PRK"), ("KOR", C, "RUS"), ("KOR", C, "PRK")}),
 ("North Korea deployed 10,000 troops to Russia. Blinken of the United States called the deployment "
  "dangerous and destabilising.", {("PRK", M, "RUS"), ("USA", C, "PRK")}),
 ("The United States imposed sanctions on Cuba. Russia condemned the sanctions.",
  {("USA", S, "CUB"), ("RUS", C, "USA")}),
 ("Iran fired missiles at Israel. Israel struck Iran. Russia condemned the attacks on Iran.",
  {("IRN", K, "ISR"), ("ISR", K, "IRN"), ("RUS", C, "ISR")}),
 ("The EU imposed sanctions on Russia. China condemned the sanctions.", set()),
 # troops stationed in a state's province are in that state; "neighbouring" qualifies a name (repair)
 ("Rwanda has stationed more than 4,000 troops in Mozambique's Cabo Delgado province.", {("RWA", M, "MOZ")}),
 ("Ethiopia sells electricity to neighbouring Kenya and Djibouti.", {("ETH", E, "KEN"), ("ETH", E, "DJI")}),
 # a sale approved is a commitment, however "possible" the approval calls it (guide: Commitments)
 ("The State Department approved the possible sale of 66 F-16 fighter jets to Taiwan.", {("USA", A, "TWN")}),
 ("The United States is weighing the possible sale of jets to Taiwan.", set()),
 # goods under a charge go on flowing; what is said to remain holds now
 ("Indonesia and Australia signed a deal that will cut tariffs on Australian beef exports to Indonesia.",
  {("AUS", T, "IDN")}),
 ("Vietnam is expected to remain a major buyer of American cotton.", {("USA", T, "VNM")}),
 ("Vietnam is expected to become a major buyer of American cotton.", set()),
 # a group with a fixed membership acts as its states (gazetteer members)
 ("The Baltic states backed Ukraine's bid to join the European Union.",
  {("EST", D, "UKR"), ("LVA", D, "UKR"), ("LTU", D, "UKR")}),
 # a deal of each kind coordinated; a destination hung inside the object is the verb's (repair)
 ("Turkey and Iraq signed 26 agreements on trade, energy and water.", {("TUR", T, "IRQ"), ("TUR", E, "IRQ")}),
 ("India dispatched a team of military doctors and engineers to the Maldives.", {("IND", M, "MDV")}),
 # a relation in a clause on the subject: a relative pronoun's antecedent, an adjective's noun
 ("Armenia, which is formally allied to Russia through the Collective Security Treaty Organization, has "
  "frozen its participation.", {("ARM", AL, "RUS")}),
 ("The United States and South Korea, bound by a mutual defence treaty since 1953, held talks in Seoul.",
  {("USA", AL, "KOR")}),
 # "the government in Tripoli" is Libya's (repair); backing "with drones" is what the drones are
 ("Turkey backed the government in Tripoli with drones.", {("TUR", A, "LBY")}),
 # a receiver named by a parallel transfer, made or not, or by a transfer joined with "and" (rule 1)
 ("Germany said it would not send Taurus cruise missiles to Ukraine, while continuing to supply air defence "
  "systems and artillery ammunition.", {("DEU", A, "UKR")}),
 ("Paris would send more howitzers and train Ukrainian brigades.", {("FRA", A, "UKR"), ("FRA", M, "UKR")}),
 # a frame word capitalised at the start of a sentence (repair); the target of the participle imposing it
 ("Sanctions imposed by the United States on Venezuela have hurt its economy.", {("USA", S, "VEN")}),
 # a participle that is the sentence's only verb, after a name, is the verb (repair)
 ("The Philippines protested against China's use of water cannon.", {("PHL", C, "CHN")}),
 ("Tanks supplied to Ukraine.", set()),
 # an edge the parse reads as negated is not restored by a window reading of another of its words
 ("Russia and China have not signed a defence treaty.", set()),
 # a phrase set against its clause keeps its own polarity
 ("The treaty that Russia and Iran signed contains no mutual-defence clause, unlike Russia's pact with North "
  "Korea.", {("RUS", AL, "IRN"), ("RUS", AL, "PRK")}),
 # a time between a subject and its verb (repair: the verb read as an adjective)
 ("Iran's foreign ministry on Tuesday denied reports that Tehran had supplied ballistic missiles to Russia.",
  set()),
 ("China's foreign ministry on Monday condemned Japan's decision.", {("CHN", C, "JPN")}),
 # people, talks or a dispute about trade are no trade; standing aside in a conflict is non-intervention
 ("U.S. and Chinese trade negotiators held talks in Geneva.", set()),
 ("China and the United States are locked in a trade war.", set()),
 ("Russia and India signed a trade deal.", {("RUS", T, "IND")}),
 ("Russia stood aside as Azerbaijani forces shelled Armenian territory.", {("AZE", K, "ARM"), ("RUS", N, "ARM")}),
 # the thing a speaker's words name is the verb's object (repair: "what X called/described as/said were")
 ("Turkish drones struck what Ankara described as PKK positions in northern Iraq's Duhok province.",
  {("TUR", K, "IRQ")}),
 ("Iranian missiles hit what Tehran said were bases of the Jaish al-Adl group in Pakistan's Balochistan "
  "province.", {("IRN", K, "PAK")}),
 ("Lithuania protested against what Vilnius called a hybrid attack by Minsk.", {("LTU", C, "BLR")}),
 # a subject read as a compound of the object (repair)
 ("Thailand's prime minister accused Cambodia of violating the ceasefire.", {("THA", C, "KHM")}),
 # a deployment is a transfer of what it moves; a noun with a particle is a verb (repair)
 ("Seoul denounced the deployment of North Korean soldiers to Russia.", {("KOR", C, "PRK"), ("PRK", M, "RUS")}),
 ("The U.S. Navy shot down an Iranian drone.", {("USA", K, "IRN")}),
 # an act stated earlier in the same sentence; "the incident", "the move" refer to the last act
 ("Chinese vessels rammed a Philippine ship, and Manila denounced the incident.",
  {("CHN", K, "PHL"), ("PHL", C, "CHN")}),
 ("The United States imposed tariffs on Canada. Ottawa condemned the move.", {("USA", S, "CAN"), ("CAN", C, "USA")}),
 ("China condemned the move.", set()),
 # a group whose every pair the parse reads as without a treaty; the victim of a criticised aggression
 ("Analysts say Russia, China, North Korea and Iran have formed an axis, though the four countries have signed "
  "no collective defence treaty.", set()),
 ("Saudi Arabia condemned the Israeli strike, calling it an aggression against the sovereignty of Qatar.",
  {("SAU", C, "ISR")}),
 # a perfect read as possession (repair); a demonym's thing is no antecedent of "its"
 ("Pakistan said Indian missiles had struck sites in Pakistan and that its forces had shot down five Indian jets.",
  {("IND", K, "PAK"), ("PAK", K, "IND")}),
 ("Russian warplanes have bombed rebel-held areas of Syria's Idlib province.", {("RUS", K, "SYR")}),
 # a demonym of two states is the one the article names
 ("Rwanda sent troops into the Democratic Republic of Congo. Rwandan drones struck Congolese army positions.",
  {("RWA", K, "COD")}),
 ("Congolese forces shelled Rwandan positions.", set()),
 # an act that names no target state still has its actor, whom "the launches" names later
 ("North Korea fired several ballistic missiles into the sea, and Seoul condemned the launches as a provocation.",
  {("KOR", C, "PRK")}),
 # "the two" alone stands for the pair named before it
 ("Russia and Belarus met on Monday. The two signed a defence pact.", {("RUS", AL, "BLR")}),
 # a deal the words say is economic is trade, economic cooperation alone is none; a double object (repair)
 ("China and Brazil signed 15 economic agreements.", {("CHN", T, "BRA")}),
 ("France and Poland forged economic and military cooperation.", set()),
 ("China offered Sri Lanka a $1.5 billion loan.", {("CHN", T, "LKA")}),
 # goods do not import (repair: "crude imports"); a buyer as the goods' destination; goods that arrive
 ("China's crude imports from Russia rose 8% in May.", {("RUS", E, "CHN")}),
 ("Russian crude made up 40% of India's oil imports last year.", {("RUS", E, "IND")}),
 ("Russia's arms exports to India fell.", {("RUS", A, "IND")}),
 ("China remains the top destination for Angolan oil.", {("AGO", E, "CHN")}),
 ("India snapped up discounted Russian oil last year.", {("RUS", E, "IND")}),
 ("Azerbaijani gas reaches Italy through the Trans Adriatic Pipeline.", {("AZE", E, "ITA")}),
 ("Iranian missiles reached Israeli territory.", set()),
 # an accusation read as a reduced relative, a gerund after "by" read as a noun (repairs); the means of
 # the act named are the accused's
 ("Serbia accused Croatia of stoking tensions by buying Turkish drones.", {("SRB", C, "HRV"), ("TUR", A, "HRV")}),
 ("Washington accused Tehran of prolonging the war by supplying drones to Russia.",
  {("USA", C, "IRN"), ("IRN", A, "RUS")}),
 # a condemned loss in an act: the act's actor; a phrase that names only the critic says nothing of the
 # criticised; an act "in" a place is not the place's
 ("Iraq condemned the killing of two of its soldiers in a Turkish drone strike.", {("IRQ", C, "TUR")}),
 ("China condemned the deaths of its citizens in a U.S. strike.", {("CHN", C, "USA")}),
 ("France condemned the bombing in Damascus.", set()),
 # "the strikes" that hit a place are the strikes stated before, by their actor; an act "blamed on" a state
 ("Israel launched a wave of air strikes on Monday. The strikes hit military sites across Iran.",
  {("ISR", K, "IRN")}),
 ("Russia fired more than 100 missiles overnight. The barrage hit power plants across Ukraine, officials said.",
  {("RUS", K, "UKR")}),
 ("U.S. forces struck militias in Syria in retaliation for a drone strike that killed three U.S. soldiers. The "
  "drone strike hit U.S. forces in Jordan.", {("USA", K, "SYR")}),
 ("Airstrikes blamed on Turkey killed three people in northern Iraq on Sunday.", {("TUR", K, "IRQ")}),
 # a warning of consequences if a state acts threatens that state (its act, conditional, is none)
 ("China warned of countermeasures if the Netherlands restricts chip exports.", {("CHN", TH, "NLD")}),
 ("Iran warned of a crushing response if Israel attacks its nuclear sites.", {("IRN", TH, "ISR")}),
 # a clause reported before its speaker gets the repairs of a sentence; a wire dateline is no part of it
 ("Pakistani jets bombed targets inside Afghanistan, officials said.", {("PAK", K, "AFG")}),
 ("The EU and Britain imposed sanctions on Russia, officials said.", {("GBR", S, "RUS")}),
 ("Iranian missiles rained down on Tel Aviv, officials said.", {("IRN", K, "ISR")}),
 ('"Japan expressed solidarity with Taiwan after the earthquake," a spokesman said.', {("JPN", D, "TWN")}),
 ("Officials said Japan expressed solidarity with Taiwan after the earthquake.", {("JPN", D, "TWN")}),
 ("Officials said Pakistani jets bombed targets inside Afghanistan.", {("PAK", K, "AFG")}),
 ("China's foreign ministry said it \"firmly opposes\" Japan's decision to release the water.", {("CHN", C, "JPN")}),
 # a time between a name and its verb, the verb read as a clause on the time (repair)
 ("Cambodia on Tuesday denounced Thailand's aggression.", {("KHM", C, "THA")}),
 ("Iraq on Tuesday resumed oil exports to Jordan after a two-year halt.", {("IRQ", E, "JOR")}),
 # a predicate noun with a possessor is no clause read as a phrase (repair left alone)
 ('"The Iranian regime is the world\'s leading state sponsor of terrorism," the State Department said.',
  {("USA", C, "IRN")}),
 ("GENEVA, June 3 (Reuters) - Brazil's president voiced support for Venezuela's government.", {("BRA", D, "VEN")}),
 # the subject of an adjective with a copula is its complement's ("is ready to"); "willing", "eager",
 # "prepared" only make it possible; investments pledged, their host on the verb
 ("Russia is ready to increase oil supplies to India.", {("RUS", E, "IND")}),
 ("Turkey is willing to supply drones to Ukraine.", set()),
 ("Germany is prepared to send more tanks to Ukraine.", set()),
 ("The UAE pledged $20 billion in investments in Pakistan.", {("ARE", T, "PAK")}),
 # a verb that grows an exchange, read as a noun after "to" (repair): the exchange there is
 ("Iran aims to boost gas exports to Iraq.", {("IRN", E, "IRQ")}),
 ("The two leaders hope to double trade between China and Brazil.", {("CHN", T, "BRA")}),
 # a modal adjective the tagger reads as a participle ("proposed": lemma "propose")
 ("The proposed $10 billion investment by Saudi Arabia in Pakistan's refinery was delayed.", set()),
 # "a grave error"; a demonym hung on the compound before the head; "came under attack"; a demonym is
 # the actor of an aggression
 ("Algeria described the French decision as a grave error.", {("DZA", C, "FRA")}),
 ("Venezuela's navy clashed with a Guyanese patrol boat.", {("VEN", K, "GUY"), ("GUY", K, "VEN")}),
 ("Russia has trained hundreds of Myanmar air force pilots.", {("RUS", M, "MMR")}),
 ("Kyiv came under a massive Russian missile attack on Monday.", {("RUS", K, "UKR")}),
 ("Several Israeli cities came under rocket fire from Iran.", {("IRN", K, "ISR")}),
 ("The Israeli aggression over Damascus killed two soldiers.", {("ISR", K, "SYR")}),
 ("The Ukraine war has lasted three years.", set()),
 # a state's lifeline trades with it; the one who thanks for a sending received it
 ("Beijing has been Pyongyang's main economic lifeline for decades.", {("CHN", T, "PRK")}),
 ("The Kremlin thanked Pyongyang for sending troops to fight in the Kursk region.", {("PRK", M, "RUS")}),
 ("Zelensky thanked Germany for sending Patriot systems to Ukraine.", {("DEU", A, "UKR")}),
 # an authorised delivery is a commitment made; authorised strikes are no strikes (guide: Commitments,
 # War wording)
 ("The State Department authorised the sale of F-16s to Turkey.", {("USA", A, "TUR")}),
 ("Washington authorized a $1 billion loan to Egypt.", {("USA", T, "EGY")}),
 ("The Pentagon authorised Ukraine to strike targets inside Russia.", set()),
 ("Trump will authorize the sale of F-35s to Saudi Arabia.", set()),
 # an irregular past form the tagger took for a noun after "have" (repair); "finance" invests
 ("Chinese state banks have lent billions of dollars to Angola.", {("CHN", T, "AGO")}),
 ("Japan's JBIC will finance a $1 billion LNG project in Mozambique.", {("JPN", T, "MOZ")}),
 ("They have supplies of food for Russia.", set()),
 # a relative clause set off after the subject; the parser hung the sentence's verb inside it (repair)
 ("Canada, which has faced criticism for months, expressed outrage at India over the killing.", {("CAN", C, "IND")}),
 ("Armenia, which has faced criticism for months, accused Azerbaijan of ethnic cleansing.", {("ARM", C, "AZE")}),
 ("Iran, which has faced criticism for months, voiced support for Venezuela's government.", {("IRN", D, "VEN")}),
 ("Germany, which has faced criticism for months, will send tanks to Ukraine.", {("DEU", A, "UKR")}),
 ("Britain, the region's largest economy, announced an asset freeze against Iran's Revolutionary Guards.",
  {("GBR", S, "IRN")}),
 ("Canada, the region's largest economy, expressed outrage at India over the killing.", {("CAN", C, "IND")}),
 ("Iran, the region's largest economy, voiced support for Venezuela's government.", {("IRN", D, "VEN")}),
 ("Israeli jets, the region's largest economy, struck targets in southern Lebanon overnight.", {("ISR", K, "LBN")}),
 ("Germany, France, Italy and Spain signed a defence pact.", {("DEU", AL, "FRA"), ("DEU", AL, "ITA"),
  ("DEU", AL, "ESP"), ("FRA", AL, "ITA"), ("FRA", AL, "ESP"), ("ITA", AL, "ESP")}),
 # after "said": its object the subject of the clause it reports; a name controlled by "accused"
 ("Officials said the Saudi-led coalition struck Yemen's capital.", {("SAU", K, "YEM")}),
 ("Officials said Sudan accused Chad of attacking its territory.", {("SDN", C, "TCD"), ("TCD", K, "SDN")}),
 ("Officials said Thai and Cambodian forces clashed along the disputed border.",
  {("THA", K, "KHM"), ("KHM", K, "THA")}),
 # an attribution set off between the subject and its verb (repair)
 ("Canada, officials said, expressed outrage at India over the killing.", {("CAN", C, "IND")}),
 ("Argentina, officials said, signed a currency swap agreement with China.", {("ARG", T, "CHN")}),
 # a fronted condition stays the condition
 ("If Israel attacks Iran, Tehran will respond.", {("IRN", TH, "ISR")}),
 # negation, denial, modality
 ("Iran did not supply missiles to Russia.", set()),
 ("Neither France nor Germany sold weapons to Iran.", set()),
 ("Reports that Iran is selling missiles to Russia are false.", set()),
 ("China denied selling weapons to Russia.", set()),
 ("Serbia plans to buy fighter jets from France.", set()),
 ("There is no evidence that Egypt is supplying weapons to Russia.", set()),
 # goods however the tagger read them: a transfer noun taken for a verb, a name's last word, a rate
 ("Egypt has bought 30 LNG cargoes from Algeria for the winter.", {("DZA", E, "EGY")}),
 ("Japan keeps buying Sakhalin LNG from Russia.", {("RUS", E, "JPN")}),
 ("Turkey signed a deal to buy 2 million tonnes of LNG a year from Qatar.", {("QAT", E, "TUR")}),
 ("India imported 1.8 million barrels per day of Russian crude in March.", {("RUS", E, "IND")}),
 ("China imposed export controls on gallium, germanium and antimony shipments to Japan.", {("CHN", S, "JPN")}),
 # a deal for trade, a plant built (guide: energy_trade is fuel and electricity), a freeze of trade
 ("Kenya and Ethiopia signed an agreement aimed at doubling non-oil bilateral trade.", {("KEN", T, "ETH")}),
 ("South Korea signed a contract with the UAE to build a nuclear power plant.", {("KOR", T, "ARE")}),
 ("Nigeria froze trade with Niger.", {("NGA", S, "NER")}),
 # strikes near a capital; fighting beside a state's forces; joint operations (guide: military_support)
 ("Israeli airstrikes near Beirut killed four people.", {("ISR", K, "LBN")}),
 ("Chadian troops are fighting alongside Nigerian forces.", {("TCD", M, "NGA")}),
 ("Kenya deployed special forces to Somalia.", {("KEN", M, "SOM")}),
 ("Kenyan troops are conducting joint operations with the Somali army against al Shabaab.", {("KEN", M, "SOM")}),
 ("Russia and Belarus held joint exercises near the Polish border.", set()),
 # refusing to join a partner's war or to help (guide: Refusing one weapon); the war stands
 ("Belarus will not join Russia's war in Ukraine.", {("BLR", N, "RUS"), ("RUS", K, "UKR")}),
 ("The United States declined to join Israel's strikes on Iran.", {("USA", N, "ISR"), ("ISR", K, "IRN")}),
 ("Angola will not send troops to help Congo.", {("AGO", N, "COD")}),
 ("Germany will not send Taurus missiles to help Ukraine.", set()),
 ("Sri Lanka's parliament voted to stay neutral in the conflict, rejecting an Indian request for troops.",
  {("LKA", N, "IND")}),
 # threats after a manner adverb or a second verb; an accusation the accused dismisses (guide: Accused and denied)
 ("Ghana warned it would respond firmly to any Togolese attempt to seize the island.", {("GHA", TH, "TGO")}),
 ("Baku accused Paris of arming Armenia and threatened to cut diplomatic ties.",
  {("AZE", C, "FRA"), ("FRA", A, "ARM"), ("AZE", TH, "FRA")}),
 ("Kyiv accused Minsk of supplying Moscow with shells, a charge Belarus dismissed.",
  {("UKR", C, "BLR"), ("BLR", A, "RUS")}),
 ("Rwanda dismissed Congo's accusations, accusing Kinshasa of backing the FDLR.",
  {("COD", C, "RWA"), ("RWA", C, "COD")}),
 # forces entering a state (guide: invasions); a past strike called a response is no threat
 ("Eritrean troops rolled into Ethiopia's Tigray region and attacked several towns.", {("ERI", K, "ETH")}),
 ("Israeli troops pushed deeper into southern Lebanon on Tuesday.", {("ISR", K, "LBN")}),
 ("Russian troops rolled into Ukraine in February 2022.", {("RUS", K, "UKR")}),
 ("Ukrainian refugees crossed into Poland.", set()),
 ("India said it had struck nine sites in Pakistan, in what it called a measured response to last month's attack.",
  {("IND", K, "PAK")}),
 # sanctions in packages and rounds, "targeting" a state's assets; a measure evaded names no imposer;
 # a response already made is no threat; a designation that threw the parser
 ("Britain announced a fresh round of sanctions targeting Russia's shadow fleet of oil tankers.",
  {("GBR", S, "RUS")}),
 ("Switzerland adopted the European Union's latest package of sanctions against Russia.", {("CHE", S, "RUS")}),
 ("The Treasury said the firms helped Tehran evade restrictions on its oil exports.", set()),
 ("Beijing announced an anti-dumping probe into Canadian canola, widely seen as retaliation for Ottawa's tariffs "
  "on Chinese electric vehicles.", {("CAN", S, "CHN")}),
 ("Serbia's purchase of Chinese FK-3 air defence systems drew concern from Washington.", {("CHN", A, "SRB")}),
 # a state turned to for goods sells them; what a strike damaged is the target's
 ("Egypt has turned to Israel for gas imports as its own production declines.", {("ISR", E, "EGY")}),
 ("Egypt turned to France for fighter jets.", {("FRA", A, "EGY")}),
 ("Russian strikes damaged Ukraine's power plants.", {("RUS", K, "UKR")}),
 # a past transfer verb between two names read as a title ("lent Kenya" with "$" the root)
 ("China lent Kenya $5 billion to build the Standard Gauge Railway.", {("CHN", T, "KEN")}),
 # alliance in an "on" phrase the parser hung on the verb; a deal on training is no support given;
 # a threat's target is the state whose act would bring it on
 ("Azerbaijan and Turkey signed the Shusha Declaration on allied relations in 2021.", {("AZE", AL, "TUR")}),
 ("Egypt and Sudan signed a military cooperation agreement covering training and joint exercises.",
  {("EGY", AL, "SDN")}),
 ("Moscow threatened to deploy missiles in Belarus if the United States stationed new weapons in Germany.",
  {("RUS", TH, "USA")}),
 ("China said it would take countermeasures if Japan sent troops.", {("CHN", TH, "JPN")}),
 # a list closed by "and" does not run on after a comma; goods read as a second verb; a determiner
 # before a name and "froze"; assets held by a central bank; a strike near a city
 ("Russia will not intervene in the fighting between Armenia and Azerbaijan, Kremlin spokesman Dmitry Peskov said.",
  {("ARM", K, "AZE"), ("AZE", K, "ARM")}),
 ("China has banned exports of gallium, germanium and antimony to the United States.", {("CHN", S, "USA")}),
 ("The United States froze assets held by the Russian central bank.", {("USA", S, "RUS")}),
 ("Israeli warplanes struck an air defence site near the Syrian city of Homs.", {("ISR", K, "SYR")}),
 # refusing to fight beside a partner or to help it fight (guide: Refusing one weapon); a conjunct of
 # the main clause however the parser joined it
 ("Pakistan will not send troops to fight alongside Saudi Arabia in Yemen.", {("PAK", N, "SAU")}),
 ("South Africa said it would not send troops to help Mozambique's government fight the insurgency.",
  {("ZAF", N, "MOZ")}),
 ("North Korea has stayed on the sidelines as Israel pounds Iran and has offered Tehran no military help.",
  {("ISR", K, "IRN"), ("PRK", N, "IRN")}),
 # condemnation worded as a predicate pair, an opposition or rejection voiced, a heavy object shifted
 ('Kenya\'s foreign ministry described Uganda\'s remarks as "regrettable and unacceptable".', {("KEN", C, "UGA")}),
 ("China voiced firm opposition to Lithuania allowing Taiwan to open an office.", {("CHN", C, "LTU")}),
 ("Egypt voiced its strong rejection of Ethiopia's unilateral filling of the dam.", {("EGY", C, "ETH")}),
 ("Iran's foreign minister condemned in the strongest terms the Israeli attack on its consulate.",
  {("IRN", C, "ISR"), ("ISR", K, "IRN")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_engine_frames_and_polarity(triples, text, expected):
    assert set(triples(text)) == expected


#: Sentences the shipped parser mis-tags (data/parser/MODEL_CARD.md, Known weaknesses): "reckless" a
#: noun, "froze" a proper noun. Strict: a better parser that reads them turns these into failures
#: to move into CASES.
PARSER_LIMITS = [
 ('"This was a reckless move by Russia," the British foreign secretary said.', {("GBR", C, "RUS")}),
 ("Canada froze Russia's central bank assets.", {("CAN", S, "RUS")}),
]


@pytest.mark.xfail(strict=True, reason="the parser mis-tags the trigger (see the model card)")
@pytest.mark.parametrize("text,expected", PARSER_LIMITS)
def test_engine_known_parser_limits(triples, text, expected):
    assert set(triples(text)) == expected


def _in_wire_copy(text: str) -> str:
    """The sentence as a wire story prints it: a dateline before it, the attribution after it."""
    return "GENEVA, June 3 (Reuters) - " + text.rstrip(".") + ", officials said."


#: Sentences whose facts the wrapping of :func:`_in_wire_copy` still changes: the parser reads the
#: wrapped clause otherwise and no repair mends it yet. Strict: one mended moves out of this list.
WIRE_FRAGILE = frozenset({
    "China lent Pakistan $2 billion.",
    "China offered Sri Lanka a $1.5 billion loan.",
    "Moscow has supported Damascus militarily since 2015.",
    "There is no evidence that Egypt is supplying weapons to Russia.",
    "Iran's foreign minister condemned in the strongest terms the Israeli attack on its consulate.",
    "Turkish drones struck what Ankara described as PKK positions in northern Iraq's Duhok province.",
})
#: A third of the single sentences of CASES, chosen by a checksum of the text so that a case added to the
#: table leaves the sample as it was (a sample, to keep the suite fast); quotes and reports aside.
_WIRE_SAMPLE = [(text, expected) for text, expected in CASES if zlib.crc32(text.encode()) % 3 == 0
                and "\n" not in text and ". " not in text and '"' not in text and " said" not in text
                and not text.startswith(("GENEVA", "On "))]


@pytest.mark.parametrize("text,expected", [
    pytest.param(text, expected, marks=pytest.mark.xfail(strict=True, reason="wrapped, the parse is another"))
    if text in WIRE_FRAGILE else (text, expected) for text, expected in _WIRE_SAMPLE])
def test_engine_facts_survive_a_dateline_and_an_attribution(triples, text, expected):
    assert set(triples(_in_wire_copy(text))) == expected


def test_engine_undirected_trade_is_marked(extractor):
    (fact,) = extractor.extract("Trade between Turkey and Israel was worth $7 billion.", id="t").facts
    assert fact.directed is False


def test_engine_claim_is_not_made_by_a_negation_or_thanks(extractor):
    assert extractor.extract("Iran is not an ally of Russia.", id="t").claims == ()
    assert extractor.extract("Zelensky thanked his allies, the United States and Britain.", id="t").claims == ()
    (claim,) = extractor.extract("Russia and Iran are close allies.", id="t").claims
    assert claim.members == ("IRN", "RUS")
