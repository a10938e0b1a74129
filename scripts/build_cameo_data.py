#!/usr/bin/env python3
"""Converts the CAMEO / Phoenix coding dictionaries into kb's own TSV files in data/cameo/.

Usage (from the repository root):

    python3 scripts/build_cameo_data.py [--source ../shared/data/cameo] [--out data/cameo]

Reads the PETRARCH2 dictionaries (MIT licence, Open Event Data) and writes compact,
tab-separated tables that importers/analysis/cameo.cpp and actors.cpp load. The output is
deterministic: the same input gives the same bytes. Standard library only. The hand-written
files kb_actors.tsv and kb_verbs.tsv beside the output are kb's own and are never touched here.
See data/cameo/README.md for the formats.
"""

import argparse
import json
import os
import re
import shutil
import sys

# The CAMEO codebook (version 1.1b3, Gerner, Schrodt, Yilmaz et al.): every event code and its
# name. The dictionaries only carry the codes; the names are transcribed here by kb.
ROOTS = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}

# QuadClass as GDELT uses it: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict.
QUAD = {r: (1 if r <= "04" else 2 if r <= "08" else 3 if r <= "13" else 4) for r in ROOTS}

_DEMANDS = ["leadership change", "policy change", "rights", "change in institutions, regime"]

CODES = """
010 Make statement, not specified below
011 Decline comment
012 Make pessimistic comment
013 Make optimistic comment
014 Consider policy option
015 Acknowledge or claim responsibility
016 Deny responsibility
017 Engage in symbolic act
018 Make empathetic comment
019 Express accord
020 Make an appeal or request, not specified below
021 Appeal for material cooperation, not specified below
0211 Appeal for economic cooperation
0212 Appeal for military cooperation
0213 Appeal for judicial cooperation
0214 Appeal for intelligence
022 Appeal for diplomatic cooperation, such as policy support
023 Appeal for aid, not specified below
0231 Appeal for economic aid
0232 Appeal for military aid
0233 Appeal for humanitarian aid
0234 Appeal for military protection or peacekeeping
024 Appeal for political reform, not specified below
0241 Appeal for change in leadership
0242 Appeal for policy change
0243 Appeal for rights
0244 Appeal for change in institutions, regime
025 Appeal to yield, not specified below
0251 Appeal for easing of administrative sanctions
0252 Appeal for easing of popular dissent
0253 Appeal for release of persons or property
0254 Appeal for easing of economic sanctions, boycott, or embargo
0255 Appeal for target to allow international involvement (non-mediation)
0256 Appeal for de-escalation of military engagement
026 Appeal to others to meet or negotiate
027 Appeal to others to settle dispute
028 Appeal to engage in or accept mediation
030 Express intent to cooperate, not specified below
031 Express intent to engage in material cooperation, not specified below
0311 Express intent to cooperate economically
0312 Express intent to cooperate militarily
0313 Express intent to cooperate on judicial matters
0314 Express intent to cooperate on intelligence
032 Express intent to provide diplomatic cooperation such as policy support
033 Express intent to provide material aid, not specified below
0331 Express intent to provide economic aid
0332 Express intent to provide military aid
0333 Express intent to provide humanitarian aid
0334 Express intent to provide military protection or peacekeeping
034 Express intent to institute political reform, not specified below
0341 Express intent to change leadership
0342 Express intent to change policy
0343 Express intent to provide rights
0344 Express intent to change institutions, regime
035 Express intent to yield, not specified below
0351 Express intent to ease administrative sanctions
0352 Express intent to ease popular dissent
0353 Express intent to release persons or property
0354 Express intent to ease economic sanctions, boycott, or embargo
0355 Express intent to allow international involvement (non-mediation)
0356 Express intent to de-escalate military engagement
036 Express intent to meet or negotiate
037 Express intent to settle dispute
038 Express intent to accept mediation
039 Express intent to mediate
040 Consult, not specified below
041 Discuss by telephone
042 Make a visit
043 Host a visit
044 Meet at a third location
045 Mediate
046 Engage in negotiation
050 Engage in diplomatic cooperation, not specified below
051 Praise or endorse
052 Defend verbally
053 Rally support on behalf of
054 Grant diplomatic recognition
055 Apologize
056 Forgive
057 Sign formal agreement
060 Engage in material cooperation, not specified below
061 Cooperate economically
062 Cooperate militarily
063 Engage in judicial cooperation
064 Share intelligence or information
070 Provide aid, not specified below
071 Provide economic aid
072 Provide military aid
073 Provide humanitarian aid
074 Provide military protection or peacekeeping
075 Grant asylum
080 Yield, not specified below
081 Ease administrative sanctions, not specified below
0811 Ease restrictions on political freedoms
0812 Ease ban on political parties or politicians
0813 Ease curfew
0814 Ease state of emergency or martial law
082 Ease political dissent
083 Accede to requests or demands for political reform, not specified below
0831 Accede to demands for change in leadership
0832 Accede to demands for change in policy
0833 Accede to demands for rights
0834 Accede to demands for change in institutions, regime
084 Return, release, not specified below
0841 Return, release person(s)
0842 Return, release property
085 Ease economic sanctions, boycott, embargo
086 Allow international involvement, not specified below
0861 Receive deployment of peacekeepers
0862 Receive inspectors
0863 Allow delivery of humanitarian aid
087 De-escalate military engagement
0871 Declare truce, ceasefire
0872 Ease military blockade
0873 Demobilize armed forces
0874 Retreat or surrender militarily
090 Investigate, not specified below
091 Investigate crime, corruption
092 Investigate human rights abuses
093 Investigate military action
094 Investigate war crimes
100 Demand, not specified below
101 Demand information, investigation
1011 Demand economic cooperation
1012 Demand military cooperation
1013 Demand judicial cooperation
1014 Demand intelligence cooperation
102 Demand policy support
103 Demand aid, protection, or peacekeeping
1031 Demand economic aid
1032 Demand military aid
1033 Demand humanitarian aid
1034 Demand military protection or peacekeeping
104 Demand political reform, not specified below
1041 Demand change in leadership
1042 Demand policy change
1043 Demand rights
1044 Demand change in institutions, regime
105 Demand that target yields, not specified below
1051 Demand easing of administrative sanctions
1052 Demand easing of political dissent
1053 Demand release of persons or property
1054 Demand easing of economic sanctions, boycott, or embargo
1055 Demand that target allows international involvement (non-mediation)
1056 Demand de-escalation of military engagement
106 Demand meeting, negotiation
107 Demand settling of dispute
108 Demand mediation
110 Disapprove, not specified below
111 Criticize or denounce
112 Accuse, not specified below
1121 Accuse of crime, corruption
1122 Accuse of human rights abuses
1123 Accuse of aggression
1124 Accuse of war crimes
1125 Accuse of espionage, treason
113 Rally opposition against
114 Complain officially
115 Bring lawsuit against
116 Find guilty or liable (legally)
120 Reject, not specified below
121 Reject material cooperation
1211 Reject economic cooperation
1212 Reject military cooperation
1213 Reject judicial cooperation
122 Reject request or demand for material aid, not specified below
1221 Reject request for economic aid
1222 Reject request for military aid
1223 Reject request for humanitarian aid
1224 Reject request for military protection or peacekeeping
123 Reject request or demand for political reform, not specified below
1231 Reject request for change in leadership
1232 Reject request for policy change
1233 Reject request for rights
1234 Reject request for change in institutions, regime
124 Refuse to yield, not specified below
1241 Refuse to ease administrative sanctions
1242 Refuse to ease popular dissent
1243 Refuse to release persons or property
1244 Refuse to ease economic sanctions, boycott, or embargo
1245 Refuse to allow international involvement (non-mediation)
1246 Refuse to de-escalate military engagement
125 Reject proposal to meet, discuss, or negotiate
126 Reject mediation
127 Reject plan, agreement to settle dispute
128 Defy norms, law
129 Veto
130 Threaten, not specified below
131 Threaten non-force, not specified below
1311 Threaten to reduce or stop aid
1312 Threaten to boycott, embargo, or sanction
1313 Threaten to reduce or break relations
132 Threaten with administrative sanctions, not specified below
1321 Threaten to impose restrictions on political freedoms
1322 Threaten to ban political parties or politicians
1323 Threaten to impose curfew
1324 Threaten to impose state of emergency or martial law
133 Threaten political dissent, protest
134 Threaten to halt negotiations
135 Threaten to halt mediation
136 Threaten to halt international involvement (non-mediation)
137 Threaten with violent repression
138 Threaten to use military force, not specified below
1381 Threaten blockade
1382 Threaten occupation
1383 Threaten unconventional violence
1384 Threaten conventional attack
1385 Threaten attack with WMD
139 Give ultimatum
140 Engage in political dissent, not specified below
141 Demonstrate or rally, not specified below
142 Conduct hunger strike, not specified below
143 Conduct strike or boycott, not specified below
144 Obstruct passage, block, not specified below
145 Protest violently, riot, not specified below
150 Demonstrate military or police power, not specified below
151 Increase police alert status
152 Increase military alert status
153 Mobilize or increase police power
154 Mobilize or increase armed forces
160 Reduce relations, not specified below
161 Reduce or break diplomatic relations
162 Reduce or stop material aid, not specified below
1621 Reduce or stop economic assistance
1622 Reduce or stop military assistance
1623 Reduce or stop humanitarian assistance
163 Impose embargo, boycott, or sanctions
164 Halt negotiations
165 Halt mediation
166 Expel or withdraw, not specified below
1661 Expel or withdraw peacekeepers
1662 Expel or withdraw inspectors, observers
1663 Expel or withdraw aid agencies
170 Coerce, not specified below
171 Seize or damage property, not specified below
1711 Confiscate property
1712 Destroy property
172 Impose administrative sanctions, not specified below
1721 Impose restrictions on political freedoms
1722 Ban political parties or politicians
1723 Impose curfew
1724 Impose state of emergency or martial law
173 Arrest, detain, or charge with legal action
174 Expel or deport individuals
175 Use tactics of violent repression
176 Attack cybernetically
180 Use unconventional violence, not specified below
181 Abduct, hijack, or take hostage
182 Physically assault, not specified below
1821 Sexually assault
1822 Torture
1823 Kill by physical assault
183 Conduct suicide, car, or other non-military bombing, not specified below
1831 Carry out suicide bombing
1832 Carry out vehicular bombing
1833 Carry out roadside bombing
1834 Carry out location bombing
184 Use as human shield
185 Attempt to assassinate
186 Assassinate
190 Use conventional military force, not specified below
191 Impose blockade, restrict movement
192 Occupy territory
193 Fight with small arms and light weapons
194 Fight with artillery and tanks
195 Employ aerial weapons, not specified below
1951 Employ precision-guided aerial munitions
1952 Employ remotely piloted aerial munitions
196 Violate ceasefire
200 Use unconventional mass violence, not specified below
201 Engage in mass expulsion
202 Engage in mass killings
203 Engage in ethnic cleansing
204 Use weapons of mass destruction, not specified below
2041 Use chemical, biological, or radiological weapons
2042 Detonate nuclear weapons
"""


def code_table():
    """Returns {code: name} for the roots and every event code, with the protest subcodes."""
    names = dict(ROOTS)
    for line in CODES.strip().splitlines():
        code, name = line.split(" ", 1)
        names[code] = name
    protest = {
        "141": "Demonstrate for",
        "142": "Conduct hunger strike for",
        "143": "Conduct strike or boycott for",
        "144": "Obstruct passage to demand",
        "145": "Engage in violent protest for",
    }
    for parent, verb in protest.items():
        for i, what in enumerate(_DEMANDS, 1):
            names[parent + str(i)] = verb + " " + what
    return names


def parent_of(code):
    if len(code) == 2:
        return ""
    if len(code) == 3:
        return code[:2]
    return code[:3]


class Failure(Exception):
    pass


def read_lines(path):
    with open(path, encoding="latin-1") as f:
        return f.read().splitlines()


def strip_comment(line):
    for mark in ("#", ";"):
        i = line.find(mark)
        if i >= 0:
            line = line[:i]
    return line.strip()


def words(phrase):
    """'WIRE_+TAP_' -> 'wire +tap': lower case, '_' to spaces, the stop mark dropped."""
    return " ".join(phrase.replace("_", " ").lower().split())


# ---------------------------------------------------------------------------------------------
# Verb dictionary

CODE_RE = re.compile(r"\[([^\]]*)\]")


def split_code(raw, where, known):
    """'041:041' -> ('041', '041'); '---' -> ('---', ''). Fails on unknown codes."""
    raw = raw.strip().rstrip("!")
    fwd, _, rev = raw.partition(":")
    fwd = fwd or "---"
    for c in (fwd, rev):
        if c and c != "---" and c not in known:
            raise Failure("%s: unknown CAMEO code '%s'" % (where, c))
    return fwd, rev


def brackets_ok(text):
    """True iff (...) and {...} are balanced, unnested, and no '(' opens inside braces."""
    paren = brace = 0
    for c in text:
        if c == "(":
            if paren or brace:
                return False
            paren = 1
        elif c == ")":
            if not paren or brace:
                return False
            paren = 0
        elif c == "{":
            if brace:
                return False
            brace = 1
        elif c == "}":
            if not brace:
                return False
            brace = 0
    return not paren and not brace


def plural(word):
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def parse_verbs(path, known, warn):
    """Returns (synsets, blocks, patterns) of a PETRARCH verb dictionary.

    synsets: [(name, phrase)]; blocks: [(block, code, reverse, [(verb, phrase, code, reverse,
    forms)])]; patterns: [(block, before, after, code, reverse)].
    """
    synsets, blocks, patterns = [], [], []
    section = "synsets"
    synset = None
    block = None
    name = os.path.basename(path)
    for n, raw in enumerate(read_lines(path), 1):
        where = "%s:%d" % (name, n)
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            section = "transformations"
            continue
        line = strip_comment(raw)
        if not line or section == "transformations":
            continue
        if section == "synsets":
            if line.startswith("&"):
                label = line[1:].split()[0]
                synset = (label.rstrip("_").lower(), label.endswith("_"))
            elif line.startswith("+") and synset:
                phrase = line[1:].strip()
                text = words(phrase)
                synsets.append((synset[0], text))
                if not synset[1] and not phrase.endswith("_"):
                    last = text.split(" ")
                    last[-1] = plural(last[-1])
                    synsets.append((synset[0], " ".join(last)))
            else:
                warn("%s: ignored line in synsets: %s" % (where, raw.strip()))
            continue
        if line.startswith("---"):
            m = re.match(r"---\s*([A-Z0-9_]+)\s*(\[([^\]]*)\])?", line)
            if not m:
                raise Failure("%s: bad verb block header: %s" % (where, raw.strip()))
            try:
                code, rev = split_code(m.group(3) or "---", where, known)
            except Failure as e:
                warn("%s; the block is coded '---'" % e)
                code, rev = "---", ""
            block = (m.group(1).upper(), code, rev, [])
            blocks.append(block)
            continue
        if block is None:
            raise Failure("%s: verb or pattern before the first block" % where)
        if line.startswith("-"):
            codes = CODE_RE.findall(line)
            if len(codes) != 1:
                warn("%s: pattern without exactly one [code], dropped: %s" % (where, line))
                continue
            if codes[0] == "s":
                warn("%s: pattern code '[s]' is not a CAMEO code, dropped: %s" % (where, line))
                continue
            body = CODE_RE.sub("", line)[1:].strip()
            if "*" not in body:
                warn("%s: pattern without '*', dropped: %s" % (where, line))
                continue
            before, _, after = body.partition("*")
            if not brackets_ok(before) or not brackets_ok(after):
                warn("%s: unbalanced brackets, pattern dropped: %s" % (where, line))
                continue
            try:
                code, rev = split_code(codes[0], where, known)
            except Failure as e:
                warn("%s; pattern dropped" % e)
                continue
            patterns.append((block[0], " ".join(before.lower().split()),
                             " ".join(after.lower().split()), code, rev))
            continue
        m = re.match(r"^([A-Z0-9'_+.-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$", line)
        if not m:
            warn("%s: unreadable verb line, dropped: %s" % (where, raw.strip()))
            continue
        phrase = words(m.group(1))
        if "+" not in phrase:
            if " " in phrase:
                warn("%s: multi-word verb without '+', first word taken: %s" % (where, phrase))
                phrase = "+" + phrase
        verb = next((w[1:] for w in phrase.split(" ") if w.startswith("+")), phrase)
        phrase = phrase if " " in phrase else verb
        forms = []
        if m.group(2):
            forms = [words(f).replace("+", "") for f in m.group(2)[1:-1].split()]
        code, rev = block[1], block[2]
        if m.group(3):
            try:
                code, rev = split_code(m.group(3)[1:-1], where, known)
            except Failure as e:
                warn("%s; the block's code is used" % e)
        block[3].append((verb, phrase, code, rev, forms))
    return synsets, blocks, patterns


def write_table(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(("# " + line).rstrip() + "\n")
        for row in rows:
            for field in row:
                if "\t" in field or "\n" in field:
                    raise Failure("%s: field with a tab or newline: %r" % (path, field))
            f.write("\t".join(row) + "\n")


GENERATED = "Generated by scripts/build_cameo_data.py from %s (MIT, see LICENSE): do not edit."


def build_verbs(src, out, warn):
    names = code_table()
    known = set(names)
    synsets, blocks, patterns = parse_verbs(os.path.join(src, "CAMEO.2.0.txt"), known, warn)
    # The older list has verbs that CAMEO.2.0 lost (urge, call for, require ...): kept, with
    # their block and code, but not its TABARI-style flat patterns.
    _, old_blocks, _ = parse_verbs(
        os.path.join(src, "CAMEO.verbpatterns.150430.txt"), known, lambda _: None)
    verbs = []
    seen = set()
    for block, _, _, entries in blocks:
        for verb, phrase, code, rev, forms in entries:
            if (phrase, block) in seen:
                continue
            seen.add((phrase, block))
            verbs.append((verb, phrase, block, code, rev, ",".join(forms), "cameo2"))
    have = {v[1] for v in verbs}
    for block, _, _, entries in old_blocks:
        for verb, phrase, code, rev, forms in entries:
            if phrase in have:
                continue
            have.add(phrase)
            verbs.append((verb, phrase, block, code, rev, ",".join(forms), "verbpatterns"))

    rows = []
    for code in sorted(names, key=lambda c: (c[:2], len(c) > 2, c)):
        root = code[:2]
        rows.append((code, parent_of(code), root, str(QUAD[root]), names[code]))
    write_table(os.path.join(out, "cameo_codes.tsv"), [
        "CAMEO event classes: the 20 roots and their codes (CAMEO codebook 1.1b3).",
        "Names transcribed by kb from the codebook; the dictionaries carry only the codes.",
        "quad: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
        "Generated by scripts/build_cameo_data.py: do not edit.",
        "code\tparent\troot\tquad\tname",
    ], rows)

    write_table(os.path.join(out, "cameo_verbs.tsv"), [
        "CAMEO verbs: each verb lemma, the phrase it heads and its verb block.",
        GENERATED % "CAMEO.2.0.txt, plus the verbs only CAMEO.verbpatterns.150430.txt has",
        "verb: the lemma; phrase: the whole verb phrase, '+' marking the verb of a multi-word one;",
        "block: the synonym block whose patterns apply; code: the code of the verb alone ('---':",
        "no event by itself, only through a pattern); reverse: the code of the reverse direction",
        "(B to A), if any; forms: irregular forms, comma-separated; from: cameo2 or verbpatterns.",
        "verb\tphrase\tblock\tcode\treverse\tforms\tfrom",
    ], verbs)

    write_table(os.path.join(out, "cameo_patterns.tsv"), [
        "CAMEO verb patterns (PETRARCH 2 syntax), one per line, for every verb of the block.",
        GENERATED % "CAMEO.2.0.txt",
        "before / after: the words before and after the verb: a bare word is a noun (the head of",
        "its phrase); {a b} a noun phrase, head last; (p x) a prepositional phrase; &name a",
        "synset (cameo_synsets.tsv); '_' joins words that must be adjacent; $ the source, + the",
        "target, ^ skip, % compound. code / reverse as in cameo_verbs.tsv.",
        "block\tbefore\tafter\tcode\treverse",
    ], patterns)

    write_table(os.path.join(out, "cameo_synsets.tsv"), [
        "CAMEO synonym sets used in patterns as &name; regular plurals already generated.",
        GENERATED % "CAMEO.2.0.txt",
        "synset\tphrase",
    ], synsets)
    return names, len(verbs), len(patterns)


# ---------------------------------------------------------------------------------------------
# Actor dictionaries

DATE_RE = re.compile(r"^(\d{6}|\d{8})$")
PROVENANCE_RE = re.compile(
    r"(\.txt|NGO_Actors|\b[A-Za-z]{2,4}\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{2,4}|\d+/\d+/\d+|"
    r"^[A-Za-z]{2,4}$)")


def iso_date(d, where, warn):
    """'040309' or '20040309' -> '2004-03-09'; two-digit years up to 30 are 20yy."""
    if not DATE_RE.match(d):
        warn("%s: unreadable date '%s', restriction dropped" % (where, d))
        return None
    if len(d) == 6:
        yy = int(d[:2])
        d = ("20" if yy <= 30 else "19") + d
    y, m, day = int(d[:4]), int(d[4:6]), int(d[6:])
    if not (1 <= m <= 12 and 1 <= day <= 31):
        warn("%s: impossible date '%s', restriction dropped" % (where, d))
        return None
    return "%04d-%02d-%02d" % (y, m, day)


def restriction(text, where, warn):
    """'RUSGOV 040309-080507' -> 'RUSGOV@2004-03-09..2008-05-07'; '<d', '>d' open one end."""
    parts = text.split(None, 1)
    if not parts:
        warn("%s: empty code '[]' dropped" % where)
        return None
    code = parts[0].upper()
    if code == "---":
        return code
    if not re.match(r"^[A-Z0-9]+$", code):
        warn("%s: unreadable code '%s' dropped" % (where, code))
        return None
    if len(parts) == 1:
        return code
    rng = parts[1].replace(" ", "")
    if rng.startswith("<"):
        last = iso_date(rng[1:], where, warn)
        return None if last is None else "%s@..%s" % (code, last)
    if rng.startswith(">"):
        first = iso_date(rng[1:], where, warn)
        return None if first is None else "%s@%s.." % (code, first)
    a, sep, b = rng.partition("-")
    if not sep:
        warn("%s: unreadable date range '%s', restriction dropped" % (where, rng))
        return None
    first, last = iso_date(a, where, warn), iso_date(b, where, warn)
    if first is None or last is None:
        return None
    if first > last:
        warn("%s: range %s ends before it starts, restriction dropped" % (where, rng))
        return None
    return "%s@%s..%s" % (code, first, last)


def note_of(comment):
    comment = comment.strip().strip("#").strip()
    if not comment or PROVENANCE_RE.search(comment):
        return ""
    return " ".join(comment.split())


def parse_actors(path, warn):
    """Returns [(name, [aliases], [codes], [notes])] in file order."""
    records = []
    current = None
    name = os.path.basename(path)
    for n, raw in enumerate(read_lines(path), 1):
        where = "%s:%d" % (name, n)
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        codes = []
        for text in CODE_RE.findall(body):
            r = restriction(text, where, warn)
            if r:
                codes.append(r)
        phrase = CODE_RE.sub(" ", body).strip()
        if raw.startswith(("\t", " ")) and not phrase:
            if current is None:
                warn("%s: date restriction before any actor, dropped" % where)
                continue
            current[2].extend(codes)
            note = note_of(comment)
            if note:
                current[3].append(note)
            continue
        if phrase.startswith("+"):
            if current is None:
                warn("%s: synonym before any actor, dropped" % where)
                continue
            alias = words(phrase[1:])
            if alias and alias not in current[1] and alias != current[0]:
                current[1].append(alias)
            current[2].extend(codes)
            continue
        if " " in phrase.strip():
            # 'PHRASE_ [CODE]' is the norm; a blank inside a name is a typo for '_'.
            phrase = "_".join(phrase.split())
        if current is not None and not current[2] and not codes:
            # Phrases listed one after another before their codes share those codes.
            alias = words(phrase)
            if alias and alias not in current[1] and alias != current[0]:
                current[1].append(alias)
            continue
        current = (words(phrase), [], codes, [])
        note = note_of(comment)
        if note:
            current[3].append(note)
        records.append(current)
    out = []
    for rec in records:
        if not rec[0]:
            continue
        if not rec[2]:
            warn("%s: actor '%s' has no code, dropped" % (name, rec[0]))
            continue
        out.append(rec)
    return out


def write_actors(path, source, records):
    rows = [(r[0], "|".join(r[1]), "|".join(r[2]), "; ".join(r[3])) for r in records]
    write_table(path, [
        "Political actors: one record per line.",
        GENERATED % source,
        "name and aliases ('|'-separated): lower case, words separated by one space.",
        "codes ('|'-separated, in the dictionary's order): CODE (a default, valid at any date) or",
        "CODE@FIRST..LAST with ISO days, either end may be open ('RUSGOV@2004-03-09..');",
        "'---' marks a name that is no actor (a namesake the dictionary blocks).",
        "A CAMEO actor code is a three-letter country or bloc (RUS, IGO) then three-letter roles",
        "(GOV, MIL ...). note: the dictionary's own remark, if any.",
        "name\taliases\tcodes\tnote",
    ], rows)
    return rows


def parse_agents(path, warn):
    """Returns [(phrase, agent)] with substitutions and plurals expanded."""
    subst = {}
    rows = []
    name = os.path.basename(path)
    for n, raw in enumerate(read_lines(path), 1):
        where = "%s:%d" % (name, n)
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^(!\w+!)\s*=\s*(.*)$", line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)[\]}]\s*$", line)
        if not m:
            m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]\s]*)\s*$", line)
        if not m or not m.group(1):
            warn("%s: unreadable agent line, dropped: %s" % (where, raw.strip()))
            continue
        phrase, plural_spec, agent = m.group(1), m.group(2), m.group(3).strip().upper()
        if not re.match(r"^(~[A-Z]+|[A-Z]+~)$", agent):
            warn("%s: unreadable agent code '%s', dropped" % (where, agent))
            continue
        forms = [phrase]
        for mark, values in subst.items():
            if mark in phrase:
                forms = [f.replace(mark, v) for f in forms for v in values]
        variants = []
        for f in forms:
            variants.append(f)
        if plural_spec is not None:
            variants += [p for p in plural_spec[1:-1].split() if p]
        elif not any(mark in phrase for mark in subst) and not phrase.endswith("_"):
            parts = phrase.rstrip("_").split("_")
            parts[-1] = plural(parts[-1].lower()).upper()
            variants.append("_".join(parts))
        for v in variants:
            text = " .. ".join(words(chunk) for chunk in v.split() if words(chunk))
            if text:
                rows.append((text, agent))
    out, seen = [], set()
    for r in rows:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out


def country_table(root, records, warn):
    """CAMEO country codes -> (ISO alpha-2, kb's name) for every code prefix actors use."""
    iso_path = "/usr/share/iso-codes/json/iso_3166-1.json"
    try:
        with open(iso_path, encoding="utf-8") as f:
            iso = json.load(f)["3166-1"]
    except OSError as e:
        raise Failure("cannot read %s (Debian package iso-codes): %s" % (iso_path, e))
    by_alpha3 = {c["alpha_3"]: c for c in iso}
    kb_names = {}
    with open(os.path.join(root, "data", "gazetteer", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) > 1 and fields[1]:
                kb_names[fields[0]] = fields[1]
    # CAMEO codes that are not ISO 3166-1 alpha-3 but name a country.
    extra = {"KSV": ("XK", "Kosovo"), "DDR": ("", "German Democratic Republic"),
             "SUN": ("", "Soviet Union"), "YUG": ("", "Yugoslavia"), "CSK": ("", "Czechoslovakia")}
    prefixes = set()
    for recs in records:
        for r in recs:
            for c in r[2]:
                prefixes.add(c.split("@")[0][:3])
    rows = []
    for code in sorted(prefixes):
        if code in by_alpha3:
            c = by_alpha3[code]
            a2 = c["alpha_2"]
            name = kb_names.get(a2) or c.get("common_name") or c["name"]
            rows.append((code, a2, name))
        elif code in extra:
            rows.append((code, extra[code][0], extra[code][1]))
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=os.path.join(root, "..", "shared", "data", "cameo"))
    ap.add_argument("--out", default=os.path.join(root, "data", "cameo"))
    args = ap.parse_args()
    src, out = args.source, args.out
    os.makedirs(out, exist_ok=True)
    warnings = []
    warn = warnings.append
    try:
        names, n_verbs, n_patterns = build_verbs(src, out, warn)
        files = [("Phoenix.Countries.actors.txt", "phoenix_countries.tsv"),
                 ("Phoenix.International.actors.txt", "phoenix_international.tsv"),
                 ("Phoenix.MilNonState.actors.txt", "phoenix_nonstate.tsv")]
        all_records = []
        for source, target in files:
            records = parse_actors(os.path.join(src, source), warn)
            write_actors(os.path.join(out, target), source, records)
            all_records.append(records)
        agents = parse_agents(os.path.join(src, "Phoenix.agents.txt"), warn)
        write_table(os.path.join(out, "phoenix_agents.tsv"), [
            "Generic agents: a noun phrase and the role code it adds to an actor.",
            GENERATED % "Phoenix.agents.txt",
            "phrase: lower case, '..' where other words may come between; plurals and the",
            "!PERSON! / !MINIST! substitutions already expanded. agent: ~GOV adds GOV after the",
            "actor's code (RUS + ~GOV = RUSGOV); NGO~ puts NGO before it.",
            "phrase\tagent",
        ], agents)
        countries = country_table(root, all_records, warn)
        write_table(os.path.join(out, "cameo_countries.tsv"), [
            "CAMEO country codes used by the actor files, with ISO 3166-1 alpha-2 and kb's name",
            "(data/gazetteer/countries.tsv, else iso-codes). Codes not listed are blocs or",
            "non-state prefixes (IGO, NGO, EUR, AFR ...). Generated: do not edit.",
            "cameo\tiso2\tname",
        ], countries)
    except Failure as e:
        print("build_cameo_data: %s" % e, file=sys.stderr)
        return 1
    shutil.copyfile(os.path.join(src, "LICENSE"), os.path.join(out, "LICENSE"))
    for w in warnings:
        print("note: " + w, file=sys.stderr)
    print("build_cameo_data: %d codes, %d verbs, %d patterns, %d agents, %d countries; "
          "%d source lines skipped (notes above)" %
          (len(names), n_verbs, n_patterns, len(agents), len(countries), len(warnings)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
