"""Derivation of the model tables in census-2020.ts and vital-rates.ts (PopX reference data).
Every input is either a cited figure (see the TS headers) or an explicitly named ASSUMPTION."""
import json, math

# ---------- mortality: Gompertz-Makeham above age 5, anchored to cited child mortality, solved for cited e0
E0 = {'male': 75.37, 'female': 80.88}          # 2020 census life expectancy by sex (reported by NBS)
Q0_BOTH, Q5_BOTH = 0.0054, 0.0075               # NHC 2020 bulletin: IMR 5.4‰, U5MR 7.5‰
M_F = 1.15                                      # ASSUMPTION: male/female ratio of child mortality
MAKEHAM_A, GOMPERTZ_C = 0.0002, 0.095          # ASSUMPTION: background hazard and Gompertz slope

def child_q(sex):
    f = 2 / (1 + M_F)
    k = M_F * f if sex == 'male' else f
    return Q0_BOTH * k, Q5_BOTH * k

def life_table(sex, B):
    q0, q5 = child_q(sex)
    q = [q0] + [1 - ((1 - q5) / (1 - q0)) ** 0.25] * 4   # ages 1-4 share the remaining 1-4 risk evenly
    for x in range(5, 111):
        H = MAKEHAM_A + B / GOMPERTZ_C * (math.exp(GOMPERTZ_C * (x + 1)) - math.exp(GOMPERTZ_C * x))
        q.append(min(1.0, 1 - math.exp(-H)))
    q[-1] = 1.0
    l = [1.0]
    for qx in q[:-1]: l.append(l[-1] * (1 - qx))
    L = [(l[i] + (l[i + 1] if i + 1 < len(l) else 0)) / 2 for i in range(len(l))]
    L[0] = l[0] - 0.9 * (l[0] - l[1])            # infant deaths concentrated early in the first year
    e0 = sum(L)
    return q, l, e0

def solve(sex):
    lo, hi = 1e-7, 1e-3
    for _ in range(200):
        mid = math.sqrt(lo * hi)
        _, _, e0 = life_table(sex, mid)
        if e0 > E0[sex]: lo = mid
        else: hi = mid
    return mid

LT = {}
for sex in ('male', 'female'):
    B = solve(sex); q, l, e0 = life_table(sex, B); LT[sex] = (q, l, e0, B)

def abridged(sex):
    q, l, _, _ = LT[sex]
    groups = [(0, 1), (1, 5)] + [(a, a + 5) for a in range(5, 100, 5)]
    out = [(a, b - 1, round(1 - l[b] / l[a], 5)) for a, b in groups]
    out.append((100, None, 1.0))
    return out

# ---------- ASFR: normal-shaped schedule (ASSUMPTION mean 29.0, sd 5.3) scaled to the cited TFR 1.3
TFR, MEAN_AGE, SD_AGE = 1.3, 29.0, 5.3
w = [math.exp(-0.5 * ((a + 0.5 - MEAN_AGE) / SD_AGE) ** 2) for a in range(15, 50)]
asfr = [round(TFR * x / sum(w), 5) for x in w]

# ---------- first-marriage age: shifted lognormal with cited means (ASSUMPTION: sd 4.5 y, legal minimum as shift)
def first_marriage(mean, minimum, sd=4.5, top=55):
    m = mean - minimum
    s2 = math.log(1 + (sd / m) ** 2); mu = math.log(m) - s2 / 2; s = math.sqrt(s2)
    pdf = []
    for a in range(minimum, top + 1):
        x0, x1 = a - minimum, a - minimum + 1
        cdf = lambda x: 0.0 if x <= 0 else 0.5 * (1 + math.erf((math.log(x) - mu) / (s * math.sqrt(2))))
        pdf.append(cdf(x1) - cdf(x0))
    t = sum(pdf)
    return [round(p / t, 5) for p in pdf]
fm_m = first_marriage(29.38, 22)
fm_f = first_marriage(27.95, 20)

# ---------- single-year age-sex structure 2020 (approximation calibrated to cited census totals)
G0_14 = [77883903, 90244009, 85256026]          # 2020 census 0-4, 5-9, 10-14 (sum = communiqué 0-14 total)
T15_59, T60, T65 = 894376020, 264018766, 190635280
TOTAL, SEXRATIO = 1411778724, 105.07
BIRTHS = {2020: 1200, 2019: 1465, 2018: 1523, 2017: 1723, 2016: 1786, 2015: 1655, 2014: 1687, 2013: 1640,
          2012: 1635, 2011: 1604, 2010: 1592, 2009: 1591, 2008: 1608, 2007: 1594, 2006: 1585,
          2005: 1617, 2004: 1593, 2003: 1599, 2002: 1647, 2001: 1702, 2000: 1771}  # NBS annual births (10k)
COHORT = {(1990, 1999): 168e6, (1980, 1989): 207e6, (1970, 1979): 209e6, (1960, 1969): 205e6}  # NCIIC 2008, corrected
COH2000 = 90e6 / 9
pop = [0.0] * 101
for g, tot in enumerate(G0_14):
    ages = range(g * 5, g * 5 + 5); ws = [BIRTHS[2020 - a] for a in ages]
    for a, wt in zip(ages, ws): pop[a] = tot * wt / sum(ws)
wk = {}
for a in range(15, 60):
    by = 2020 - a
    if by >= 2000: wk[a] = BIRTHS[by] * 1e4
    else:
        for (s, e), n in COHORT.items():
            if s <= by <= e: wk[a] = n / 10
        if by < 1960: wk[a] = 205e6 / 10
lb = [(LT['male'][1][a] + LT['female'][1][a]) / 2 for a in range(111)]
for a in range(15, 60): wk[a] *= lb[a] / lb[min(a, 55)] if a > 55 else 1
s = sum(wk.values())
for a in range(15, 60): pop[a] = T15_59 * wk[a] / s
T80 = 35.8e6   # reported 2020 census 80+ population ("3580万"); used only to shape ages 60+
def old_weights(mult):
    out = {}; l = 1.0
    for a in range(60, 111):
        out[a] = l
        qm = (LT['male'][0][a] + LT['female'][0][a]) / 2
        l *= max(0.0, 1 - min(1.0, qm * mult))
    return out
lo2, hi2 = 0.5, 5.0
for _ in range(100):
    mult = (lo2 + hi2) / 2; ow = old_weights(mult)
    share80 = sum(ow[a] for a in range(80, 111)) / sum(ow[a] for a in range(65, 111))
    if share80 > T80 / T65: lo2 = mult
    else: hi2 = mult
old = old_weights(mult)
s6064 = sum(old[a] for a in range(60, 65)); s65 = sum(old[a] for a in range(65, 111))
for a in range(60, 65): pop[a] = (T60 - T65) * old[a] / s6064
for a in range(65, 111): pop[min(a, 100)] += T65 * old[a] / s65
# sex split: SRB 111.3 carried through the model life tables, then one factor to hit the census sex ratio
ratio = [1.113 * LT['male'][1][a] / LT['female'][1][a] for a in range(101)]
def split(k):
    m = [p * r * k / (1 + r * k) for p, r in zip(pop, ratio)]
    return m, [p - x for p, x in zip(pop, m)]
lo, hi = 0.5, 1.5
for _ in range(100):
    k = (lo + hi) / 2; m, f = split(k)
    if sum(m) / sum(f) * 100 > SEXRATIO: hi = k
    else: lo = k
male, female = split(k)
# Guangdong: re-weight within the cited broad groups; sex ratio 113.08 reached by scaling working-age males
GD = {'0-14': 23749882, '15-59': 86697562, '60-64': 15565066 - 10813000, '65+': 10813000}
def band(a): return '0-14' if a < 15 else '15-59' if a < 60 else '60-64' if a < 65 else '65+'
bt = {}
for a in range(101): bt[band(a)] = bt.get(band(a), 0) + pop[a]
gm = [male[a] * GD[band(a)] / bt[band(a)] for a in range(101)]
gf = [female[a] * GD[band(a)] / bt[band(a)] for a in range(101)]
lo, hi = 0.5, 2.0
for _ in range(100):
    k2 = (lo + hi) / 2
    gm2 = [x * (k2 if 15 <= a < 60 else 1) for a, x in enumerate(gm)]
    gf2 = [x * ((gm[a] + gf[a] - gm2[a]) / gf[a] if 15 <= a < 60 else 1) for a, x in enumerate(gf)]
    if sum(gm2) / sum(gf2) * 100 > 113.08: hi = k2
    else: lo = k2
res = {
  'lt': {s: {'B': LT[s][3], 'e0': LT[s][2], 'abridged': abridged(s)} for s in LT},
  'asfr': asfr, 'tfr': sum(asfr), 'fm_m': fm_m, 'fm_f': fm_f,
  'nat': [[a, round(male[a]), round(female[a])] for a in range(101)],
  'gd': [[a, round(gm2[a]), round(gf2[a])] for a in range(101)],
  'oldMult': mult, 'check': {'total': sum(pop), 'sr': sum(male) / sum(female) * 100, 'gd_total': sum(gm2) + sum(gf2), 'gd_sr': sum(gm2) / sum(gf2) * 100},
}
json.dump(res, open('model.json', 'w'))
print({s: (round(LT[s][2], 3), LT[s][3]) for s in LT}, res['check'], round(res['tfr'], 4))
print(res['lt']['male']['abridged'][:4], res['lt']['male']['abridged'][-4:])
print(res['nat'][:3], res['nat'][30], res['nat'][60], res['nat'][90], res['nat'][100])
