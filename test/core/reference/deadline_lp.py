#!/usr/bin/env python3
"""
Independent reference for the deadline model (SPEC 5.2): the lowest staffing
peak that leaves no item late, found by a linear programme (scipy's HiGHS),
written from the model's definition only (it never looks at the TypeScript
taut-string code).

The model (the same definitions as the README and deadlineStaffing's TSDoc):
- open intervals are numbered 0..m-1 ("slots"); D = floor(deadline / interval);
- items arriving in an open interval (evenly through it) may be worked from
  its slot s and must be finished by the end of slot s + D;
- items arriving while closed may be worked from the next opening o and must
  be finished by the end of slot o + D - 1 (D = 0: by the end of o);
- work is fluid and may be split between slots.

Formulation: a transport LP. One variable x[b, k] >= 0 per batch b and slot
k of its window [from_b, due_b]; the load of slot k is the sum of the x in
it; minimise the peak p with load <= p everywhere.
- open run: a batch due inside the run is finished (sum_k x[b, k] = work_b);
  one due after the run may be partly done (<= work_b); carried-in work is a
  batch available from slot 0 and due by the end of max(0, dueSlot);
- repeating period (steady state of a week repeated forever): every batch is
  finished, windows are unrolled past the end of the period and folded back
  (slot k works in slot k mod m), items arriving after the last opening come
  round to the first opening of the next period.

This is independent of the taut-string construction (cumulative bounds, a
carry searched by golden section); for one-machine fluid work with windows
ordered by arrival, both describe the same feasible loads (EDF exchange).

Output: deadline-lp.json, one case each with its inputs and `peakWorkSec`
(the lowest peak, agent-seconds per slot). Seeded: the same file every run.

    python3 test/core/reference/deadline_lp.py
"""
import csv
import json
import math
import os
import random

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def batches_of(open_, items, aht, interval_min, deadline_sec):
    d = int(math.floor(deadline_sec / (interval_min * 60) + 1e-9))
    slot_of = []
    m = 0
    for o in open_:
        slot_of.append(m if o else -1)
        m += 1 if o else 0
    out = []
    next_slot = 0
    for t, (o, v, a) in enumerate(zip(open_, items, aht)):
        if o:
            next_slot = slot_of[t] + 1
        if v <= 0:
            continue
        if o:
            out.append((slot_of[t], slot_of[t] + d, v * a))
        else:
            out.append((next_slot, next_slot + max(0, d - 1), v * a))
    return out, m, d


def min_peak(open_, items, aht, interval_min, deadline_sec, repeats, carried=()):
    batches, m, d = batches_of(open_, items, aht, interval_min, deadline_sec)
    if m == 0:
        return 0.0
    cols = []  # (batch, slot mod m)
    eq_rows, le_rows = [], []
    rhs_eq, rhs_le = [], []
    windows = []
    for (fr, due, w) in batches:
        if repeats:
            if fr >= m:  # after the last opening: the next period's first opening
                fr, due = m, m + max(0, d - 1)
            windows.append((fr, due, w, True))
        else:
            if fr >= m:
                continue
            windows.append((fr, min(due, m - 1), w, due <= m - 1))
    for (items_c, aht_c, due_slot) in carried:
        due = max(0, due_slot)
        windows.append((0, min(due, m - 1), items_c * aht_c, due <= m - 1))
    var = 0
    a_rows, a_cols, a_vals = [], [], []  # load rows: slot k
    b_rows, b_cols, b_vals = [], [], []  # per-batch rows
    b_kind = []
    for bi, (fr, due, w, full) in enumerate(windows):
        for k in range(fr, due + 1):
            a_rows.append(k % m); a_cols.append(var); a_vals.append(1.0)
            b_rows.append(bi); b_cols.append(var); b_vals.append(1.0)
            var += 1
        b_kind.append((w, full))
    p = var  # the peak variable
    nv = var + 1
    # load_k - p <= 0
    a_rows += list(range(m)); a_cols += [p] * m; a_vals += [-1.0] * m
    A_load = coo_matrix((a_vals, (a_rows, a_cols)), shape=(m, nv)).tocsr()
    B = coo_matrix((b_vals, (b_rows, b_cols)), shape=(len(windows), nv)).tocsr()
    eq_idx = [i for i, (_, full) in enumerate(b_kind) if full]
    le_idx = [i for i, (_, full) in enumerate(b_kind) if not full]
    from scipy.sparse import vstack
    A_ub = vstack([A_load] + ([B[le_idx]] if le_idx else []))
    b_ub = np.concatenate([np.zeros(m), np.array([b_kind[i][0] for i in le_idx])])
    A_eq = B[eq_idx] if eq_idx else None
    b_eq = np.array([b_kind[i][0] for i in eq_idx]) if eq_idx else None
    c = np.zeros(nv); c[p] = 1.0
    res = linprog(c, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=(0, None), method="highs",
                  options={"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10})
    if res.status != 0:
        raise SystemExit(f"LP failed: {res.message}")
    return float(res.x[p])


def fixture_email_week():
    """The fixture week's "demande d'information" email queue under fixtures/scenarios/in-house.yaml:
    30-minute intervals, open Mon-Fri 08:00-20:00 and Sat 09:00-17:00, deadline from the rows (24 h)."""
    rows = []
    with open(os.path.join(ROOT, "fixtures", "forecast-week.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["channel"] == "email" and r["typology"].startswith("demande d") and r["direction"] == "inbound":
                rows.append(r)
    assert len(rows) == 336, len(rows)
    open_, items, aht = [], [], []
    for k, r in enumerate(rows):
        day, minute = divmod(k * 30, 1440)
        o = (day < 5 and 480 <= minute and minute + 30 <= 1200) or (day == 5 and 540 <= minute and minute + 30 <= 1020)
        open_.append(o); items.append(float(r["volume"])); aht.append(float(r["aht"]))
    return {"name": "fixture week, demande d'information / email, in-house opening hours", "intervalMin": 30, "open": open_,
            "items": items, "ahtSec": aht, "deadlineSec": float(rows[0]["deadline"]), "repeats": True}


def main():
    rng = random.Random(20261130)
    cases = []
    for k in range(60):
        n = rng.randint(4, 48)
        interval = rng.choice([15, 30, 60])
        open_ = [rng.random() < 0.7 for _ in range(n)]
        items = [0.0 if rng.random() < 0.3 else float(rng.randint(0, 40)) for _ in range(n)]
        aht = [float(rng.choice([120, 240, 367, 600])) for _ in range(n)]
        d_slots = rng.choice([0.5, 1, 1.5, 2, 3, 4, 6, 10])
        deadline = d_slots * interval * 60
        repeats = k % 2 == 0
        carried = []
        if not repeats and k % 4 == 1:
            # work waiting before the run arrived earlier than any in it: due no later than the first opening's own (D - 1)
            last_due = max(0, int(math.floor(deadline / (interval * 60) + 1e-9)) - 1)
            carried = [(float(rng.randint(1, 20)), float(rng.choice([200, 400])), rng.randint(-2, last_due)) for _ in range(rng.randint(1, 3))]
        case = {"name": f"random {k}", "intervalMin": interval, "open": open_, "items": items, "ahtSec": aht,
                "deadlineSec": deadline, "repeats": repeats,
                "carriedIn": [{"items": i, "ahtSec": a, "dueSlot": s, "arrivedMin": -interval} for (i, a, s) in carried]}
        case["peakWorkSec"] = min_peak(open_, items, aht, interval, deadline, repeats, carried)
        cases.append(case)
    fx = fixture_email_week()
    fx["peakWorkSec"] = min_peak(fx["open"], fx["items"], fx["ahtSec"], fx["intervalMin"], fx["deadlineSec"], True)
    cases.append(fx)
    # the same week worked as an open run (starts empty, ends with what is due done)
    fo = dict(fx, name=fx["name"] + ", open run", repeats=False)
    fo["peakWorkSec"] = min_peak(fo["open"], fo["items"], fo["ahtSec"], fo["intervalMin"], fo["deadlineSec"], False)
    cases.append(fo)
    with open(os.path.join(HERE, "deadline-lp.json"), "w") as f:
        json.dump({"generator": "test/core/reference/deadline_lp.py (scipy HiGHS LP)", "cases": cases}, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"{len(cases)} cases; fixture email week lowest peak {fx['peakWorkSec'] / 1800 / 0.9:.4f} agents at 90 % occupancy")


if __name__ == "__main__":
    main()
