"""The extraction lexicon as data: the bundled frames load, and a typo is an error naming the frame."""

import pytest

from alignkg.graph import EdgeType
from alignkg.graph.errors import DataError
from alignkg.graph.extract.frames import default_lexicon, parse_lexicon

CLASSES = {"classes": {"arms": "drone missile", "help_verbs": "help aid"}}


def _frame(**fields):
    frame = {"name": "f", "pos": ["VERB"], "lemmas": "supply", "type": "arms_transfer",
             "source": ["subj"], "target": ["prep:to"]}
    frame.update(fields)
    return {"frame": [frame]}


def test_frames_bundled_lexicon_loads_and_covers_every_edge_type():
    lexicon = default_lexicon()
    typed = {f.type for f in lexicon.frames} | set(lexicon.theme_types.values())
    assert typed >= set(EdgeType)
    assert lexicon.by_lemma["supply"]


def test_frames_every_class_named_by_a_slot_exists():
    lexicon = default_lexicon()
    for frame in lexicon.frames:
        for slot in (*frame.source, *frame.target, *frame.theme, *frame.members, *frame.require):
            assert slot.steps, (frame.name, slot.text)


@pytest.mark.parametrize("fields,message", [
    ({"source": ["subject"]}, "unknown step 'subject'"),
    ({"target": ["prep:to=class:weapons"]}, "no word class 'weapons'"),
    ({"type": "arms_sale"}, "unknown edge type 'arms_sale'"),
    ({"pos": ["VRB"]}, "pos must be"),
    ({"target_mode": "where"}, "unknown mode 'where'"),
    ({"type": "theme"}, "needs theme slots"),
    ({"target": []}, "needs source and target slots"),
])
def test_frames_a_typo_is_an_error_naming_the_frame(fields, message):
    with pytest.raises(DataError, match=message) as info:
        parse_lexicon(CLASSES, _frame(**fields))
    assert "frame 'f'" in str(info.value)


def test_frames_a_particle_verb_and_a_class_of_lemmas():
    lexicon = parse_lexicon(CLASSES, {"frame": [
        {"name": "down", "pos": ["VERB"], "lemmas": "shoot_down", "type": "military_strike",
         "source": ["subj"], "target": ["obj"]},
        {"name": "helps", "pos": ["VERB"], "lemmas": "class:help_verbs", "type": "military_support",
         "source": ["subj"], "target": ["obj"]},
    ]})
    (down,) = lexicon.by_lemma["shoot"]
    assert down.particles == {"shoot": "down"}
    assert {f.name for f in lexicon.by_lemma["aid"]} == {"helps"}


def test_frames_theme_types_must_name_a_class_and_a_type():
    with pytest.raises(DataError, match="no word class 'fuel'"):
        parse_lexicon(CLASSES, {"theme_types": {"fuel": "energy_trade"}})
    with pytest.raises(DataError, match="unknown edge type"):
        parse_lexicon(CLASSES, {"theme_types": {"arms": "weapons"}})


def test_frames_an_unknown_class_name_lists_the_known_ones():
    with pytest.raises(DataError, match="known: .*arms"):
        default_lexicon().words("armz")
