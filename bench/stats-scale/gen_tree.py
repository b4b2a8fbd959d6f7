#!/usr/bin/env python3
"""Writes the union tree and the workers of the statistics scale benchmark (Python 3 stdlib, fixed seed).

  orgs.csv     the real skeleton (province, 8 cities, 44 counties), 20 【基准】 industry unions and 20 【基准】
               directly affiliated unions under the province, and N 【基准】 grassroots unions
  workers.csv  M workers bench-w-0000001.. with log-normal union sizes (bench/worker-import's generator)

Cities differ a lot in size: grassroots unions go to counties in proportion to their city's weight (Xining and
Haidong hold most workplaces, the pastoral prefectures few); 15 % of them hang under the industry and direct unions.
Everything below the county level is invented, and its names say so with the 【基准】 prefix.
"""

import argparse
import csv
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "worker-import"))
from gen_data import UNIT_KINDS, largest_remainder, read_skeleton, write_workers  # noqa: E402

# Relative number of workplaces per city (roughly their urban employment): very different on purpose.
CITY_WEIGHTS = {"QH-XN": 40.0, "QH-HD": 18.0, "QH-HX": 12.0, "QH-HNZ": 6.0, "QH-HB": 4.0, "QH-HN": 3.0,
                "QH-YS": 4.0, "QH-GL": 2.0}
INDUSTRIES = ("教育", "卫生健康", "交通运输", "能源化工", "建设建材", "农林水利", "财贸金融", "邮电通信", "机械冶金",
              "国防科技", "文化体育", "盐湖化工", "有色金属", "石油石化", "电力", "铁路", "民航", "旅游服务",
              "农牧", "科技")
SHARE_UNDER_INDUSTRY = 0.15


def write_orgs(out, skeleton, grassroots_total, rnd):
    header, body = skeleton
    counties = [r for r in body if r[2] == "COUNTY"]
    per_city = {}
    for county in counties:
        per_city.setdefault(county[3], []).append(county)
    industry = [[f"QH-CY{i:02d}", f"【基准】青海省{name}产业工会", "INDUSTRY", "QH"]
                for i, name in enumerate(INDUSTRIES, 1)]
    direct = [[f"QH-ZS{i:02d}", f"【基准】省直第{i}直属工会", "DIRECT", "QH"] for i in range(1, 21)]
    under_industry = round(grassroots_total * SHARE_UNDER_INDUSTRY)
    # County weight: its city's weight shared among the city's counties, with some spread between counties.
    county_weights = [CITY_WEIGHTS[c[3]] / len(per_city[c[3]]) * rnd.uniform(0.4, 1.6) for c in counties]
    parents = counties + industry + direct
    counts = largest_remainder(county_weights, grassroots_total - under_industry) \
        + largest_remainder([rnd.uniform(0.3, 2.0) for _ in industry + direct], under_industry)
    grassroots = []
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(body + industry + direct)
        for parent, n in zip(parents, counts):
            short = parent[1].removeprefix("【基准】").removesuffix("总工会").removesuffix("工会")
            for i in range(1, n + 1):
                code = f"{parent[0]}-S{i:04d}"
                w.writerow([code, f"【基准】{short}第{i}{rnd.choice(UNIT_KINDS)}工会", "GRASSROOTS", parent[0]])
                grassroots.append(code)
    return grassroots, len(body) + len(industry) + len(direct)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--skeleton", required=True)
    p.add_argument("--orgs-out", required=True)
    p.add_argument("--workers-out", required=True)
    p.add_argument("--grassroots", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=1_000_000)
    p.add_argument("--sigma", type=float, default=1.4, help="log-normal sigma of union sizes (skew)")
    p.add_argument("--seed", type=int, default=20221024)
    a = p.parse_args()

    rnd = random.Random(a.seed)
    grassroots, upper = write_orgs(a.orgs_out, read_skeleton(a.skeleton), a.grassroots, rnd)
    sizes = write_workers(a.workers_out, grassroots, a.workers, a.sigma, rnd)
    n = len(sizes)
    print(f"orgs: {upper} upper unions + {n} grassroots; workers: {a.workers}; per grassroots union: "
          f"median {sizes[n // 2]}, p90 {sizes[n * 9 // 10]}, p99 {sizes[n * 99 // 100]}, max {sizes[-1]}")


if __name__ == "__main__":
    main()
