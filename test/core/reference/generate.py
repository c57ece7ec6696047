#!/usr/bin/env python3
"""
Independent high-precision reference generator for the Erlang B / C / A models.

Written from the textbook definitions only (it never looks at the TypeScript
implementation).  All arithmetic is done with mpmath at ``mp.dps = DPS`` (60)
decimal digits; every input written to the JSON files is an exactly
representable double and is converted to mpf exactly, so the reference values
are the exact model values for the double inputs, correctly rounded to a
double by ``float(mpf)``.

Erlang B
    B(N, A) = (A^N/N!) / sum_{k=0..N} A^k/k!, computed without any recursion as
    exp(N ln A - A) / Gamma(N+1, A) (mpmath upper incomplete gamma).  For every
    case of erlang-c.json / erlang-a.json it is cross-checked against a direct
    high-precision summation of the series (agreement to 1e-40 relative
    required, otherwise the script aborts).

Erlang C (M/M/N, N > A)
    C = B / (1 - (A/N)(1 - B)); SL(t) = 1 - C exp(-(N-A) t / aht);
    ASA = C aht / (N - A); occupancy = A/N.

Erlang A (M/M/N+M)
    Birth-death chain on n = number in system, birth rate lambda, death rate
    min(n,N) mu + max(n-N,0) theta (mu = 1/aht, theta = 1/patience).  With
    g = theta/mu and q_j = pi_{N+j}/pi_N = prod_{i=1..j} A/(N + i g):
        sum_{n<=N} pi_n / pi_N = 1/B(N,A),  Z = 1/B + sum_{j>=1} q_j,
        pi_{N+j} = q_j / Z.
    The tail is truncated only once the ratio r = A/(N+(j+1)g) is < 1 (ratios
    are non-increasing, so the remainder is bounded by a geometric series) and
    q_j (j+1) r/(1-r)^2 < 1e-45 * sum(q); this bounds both the neglected mass
    and the neglected part of E[queue].  While lambda > N mu the terms first
    grow; the loop simply continues until the bound holds.
    probWait = sum_{j>=0} pi_{N+j} (PASTA); abandonRate = theta E[queue]/lambda
    (cross-checked against the per-arrival abandonment probability
    sum_j pi_{N+j} (j+1)g/(N+(j+1)g)).

    Tagged customer, FCFS, arriving to state N+j (j waiting ahead).  While k
    customers are ahead of it the "next departure ahead" happens at rate
    N mu + k theta and its own patience expires at rate theta, so phase k is
    left after Exp(r_k), r_k = N mu + (k+1) theta, and the customer survives the
    phase with probability (N mu + k theta)/r_k.  Hence (exact, method 1):
        P(served | j)             = N/(N + (j+1)g)  (telescoping product)
        E[W 1{served} | j]        = P(served | j) * sum_{k=1..j+1} aht/(N + k g)
        P(served, W <= t | j)     = P(served | j) * (1 - I_u(alpha+1, j+1)),
    where alpha = N/g, u = exp(-theta t), and I is the regularized incomplete
    beta function: a sum of independent Exp(a + i theta), i = 1..m, has
    P(S > t) = I_{exp(-theta t)}(a/theta + 1, m).  I_u(a, m) is evaluated as the
    negative-binomial CDF u^a sum_{b<m} (a)_b (1-u)^b / b! (all terms positive,
    accumulated incrementally over j); it is spot-checked against mpmath's
    betainc for a few j per case.
        SL  = P(n < N) + sum_j pi_{N+j} P(served, W <= t | j)
        ASA = sum_j pi_{N+j} E[W 1{served} | j] / (1 - abandonRate)
        occupancy = A (1 - abandonRate) / N.

    Method 2 (independent numeric check): uniformization of the absorbing CTMC
    of the tagged customer (states "k ahead", k = K..0, plus absorbing
    served / abandoned, initial weights pi_{N+k}, states whose weight is below
    1e-42 of the waiting mass dropped), with uniformization rate
    Lambda = N mu + (K+1) theta.  The discrete chain is iterated in exact
    fixed-point integer arithmetic (2^-230 resolution) until the transient mass
    is < 1e-48.  If a_n is the mass absorbed into "served" at jump n then
        P(served, W <= t) = sum_n a_n P(Poisson(Lambda t) >= n),
        E[W 1{served}]    = sum_n a_n n / Lambda.
    Both must agree with method 1 to 1e-20 relative (else the script aborts);
    the same holds for P(served).  The check is run for every Erlang A case
    whose (estimated) iteration cost fits UNIF_BUDGET; with the current
    settings that is all 100 cases of erlang-a.json.

    Further checks: abandonRate = theta E[queue]/lambda equals the
    per-arrival abandonment probability; P(served) + P(abandoned) = 1; the
    huge-patience (1e7 s) cases agree with Erlang C to 1e-3.  Cases whose
    serviceLevel is so small that the subtraction 1 - I_u loses the value
    (astronomically long queues) are rejected as meaningless references.

Required agents
    Brute force: servers S = 1, 2, 3, ... (Erlang C: from floor(A)+1) are
    evaluated in high precision until every given target holds (SL >= x within
    t, ASA <= maxAsa, occupancy <= maxOcc, abandonRate <= maxAbandon); agents =
    ceil(S / concurrency); zero volume gives 0 agents.  For Erlang A, values of
    S that provably fail are skipped without evaluation: the throughput
    lambda (1 - abandonRate) cannot exceed S mu, so SL <= 1 - abandonRate <= S/A
    and abandonRate >= 1 - S/A.  A load A is volume * aht / (interval*60)
    computed exactly.  Cases where a target metric at S or at S-1 lies within
    1e-12 relative of its target (ties a double evaluation could decide either
    way) are discarded and redrawn.

Deterministic: all random choices come from random.Random(SEED).
Regenerate with:  python3 test/core/reference/generate.py
"""

import json
import math
import os
import random
import sys
import time

from mpmath import mp, mpf, exp, expm1, log, gammainc, betainc, floor as mfloor, ceil as mceil, sqrt, ldexp, nint

DPS = 60
mp.dps = DPS
SEED = 20240611
TAIL_TOL = mpf('1e-45')
UNIF_MAX_N = 10 ** 9       # uniformization check for every case that fits the budget
UNIF_BUDGET = 3 * 10 ** 8     # states x jumps per case
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
T0 = time.time()


def log_progress(msg):
    print('[%7.1fs] %s' % (time.time() - T0, msg), file=sys.stderr, flush=True)


def fail(msg):
    print('ASSERTION FAILED: ' + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def rel_diff(x, y):
    x = mpf(x)
    y = mpf(y)
    m = max(abs(x), abs(y))
    if m == 0:
        return mpf(0)
    return abs(x - y) / m


def num_in(x):
    """JSON representation of an input (int if integral, else the double)."""
    if isinstance(x, int):
        return x
    if float(x).is_integer() and abs(x) < 2 ** 53:
        return int(x)
    return float(x)


# ---------------------------------------------------------------- Erlang B --

def erlang_b(N, A):
    """Erlang B via the upper incomplete gamma function (no recursion)."""
    A = mpf(A)
    if A == 0:
        return mpf(0)
    return exp(N * log(A) - A) / gammainc(N + 1, A)


def erlang_b_sum(N, A):
    """Erlang B by direct summation: 1/B = sum_{k=0..N} (N!/k!) A^(k-N)."""
    A = mpf(A)
    s = mpf(1)
    term = mpf(1)
    k = N
    while k >= 1:
        term = term * k / A          # term for index k-1
        s += term
        if k - 1 < A and term < s * mpf('1e-70'):
            break                    # remaining terms decrease geometrically
        k -= 1
    return 1 / s


# ---------------------------------------------------------------- Erlang C --

def erlang_c(N, A, aht, t):
    A = mpf(A)
    aht = mpf(aht)
    t = mpf(t)
    if not N > A:
        raise ValueError('Erlang C needs N > A')
    B = erlang_b(N, A)
    C = B / (1 - (A / N) * (1 - B))
    sl = 1 - C * exp(-(N - A) * t / aht)
    asa = C * aht / (N - A)
    occ = A / N
    return {'erlangB': B, 'probWait': C, 'serviceLevel': sl, 'asaSec': asa, 'occupancy': occ}


# ---------------------------------------------------------------- Erlang A --

class TooExpensive(Exception):
    pass


def erlang_a(N, A, aht, pat, t, need_sl=True, need_asa=True, keep_q=False, max_terms=200000):
    """Exact (method 1) Erlang A metrics; see module docstring."""
    A = mpf(A)
    aht = mpf(aht)
    pat = mpf(pat)
    t = mpf(t)
    Nn = mpf(N)
    g = aht / pat
    alpha = Nn / g
    B = erlang_b(N, A)

    omu = -expm1(-t / pat)                 # 1 - u, u = exp(-theta t)
    T = exp(-(alpha + 1) * t / pat)        # T_0 = u^(alpha+1)
    surv = T                               # I_u(alpha+1, j+1) for j = 0

    q = mpf(1)
    Q = mpf(1)
    QJ = mpf(0)
    d = Nn + g                             # N + (j+1) g for j = 0
    H = aht / d
    served = Nn / d
    PS = served
    PA = g / d
    SLW = served * (1 - surv) if need_sl else mpf(0)
    EW = served * H if need_asa else mpf(0)
    qs = [q] if keep_q else None
    survs = [surv] if keep_q else None
    j = 0
    while True:
        r = A / d                          # q_{j+1} / q_j
        if r < 1 and q * (j + 1) * r / (1 - r) ** 2 < TAIL_TOL * Q:
            break
        j += 1
        if j > max_terms:
            raise TooExpensive('J > %d' % max_terms)
        q = q * r
        Q += q
        QJ += j * q
        d = Nn + (j + 1) * g
        served = Nn / d
        PS += q * served
        PA += q * ((j + 1) * g / d)
        if need_sl:
            T = T * omu * (alpha + j) / j
            surv += T
            SLW += q * served * (1 - surv)
        if need_asa:
            H += aht / d
            EW += q * served * H
        if keep_q:
            qs.append(q)
            survs.append(surv)

    invB = 1 / B
    Z = invB + Q - 1
    pfree = (invB - 1) / Z
    pwait = Q / Z
    EQ = QJ / Z
    ab = g * EQ / A
    ab2 = PA / Z
    if rel_diff(ab, ab2) > mpf('1e-35'):
        fail('abandon identity N=%s A=%s: %s vs %s' % (N, A, ab, ab2))
    if rel_diff(PS + PA, Q) > mpf('1e-40'):
        fail('served+abandoned != 1 for N=%s A=%s' % (N, A))
    res = {'erlangB': B, 'probWait': pwait, 'abandonRate': ab,
           'occupancy': A * (1 - ab) / Nn, 'J': j}
    if need_sl:
        res['serviceLevel'] = pfree + SLW / Z
        # 1 - I_u(...) is formed by subtraction; its absolute error is below
        # ~ (j+1) 10^-DPS per term, so bound the absolute error of SL by:
        res['slErrBound'] = mpf(10) ** (3 - mp.dps) * (j + 1) * Q / Z
    if need_asa:
        res['asaSec'] = (EW / Z) / (1 - ab)
    if keep_q:
        res.update({'qs': qs, 'survs': survs, 'Q': Q, 'Z': Z, 'SLW': SLW, 'EW': EW, 'PS': PS,
                    'alpha': alpha})
    return res


def estimate_terms(N, A, g, cap=10 ** 6):
    """Float replica of the truncation rule of erlang_a (cost estimate)."""
    lq = 0.0
    lQ = 0.0
    j = 0
    ltol = math.log(1e-45)
    while True:
        r = A / (N + (j + 1) * g)
        if r < 1:
            b = lq + math.log((j + 1) * r / (1 - r) ** 2)
            if b < lQ + ltol:
                return j
        j += 1
        if j > cap:
            return None
        lq += math.log(r)
        m = max(lQ, lq)
        lQ = m + math.log(math.exp(lQ - m) + math.exp(lq - m))


def uniformization_check(N, A, aht, pat, t, res, budget=4 * 10 ** 7):
    """Method 2.  Returns (SLW, EW, PS) on the q-scale, or None if over budget."""
    qs = res['qs']
    Q = res['Q']
    thr = Q * mpf('1e-42')
    K = 0
    for k, qk in enumerate(qs):
        if qk >= thr:
            K = k
    Qk = sum(qs[:K + 1])
    aht = mpf(aht)
    pat = mpf(pat)
    t = mpf(t)
    a = mpf(N) / aht
    th = 1 / pat
    Lam = a + (K + 1) * th
    # crude cost estimate: states * steps; steps ~ Lam * (mean absorption time) * safety
    mean_abs = min(sum(1 / (a + k * th) for k in range(1, K + 2)), pat)
    steps_est = float(Lam * mean_abs) * 3 + 120 * float(Lam / (a + th))
    if steps_est * (K + 1) > budget:
        return None
    P = 230

    def fx(x):
        return int(nint(ldexp(x, P)))

    stay = [fx(1 - (a + (k + 1) * th) / Lam) for k in range(K + 1)]
    down = [fx((a + k * th) / Lam) for k in range(K + 1)]
    down1 = down[1:]
    p = [fx(qs[k] / Qk) for k in range(K + 1)]
    d0 = down[0]
    tiny = 1 << (P - 178)
    stop = 1 << (P - 160)
    a_list = []
    top = K
    n = 0
    work = 0
    while True:
        n += 1
        a_list.append((p[0] * d0) >> P)
        newp = [(x * s + y * dd) >> P for x, s, y, dd in zip(p, stay, p[1:], down1)]
        newp.append((p[top] * stay[top]) >> P)
        p = newp
        while top > 0 and p[top] < tiny:
            p.pop()
            top -= 1
        work += top + 1
        if work > 4 * budget:
            return None
        if n % 16 == 0 and sum(p) < stop:
            break
    # Poisson tails and sums in mpf
    scale = ldexp(mpf(1), -P)
    PS = mpf(0)
    EW = mpf(0)
    SLW = mpf(0)
    Lt = Lam * t
    pmf = exp(-Lt)                       # P(Poisson = 0)
    cdf = mpf(0)
    for i, an in enumerate(a_list):
        nn = i + 1
        cdf += pmf                       # P(Poisson <= nn-1)
        pmf = pmf * Lt / nn
        if an == 0:
            continue
        av = mpf(an) * scale
        PS += av
        EW += av * nn
        if t > 0:
            SLW += av * (1 - cdf)
    EW = EW / Lam
    return SLW * Qk, EW * Qk, PS * Qk, K, n


BETA_STATS = {'checked': 0, 'skipped': 0}


def betainc_spot_check(res, N, pat, t):
    """Check the incremental NB sums against mpmath betainc for a few j."""
    survs = res['survs']
    alpha = res['alpha']
    J = len(survs) - 1
    u = exp(-mpf(t) / mpf(pat))
    if t == 0:
        return
    for j in sorted(set([0, 1, min(J, 5), J // 2, J])):
        if j > J or j > 3000:
            continue
        try:
            ref = betainc(alpha + 1, j + 1, 0, u, regularized=True)
        except ValueError:
            try:   # I_u(a, b) = 1 - I_{1-u}(b, a)
                ref = 1 - betainc(j + 1, alpha + 1, 0, 1 - u, regularized=True)
            except ValueError:
                BETA_STATS['skipped'] += 1
                continue
        BETA_STATS['checked'] += 1
        if rel_diff(ref, survs[j]) > mpf('1e-30') and abs(ref - survs[j]) > mpf('1e-45'):
            fail('betainc spot check N=%s j=%d: %s vs %s' % (N, j, ref, survs[j]))


# --------------------------------------------------------------- erlang-c --

def gen_erlang_c(rng):
    log_progress('erlang-c: generating cases')
    specs = []
    specs.append((14, 10, 180, 20))
    specs.append((55, 48, 240, 15))
    t_choices = [0, 10, 20, 30, 60, 300]
    explicit = [0.0001, 0.01, 0.5, 1, 2.5, 10, 48, 100, 333.3, 1000, 2500, 5000, 10000]
    for A in explicit:
        lo = int(math.floor(A)) + 1
        hi = int(math.ceil(A + 6 * math.sqrt(A) + 3))
        mid = int(round(A + 2 * math.sqrt(A))) + 1
        for N in sorted(set([lo, mid, hi])):
            specs.append((N, A, rng.randint(30, 900), rng.choice(t_choices)))
    while len(specs) < 150:
        A = float('%.6g' % (10 ** rng.uniform(-4, 4)))
        lo = int(math.floor(A)) + 1
        hi = int(math.ceil(A + 6 * math.sqrt(A) + 3))
        N = rng.randint(lo, hi)
        specs.append((N, A, rng.randint(30, 900), rng.choice(t_choices)))
    cases = []
    for i, (N, A, aht, t) in enumerate(specs):
        r = erlang_c(N, mpf(A), aht, t)
        b2 = erlang_b_sum(N, mpf(A))
        if rel_diff(r['erlangB'], b2) > mpf('1e-40'):
            fail('Erlang B gamma vs sum N=%d A=%s: %s vs %s' % (N, A, r['erlangB'], b2))
        if not (0 <= r['serviceLevel'] <= 1 and 0 <= r['probWait'] <= 1):
            fail('Erlang C range N=%d A=%s' % (N, A))
        cases.append({
            'agents': N, 'trafficErlangs': num_in(A), 'ahtSec': num_in(aht), 'answerWithinSec': num_in(t),
            'erlangB': float(r['erlangB']), 'probWait': float(r['probWait']),
            'serviceLevel': float(r['serviceLevel']), 'asaSec': float(r['asaSec']),
            'occupancy': float(r['occupancy'])})
        if i < 2:
            log_progress('erlang-c textbook N=%d A=%s aht=%s t=%s: B=%s C=%s SL=%s ASA=%s'
                         % (N, A, aht, t, mp.nstr(r['erlangB'], 12), mp.nstr(r['probWait'], 12),
                            mp.nstr(r['serviceLevel'], 12), mp.nstr(r['asaSec'], 12)))
    log_progress('erlang-c: %d cases done' % len(cases))
    return cases


# --------------------------------------------------------------- erlang-a --

def gen_erlang_a(rng):
    log_progress('erlang-a: generating cases')
    t_choices = [0, 10, 20, 60]
    specs = [(13, 10, 180, 300, 20)]
    huge = 10 ** 7
    specs += [(14, 10, 180, huge, 20), (55, 48, 240, huge, 10), (2, 0.5, 300, huge, 20),
              (115, 100, 120, huge, 60), (3, 1, 60, huge, 0), (10, 4.2, 600, huge, 10)]
    # heavy overload / long tails (terms grow for thousands of states before decaying)
    specs += [(950, 1000, 60, 3600, 60), (1866, 2000, 30, 600, 60), (1, 50, 900, 300, 10),
              (5, 20, 300, 30, 20)]
    explicit = [0.01, 0.5, 1, 10, 48, 100, 500, 2000]
    for A in explicit:
        lo = max(1, int(math.floor(A - 3 * math.sqrt(A))))
        hi = int(math.ceil(A + 5 * math.sqrt(A)))
        for N in sorted(set([lo, int(round(A)) if A >= 1 else 1, hi])):
            while True:
                pat = rng.randint(10, 3600)
                aht = rng.randint(30, 900)
                J = estimate_terms(N, A, aht / pat, cap=20000)
                if J is not None:
                    break
            specs.append((N, A, aht, pat, rng.choice(t_choices)))
    n_explicit = len(specs)

    def random_spec():
        while True:
            A = float('%.5g' % (10 ** rng.uniform(-2, math.log10(2000))))
            lo = max(1, int(math.floor(A - 3 * math.sqrt(A))))
            hi = int(math.ceil(A + 5 * math.sqrt(A)))
            N = rng.randint(lo, hi)
            pat = int(round(10 ** rng.uniform(1, math.log10(3600))))
            aht = rng.randint(30, 900)
            t = rng.choice(t_choices)
            if estimate_terms(N, A, aht / pat, cap=20000) is not None:
                return (N, A, aht, pat, t)

    cases = []
    n_unif = 0
    n_rejected = 0
    i = -1
    while len(cases) < 100:
        i += 1
        N, A, aht, pat, t = specs[i] if i < n_explicit else random_spec()
        r = erlang_a(N, mpf(A), aht, pat, t, keep_q=True)
        if r['slErrBound'] > mpf('1e-30') * r['serviceLevel']:
            # serviceLevel astronomically small (e.g. huge queue, long patience):
            # not a meaningful double-precision reference value
            if i < n_explicit:
                fail('ill-conditioned explicit case N=%d A=%s: SL=%s' % (N, A, r['serviceLevel']))
            n_rejected += 1
            log_progress('  rejected ill-conditioned case N=%d A=%s aht=%s pat=%s t=%s (SL=%s)'
                         % (N, A, aht, pat, t, mp.nstr(r['serviceLevel'], 5)))
            continue
        b2 = erlang_b_sum(N, mpf(A))
        if rel_diff(r['erlangB'], b2) > mpf('1e-40'):
            fail('Erlang B gamma vs sum N=%d A=%s' % (N, A))
        betainc_spot_check(r, N, pat, t)
        for key in ('serviceLevel', 'probWait', 'abandonRate', 'occupancy'):
            if not (0 <= r[key] <= 1 + mpf('1e-50')):
                fail('range %s N=%d A=%s' % (key, N, A))
        checked = ''
        if N <= UNIF_MAX_N:
            u = uniformization_check(N, A, aht, pat, t, r, budget=UNIF_BUDGET)
            if u is not None:
                SLW2, EW2, PS2, K, steps = u
                tol = mpf('1e-20')
                floor_ = r['Q'] * mpf('1e-40')
                for name, x, y in (('P(served,W<=t)', r['SLW'], SLW2), ('E[W 1{served}]', r['EW'], EW2),
                                   ('P(served)', r['PS'], PS2)):
                    if abs(x - y) > tol * max(abs(x), abs(y)) + floor_:
                        fail('uniformization mismatch %s N=%d A=%s aht=%s pat=%s t=%s: %s vs %s'
                             % (name, N, A, aht, pat, t, x, y))
                # also compare the final metrics
                Z = r['Z']
                pfree = (1 / r['erlangB'] - 1) / Z
                sl2 = pfree + SLW2 / Z
                asa2 = (EW2 / Z) / (1 - r['abandonRate'])
                if rel_diff(sl2, r['serviceLevel']) > mpf('1e-20') or rel_diff(asa2, r['asaSec']) > mpf('1e-20'):
                    fail('uniformization final mismatch N=%d A=%s' % (N, A))
                n_unif += 1
                checked = ' [uniformization ok: K=%d, %d jumps, rel.diff SL %s, ASA %s]' % (
                    K, steps, mp.nstr(rel_diff(sl2, r['serviceLevel']), 3), mp.nstr(rel_diff(asa2, r['asaSec']), 3))
            else:
                checked = ' [uniformization skipped: over budget]'
        if pat == huge:
            c = erlang_c(N, mpf(A), aht, t)
            checked += ' [vs Erlang C: SL %s / %s, Pw %s / %s]' % (
                mp.nstr(r['serviceLevel'], 10), mp.nstr(c['serviceLevel'], 10),
                mp.nstr(r['probWait'], 10), mp.nstr(c['probWait'], 10))
            if rel_diff(r['serviceLevel'], c['serviceLevel']) > mpf('1e-3') or \
                    rel_diff(r['probWait'], c['probWait']) > mpf('1e-3'):
                fail('huge patience case not close to Erlang C')
        cases.append({
            'agents': N, 'trafficErlangs': num_in(A), 'ahtSec': num_in(aht), 'patienceSec': num_in(pat),
            'answerWithinSec': num_in(t),
            'erlangB': float(r['erlangB']), 'probWait': float(r['probWait']),
            'serviceLevel': float(r['serviceLevel']), 'asaSec': float(r['asaSec']),
            'occupancy': float(r['occupancy']), 'abandonRate': float(r['abandonRate'])})
        log_progress('erlang-a %3d N=%d A=%s aht=%s pat=%s t=%s J=%d%s'
                     % (len(cases), N, A, aht, pat, t, r['J'], checked))
        if i == 0:
            log_progress('erlang-a textbook: SL=%s ab=%s Pw=%s ASA=%s occ=%s'
                         % (mp.nstr(r['serviceLevel'], 12), mp.nstr(r['abandonRate'], 12),
                            mp.nstr(r['probWait'], 12), mp.nstr(r['asaSec'], 12), mp.nstr(r['occupancy'], 12)))
    log_progress('erlang-a: %d ill-conditioned random cases rejected' % n_rejected)
    log_progress('erlang-a: %d cases, %d verified by uniformization; betainc spot checks: %d passed, '
                 '%d skipped (mpmath betainc did not converge)' % (len(cases), n_unif, BETA_STATS['checked'],
                                                                   BETA_STATS['skipped']))
    return cases, n_unif


# ------------------------------------------------- erlang-a, extreme patience --

EXTREME_PATIENCE = (1000, 10000, 1000000)     # x aht
EXTREME_MAX_TERMS = 3 * 10 ** 6


def gen_erlang_a_extreme():
    """Erlang A at patience 1,000, 10,000 and 1,000,000 x aht, loads up to 10,000.

    Same method 1 (direct summation of the stationary distribution and the
    tagged-customer sums, tail bounded below 1e-45), no random draws (so the
    other tables keep their bytes).  Every case with N > A is also checked
    against the Erlang C limit: for each (N, A, aht, t), the distance of
    probWait, serviceLevel, asaSec and occupancy to Erlang C's, and the
    abandonment rate, must shrink as the patience grows (monotone
    convergence), and be below 1e-3 relative at 1,000,000 x aht.  Cases at or
    below the load (N <= A) are summed where the chain stays affordable
    (about (A - N) patience/aht + 10 sqrt(A patience/aht) states); their
    service level is astronomically small (the wait grows like patience), so
    they are summed with twice, four times... the digits until the bound on
    the service level's rounding is below 1e-30 of it.
    """
    log_progress('erlang-a extreme patience: generating cases')
    above = [(14, 10, 180, 20), (2, 0.5, 300, 20), (110, 100, 240, 20), (1035, 1000, 300, 15),
             (3050, 3000, 120, 60), (10100, 10000, 180, 20), (10050, 10000, 600, 30)]
    at_or_below = [(9, 10, 180, 20, 1000), (9, 10, 180, 20, 10000), (95, 100, 240, 60, 1000),
                   (99, 100, 240, 60, 10000), (9990, 10000, 180, 20, 1000), (10000, 10000, 180, 20, 1000),
                   (2, 2, 300, 20, 1000000), (100, 100, 240, 20, 1000000)]
    specs = [(N, A, aht, aht * k, t) for (N, A, aht, t) in above for k in EXTREME_PATIENCE]
    specs += [(N, A, aht, aht * k, t) for (N, A, aht, t, k) in at_or_below]
    cases = []
    by_queue = {}
    for (N, A, aht, pat, t) in specs:
        t1 = time.time()
        dps = DPS
        while True:
            # at or below the load the service level is astronomically small: more digits
            with mp.workdps(dps):
                r = erlang_a(N, mpf(A), aht, pat, t, max_terms=EXTREME_MAX_TERMS)
                if r['slErrBound'] <= mpf('1e-30') * r['serviceLevel']:
                    break
            dps *= 2
            if dps > 2000:
                fail('ill-conditioned extreme case N=%d A=%s pat=%s' % (N, A, pat))
        for key in ('serviceLevel', 'probWait', 'abandonRate', 'occupancy'):
            if not (0 <= r[key] <= 1 + mpf('1e-50')):
                fail('range %s N=%d A=%s' % (key, N, A))
        if N > A:
            by_queue.setdefault((N, A, aht, t), []).append(r)
        cases.append({
            'agents': N, 'trafficErlangs': num_in(A), 'ahtSec': num_in(aht), 'patienceSec': num_in(pat),
            'answerWithinSec': num_in(t),
            'erlangB': float(r['erlangB']), 'probWait': float(r['probWait']),
            'serviceLevel': float(r['serviceLevel']), 'asaSec': float(r['asaSec']),
            'occupancy': float(r['occupancy']), 'abandonRate': float(r['abandonRate'])})
        log_progress('erlang-a extreme %2d N=%d A=%s aht=%s patience=%s x aht t=%s J=%d, %d digits (%.1fs)'
                     % (len(cases), N, A, aht, pat // aht, t, r['J'], dps, time.time() - t1))
    for (N, A, aht, t), rs in by_queue.items():
        c = erlang_c(N, mpf(A), aht, t)
        for key in ('probWait', 'serviceLevel', 'asaSec', 'occupancy'):
            gaps = [abs(x[key] - c[key]) / c[key] for x in rs]
            if not (gaps[0] > gaps[1] > gaps[2]):
                fail('no monotone convergence to Erlang C of %s for N=%d A=%s: %s' % (key, N, A, gaps))
            if gaps[2] > mpf('1e-3'):
                fail('%s not within 1e-3 of Erlang C at 1e6 x aht for N=%d A=%s' % (key, N, A))
        abandons = [x['abandonRate'] for x in rs]
        if not (abandons[0] > abandons[1] > abandons[2] > 0):
            fail('abandonment not decreasing with patience for N=%d A=%s' % (N, A))
        log_progress('erlang-a extreme N=%d A=%s: relative gaps to Erlang C (probWait) %s'
                     % (N, A, ', '.join(mp.nstr(abs(x['probWait'] - c['probWait']) / c['probWait'], 3) for x in rs)))
    log_progress('erlang-a extreme: %d cases' % len(cases))
    return cases


# --------------------------------------------------------- required agents --

def metrics(S, A, aht, pat, t, need_sl, need_asa):
    if pat is None:
        return erlang_c(S, A, aht, t if t is not None else 0)
    return erlang_a(S, A, aht, pat, t if t is not None else 0, need_sl=need_sl, need_asa=need_asa)


def target_list(c):
    out = []
    if c['serviceLevel'] is not None:
        out.append(('serviceLevel', mpf(c['serviceLevel']), 'ge'))
    if c['maxAsaSec'] is not None:
        out.append(('asaSec', mpf(c['maxAsaSec']), 'le'))
    if c['maxOccupancy'] is not None:
        out.append(('occupancy', mpf(c['maxOccupancy']), 'le'))
    if c['maxAbandonRate'] is not None:
        out.append(('abandonRate', mpf(c['maxAbandonRate']), 'le'))
    return out


def meets(m, targets):
    for key, val, kind in targets:
        if kind == 'ge' and not m[key] >= val:
            return False
        if kind == 'le' and not m[key] <= val:
            return False
    return True


def solve_required(c):
    """Returns (agents, near_tie, evaluations)."""
    vol = mpf(c['volume'])
    if vol == 0:
        return 0, False, 0
    aht = mpf(c['ahtSec'])
    A = vol * aht / (mpf(c['intervalMin']) * 60)
    pat = c['patienceSec']
    t = c['answerWithinSec']
    targets = target_list(c)
    need_sl = c['serviceLevel'] is not None
    need_asa = c['maxAsaSec'] is not None
    if pat is None:
        S = int(mfloor(A)) + 1
        lowest = S
    else:
        S = 1
        lowest = 1
    evals = 0
    prev = None
    while True:
        skip = False
        if pat is not None:
            # provable failures: SL <= S/A and abandonRate >= 1 - S/A
            if need_sl and S / A < mpf(c['serviceLevel']):
                skip = True
            if c['maxAbandonRate'] is not None and 1 - S / A > mpf(c['maxAbandonRate']):
                skip = True
        if not skip:
            m = metrics(S, A, aht, pat, t, need_sl, need_asa)
            evals += 1
            if meets(m, targets):
                break
        S += 1
        if S > 10 ** 6:
            fail('no solution')
    near = False
    tol = mpf('1e-12')
    for SS in (S, S - 1):
        if SS < lowest:
            continue
        mm = m if SS == S else metrics(SS, A, aht, pat, t, need_sl, need_asa)
        for key, val, kind in targets:
            if abs(mm[key] - val) <= tol * abs(val):
                near = True
    k = c['concurrency']
    return (S + k - 1) // k, near, evals


def make_req(volume, aht, interval, pat, conc, sl, tsec, asa, occ, ab):
    return {'volume': volume, 'ahtSec': aht, 'intervalMin': interval, 'patienceSec': pat,
            'concurrency': conc, 'serviceLevel': sl, 'answerWithinSec': tsec, 'maxAsaSec': asa,
            'maxOccupancy': occ, 'maxAbandonRate': ab}


def nice_volume(v):
    if v >= 100:
        return int(round(v))
    if v >= 1:
        return float('%.1f' % v)
    return float('%.3g' % v)


def gen_required(rng):
    log_progress('required-agents: generating cases')
    fixed = [
        (make_req(100, 180, 30, None, 1, 0.8, 20, None, None, None), 14),
        (make_req(100, 180, 30, 300, 1, 0.8, 20, None, None, 0.05), 13),
        (make_req(1000, 120, 60, None, 1, 0.8, 20, None, 0.85, None), 40),
        (make_req(0, 180, 30, None, 1, 0.8, 20, None, None, None), 0),
        (make_req(0, 180, 30, 300, 1, 0.8, 20, None, None, 0.05), 0),
        (make_req(0, 300, 60, None, 2, None, None, 20, 0.85, None), 0),
        (make_req(10000, 900, 30, None, 1, 0.8, 20, None, None, None), None),      # A = 5000
        (make_req(0.001, 180, 30, None, 1, 0.8, 20, None, None, None), None),      # A = 0.0001
        (make_req(600, 900, 30, 600, 1, 0.8, 20, None, None, 0.05), None),         # A = 300
        (make_req(600, 900, 30, 600, 3, None, None, 30, 0.9, 0.08), None),         # A = 300
    ]
    sl_pairs = [(0.8, 20), (0.9, 15), (0.7, 60), (0.95, 10), (0.85, 30), (0.8, 30), (0.9, 20)]
    occs = [0.8, 0.85, 0.9]
    abns = [0.02, 0.03, 0.05, 0.08, 0.1]
    intervals = [15, 30, 60]
    cases = []
    n_excluded = 0
    for c, expect in fixed:
        agents, near, ev = solve_required(c)
        if expect is not None and agents != expect:
            log_progress('WARNING: fixed case %s gave %d, expected %d' % (c, agents, expect))
        if near:
            log_progress('WARNING: fixed case %s is a near tie (kept)' % c)
        c['agents'] = agents
        cases.append(c)
        log_progress('required fixed: %s -> %d agents (expected %s)' % (
            {k: v for k, v in c.items() if v is not None and k != 'agents'}, agents, expect))

    def draw_conc():
        x = rng.random()
        return 1 if x < 0.7 else (2 if x < 0.85 else 3)

    n_c_target = 110
    n_a_target = 85
    n_c = n_a = 0
    while n_c < n_c_target or n_a < n_a_target:
        erlang_a_case = n_c >= n_c_target or (n_a < n_a_target and rng.random() < 0.45)
        interval = rng.choice(intervals)
        aht = rng.randint(30, 900)
        conc = draw_conc()
        sl = tsec = asa = occ = ab = None
        if not erlang_a_case:
            load = 10 ** rng.uniform(-4, math.log10(5000))
            pat = None
            kind = rng.choice(['sl', 'sl', 'sl_occ', 'asa', 'sl_asa', 'sl_asa_occ', 'occ', 'asa_occ'])
        else:
            load = 10 ** rng.uniform(-2, math.log10(300))
            # keep theta/mu = aht/patience >= 0.1 so the brute force stays affordable
            pat = rng.randint(30, 600)
            if aht / pat < 0.1:
                aht = rng.randint(max(30, int(math.ceil(pat * 0.1))), 900)
            kind = rng.choice(['sl', 'sl_ab', 'sl_ab', 'ab', 'sl_ab_occ', 'asa_ab', 'sl_asa'] +
                              (['asa', 'occ'] if load <= 30 else []))
        if 'sl' in kind:
            sl, tsec = rng.choice(sl_pairs)
        if 'asa' in kind:
            asa = rng.randint(10, 60)
        if 'occ' in kind:
            occ = rng.choice(occs)
        if 'ab' in kind:
            ab = rng.choice(abns)
        volume = nice_volume(load * interval * 60 / aht)
        if volume <= 0:
            continue
        c = make_req(volume, aht, interval, pat, conc, sl, tsec, asa, occ, ab)
        t1 = time.time()
        agents, near, ev = solve_required(c)
        if near:
            n_excluded += 1
            log_progress('  excluded near-tie case %s' % c)
            continue
        c['agents'] = agents
        cases.append(c)
        if erlang_a_case:
            n_a += 1
        else:
            n_c += 1
        A = mpf(volume) * aht / (interval * 60)
        log_progress('required %3d: %s A=%s pat=%s conc=%d targets=%s -> %d agents (%d evals, %.2fs)' % (
            len(cases), 'A' if erlang_a_case else 'C', mp.nstr(A, 6), pat, conc, kind, agents, ev,
            time.time() - t1))
    log_progress('required-agents: %d cases (%d excluded as near ties)' % (len(cases), n_excluded))
    return cases, n_excluded


# -------------------------------------------------------------------- main --

def write_json(name, obj):
    path = os.path.join(OUT_DIR, name)
    with open(path, 'w') as f:
        json.dump(obj, f, indent=1, sort_keys=False)
        f.write('\n')
    log_progress('wrote %s' % path)


def main():
    rng = random.Random(SEED)
    c_cases = gen_erlang_c(rng)
    write_json('erlang-c.json', {
        'description': 'Erlang C (M/M/N) reference values, computed with mpmath at %d digits by '
                       'test/core/reference/generate.py. erlangB = B(N,A) via the incomplete gamma '
                       'function (cross-checked by direct summation); probWait = Erlang C; '
                       'serviceLevel = 1 - C exp(-(N-A) t/aht); asaSec = C aht/(N-A); occupancy = A/N.' % DPS,
        'dps': DPS, 'cases': c_cases})
    a_cases, n_unif = gen_erlang_a(rng)
    r_cases, n_excl = gen_required(rng)
    write_json('required-agents.json', {'cases': r_cases})
    x_cases = gen_erlang_a_extreme()
    write_json('erlang-a.json', {
        'description': 'Erlang A (M/M/N+M) reference values, computed with mpmath at %d digits by '
                       'test/core/reference/generate.py from the exact birth-death stationary '
                       'distribution (tail truncated below 1e-45) and an exact FCFS tagged-customer '
                       'analysis (SL and ASA cross-checked by uniformization for %d cases). '
                       'probWait = P(arrival waits) (PASTA); abandonRate = theta E[queue]/lambda; '
                       'serviceLevel = P(answered and wait <= t) over all offered; asaSec = '
                       'E[wait | answered]; occupancy = A (1 - abandonRate)/N. The last %d cases are '
                       'extreme patience (1,000, 10,000 and 1,000,000 x aht, loads up to 10,000 Erlangs), '
                       'by the same summation, checked to converge monotonically to Erlang C.'
                       % (DPS, n_unif, len(x_cases)),
        'dps': DPS, 'cases': a_cases + x_cases})
    log_progress('done: erlang-c %d, erlang-a %d, required-agents %d cases; total %.1fs'
                 % (len(c_cases), len(a_cases) + len(x_cases), len(r_cases), time.time() - T0))


if __name__ == '__main__':
    main()
