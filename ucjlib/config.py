"""Assumptions, each with its source. Change them here, never inline.

Sources: the team's domain notes (contribution rules of PP 44/2015 as amended by
PP 49/2023, the PP 50/2025 discount, Permendagri 15/2024) and the DOMAIN checks policy.
"""

import datetime as dt

# BPU (informal worker) package JKK + JKM per person per month: JKK 1% of the lowest
# declared income band (Rp1.000.000 -> Rp10.000) + JKM Rp6.800 flat (PP 44/2015 as amended).
BPU_JKK_JKM_MONTHLY = 16_800

# PP 50/2025 halves BPU JKK+JKM to Rp8.400 inside a window that depends on the sector.
BPU_DISCOUNTED_MONTHLY = 8_400
BPU_DISCOUNT_WINDOWS = {
    "transport": (dt.date(2026, 1, 1), dt.date(2027, 3, 31)),
    "other": (dt.date(2026, 4, 1), dt.date(2026, 12, 31)),
}

# Statutory JKM death benefit.
JKM_DEATH_BENEFIT = 42_000_000

# Permendagri 15/2024: regions add at least this many points to their end-2024 coverage in 2025.
RULE_INCREASE_POINTS = 20.0

# Consistency checks: printed and recomputed figures may differ by this many percentage
# points, plus the rounding of the printed figure itself.
CHECK_TOLERANCE_POINTS = 0.1

# Yardsticks a report compares every region with, by the name stored in the data.
NATIONAL_YARDSTICKS = ("RPJMN 2025–2029", "Kemendagri UCJ 2025", "RPJPN 2025–2045")
