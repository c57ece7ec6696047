#!/usr/bin/env python3
"""Seeded discrete-event simulation of chat whose handle time grows with concurrency.

The reference for src/core/erlang-chat.ts, written independently of it: the
simulation follows every agent and every chat, not the chain's state space.

Model (the README's "Chat whose handle time grows with concurrency"):
- chats arrive as a Poisson stream of rate `lam` per second;
- N agents, each holding at most k chats; a chat held by an agent who holds
  j chats ends at rate 1/aht[j-1] (so each agent is a clock of rate
  j/aht[j-1], and which of its chats ends does not matter for the metrics);
- a new chat goes to a least-busy agent (fewest chats; ties: a random one);
  when every agent holds k it joins one FCFS queue, and the head of the
  queue takes the first slot that frees.

Per replication (independent seeds from one SeedSequence): a warm-up, then
`horizon` seconds during which arrivals are counted; the run goes on until
every counted chat is answered. Figures: P(wait) (share of counted chats that
found every agent at k), SL (share answered within `within` s, the wait
measured per chat from its arrival to its answer), ASA (mean wait of all
counted chats) and occupancy (time-average share of the k·N slots in use over
the horizon). Each figure: mean over replications and the half-width of its
95 % confidence interval (Student t).

Run: python3 test/core/reference/chat_sim.py > test/core/reference/chat-sim.json
(tests read the JSON; they never run this script). About 25 minutes on one core.
"""
import json
import math
import random
import sys

import numpy as np

SEED = 20261130
REPLICATIONS = 20
HORIZON = 1_200_000.0  # seconds counted per replication
WARMUP = 20_000.0
WITHIN = 60.0  # service-level threshold, seconds

# t quantile 0.975 for 19 degrees of freedom
T975 = {19: 2.093024054408263}


def growth(a1, g, k):
    """AHT of a chat while its agent holds j = 1..k chats: a1 · (1 + g·(j − 1))."""
    return [a1 * (1 + g * (j - 1)) for j in range(1, k + 1)]


# (k, aht by concurrency, chats per second, agents around the exact answer)
CASES = [
    (2, growth(300, 0.15, 2), 200 / 1800, [20, 21, 22]),
    (2, growth(300, 0.30, 2), 200 / 1800, [23, 24, 25]),
    (3, growth(300, 0.10, 3), 200 / 1800, [14, 15, 16]),
    (3, growth(300, 0.25, 3), 200 / 1800, [17, 18, 19]),
    (4, growth(240, 0.10, 4), 200 / 1800, [9, 10, 11]),
    (4, growth(240, 0.25, 4), 200 / 1800, [12, 13, 14]),
]


def replicate(rng, n_agents, aht, lam, horizon, warmup, within):
    k = len(aht)
    mu = [0.0] + [1.0 / a for a in aht]
    occ = [0] * n_agents
    rate = [0.0] * n_agents  # occ[a] · mu[occ[a]]
    total_dep = 0.0
    queue = []  # arrival times of waiting chats (FCFS)
    qhead = 0
    t = 0.0
    end = warmup + horizon
    counted = waited = within_ok = 0
    wait_sum = 0.0
    busy_area = 0.0
    busy = 0
    pending = 0  # counted chats still waiting
    random_ = rng.random
    expo = rng.expovariate
    while True:
        if t >= end and pending == 0:
            break
        arrivals_on = t < end
        r_total = (lam if arrivals_on else 0.0) + total_dep
        dt = expo(r_total)
        # occupancy over [warmup, end]
        lo = max(t, warmup)
        hi = min(t + dt, end)
        if hi > lo:
            busy_area += busy * (hi - lo)
        t += dt
        u = random_() * r_total
        if arrivals_on and u < lam:
            counting = warmup <= t < end
            # least-busy agent, ties at random
            low = min(occ)
            if low < k:
                cands = [a for a in range(n_agents) if occ[a] == low]
                a = cands[int(random_() * len(cands))] if len(cands) > 1 else cands[0]
                total_dep -= rate[a]
                occ[a] += 1
                rate[a] = occ[a] * mu[occ[a]]
                total_dep += rate[a]
                busy += 1
                if counting:
                    counted += 1
                    within_ok += 1
            else:
                queue.append((t, counting))
                if counting:
                    counted += 1
                    waited += 1
                    pending += 1
            continue
        u -= lam if arrivals_on else 0.0
        # an end of chat at agent a, chosen in proportion to its rate
        acc = 0.0
        a = n_agents - 1
        for i in range(n_agents):
            acc += rate[i]
            if u < acc:
                a = i
                break
        if occ[a] == 0:  # rounding at the edge of the sum
            continue
        total_dep -= rate[a]
        occ[a] -= 1
        busy -= 1
        if qhead < len(queue):
            arrived, counting = queue[qhead]
            qhead += 1
            occ[a] += 1
            busy += 1
            w = t - arrived
            if counting:
                pending -= 1
                wait_sum += w
                if w <= within:
                    within_ok += 1
            if qhead > 4096:
                del queue[:qhead]
                qhead = 0
        rate[a] = occ[a] * mu[occ[a]]
        total_dep = sum(rate)  # re-sum: no drift of the running total
    return {
        "probWait": waited / counted,
        "serviceLevel": within_ok / counted,
        "asaSec": wait_sum / counted,
        "occupancy": busy_area / (horizon * k * n_agents),
    }


def summary(values):
    x = np.array(values)
    n = len(x)
    half = T975[n - 1] * x.std(ddof=1) / math.sqrt(n)
    return {"mean": float(x.mean()), "halfWidth95": float(half)}


def main():
    root = np.random.SeedSequence(SEED)
    cases_seq = root.spawn(sum(len(c[3]) for c in CASES))
    out_cases = []
    i = 0
    for k, aht, lam, agent_counts in CASES:
        for n_agents in agent_counts:
            reps = cases_seq[i].spawn(REPLICATIONS)
            i += 1
            results = []
            for r in reps:
                rng = random.Random(int(r.generate_state(1)[0]))
                results.append(replicate(rng, n_agents, aht, lam, HORIZON, WARMUP, WITHIN))
            case = {
                "concurrency": k,
                "ahtByConcurrencySec": aht,
                "arrivalsPerSec": lam,
                "agents": n_agents,
                "answerWithinSec": WITHIN,
            }
            for key in ("probWait", "serviceLevel", "asaSec", "occupancy"):
                case[key] = summary([res[key] for res in results])
            out_cases.append(case)
            print(f"k={k} aht={aht} N={n_agents}: SL {case['serviceLevel']}", file=sys.stderr, flush=True)
    json.dump(
        {
            "generator": "test/core/reference/chat_sim.py",
            "seed": SEED,
            "replications": REPLICATIONS,
            "horizonSec": HORIZON,
            "warmupSec": WARMUP,
            "confidence": 0.95,
            "cases": out_cases,
        },
        sys.stdout,
        indent=1,
    )
    print()


if __name__ == "__main__":
    main()
