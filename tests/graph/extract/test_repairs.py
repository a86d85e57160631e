"""The parse repairs, on misparses written out by hand (as the shipped parser makes them)."""

from spacy.lang.en import English
from spacy.tokens import Doc

from alignkg.graph.extract.frames import default_lexicon
from alignkg.graph.extract.pipeline import LemmaTable
from alignkg.graph.extract.repairs import repair

_LEMMA = LemmaTable()
#: English lexical attributes (lower case, shape), which the repairs read as the real pipeline's tokens have them.
_VOCAB = English().vocab


def _repaired(words, pos, tags, deps, heads):
    doc = Doc(_VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads)
    return repair(doc, default_lexicon(), _LEMMA)


def _tree(doc):
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_repairs_a_present_verb_of_trade_read_as_a_noun_becomes_the_verb():
    doc = _repaired(["Brazil", "sells", "iron", "ore", "to", "China", "."],
                    ["PROPN", "NOUN", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
                    ["NNP", "NNS", "JJ", "NN", "IN", "NNP", "."],
                    ["compound", "compound", "amod", "ROOT", "case", "nmod", "punct"],
                    [1, 3, 1, 3, 5, 3, 3])
    assert ("Brazil", "nsubj", "sells") in _tree(doc)
    assert ("ore", "obj", "sells") in _tree(doc)
    assert ("iron", "amod", "ore") in _tree(doc)
    assert doc[1].dep_ == "ROOT" and doc[1].pos_ == "VERB"


def test_repairs_a_noun_phrase_without_goods_stays_a_noun_phrase():
    # "US arms sales to Taiwan": "sales" is no commodity.
    doc = _repaired(["US", "arms", "sales", "to", "Taiwan"], ["PROPN", "NOUN", "NOUN", "ADP", "PROPN"],
                    ["NNP", "NNS", "NNS", "IN", "NNP"], ["compound", "compound", "ROOT", "case", "nmod"],
                    [1, 2, 2, 4, 2])
    assert doc[2].dep_ == "ROOT" and doc[1].dep_ == "compound"


def test_repairs_a_relative_clause_without_a_relative_word_hangs_on_the_noun_before_its_subject():
    # "a plan to cut reliance on gas it imports": "it imports" modifies "gas", not "plan".
    words = ["a", "plan", "to", "cut", "reliance", "on", "gas", "it", "imports"]
    doc = _repaired(words, ["DET", "NOUN", "PART", "VERB", "NOUN", "ADP", "NOUN", "PRON", "VERB"],
                    ["DT", "NN", "TO", "VB", "NN", "IN", "NN", "PRP", "VBZ"],
                    ["det", "ROOT", "mark", "acl", "obj", "case", "nmod", "nsubj", "acl:relcl"],
                    [1, 1, 3, 1, 3, 6, 4, 8, 1])
    assert doc[8].head.text == "gas"


def test_repairs_a_relative_clause_with_a_relative_word_stays():
    words = ["the", "plan", "that", "it", "backs"]
    doc = _repaired(words, ["DET", "NOUN", "PRON", "PRON", "VERB"], ["DT", "NN", "WDT", "PRP", "VBZ"],
                    ["det", "ROOT", "obj", "nsubj", "acl:relcl"], [1, 1, 4, 4, 1])
    assert doc[4].head.text == "plan"


def test_repairs_the_predicate_of_a_verb_of_judging_read_as_its_object():
    # "branded the blockade illegal": "illegal" read as the object, "blockade" its compound.
    doc = _repaired(["Moscow", "branded", "the", "blockade", "illegal"], ["PROPN", "VERB", "DET", "NOUN", "NOUN"],
                    ["NNP", "VBD", "DT", "NN", "JJ"], ["nsubj", "ROOT", "det", "compound", "obj"], [1, 1, 4, 4, 1])
    assert ("blockade", "obj", "branded") in _tree(doc)
    assert ("illegal", "xcomp", "branded") in _tree(doc)
    assert ("the", "det", "blockade") in _tree(doc)


def test_repairs_a_second_participle_after_a_reduced_relative_with_its_agent_is_the_verb():
    # "Tanks supplied by Poland arrived in Ukraine"
    doc = _repaired(["Tanks", "supplied", "by", "Poland", "arrived", "in", "Ukraine"],
                    ["NOUN", "VERB", "ADP", "PROPN", "VERB", "ADP", "PROPN"],
                    ["NNS", "VBN", "IN", "NNP", "VBD", "IN", "NNP"],
                    ["ROOT", "acl", "case", "obl:agent", "acl", "case", "obl"], [0, 0, 3, 1, 0, 6, 4])
    assert doc[4].dep_ == "ROOT"
    assert ("Tanks", "nsubj", "arrived") in _tree(doc)
    assert ("supplied", "acl", "Tanks") in _tree(doc)


def test_repairs_examples_belong_to_the_noun_right_before_them():
    # "tanks from partners including Germany": "including Germany" names partners, not tanks.
    doc = _repaired(["tanks", "from", "partners", "including", "Germany"], ["NOUN", "ADP", "NOUN", "VERB", "PROPN"],
                    ["NNS", "IN", "NNS", "VBG", "NNP"], ["ROOT", "case", "nmod", "case", "nmod"], [0, 2, 0, 4, 0])
    assert doc[4].head.text == "partners"


def test_repairs_a_share_of_goods_after_a_present_verb_of_trade():
    # "Chile sells most of its copper to China": the share is the object.
    words = ["Chile", "sells", "most", "of", "its", "copper", "to", "China", "."]
    doc = _repaired(words, ["PROPN", "NOUN", "ADJ", "ADP", "PRON", "NOUN", "ADP", "PROPN", "PUNCT"],
                    ["NNP", "NNS", "JJS", "IN", "PRP$", "NN", "IN", "NNP", "."],
                    ["compound", "compound", "ROOT", "case", "nmod:poss", "nmod", "case", "nmod", "punct"],
                    [1, 2, 2, 5, 5, 2, 7, 5, 2])
    assert doc[1].dep_ == "ROOT" and doc[1].pos_ == "VERB"
    assert ("Chile", "nsubj", "sells") in _tree(doc) and ("most", "obj", "sells") in _tree(doc)


def test_repairs_two_objects_of_a_verb_of_judging_make_the_second_its_predicate():
    # "calling it a provocation"
    doc = _repaired(["calling", "it", "a", "provocation"], ["VERB", "PRON", "DET", "NOUN"],
                    ["VBG", "PRP", "DT", "NN"], ["ROOT", "obj", "det", "obj"], [0, 0, 3, 0])
    assert doc[3].dep_ == "xcomp" and doc[1].dep_ == "obj"


def test_repairs_a_participle_of_a_verb_without_passive_after_the_root_noun_is_the_verb():
    # "Thai troops clashed along the border": no reduced relative.
    words = ["Thai", "troops", "clashed", "along", "the", "border"]
    doc = _repaired(words, ["ADJ", "NOUN", "VERB", "ADP", "DET", "NOUN"], ["JJ", "NNS", "VBN", "IN", "DT", "NN"],
                    ["amod", "ROOT", "acl", "case", "det", "obl"], [1, 1, 1, 5, 5, 2])
    assert doc[2].dep_ == "ROOT" and ("troops", "nsubj", "clashed") in _tree(doc)


def test_repairs_goods_after_and_read_as_a_second_verb_join_the_object():
    # "sent advisers and drones to help": "drones" is the object's conjunct; "to help" the verb's.
    words = ["Turkey", "sent", "advisers", "and", "drones", "to", "help", "Libya"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "CCONJ", "VERB", "PART", "VERB", "PROPN"],
                    ["NNP", "VBD", "NNS", "CC", "VBZ", "TO", "VB", "NNP"],
                    ["nsubj", "ROOT", "obj", "cc", "conj", "mark", "xcomp", "obj"], [1, 1, 1, 4, 1, 6, 4, 6])
    assert ("drones", "conj", "advisers") in _tree(doc) and doc[4].pos_ == "NOUN"
    assert ("help", "xcomp", "sent") in _tree(doc)


def test_repairs_an_adjective_with_a_subject_and_an_object_is_a_verb():
    # "Poland summoned Russia's ambassador": no adjective takes an object.
    words = ["Poland", "summoned", "Russia", "'s", "ambassador"]
    doc = _repaired(words, ["PROPN", "ADJ", "PROPN", "PART", "NOUN"], ["NNP", "JJ", "NNP", "POS", "NN"],
                    ["nsubj", "ROOT", "nmod:poss", "case", "obj"], [1, 1, 4, 2, 1])
    assert doc[1].pos_ == "VERB" and doc[1].tag_ == "VBD"


def test_repairs_a_sentence_without_a_verb_whose_subject_phrase_is_the_root():
    # "The Power of Siberia pipeline delivers Russian gas": the root "Power" is the subject.
    words = ["The", "Power", "of", "Siberia", "pipeline", "delivers", "Russian", "gas"]
    doc = _repaired(words, ["DET", "NOUN", "ADP", "PROPN", "NOUN", "NOUN", "ADJ", "NOUN"],
                    ["DT", "NN", "IN", "NNP", "NN", "NNS", "JJ", "NN"],
                    ["det", "ROOT", "case", "compound", "compound", "nmod", "amod", "nmod"], [1, 1, 5, 4, 5, 1, 7, 5])
    assert doc[5].dep_ == "ROOT" and ("Power", "nsubj", "delivers") in _tree(doc)
    assert ("gas", "obj", "delivers") in _tree(doc) and ("of", "case", "Power") in _tree(doc)


def test_repairs_a_phrase_hung_inside_the_goods_goes_to_the_verb():
    # "Brazil sells iron ore to China" with "to China" on "iron".
    words = ["Brazil", "sells", "iron", "ore", "to", "China"]
    doc = _repaired(words, ["PROPN", "NOUN", "ADJ", "PROPN", "ADP", "PROPN"], ["NNP", "NNS", "JJ", "NNP", "IN", "NNP"],
                    ["compound", "compound", "amod", "ROOT", "case", "obl"], [1, 3, 3, 3, 5, 2])
    assert ("China", "obl", "sells") in _tree(doc) and doc[3].pos_ == "NOUN"


def test_repairs_an_as_phrase_hung_on_the_object_of_a_verb_of_judging_goes_to_the_verb():
    # "described Israel's actions as violations"
    words = ["described", "actions", "as", "violations"]
    doc = _repaired(words, ["VERB", "NOUN", "ADP", "NOUN"], ["VBD", "NNS", "IN", "NNS"],
                    ["ROOT", "obj", "case", "nmod"], [0, 0, 3, 1])
    assert ("violations", "obl", "described") in _tree(doc)


def test_repairs_a_preposition_read_as_an_adverb_opens_the_phrase_after_it():
    # "trained alongside Saudi forces" read with "forces" the object of "trained".
    words = ["pilots", "trained", "alongside", "Saudi", "forces"]
    doc = _repaired(words, ["NOUN", "VERB", "ADV", "ADJ", "NOUN"], ["NNS", "VBD", "RB", "JJ", "NNS"],
                    ["nsubj", "ROOT", "advmod", "amod", "obj"], [1, 1, 1, 4, 1])
    assert ("forces", "obl", "trained") in _tree(doc) and ("alongside", "case", "forces") in _tree(doc)


def test_repairs_a_past_transfer_verb_read_as_a_noun_and_its_recipient_read_as_a_compound_of_money():
    # "China lent Pakistan $2 billion" read as one noun phrase headed by "lent".
    words = ["China", "lent", "Pakistan", "$", "2", "billion"]
    doc = _repaired(words, ["PROPN", "NOUN", "PROPN", "SYM", "NUM", "NUM"], ["NNP", "NN", "NNP", "$", "CD", "CD"],
                    ["compound", "ROOT", "compound", "appos", "compound", "nummod"], [1, 1, 3, 1, 5, 3])
    assert doc[1].pos_ == "VERB" and ("China", "nsubj", "lent") in _tree(doc)
    assert ("$", "obj", "lent") in _tree(doc) and ("Pakistan", "iobj", "lent") in _tree(doc)


def test_repairs_a_subject_it_read_as_an_expletive_becomes_the_subject():
    # "China said it condemned the strike": nothing follows for an empty "it" to stand for.
    doc = _repaired(["China", "said", "it", "condemned", "the", "strike"],
                    ["PROPN", "VERB", "PRON", "VERB", "DET", "NOUN"], ["NNP", "VBD", "PRP", "VBD", "DT", "NN"],
                    ["nsubj", "ROOT", "expl", "ccomp", "det", "obj"], [1, 1, 3, 1, 5, 3])
    assert ("it", "nsubj", "condemned") in _tree(doc)


def test_repairs_an_expletive_it_before_a_clause_stays():
    # "it seemed that Russia supplied drones": the clause is what "it" stands for.
    doc = _repaired(["it", "seemed", "that", "Russia", "supplied", "drones"],
                    ["PRON", "VERB", "SCONJ", "PROPN", "VERB", "NOUN"], ["PRP", "VBD", "IN", "NNP", "VBD", "NNS"],
                    ["expl", "ROOT", "mark", "nsubj", "ccomp", "obj"], [1, 1, 4, 4, 1, 4])
    assert doc[0].dep_ == "expl"


def test_repairs_two_predicates_of_a_verb_of_judging_make_the_first_its_object():
    # "The ministry called the US move irresponsible" read with "move" a predicate too.
    words = ["The", "ministry", "called", "the", "US", "move", "irresponsible"]
    doc = _repaired(words, ["DET", "NOUN", "VERB", "DET", "PROPN", "NOUN", "ADJ"],
                    ["DT", "NN", "VBD", "DT", "NNP", "NN", "JJ"],
                    ["det", "nsubj", "ROOT", "det", "compound", "xcomp", "xcomp"], [1, 2, 2, 5, 5, 2, 2])
    assert ("move", "obj", "called") in _tree(doc)
    assert ("irresponsible", "xcomp", "called") in _tree(doc)


def test_repairs_a_preposition_read_as_a_noun_of_the_object_opens_an_oblique():
    # "troops fought alongside Russian forces": "alongside" read as a compound of "forces".
    doc = _repaired(["troops", "fought", "alongside", "Russian", "forces"], ["NOUN", "VERB", "NOUN", "ADJ", "NOUN"],
                    ["NNS", "VBD", "NN", "JJ", "NNS"], ["nsubj", "ROOT", "compound", "amod", "obj"], [1, 1, 4, 4, 1])
    assert ("alongside", "case", "forces") in _tree(doc)
    assert ("forces", "obl", "fought") in _tree(doc)


def test_repairs_a_root_noun_with_a_name_before_it_and_an_infinitive_is_a_verb():
    # "Russia and India aim to raise bilateral trade": "aim" read as a noun compounded with the names.
    words = ["Russia", "and", "India", "aim", "to", "raise", "trade"]
    doc = _repaired(words, ["PROPN", "CCONJ", "PROPN", "NOUN", "PART", "VERB", "NOUN"],
                    ["NNP", "CC", "NNP", "NN", "TO", "VB", "NN"],
                    ["compound", "cc", "conj", "ROOT", "mark", "acl", "obj"], [3, 2, 0, 3, 5, 3, 5])
    assert doc[3].pos_ == "VERB"
    assert ("Russia", "nsubj", "aim") in _tree(doc)
    assert ("raise", "xcomp", "aim") in _tree(doc)


def test_repairs_an_of_phrase_hung_on_the_unit_of_a_rate_goes_to_the_quantity():
    # "2.5 million barrels per day of Russian crude": the crude is what the barrels are of.
    words = ["barrels", "per", "day", "of", "Russian", "crude"]
    doc = _repaired(words, ["NOUN", "ADP", "NOUN", "ADP", "ADJ", "NOUN"], ["NNS", "IN", "NN", "IN", "JJ", "NN"],
                    ["ROOT", "case", "nmod", "case", "amod", "nmod"], [0, 2, 0, 5, 5, 2])
    assert ("crude", "nmod", "barrels") in _tree(doc)


def test_repairs_a_judged_object_read_as_a_compound_of_a_word_of_criticism():
    # "China called India's policy discriminatory" read as one noun phrase headed by "discriminatory".
    words = ["China", "called", "India", "'s", "policy", "discriminatory"]
    doc = _repaired(words, ["PROPN", "VERB", "PROPN", "PART", "NOUN", "NOUN"], ["NNP", "VBD", "NNP", "POS", "NN", "NN"],
                    ["nsubj", "ROOT", "nmod:poss", "case", "compound", "obj"], [1, 1, 5, 2, 5, 1])
    assert ("policy", "obj", "called") in _tree(doc)
    assert ("discriminatory", "xcomp", "called") in _tree(doc)
    assert ("India", "nmod:poss", "policy") in _tree(doc)


def test_repairs_a_predicate_in_apposition_to_the_judged_object():
    # "called China's remarks 'economic coercion'": the quoted phrase is what the remarks are called.
    words = ["Payne", "called", "the", "remarks", '"', "economic", "coercion", '"']
    doc = _repaired(words, ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "NOUN", "PUNCT"],
                    ["NNP", "VBD", "DT", "NNS", "``", "JJ", "NN", "''"],
                    ["nsubj", "ROOT", "det", "obj", "punct", "amod", "appos", "punct"], [1, 1, 3, 1, 6, 6, 3, 6])
    assert ("coercion", "xcomp", "called") in _tree(doc)


def test_repairs_a_judged_object_with_its_own_determiner_read_as_a_compound():
    words = ["calling", "the", "remarks", "economic", "coercion"]
    doc = _repaired(words, ["VERB", "DET", "NOUN", "ADJ", "NOUN"], ["VBG", "DT", "NNS", "JJ", "NN"],
                    ["ROOT", "det", "compound", "amod", "obj"], [0, 2, 4, 4, 0])
    assert ("remarks", "obj", "calling") in _tree(doc)
    assert ("coercion", "xcomp", "calling") in _tree(doc)


def test_repairs_a_relative_clause_after_a_comma_read_as_the_root():
    # "Parliament approved an agreement with Iran, under which Syria received a credit line" read with
    # "received" the root and "approved" its adverbial clause.
    words = ["Parliament", "approved", "an", "agreement", "with", "Iran", ",", "under", "which", "Syria", "received",
             "credit"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "ADP", "PRON", "PROPN", "VERB", "NOUN"]
    doc = _repaired(words, pos,
                    ["NN", "VBD", "DT", "NN", "IN", "NNP", ",", "IN", "WDT", "NNP", "VBD", "NN"],
                    ["nsubj", "advcl", "det", "obj", "case", "nmod", "punct", "case", "obl", "nsubj", "ROOT", "obj"],
                    [1, 10, 3, 1, 5, 3, 1, 8, 10, 10, 10, 10])
    assert doc[1].dep_ == "ROOT"
    assert ("received", "acl:relcl", "agreement") in _tree(doc)


def test_repairs_a_plural_subject_read_as_a_verb_with_the_verb_read_as_an_adjective():
    # "Turkish warplanes bombed Kurdish positions": a verb takes no adjective before it.
    words = ["Turkish", "warplanes", "bombed", "Kurdish", "positions", "in", "Iraq"]
    doc = _repaired(words, ["ADJ", "VERB", "VERB", "ADJ", "NOUN", "ADP", "PROPN"],
                    ["JJ", "VBZ", "VBN", "JJ", "NNS", "IN", "NNP"],
                    ["amod", "ROOT", "amod", "amod", "obj", "case", "obl"], [1, 1, 4, 4, 1, 6, 1])
    assert doc[2].dep_ == "ROOT" and doc[2].pos_ == "VERB"
    assert ("warplanes", "nsubj", "bombed") in _tree(doc)
    assert ("positions", "obj", "bombed") in _tree(doc)
    assert ("Iraq", "obl", "bombed") in _tree(doc)
    assert ("Turkish", "amod", "warplanes") in _tree(doc)


def test_repairs_a_verb_before_an_adjective_that_is_no_past_form_stays():
    # Only a past form hung as an adjective on the object is the verb the parser missed.
    words = ["Cheap", "imports", "new", "cars"]
    doc = _repaired(words, ["ADJ", "VERB", "ADJ", "NOUN"], ["JJ", "VBZ", "JJ", "NNS"],
                    ["amod", "ROOT", "amod", "obj"], [1, 1, 3, 1])
    assert doc[1].dep_ == "ROOT" and ("new", "amod", "cars") in _tree(doc)


def test_repairs_a_destination_after_the_lands_crossed_goes_to_the_verb():
    words = ["carries", "gas", "across", "Georgia", "to", "Italy"]
    doc = _repaired(words, ["VERB", "NOUN", "ADP", "PROPN", "ADP", "PROPN"], ["VBZ", "NN", "IN", "NNP", "IN", "NNP"],
                    ["ROOT", "obj", "case", "obl", "case", "nmod"], [0, 0, 3, 0, 5, 3])
    assert ("Italy", "obl", "carries") in _tree(doc)


def test_repairs_a_clause_of_speech_after_a_name_is_the_name_s():
    # "approved the sale, angering Beijing, which said ...": a sale does not speak.
    words = ["approved", "the", "sale", ",", "angering", "Beijing", ",", "which", "said", "so"]
    doc = _repaired(words, ["VERB", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "ADV"],
                    ["VBD", "DT", "NN", ",", "VBG", "NNP", ",", "WDT", "VBD", "RB"],
                    ["ROOT", "det", "obj", "punct", "acl", "obj", "punct", "nsubj", "acl:relcl", "advmod"],
                    [0, 2, 0, 4, 2, 4, 8, 8, 2, 8])
    assert doc[8].head.text == "Beijing"


def test_repairs_a_verb_of_transfer_after_to_and_before_goods_is_an_infinitive():
    # "signed a deal to supply gas to China" read as "to supply gas" like "to supply chains".
    words = ["Qatar", "signed", "a", "deal", "to", "supply", "gas", "to", "China"]
    doc = _repaired(words, ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "NOUN", "ADP", "PROPN"],
                    ["NNP", "VBD", "DT", "NN", "IN", "NN", "NN", "IN", "NNP"],
                    ["nsubj", "ROOT", "det", "obj", "case", "compound", "obl", "case", "obl"],
                    [1, 1, 3, 1, 6, 6, 1, 8, 1])
    assert doc[5].pos_ == "VERB" and ("supply", "advcl", "signed") in _tree(doc)
    assert ("gas", "obj", "supply") in _tree(doc) and ("China", "obl", "supply") in _tree(doc)
    assert ("to", "mark", "supply") in _tree(doc)


def test_repairs_a_growing_verb_after_to_read_as_an_adjective_under_a_root_noun_with_a_subject():
    # "Vietnam and Japan plan to double trade": "plan" a noun with a subject, "double" an adjective.
    words = ["Vietnam", "and", "Japan", "plan", "to", "double", "trade"]
    doc = _repaired(words, ["PROPN", "CCONJ", "PROPN", "NOUN", "PART", "ADJ", "NOUN"],
                    ["NNP", "CC", "NNP", "NN", "TO", "JJ", "NN"],
                    ["nsubj", "cc", "conj", "ROOT", "case", "amod", "xcomp"], [3, 2, 0, 3, 6, 6, 3])
    assert doc[3].pos_ == "VERB" and ("double", "xcomp", "plan") in _tree(doc)
    assert ("trade", "obj", "double") in _tree(doc) and ("to", "mark", "double") in _tree(doc)


def test_repairs_a_growing_verb_after_to_read_as_a_modifier_of_a_clause_of_a_noun():
    # "sought ways to boost trade between Poland and Ukraine": "trade" read as the clause of "ways".
    words = ["They", "sought", "ways", "to", "boost", "trade", "between", "Poland"]
    doc = _repaired(words, ["PRON", "VERB", "NOUN", "PART", "VERB", "NOUN", "ADP", "PROPN"],
                    ["PRP", "VBD", "NNS", "TO", "VB", "NN", "IN", "NNP"],
                    ["nsubj", "ROOT", "obj", "case", "amod", "acl", "case", "nmod"], [1, 1, 1, 5, 5, 2, 7, 5])
    assert ("boost", "acl", "ways") in _tree(doc) and ("trade", "obj", "boost") in _tree(doc)
    assert ("Poland", "nmod", "trade") in _tree(doc)


def test_repairs_a_past_verb_after_and_read_as_an_adjective_of_its_object_is_a_conjunct_of_the_main_verb():
    # "Beijing protested the sale of missiles to Taiwan and imposed sanctions on the United States".
    words = ["Beijing", "protested", "the", "sale", "to", "Taiwan", "and", "imposed", "sanctions", "on", "America"]
    doc = _repaired(words, ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "NOUN", "ADP", "PROPN"],
                    ["NNP", "VBD", "DT", "NN", "IN", "NNP", "CC", "VBN", "NNS", "IN", "NNP"],
                    ["nsubj", "ROOT", "det", "obj", "case", "nmod", "cc", "amod", "conj", "case", "nmod"],
                    [1, 1, 3, 1, 5, 3, 8, 8, 5, 10, 3])
    assert ("imposed", "conj", "protested") in _tree(doc) and ("sanctions", "obj", "imposed") in _tree(doc)
    assert ("America", "nmod", "sanctions") in _tree(doc) and ("and", "cc", "imposed") in _tree(doc)


def test_repairs_a_past_verb_after_and_joins_the_last_clause_with_a_subject_not_the_first():
    # "Lithuania closed the border and Minsk called it a blockade and threatened countermeasures".
    words = ["Lithuania", "closed", "borders", "and", "Minsk", "called", "it", "blockade", "and", "threatened",
             "countermeasures"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "CCONJ", "PROPN", "VERB", "PRON", "NOUN", "CCONJ", "VERB",
                            "NOUN"],
                    ["NNP", "VBD", "NNS", "CC", "NNP", "VBD", "PRP", "NN", "CC", "VBN", "NNS"],
                    ["nsubj", "ROOT", "obj", "cc", "nsubj", "conj", "obj", "xcomp", "cc", "amod", "conj"],
                    [1, 1, 1, 5, 5, 1, 5, 5, 10, 10, 7])
    assert ("threatened", "conj", "called") in _tree(doc) and ("countermeasures", "obj", "threatened") in _tree(doc)


def test_repairs_a_participle_that_qualifies_a_noun_after_and_stays_an_adjective():
    # "signed agreements on border demarcation and enhanced security cooperation".
    words = ["They", "signed", "agreements", "on", "demarcation", "and", "enhanced", "cooperation"]
    doc = _repaired(words, ["PRON", "VERB", "NOUN", "ADP", "NOUN", "CCONJ", "VERB", "NOUN"],
                    ["PRP", "VBD", "NNS", "IN", "NN", "CC", "VBN", "NN"],
                    ["nsubj", "ROOT", "obj", "case", "nmod", "cc", "amod", "conj"], [1, 1, 1, 4, 2, 7, 7, 4])
    assert ("enhanced", "amod", "cooperation") in _tree(doc) and ("cooperation", "conj", "demarcation") in _tree(doc)


def test_repairs_a_to_phrase_hung_on_the_name_of_a_from_phrase_goes_to_what_it_qualifies():
    # "the delivery of jets from France to Egypt" read with "to Egypt" on "France".
    words = ["delivery", "of", "jets", "from", "France", "to", "Egypt"]
    doc = _repaired(words, ["NOUN", "ADP", "NOUN", "ADP", "PROPN", "ADP", "PROPN"],
                    ["NN", "IN", "NNS", "IN", "NNP", "IN", "NNP"],
                    ["ROOT", "case", "nmod", "case", "nmod", "case", "nmod"], [0, 2, 0, 4, 2, 6, 4])
    assert ("Egypt", "nmod", "jets") in _tree(doc)


def test_repairs_names_after_comma_and_joined_to_an_earlier_noun_are_the_subject_of_the_verb_after_them():
    # "Israel said it hit targets near Tehran, and Qatar and Oman condemned the attack".
    words = ["Israel", "said", "it", "hit", "targets", "near", "Tehran", ",", "and", "Qatar", "and", "Oman",
             "condemned", "it"]
    doc = _repaired(words, ["PROPN", "VERB", "PRON", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "CCONJ", "PROPN",
                            "CCONJ", "PROPN", "VERB", "PRON"],
                    ["NNP", "VBD", "PRP", "VBD", "NNS", "IN", "NNP", ",", "CC", "NNP", "CC", "NNP", "VBD", "PRP"],
                    ["nsubj", "ROOT", "nsubj", "ccomp", "obj", "case", "nmod", "punct", "cc", "conj", "cc", "conj",
                     "ccomp", "obj"],
                    [1, 1, 3, 1, 3, 6, 4, 9, 9, 6, 11, 6, 1, 12])
    assert ("Qatar", "nsubj", "condemned") in _tree(doc) and ("Oman", "conj", "Qatar") in _tree(doc)
    assert ("condemned", "conj", "said") in _tree(doc)


def test_repairs_a_phrase_opened_by_after_before_a_verb_without_subject_is_its_clause():
    # "accused the United States of war after U.S. warplanes struck a naval base".
    words = ["Venezuela", "accused", "America", "after", "warplanes", "struck", "a", "base"]
    doc = _repaired(words, ["PROPN", "VERB", "PROPN", "ADP", "NOUN", "VERB", "DET", "NOUN"],
                    ["NNP", "VBD", "NNP", "IN", "NNS", "VBN", "DT", "NN"],
                    ["nsubj", "ROOT", "obj", "case", "obl", "conj", "det", "obj"], [1, 1, 1, 4, 1, 1, 7, 5])
    assert ("warplanes", "nsubj", "struck") in _tree(doc) and ("struck", "advcl", "accused") in _tree(doc)
    assert ("after", "mark", "struck") in _tree(doc)


def test_repairs_a_verb_without_subject_joins_the_nearer_clause_with_a_subject():
    # "America taxed goods, and Lula called it blackmail and vowed to retaliate": "vowed" joined to "taxed".
    words = ["America", "taxed", "goods", ",", "and", "Lula", "called", "it", "blackmail", "and", "vowed"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "PUNCT", "CCONJ", "PROPN", "VERB", "PRON", "NOUN", "CCONJ",
                            "VERB"],
                    ["NNP", "VBD", "NNS", ",", "CC", "NNP", "VBD", "PRP", "NN", "CC", "VBD"],
                    ["nsubj", "ROOT", "obj", "punct", "cc", "nsubj", "conj", "obj", "xcomp", "cc", "conj"],
                    [1, 1, 1, 6, 6, 6, 1, 6, 6, 10, 1])
    assert ("vowed", "conj", "called") in _tree(doc)


def test_repairs_a_noun_in_apposition_to_root_names_before_an_infinitive_is_the_verb():
    # "Kenya and Uganda aim to lift trade" read as the names with "aim" their apposition.
    words = ["Kenya", "and", "Uganda", "aim", "to", "lift", "trade"]
    doc = _repaired(words, ["PROPN", "CCONJ", "PROPN", "NOUN", "PART", "VERB", "NOUN"],
                    ["NNP", "CC", "NNP", "NN", "TO", "VB", "NN"],
                    ["ROOT", "cc", "conj", "appos", "mark", "acl", "obj"], [0, 2, 0, 0, 5, 0, 5])
    assert doc[3].pos_ == "VERB" and ("Kenya", "nsubj", "aim") in _tree(doc) and ("lift", "xcomp", "aim") in _tree(doc)


def test_repairs_a_plural_read_as_a_verb_before_the_verb_joins_the_subject():
    # "Turkish warplanes and drones struck targets" read with "drones" and "struck" two verbs.
    words = ["warplanes", "and", "drones", "struck", "targets"]
    doc = _repaired(words, ["NOUN", "CCONJ", "VERB", "VERB", "NOUN"], ["NNS", "CC", "VBZ", "VBN", "NNS"],
                    ["ROOT", "cc", "conj", "conj", "obj"], [0, 2, 0, 0, 3])
    assert ("warplanes", "nsubj", "struck") in _tree(doc) and ("drones", "conj", "warplanes") in _tree(doc)
    assert doc[2].pos_ == "NOUN" and ("struck", "ROOT", "struck") in _tree(doc)


def test_repairs_a_name_read_as_apposition_of_a_root_noun_after_a_past_form_is_its_object():
    # "Egypt's minister accused Ethiopia of lying" read as "the minister accused, Ethiopia".
    words = ["minister", "accused", "Ethiopia", "of", "lying"]
    doc = _repaired(words, ["NOUN", "VERB", "PROPN", "ADP", "VERB"], ["NN", "VBN", "NNP", "IN", "VBG"],
                    ["ROOT", "acl", "appos", "mark", "acl"], [0, 0, 0, 4, 0])
    assert ("minister", "nsubj", "accused") in _tree(doc) and ("Ethiopia", "obj", "accused") in _tree(doc)
    assert ("lying", "acl", "accused") in _tree(doc)


def test_repairs_a_bare_noun_phrase_right_after_a_particle_is_the_object():
    # "Pakistan shot down an Indian jet" read with "jet" a bare noun phrase (nmod:unmarked).
    words = ["Pakistan", "shot", "down", "an", "Indian", "jet"]
    doc = _repaired(words, ["PROPN", "VERB", "ADP", "DET", "ADJ", "NOUN"], ["NNP", "VBD", "RP", "DT", "JJ", "NN"],
                    ["nsubj", "ROOT", "compound:prt", "det", "amod", "nmod:unmarked"], [1, 1, 1, 5, 5, 1])
    assert ("jet", "obj", "shot") in _tree(doc)


def test_repairs_a_compound_after_to_that_is_no_goods_stays_a_noun():
    # "moved to export controls on chips": controls are no goods.
    words = ["They", "moved", "to", "export", "controls", "on", "chips"]
    doc = _repaired(words, ["PRON", "VERB", "ADP", "NOUN", "NOUN", "ADP", "NOUN"],
                    ["PRP", "VBD", "IN", "NN", "NNS", "IN", "NNS"],
                    ["nsubj", "ROOT", "case", "compound", "obl", "case", "nmod"], [1, 1, 4, 4, 1, 6, 4])
    assert ("export", "compound", "controls") in _tree(doc) and doc[3].pos_ == "NOUN"


def test_repairs_a_place_phrase_on_a_word_of_depth_goes_to_the_word_it_qualifies():
    words = ["hit", "refineries", "deep", "inside", "Russia"]
    doc = _repaired(words, ["VERB", "NOUN", "ADJ", "ADP", "PROPN"], ["VB", "NNS", "JJ", "IN", "NNP"],
                    ["ROOT", "obj", "xcomp", "case", "obl"], [0, 0, 0, 4, 2])
    assert ("Russia", "obl", "hit") in _tree(doc)


def test_repairs_a_reported_clause_read_as_a_name_with_an_appositive():
    # "Cuba expressed solidarity with Iran, its ministry said": "expressed" an adjective of "solidarity".
    words = ["Cuba", "expressed", "solidarity", ",", "its", "ministry", "said"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "PUNCT", "PRON", "NOUN", "VERB"],
                    ["NNP", "VBD", "NN", ",", "PRP$", "NN", "VBD"],
                    ["nsubj", "amod", "appos", "punct", "nmod:poss", "nsubj", "ROOT"], [6, 2, 0, 0, 5, 6, 6])
    assert ("expressed", "ccomp", "said") in _tree(doc)
    assert ("Cuba", "nsubj", "expressed") in _tree(doc) and ("solidarity", "obj", "expressed") in _tree(doc)


def test_repairs_an_appositive_without_a_past_form_after_the_name_stays():
    words = ["Iran", ",", "a", "trusted", "ally", ",", "said", "so"]
    doc = _repaired(words, ["PROPN", "PUNCT", "DET", "VERB", "NOUN", "PUNCT", "VERB", "ADV"],
                    ["NNP", ",", "DT", "VBN", "NN", ",", "VBD", "RB"],
                    ["nsubj", "punct", "det", "amod", "appos", "punct", "ROOT", "advmod"], [6, 4, 4, 4, 0, 4, 6, 6])
    assert ("ally", "appos", "Iran") in _tree(doc) and ("trusted", "amod", "ally") in _tree(doc)


def test_repairs_an_adjective_of_a_name_read_as_a_verb_taking_it():
    words = ["sells", "power", "to", "neighbouring", "Kenya"]
    doc = _repaired(words, ["VERB", "NOUN", "SCONJ", "VERB", "PROPN"], ["VBZ", "NN", "TO", "VBG", "NNP"],
                    ["ROOT", "obj", "mark", "acl", "obj"], [0, 0, 3, 1, 3])
    assert ("neighbouring", "amod", "Kenya") in _tree(doc) and ("to", "case", "Kenya") in _tree(doc)
    assert ("Kenya", "nmod", "power") in _tree(doc)


def test_repairs_a_destination_hung_inside_the_object_of_a_transfer_goes_to_the_verb():
    words = ["sent", "a", "team", "of", "doctors", "to", "Mali"]
    doc = _repaired(words, ["VERB", "DET", "NOUN", "ADP", "NOUN", "ADP", "PROPN"],
                    ["VBD", "DT", "NN", "IN", "NNS", "IN", "NNP"],
                    ["ROOT", "det", "obj", "case", "nmod", "case", "nmod"], [0, 2, 0, 4, 2, 6, 4])
    assert ("Mali", "obl", "sent") in _tree(doc)


def test_repairs_a_frame_word_capitalised_at_the_start_is_a_common_noun():
    doc = _repaired(["Sanctions", "hurt", "Iran"], ["PROPN", "VERB", "PROPN"], ["NNPS", "VBD", "NNP"],
                    ["nsubj", "ROOT", "obj"], [1, 1, 1])
    assert doc[0].pos_ == "NOUN" and doc[2].pos_ == "PROPN"


def test_repairs_the_only_verb_of_a_sentence_read_as_a_reduced_relative_is_its_verb():
    words = ["Manila", "protested", "against", "Beijing"]
    doc = _repaired(words, ["PROPN", "VERB", "ADP", "PROPN"], ["NNP", "VBN", "IN", "NNP"],
                    ["ROOT", "acl", "case", "obl"], [0, 0, 3, 1])
    assert doc[1].dep_ == "ROOT" and ("Manila", "nsubj", "protested") in _tree(doc)


def test_repairs_a_verb_after_a_time_read_as_an_adjective_of_its_object():
    words = ["ministry", "on", "Tuesday", "denied", "reports"]
    doc = _repaired(words, ["NOUN", "ADP", "PROPN", "VERB", "NOUN"], ["NN", "IN", "NNP", "VBN", "NNS"],
                    ["ROOT", "case", "compound", "amod", "nmod"], [0, 2, 4, 4, 0])
    assert doc[3].dep_ == "ROOT"
    assert ("ministry", "nsubj", "denied") in _tree(doc) and ("reports", "obj", "denied") in _tree(doc)
    assert ("Tuesday", "obl", "denied") in _tree(doc)


def test_repairs_what_a_speaker_called_a_thing_makes_the_thing_the_object():
    words = ["struck", "what", "Ankara", "described", "as", "positions"]
    doc = _repaired(words, ["VERB", "PRON", "PROPN", "VERB", "ADP", "NOUN"], ["VBD", "WP", "NNP", "VBD", "IN", "NNS"],
                    ["ROOT", "obj", "nsubj", "ccomp", "case", "obl"], [0, 3, 3, 0, 5, 3])
    assert ("positions", "obj", "struck") in _tree(doc)
    assert ("described", "acl:relcl", "positions") in _tree(doc) and ("as", "mark", "described") in _tree(doc)


def test_repairs_a_subject_read_as_a_compound_of_the_object():
    words = ["the", "minister", "accused", "Cambodia"]
    doc = _repaired(words, ["DET", "NOUN", "VERB", "PROPN"], ["DT", "NN", "VBD", "NNP"],
                    ["det", "compound", "acl", "ROOT"], [1, 3, 1, 3])
    assert doc[2].dep_ == "ROOT" and ("minister", "nsubj", "accused") in _tree(doc)
    assert ("Cambodia", "obj", "accused") in _tree(doc)


def test_repairs_a_verb_with_its_particle_read_as_the_subject_noun():
    words = ["The", "Navy", "shot", "down", "a", "drone"]
    doc = _repaired(words, ["DET", "PROPN", "NOUN", "ADP", "DET", "NOUN"], ["DT", "NNP", "NN", "RP", "DT", "NN"],
                    ["det", "compound", "nsubj", "compound:prt", "det", "ROOT"], [1, 2, 5, 2, 5, 5])
    assert doc[2].dep_ == "ROOT" and ("Navy", "nsubj", "shot") in _tree(doc) and ("drone", "obj", "shot") in _tree(doc)
    assert ("The", "det", "Navy") in _tree(doc)


def test_repairs_a_perfect_of_a_verb_of_an_edge_read_as_possession():
    words = ["missiles", "had", "struck", "sites"]
    doc = _repaired(words, ["NOUN", "AUX", "VERB", "NOUN"], ["NNS", "VBD", "VBN", "NNS"],
                    ["nsubj", "ROOT", "amod", "obj"], [1, 1, 3, 1])
    assert doc[2].dep_ == "ROOT" and ("had", "aux", "struck") in _tree(doc)
    assert ("missiles", "nsubj", "struck") in _tree(doc) and ("sites", "obj", "struck") in _tree(doc)


def test_repairs_leave_have_with_an_adjectival_participle():
    words = ["They", "have", "armed", "drones"]
    doc = _repaired(words, ["PRON", "AUX", "VERB", "NOUN"], ["PRP", "VBP", "VBN", "NNS"],
                    ["nsubj", "ROOT", "amod", "obj"], [1, 1, 3, 1])
    assert doc[1].dep_ == "ROOT" and ("armed", "amod", "drones") in _tree(doc)


def test_repairs_the_first_of_two_objects_a_name_is_the_indirect_object():
    words = ["China", "offered", "Lanka", "a", "loan"]
    doc = _repaired(words, ["PROPN", "VERB", "PROPN", "DET", "NOUN"], ["NNP", "VBD", "NNP", "DT", "NN"],
                    ["nsubj", "ROOT", "obj", "det", "obj"], [1, 1, 1, 4, 1])
    assert ("Lanka", "iobj", "offered") in _tree(doc) and ("loan", "obj", "offered") in _tree(doc)


def test_repairs_leave_two_objects_when_the_first_is_no_name():
    words = ["China", "offered", "loans", "a", "lot"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "DET", "NOUN"], ["NNP", "VBD", "NNS", "DT", "NN"],
                    ["nsubj", "ROOT", "obj", "det", "obj"], [1, 1, 1, 4, 1])
    assert ("loans", "obj", "offered") in _tree(doc)


def test_repairs_goods_read_as_the_subject_of_a_transfer_word_make_it_a_noun():
    words = ["China", "'s", "crude", "imports", "from", "Russia", "rose"]
    doc = _repaired(words, ["PROPN", "PART", "NOUN", "VERB", "ADP", "PROPN", "VERB"],
                    ["NNP", "POS", "NN", "VBZ", "IN", "NNP", "VBD"],
                    ["nmod:poss", "case", "nsubj", "nsubj", "case", "obl", "ROOT"], [2, 0, 3, 6, 5, 3, 6])
    assert doc[3].pos_ == "NOUN" and ("crude", "compound", "imports") in _tree(doc)
    assert ("China", "nmod:poss", "imports") in _tree(doc) and ("Russia", "nmod", "imports") in _tree(doc)


def test_repairs_leave_a_transfer_verb_with_an_object_after_goods():
    words = ["He", "says", "Russian", "gas", "supplies", "Europe"]
    doc = _repaired(words, ["PRON", "VERB", "ADJ", "NOUN", "VERB", "PROPN"], ["PRP", "VBZ", "JJ", "NN", "VBZ", "NNP"],
                    ["nsubj", "ROOT", "amod", "nsubj", "ccomp", "obj"], [1, 1, 3, 4, 1, 4])
    assert doc[4].pos_ == "VERB" and ("gas", "nsubj", "supplies") in _tree(doc)


def test_repairs_a_gerund_after_by_read_as_a_modifier_is_the_verb_of_its_noun():
    words = ["prolonging", "war", "by", "supplying", "drones", "to", "Russia"]
    doc = _repaired(words, ["VERB", "NOUN", "ADP", "NOUN", "NOUN", "ADP", "PROPN"],
                    ["VBG", "NN", "IN", "NN", "NNS", "IN", "NNP"],
                    ["ROOT", "obj", "mark", "compound", "obl", "case", "nmod"], [0, 0, 3, 4, 0, 6, 4])
    assert doc[3].pos_ == "VERB" and ("by", "mark", "supplying") in _tree(doc)
    assert ("drones", "obj", "supplying") in _tree(doc) and ("Russia", "obl", "supplying") in _tree(doc)


def test_repairs_the_means_of_an_act_named_by_accuse_are_the_acts():
    words = ["Serbia", "accused", "Croatia", "of", "stoking", "tensions", "by", "buying", "drones"]
    doc = _repaired(words, ["PROPN", "VERB", "PROPN", "SCONJ", "VERB", "NOUN", "SCONJ", "VERB", "NOUN"],
                    ["NNP", "VBD", "NNP", "IN", "VBG", "NNS", "IN", "VBG", "NNS"],
                    ["ROOT", "acl", "xcomp", "mark", "acl", "obj", "mark", "advcl", "obj"], [0, 0, 1, 4, 2, 4, 7, 1, 7])
    assert doc[1].dep_ == "ROOT" and ("Serbia", "nsubj", "accused") in _tree(doc)
    assert ("Croatia", "obj", "accused") in _tree(doc) and ("buying", "advcl", "stoking") in _tree(doc)


def test_repairs_a_clause_reported_before_its_speaker_is_repaired_as_a_sentence():
    words = ["Pakistani", "jets", "bombed", "targets", ",", "officials", "said"]
    doc = _repaired(words, ["ADJ", "NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "VERB"],
                    ["JJ", "NNS", "VBD", "NNS", ",", "NNS", "VBD"],
                    ["amod", "compound", "amod", "ccomp", "punct", "nsubj", "ROOT"], [1, 3, 3, 6, 3, 6, 6])
    assert ("bombed", "ccomp", "said") in _tree(doc) and ("jets", "nsubj", "bombed") in _tree(doc)
    assert ("targets", "obj", "bombed") in _tree(doc) and len(list(doc.sents)) == 1


def test_repairs_a_clause_read_as_the_object_of_said_is_repaired_as_a_sentence():
    words = ["Officials", "said", "Japan", "expressed", "solidarity", "."]
    doc = _repaired(words, ["NOUN", "VERB", "PROPN", "VERB", "NOUN", "PUNCT"], ["NNS", "VBD", "NNP", "VBD", "NN", "."],
                    ["nsubj", "ROOT", "nsubj", "amod", "obj", "punct"], [1, 1, 3, 4, 1, 1])
    assert ("expressed", "ccomp", "said") in _tree(doc) and ("Japan", "nsubj", "expressed") in _tree(doc)
    assert ("solidarity", "obj", "expressed") in _tree(doc) and len(list(doc.sents)) == 1


def test_repairs_leave_a_predicate_noun_with_a_possessor_and_a_participle():
    words = ["Iran", "is", "the", "world", "'s", "leading", "sponsor"]
    doc = _repaired(words, ["PROPN", "AUX", "DET", "NOUN", "PART", "VERB", "NOUN"],
                    ["NNP", "VBZ", "DT", "NN", "POS", "VBG", "NN"],
                    ["nsubj", "cop", "det", "nmod:poss", "case", "amod", "ROOT"], [6, 6, 3, 6, 3, 6, 6])
    assert doc[6].dep_ == "ROOT" and ("leading", "amod", "sponsor") in _tree(doc)


def test_repairs_a_verb_after_a_time_read_as_a_clause_on_the_time():
    words = ["Cambodia", "on", "Tuesday", "denounced", "Thailand", "'s", "aggression"]
    doc = _repaired(words, ["PROPN", "ADP", "PROPN", "VERB", "PROPN", "PART", "NOUN"],
                    ["NNP", "IN", "NNP", "VBD", "NNP", "POS", "NN"],
                    ["ROOT", "case", "nmod", "acl", "nmod:poss", "case", "parataxis"], [0, 2, 0, 2, 6, 4, 0])
    assert doc[3].dep_ == "ROOT" and ("Cambodia", "nsubj", "denounced") in _tree(doc)
    assert ("Tuesday", "obl", "denounced") in _tree(doc) and ("aggression", "obj", "denounced") in _tree(doc)


def test_repairs_an_irregular_past_form_read_as_a_compound_after_have_is_the_perfect():
    words = ["banks", "have", "lent", "billions"]
    doc = _repaired(words, ["NOUN", "VERB", "NOUN", "NOUN"], ["NNS", "VBP", "NN", "NNS"],
                    ["nsubj", "ROOT", "compound", "obj"], [1, 1, 3, 1])
    assert doc[2].dep_ == "ROOT" and ("have", "aux", "lent") in _tree(doc) and ("billions", "obj", "lent") in _tree(doc)


def test_repairs_a_verb_hung_inside_a_relative_clause_after_the_subject_is_the_root():
    words = ["Canada", ",", "which", "faced", "criticism", ",", "expressed", "outrage", "."]
    doc = _repaired(words, ["PROPN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
                    ["NNP", ",", "WDT", "VBD", "NN", ",", "VBD", "NN", "."],
                    ["ROOT", "punct", "nsubj", "acl:relcl", "obj", "punct", "amod", "conj", "punct"],
                    [0, 3, 3, 0, 3, 7, 7, 3, 0])
    assert doc[6].dep_ == "ROOT" and ("Canada", "nsubj", "expressed") in _tree(doc)
    assert ("outrage", "obj", "expressed") in _tree(doc) and ("faced", "acl:relcl", "Canada") in _tree(doc)


def test_repairs_an_attribution_between_the_subject_and_its_verb_is_a_side_clause():
    words = ["Canada", ",", "officials", "said", ",", "expressed", "outrage", "."]
    doc = _repaired(words, ["PROPN", "PUNCT", "NOUN", "VERB", "PUNCT", "VERB", "NOUN", "PUNCT"],
                    ["NNP", ",", "NNS", "VBD", ",", "VBD", "NN", "."],
                    ["vocative", "punct", "nsubj", "ROOT", "punct", "amod", "dep", "punct"], [3, 0, 3, 3, 6, 6, 3, 3])
    assert doc[5].dep_ == "ROOT" and ("Canada", "nsubj", "expressed") in _tree(doc)
    assert ("said", "parataxis", "expressed") in _tree(doc) and ("outrage", "obj", "expressed") in _tree(doc)


def test_repairs_an_appositive_read_as_the_root_between_the_subject_and_its_verb():
    words = ["Iran", ",", "the", "economy", ",", "voiced", "support", "."]
    doc = _repaired(words, ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
                    ["NNP", ",", "DT", "NN", ",", "VBD", "NN", "."],
                    ["nsubj", "punct", "det", "ROOT", "punct", "amod", "conj", "punct"], [3, 0, 3, 3, 6, 6, 3, 3])
    assert doc[5].dep_ == "ROOT" and ("Iran", "nsubj", "voiced") in _tree(doc)
    assert ("economy", "appos", "Iran") in _tree(doc) and ("support", "obj", "voiced") in _tree(doc)


def test_repairs_the_object_of_said_before_a_clause_without_a_subject_is_its_subject():
    words = ["Officials", "said", "the", "coalition", "struck", "Yemen"]
    doc = _repaired(words, ["NOUN", "VERB", "DET", "NOUN", "VERB", "PROPN"], ["NNS", "VBD", "DT", "NN", "VBD", "NNP"],
                    ["nsubj", "ROOT", "det", "obj", "ccomp", "obj"], [1, 1, 3, 1, 1, 4])
    assert ("coalition", "nsubj", "struck") in _tree(doc) and ("struck", "ccomp", "said") in _tree(doc)


def test_repairs_a_phrase_after_a_rate_belongs_where_the_rate_hangs():
    doc = _repaired(["Turkey", "bought", "LNG", "a", "year", "from", "Oman"],
                    ["PROPN", "VERB", "NOUN", "DET", "NOUN", "ADP", "PROPN"],
                    ["NNP", "VBD", "NN", "DT", "NN", "IN", "NNP"],
                    ["nsubj", "ROOT", "obj", "det", "obl:unmarked", "case", "nmod"], [1, 1, 1, 4, 1, 6, 4])
    assert ("Oman", "obl", "bought") in _tree(doc)


def test_repairs_an_irregular_past_form_compounded_before_a_root_noun_is_the_verb():
    doc = _repaired(["Algeria", "froze", "trade", "with", "Spain"], ["PROPN", "NOUN", "NOUN", "ADP", "PROPN"],
                    ["NNP", "NN", "NN", "IN", "NNP"], ["compound", "compound", "ROOT", "case", "nmod"], [1, 2, 2, 4, 2])
    assert doc[1].dep_ == "ROOT" and doc[1].pos_ == "VERB"
    assert ("Algeria", "nsubj", "froze") in _tree(doc) and ("trade", "obj", "froze") in _tree(doc)


def test_repairs_goods_read_as_a_verb_in_a_coordination_are_a_compound_of_the_noun_after():
    words = ["controls", "on", "gallium", "and", "antimony", "shipments", "to", "Japan"]
    doc = _repaired(words, ["NOUN", "ADP", "NOUN", "CCONJ", "VERB", "NOUN", "ADP", "PROPN"],
                    ["NNS", "IN", "NN", "CC", "VBZ", "NNS", "IN", "NNP"],
                    ["ROOT", "case", "obl", "cc", "conj", "obj", "case", "obl"], [0, 2, 0, 4, 2, 4, 7, 4])
    tree = _tree(doc)
    assert ("shipments", "obl", "controls") in tree and ("gallium", "compound", "shipments") in tree
    assert ("Japan", "nmod", "shipments") in tree and ("on", "case", "shipments") in tree


def test_repairs_a_transfer_noun_taken_for_a_verb_after_goods_is_the_noun():
    doc = _repaired(["Egypt", "bought", "LNG", "cargoes", "from", "Qatar"],
                    ["PROPN", "VERB", "NOUN", "VERB", "ADP", "PROPN"], ["NNP", "VBD", "NN", "VBZ", "IN", "NNP"],
                    ["nsubj", "ROOT", "nsubj", "obj", "case", "obl"], [1, 1, 3, 1, 5, 3])
    assert doc[3].pos_ == "NOUN" and ("LNG", "compound", "cargoes") in _tree(doc)


def test_repairs_a_finite_verb_coordinated_with_an_object_is_the_verb_s_conjunct():
    doc = _repaired(["Baku", "accused", "Paris", "and", "threatened", "Yerevan"],
                    ["PROPN", "VERB", "PROPN", "CCONJ", "VERB", "PROPN"], ["NNP", "VBD", "NNP", "CC", "VBD", "NNP"],
                    ["nsubj", "ROOT", "obj", "cc", "conj", "obj"], [1, 1, 1, 4, 2, 4])
    assert ("threatened", "conj", "accused") in _tree(doc)


def test_repairs_a_phrase_on_a_manner_adverb_is_the_verb_s():
    doc = _repaired(["Ghana", "would", "respond", "firmly", "to", "Togo"],
                    ["PROPN", "AUX", "VERB", "ADV", "ADP", "PROPN"], ["NNP", "MD", "VB", "RB", "IN", "NNP"],
                    ["nsubj", "aux", "ROOT", "advmod", "case", "obl"], [2, 2, 2, 2, 5, 3])
    assert ("Togo", "obl", "respond") in _tree(doc)


def test_repairs_a_name_read_as_an_adverbial_before_a_verb_without_subject_is_its_subject():
    doc = _repaired(["Uganda", "deployed", "forces", "to", "Sudan"], ["PROPN", "VERB", "NOUN", "ADP", "PROPN"],
                    ["NNP", "VBN", "NNS", "IN", "NNP"], ["advmod", "ROOT", "obj", "case", "obl"], [1, 1, 1, 4, 1])
    assert ("Uganda", "nsubj", "deployed") in _tree(doc) and doc[1].tag_ == "VBD"


def test_repairs_a_gerund_after_of_read_as_a_noun_takes_the_phrases_after_it():
    words = ["Kyiv", "accused", "Minsk", "of", "supplying", "Moscow", "with", "shells"]
    doc = _repaired(words, ["PROPN", "VERB", "PROPN", "ADP", "NOUN", "PROPN", "ADP", "NOUN"],
                    ["NNP", "VBD", "NNP", "IN", "NN", "NNP", "IN", "NNS"],
                    ["nsubj", "ROOT", "obj", "case", "nmod", "obj", "case", "obl"], [1, 1, 1, 4, 2, 1, 7, 1])
    tree = _tree(doc)
    assert ("supplying", "advcl", "accused") in tree and ("of", "mark", "supplying") in tree
    assert ("Moscow", "obj", "supplying") in tree and ("shells", "obl", "supplying") in tree


def test_repairs_a_charge_the_accused_dismissed_leaves_the_accusation_the_sentence():
    words = ["Kyiv", "accused", "Minsk", ",", "a", "charge", "Belarus", "dismissed"]
    doc = _repaired(words, ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PROPN", "VERB"],
                    ["NNP", "VBD", "NNP", ",", "DT", "NN", "NNP", "VBD"],
                    ["nsubj", "ccomp", "obj", "punct", "det", "compound", "nsubj", "ROOT"], [1, 7, 1, 1, 6, 6, 7, 7])
    tree = _tree(doc)
    assert doc[1].dep_ == "ROOT" and ("charge", "parataxis", "accused") in tree
    assert ("dismissed", "acl:relcl", "charge") in tree and ("Belarus", "nsubj", "dismissed") in tree


def test_repairs_a_phrase_read_as_a_second_subject_modifies_the_first():
    doc = _repaired(["airstrikes", "near", "Beirut", "killed", "people"], ["NOUN", "ADP", "PROPN", "VERB", "NOUN"],
                    ["NNS", "IN", "NNP", "VBD", "NNS"], ["nsubj", "case", "nsubj", "ROOT", "obj"], [3, 2, 3, 3, 3])
    assert ("Beirut", "nmod", "airstrikes") in _tree(doc)


def test_repairs_a_preposition_read_as_an_adjective_of_the_object_opens_an_oblique():
    doc = _repaired(["troops", "fought", "alongside", "Russian", "forces"], ["NOUN", "VERB", "ADJ", "ADJ", "NOUN"],
                    ["NNS", "VBD", "JJ", "JJ", "NNS"], ["nsubj", "ROOT", "amod", "amod", "obj"], [1, 1, 4, 4, 1])
    assert ("alongside", "case", "forces") in _tree(doc) and ("forces", "obl", "fought") in _tree(doc)


def test_repairs_a_verb_read_as_a_clause_on_its_subject_before_a_shifted_object_is_the_root():
    # "the minister condemned in the strongest terms the attack"
    words = ["minister", "condemned", "in", "terms", "the", "attack"]
    doc = _repaired(words, ["NOUN", "VERB", "ADP", "NOUN", "DET", "NOUN"], ["NN", "VBN", "IN", "NNS", "DT", "NN"],
                    ["nsubj", "acl", "case", "obl", "det", "ROOT"], [5, 0, 3, 1, 5, 5])
    tree = _tree(doc)
    assert doc[1].dep_ == "ROOT" and ("minister", "nsubj", "condemned") in tree
    assert ("attack", "obj", "condemned") in tree


def test_repairs_a_participle_set_off_after_the_object_is_the_verb_s():
    words = ["Rwanda", "dismissed", "accusations", ",", "accusing", "Kinshasa"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "PUNCT", "VERB", "PROPN"],
                    ["NNP", "VBD", "NNS", ",", "VBG", "NNP"],
                    ["nsubj", "ROOT", "obj", "punct", "acl", "obj"], [1, 1, 1, 4, 2, 4])
    assert ("accusing", "advcl", "dismissed") in _tree(doc)


def test_repairs_leave_a_participle_that_introduces_examples_on_the_noun():
    words = ["sanctioned", "firms", ",", "including", "banks"]
    doc = _repaired(words, ["VERB", "NOUN", "PUNCT", "VERB", "NOUN"], ["VBD", "NNS", ",", "VBG", "NNS"],
                    ["ROOT", "obj", "punct", "acl", "obj"], [0, 0, 3, 1, 3])
    assert ("including", "acl", "firms") in _tree(doc)


def test_repairs_a_participle_before_a_past_verb_joined_to_the_same_noun_is_the_verb():
    # "Eritrean troops crossed into Tigray and attacked towns" read as "troops (that were) crossed".
    words = ["troops", "crossed", "into", "Tigray", "and", "attacked", "towns"]
    doc = _repaired(words, ["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "VERB", "NOUN"],
                    ["NNS", "VBN", "IN", "NNP", "CC", "VBD", "NNS"],
                    ["ROOT", "acl", "case", "obl", "cc", "conj", "obj"], [0, 0, 3, 1, 5, 0, 5])
    tree = _tree(doc)
    assert doc[1].dep_ == "ROOT" and ("troops", "nsubj", "crossed") in tree
    assert ("attacked", "conj", "crossed") in tree


def test_repairs_words_read_as_punctuation_modify_the_noun_after_them():
    # "purchase of Chinese FK-3 systems": the designation threw "of" and "Chinese" into punctuation.
    words = ["purchase", "of", "Chinese", "FK-3", "systems"]
    doc = _repaired(words, ["NOUN", "ADP", "ADJ", "PUNCT", "NOUN"], ["NN", "IN", "JJ", ".", "NNS"],
                    ["ROOT", "punct", "punct", "punct", "nmod"], [0, 0, 1, 1, 0])
    tree = _tree(doc)
    assert ("of", "case", "systems") in tree and ("Chinese", "amod", "systems") in tree
    assert ("FK-3", "compound", "systems") in tree and doc[3].pos_ == "PROPN"


def test_repairs_a_past_transfer_verb_between_two_names_before_the_root_is_the_verb():
    words = ["China", "lent", "Kenya", "$", "5", "billion"]
    doc = _repaired(words, ["PROPN", "NOUN", "PROPN", "SYM", "NUM", "NUM"], ["NNP", "NN", "NNP", "$", "CD", "CD"],
                    ["compound", "nmod:desc", "nsubj", "ROOT", "compound", "nummod"], [1, 2, 3, 3, 5, 3])
    tree = _tree(doc)
    assert doc[1].dep_ == "ROOT" and ("China", "nsubj", "lent") in tree
    assert ("Kenya", "iobj", "lent") in tree and ("$", "obj", "lent") in tree


def test_repairs_the_last_goods_of_a_list_read_as_a_second_verb_is_the_list_s():
    words = ["China", "banned", "exports", "of", "gallium", "and", "antimony", "to", "Japan"]
    doc = _repaired(words, ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "CCONJ", "VERB", "ADP", "PROPN"],
                    ["NNP", "VBD", "NNS", "IN", "NN", "CC", "VB", "IN", "NNP"],
                    ["nsubj", "ROOT", "obj", "case", "nmod", "cc", "conj", "case", "obl"], [1, 1, 1, 4, 2, 6, 1, 8, 6])
    tree = _tree(doc)
    assert ("antimony", "conj", "gallium") in tree and ("Japan", "obl", "banned") in tree


def test_repairs_a_noun_after_help_that_is_the_subject_of_a_bare_verb_is_its_object():
    words = ["help", "Mozambique", "fight", "insurgents"]
    doc = _repaired(words, ["VERB", "PROPN", "VERB", "NOUN"], ["VB", "NNP", "VB", "NNS"],
                    ["ROOT", "nsubj", "parataxis", "obj"], [0, 2, 0, 2])
    tree = _tree(doc)
    assert ("Mozambique", "obj", "help") in tree and ("fight", "xcomp", "help") in tree


def test_repairs_a_perfect_joined_to_a_subordinate_verb_is_the_main_verb_s_conjunct():
    words = ["Korea", "has", "stayed", "out", "as", "Israel", "pounds", "Iran", "and", "has", "offered", "help"]
    doc = _repaired(words, ["PROPN", "AUX", "VERB", "ADV", "SCONJ", "PROPN", "VERB", "PROPN", "CCONJ", "AUX", "VERB",
                            "NOUN"],
                    ["NNP", "VBZ", "VBN", "RB", "IN", "NNP", "VBZ", "NNP", "CC", "VBZ", "VBN", "NN"],
                    ["nsubj", "aux", "ROOT", "advmod", "mark", "nsubj", "advcl", "obj", "cc", "aux", "conj", "obj"],
                    [2, 2, 2, 2, 6, 6, 2, 6, 10, 10, 6, 10])
    assert ("offered", "conj", "stayed") in _tree(doc)
