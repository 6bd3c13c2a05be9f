import re
from importlib.resources import files

import pandas as pd
import pytest

from analysis.tag.actors import (
    RULE_KEYS,
    affiliation_of,
    aliases_table,
    load_dictionary,
    nisba_forms,
    roles_table,
)
from analysis.text.normalize import fold

FIXED_IDS = [
    "USA",
    "RUS",
    "IRN",
    "ISR",
    "SYR",
    "IRQ",
    "TUR",
    "LBN",
    "JOR",
    "SAU",
    "EU",
    "UN",
    "hezbollah",
    "irgc",
    "quds_force",
    "iran_backed_militias",
    "isis",
    "al_qaeda",
    "hurras_al_din",
    "hts",
    "sdf",
    "fsa",
    "syrian_opposition",
    "hamas",
    "coalition",
    "assad",
    "putin",
    "trump",
    "biden",
    "obama",
    "pompeo",
    "tillerson",
    "jeffrey",
    "lavrov",
    "shoigu",
    "netanyahu",
    "lieberman",
    "khamenei",
    "rouhani",
    "zarif",
    "raisi",
    "pezeshkian",
    "soleimani",
    "nasrallah",
    "erdogan",
    "mamlouk",
    "hatami",
    "bagheri",
    "ayoub",
    "masjedi",
    "mcnulty",
    "chusano",
]


@pytest.fixture(scope="module")
def d():
    return load_dictionary()


def test_ids_unique_and_fixed_present(d):
    ids = [a["id"] for a in d.raw["actors"]]
    assert len(ids) == len(set(ids))
    assert set(FIXED_IDS) <= set(ids)


def test_required_fields(d):
    for a in d.raw["actors"]:
        for field in ("id", "kind", "label_en", "label_ar", "affiliation", "provenance"):
            assert a.get(field), (a["id"], field)
        assert a["affiliation"] in d.actors, a["id"]


def test_every_kind_declared_and_documented(d):
    readme = (files("analysis") / "data" / "README.md").read_text(encoding="utf-8")
    used = {a["kind"] for a in d.raw["actors"]}
    assert used <= set(d.raw["kinds"])
    for kind in d.raw["kinds"]:
        assert re.search(rf"\| `{kind}` \|", readme), kind


def test_alias_shared_only_when_ambiguous(d):
    t = aliases_table(d)
    shared = t.groupby("alias")["actor_id"].nunique()
    for alias in shared[shared > 1].index:
        assert t.loc[t["alias"] == alias, "ambiguous"].all(), alias


def test_role_dates_ordered():
    r = roles_table()
    both = r.dropna(subset=["start", "end"])
    assert (both["start"] <= both["end"]).all()
    assert pd.api.types.is_datetime64_any_dtype(r["start"])


def test_rule_keys_known(d):
    for a in d.raw["actors"]:
        for item in a.get("aliases", []) or []:
            if isinstance(item, dict):
                assert set(item) - {"text", "ambiguous"} <= RULE_KEYS, item
        for rules in (a.get("rules") or {}).values():
            assert set(rules) <= RULE_KEYS, a["id"]


@pytest.mark.parametrize(
    ("alias", "actor"),
    [
        ("الكرملين", "RUS"),
        ("البنتاغون", "USA"),
        ("الخارجية الامريكيه", "USA"),
        ("القياده المركزيه الاميركيه", "USA"),
        ("حميميم", "RUS"),
        ("تل ابيب", "ISR"),
        ("بغداد", "IRQ"),
        ("امريكا", "USA"),
        ("اميركا", "USA"),
        ("مليشيات ايران", "iran_backed_militias"),
        ("ايرانيون", "IRN"),
        ("الايرانيين", "IRN"),
        ("ترمب", "trump"),
    ],
)
def test_alias_present(alias, actor):
    t = aliases_table()
    assert actor in set(t.loc[t["alias"] == fold(alias), "actor_id"])


def test_nisba_forms():
    forms = nisba_forms("إيران")
    for f in ("ايراني", "ايرانيه", "ايرانيين", "ايرانيون", "الايرانيه", "الايرانيين"):
        assert f in forms


@pytest.mark.parametrize(
    ("actor", "level", "expected"),
    [
        ("putin", "affiliation", "RUS"),
        ("irgc", "affiliation", "IRN"),
        ("mamlouk", "affiliation", "SYR"),
        ("soleimani", "affiliation", "quds_force"),
        ("soleimani", "state", "IRN"),
        ("USA", "state", "USA"),
    ],
)
def test_affiliation(actor, level, expected):
    assert affiliation_of(actor, level=level) == expected


def test_lavrov_role_open_ended():
    r = roles_table()
    lav = r[r["actor_id"] == "lavrov"].iloc[0]
    assert lav["start"] == pd.Timestamp("2004-03-09") and pd.isna(lav["end"])
