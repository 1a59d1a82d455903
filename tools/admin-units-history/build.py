#!/usr/bin/env python3
"""Builds XHHT's dated history of administrative units, 2019-01-01 -> 2025-03-01, from public snapshots.

Not run at build time. Rebuild after fetching the sources (see README.md next to this script):

    python3 tools/admin-units-history/build.py \
        --snapshots <git dir of dvhcvn/data> --aliases <git dir of tranngocminhhieu/vietnamadminunits> \
        --out src/main/resources/admin-units

Writes history-2019-2025.csv (one row per version of a unit) and history-successions-2019-2025.csv
(where a vanished unit went), and prints counts that README.md quotes.
"""
import argparse
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from datetime import date, timedelta

# The snapshots used, in order: the state on 2019-01-01 and one commit per effective date after it.
# 54c5156 is replaced by its re-run 3585fce; maintenance commits (README, tree script, source URL) carry no new state.
COMMITS = ["3f15bff", "929f371", "6a245fb", "157cc62", "145d8ea", "9bc3a1d", "b35a145", "22b68d3", "1b4c2c9",
           "d890799", "01f3ef5", "8f1f1d6", "3585fce", "b2db01a", "45b1686", "78787ed", "d88580f", "91334c4",
           "87048c8", "f649951", "e597a35", "5fb8635", "3680d81", "9cc667b", "1d9288a", "c6f8449", "8514174",
           "191a51a", "f2ec239", "00a1203", "5393138"]
START = date(2019, 1, 1)
LAST = date(2025, 3, 1)

# The statistics office entered some resolutions late or early; the legal effective date comes from its decree index
# (danhmuchanhchinh.gso.gov.vn, "Nghị định"), see README.md. Keyed by (commit, province code): the date from which
# that province's state in that commit applies; None = the state in that commit is an entry error, ignore it.
CORRECTIONS = {
    ("929f371", "30"): (date(2019, 3, 1), "623/NQ-UBTVQH14"),
    ("929f371", "87"): (date(2019, 3, 1), "625/NQ-UBTVQH14"),
    ("6a245fb", "93"): (date(2019, 5, 1), "655/NQ-UBTVQH14"),
    ("157cc62", "33"): (date(2019, 5, 1), "656/NQ-UBTVQH14"),
    ("9bc3a1d", "75"): (date(2019, 7, 1), "694/NQ-UBTVQH14"),
    ("22b68d3", "62"): (date(2019, 9, 1), "720/NQ-UBTVQH14"),
    ("22b68d3", "36"): (date(2019, 9, 1), "721/NQ-UBTVQH14"),
    ("b35a145", "10"): None,  # Sa Pa (767) shown early, then reverted: in force 01/01/2020
    ("22b68d3", "10"): None,
    ("3585fce", "34"): (date(2020, 3, 1), "892/NQ-UBTVQH14"),
    ("91334c4", "46"): (date(2021, 7, 1), "1264/NQ-UBTVQH14"),
    ("f649951", "24"): (date(2022, 7, 1), "510/NQ-UBTVQH15"),
    ("e597a35", "82"): (date(2022, 10, 1), "569/NQ-UBTVQH15"),
    ("e597a35", "70"): (date(2022, 10, 1), "570/NQ-UBTVQH15"),
    ("f2ec239", "83"): (date(2024, 12, 1), "1237/NQ-UBTVQH15"),
    ("f2ec239", "15"): (date(2024, 12, 1), "1239/NQ-UBTVQH15"),
    ("f2ec239", "19"): (date(2024, 12, 1), "1240/NQ-UBTVQH15"),
    ("f2ec239", "44"): (date(2024, 12, 1), "1242/NQ-UBTVQH15"),
    ("f2ec239", "40"): (date(2024, 12, 1), "1243/NQ-UBTVQH15"),
    ("f2ec239", "33"): (date(2024, 12, 1), "1248/NQ-UBTVQH15"),
    ("f2ec239", "30"): (date(2024, 12, 1), "1250/NQ-UBTVQH15"),
    ("f2ec239", "96"): (date(2024, 12, 1), "1252/NQ-UBTVQH15"),
    ("f2ec239", "27"): (date(2024, 12, 1), "1255/NQ-UBTVQH15"),
    ("00a1203", "45"): (date(2025, 1, 1), "1281/NQ-UBTVQH15"),
    # same-name code re-assignments of merged wards, in force with the merger
    ("00a1203", "01"): (date(2025, 1, 1), "1286/NQ-UBTVQH15"),
    ("00a1203", "79"): (date(2025, 1, 1), "1278/NQ-UBTVQH15"),
}


# A re-run commit carries no resolutions in its message: those of the commit it re-ran apply.
MESSAGE_OF = {"3585fce": "54c5156"}


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True, capture_output=True).stdout


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def slug(s):
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^a-z0-9]", "", s)
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", s)


def snapshot(repo, commit):
    """{province code: {(level, code): (name, type, parent code)}} of one commit."""
    data = json.loads(git(repo, "show", f"{commit}:data.json"))
    out = {}
    for p in data:
        rows = {(1, p["level1_id"]): (norm(p["name"]), p["type"], "")}
        for d in p.get("level2s", []):
            rows[(2, d["level2_id"])] = (norm(d["name"]), d["type"], p["level1_id"])
            for c in d.get("level3s", []):
                rows[(3, c["level3_id"])] = (norm(c["name"]), c["type"], d["level2_id"])
        out[p["level1_id"]] = rows
    return out


def resolutions(message, province_name):
    """The resolution numbers of a commit message whose title names the province."""
    parts = [p.strip() for p in message.split(";") if p.strip()]
    key = slug(re.sub(r"^(Tỉnh|Thành phố) ", "", province_name))
    named = [p.split(":")[0] for p in parts if key and key in slug(p)]
    return named


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshots", required=True)
    ap.add_argument("--aliases", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    # per province: [(effective date, commit, state, resolutions)]
    timeline = defaultdict(list)
    for i, commit in enumerate(COMMITS):
        when = date.fromisoformat(git(a.snapshots, "log", "-1", "--format=%ad", "--date=short", commit).decode().strip())
        message = git(a.snapshots, "log", "-1", "--format=%s", MESSAGE_OF.get(commit, commit)).decode().strip()
        for prov, rows in snapshot(a.snapshots, commit).items():
            eff, basis = (START if i == 0 else when), None
            if (commit, prov) in CORRECTIONS:
                fix = CORRECTIONS[(commit, prov)]
                if fix is None:
                    continue
                eff, basis = fix
            entries = timeline[prov]
            if entries and entries[-1][2] == rows:
                continue
            while entries and entries[-1][0] >= eff:
                entries.pop()
            province_name = rows[(1, prov)][0]
            entries.append((eff, commit, rows, [basis] if basis else resolutions(message, province_name)))

    # versions per (level, code): consecutive periods with the same name, type and parent version
    versions = []  # dicts
    current = {}   # (level, code) -> index in versions
    ended_by = {}  # index in versions -> the resolutions in force the day after it ended
    province_of = {}
    dates = sorted({e[0] for es in timeline.values() for e in es})
    for d in dates:
        state, source = {}, {}
        province_change = {prov: e[3] for prov, es in timeline.items() for e in es if e[0] == d}
        for prov, es in timeline.items():
            live = [e for e in es if e[0] <= d]
            if live:
                eff, commit, rows, res = live[-1]
                for k, v in rows.items():
                    state[k] = v
                    province_of[k] = prov
                    source[k] = (commit, res, eff == d)
        # close what disappeared or changed; a parent's new version gives its children new versions
        changed = set()
        for level in (1, 2, 3):
            for key in [k for k in current if k[0] == level]:
                v = versions[current[key]]
                now = state.get(key)
                parent_changed = level > 1 and (level - 1, v["parent_code"]) in changed
                if now is None or now != (v["name"], v["type"], v["parent_code"]) or parent_changed:
                    v["valid_to"] = d - timedelta(days=1)
                    ended_by[current[key]] = province_change.get(province_of.get(key), [])
                    del current[key]
                    changed.add(key)
            for key, (name, typ, parent) in sorted(state.items()):
                if key[0] != level or key in current:
                    continue
                commit, res, _ = source[key]
                current[key] = len(versions)
                versions.append({"level": level, "code": key[1], "name": name, "type": typ, "parent_code": parent,
                                 "valid_from": None if d == START else d, "valid_to": None,
                                 "snapshot": commit if d != START else COMMITS[0],
                                 "resolution": " ".join(res) if d != START else ""})

    # aliases: old commune name (slug) within a province -> March-2025 commune
    last = {k: v for k, v in ((k, versions[i]) for k, i in current.items())}
    prov_slug = {code: slug(v["name"]) for (lvl, code), v in last.items() if lvl == 1}
    dist_slug = {code: slug(v["name"]) for (lvl, code), v in last.items() if lvl == 2}
    target = {}
    for (lvl, code), v in last.items():
        if lvl == 3:
            dcode = v["parent_code"]
            pcode = last[(2, dcode)]["parent_code"]
            target[(prov_slug[pcode], dist_slug[dcode], slug(v["name"]))] = code
    alias = defaultdict(set)
    raw = git(a.aliases, "show", "HEAD:data/alias_keywords/legacy/alias_ward.csv").decode("utf-8-sig")
    for r in csv.DictReader(io.StringIO(raw)):
        t = target.get((r["province_key"], r["district_key"], r["ward_key"]))
        if t:
            alias[(r["province_key"], slug(r["alias_keyword"]))].add((r["district_key"], t))

    # successions: a version that ends before 2025-03-01
    successions = []
    by_code = defaultdict(list)
    for i, v in enumerate(versions):
        v["ended_by"] = " ".join(ended_by.get(i, []))
        by_code[(v["level"], v["code"])].append(v)
    starting = defaultdict(list)
    open_in = defaultdict(list)
    for v in versions:
        if v["valid_from"] is not None:
            starting[(v["level"], v["valid_from"])].append(v)
        if v["valid_to"] is None and v["level"] == 3:
            open_in[v["parent_code"]].append(v)
    for (lvl, code), vs in by_code.items():
        for j, v in enumerate(vs):
            if v["valid_to"] is None:
                continue
            if j + 1 < len(vs):
                successions.append((v, vs[j + 1], "CODE", "VERIFIED"))
                continue
            if lvl != 3:
                successions.append((v, None, "UNKNOWN", "UNKNOWN"))
                continue
            dist = by_code[(2, v["parent_code"])][-1]
            pv = by_code[(1, dist["parent_code"])][-1]
            hits = alias.get((slug(pv["name"]), slug(v["name"])), set())
            if len(hits) > 1:
                hits = {h for h in hits if h[0] == slug(dist["name"])} or hits
            next_day = v["valid_to"] + timedelta(days=1)
            recoded = [w for w in starting.get((lvl, next_day), [])
                       if w["name"] == v["name"] and w["parent_code"] == v["parent_code"] and w["code"] != code]
            same_name = [w for w in open_in.get(v["parent_code"], []) if slug(w["name"]) == slug(v["name"])
                         and w["code"] != code]
            if len(recoded) == 1:
                # same name and parent the next day under another code: the merged unit took this one's name, or the
                # statistics office re-chose which predecessor's code it keeps
                successions.append((v, recoded[0], "DERIVED", "SECONDARY"))
            elif len(hits) == 1:
                (_, t), = hits
                successions.append((v, by_code[(3, t)][-1], "ALIAS", "SECONDARY"))
            elif len(same_name) == 1:
                # the unit that kept the name in the same district took it over
                successions.append((v, same_name[0], "ALIAS", "SECONDARY"))
            else:
                successions.append((v, None, "UNKNOWN", "UNKNOWN"))

    fmt = lambda d: "" if d is None else d.isoformat()
    with open(f"{a.out}/history-2019-2025.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["level", "code", "name", "type", "parent_code", "valid_from", "valid_to", "snapshot", "resolution"])
        for v in sorted(versions, key=lambda v: (v["level"], v["code"], v["valid_from"] or date.min)):
            w.writerow([v["level"], v["code"], v["name"], v["type"], v["parent_code"], fmt(v["valid_from"]),
                        fmt(v["valid_to"]), v["snapshot"], v["resolution"]])
    with open(f"{a.out}/history-successions-2019-2025.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["level", "code", "valid_to", "successor_code", "successor_valid_from", "basis", "certainty",
                    "resolution"])
        for v, s, basis, cert in sorted(successions, key=lambda x: (x[0]["level"], x[0]["code"], x[0]["valid_to"])):
            w.writerow([v["level"], v["code"], fmt(v["valid_to"]), s["code"] if s else "",
                        fmt(s["valid_from"]) if s else "", basis, cert, v["ended_by"]])

    n = defaultdict(int)
    for v in versions:
        n[(v["level"], v["valid_to"] is None)] += 1
    print("versions:", len(versions), {f"level{l}{' open' if o else ' closed'}": c for (l, o), c in sorted(n.items())})
    c = defaultdict(int)
    for _, _, b, _ in successions:
        c[b] += 1
    print("successions:", dict(c))


if __name__ == "__main__":
    sys.exit(main())
