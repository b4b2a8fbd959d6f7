#!/usr/bin/env python3
"""Generates the synthetic input of the worker-import benchmark (Python 3 stdlib only, deterministic).

  orgs.csv     the real 53-row skeleton (province, cities, counties) + N synthetic 【基准】 grassroots unions
  workers.csv  M workers bench-w-0000001.. spread over the grassroots unions with a skewed (log-normal) size

Everything below the county level is invented: union names carry the 【基准】 prefix, worker names are
random syllable combinations and phones start with 100, which no Chinese mobile number does.
"""

import argparse
import csv
import math
import random
import sys

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅海燕春晓东林雪辉鹏飞宇"
         "欣怡子涵浩然梓轩思雨博文佳琪俊杰雅婷嘉豪晨阳")
# Tibetan and Hui given names are common in Qinghai; used whole, without a surname.
WHOLE_NAMES = ("才让", "卓玛", "扎西", "拉毛", "多杰", "索南", "尼玛", "措吉", "更登", "央金", "马海", "马福")
UNIT_KINDS = ("公司", "有限责任公司", "学校", "医院", "合作社", "服务中心", "建筑公司", "运输公司", "牧场", "商贸公司")


def read_skeleton(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if header != ["code", "name", "type", "parent_code"]:
        sys.exit(f"unexpected skeleton header {header}")
    return header, body


def write_orgs(out, skeleton, grassroots_total, rnd):
    header, body = skeleton
    counties = [r for r in body if r[2] == "COUNTY"]
    # Xining and Haidong districts hold far more workplaces than pastoral counties: weight counties too.
    weights = [3.0 if r[0].startswith(("QH-XN-", "QH-HD-")) else rnd.uniform(0.5, 1.5) for r in counties]
    per_county = largest_remainder(weights, grassroots_total)
    grassroots = []
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(body)
        for county, n in zip(counties, per_county):
            short = county[1].removesuffix("总工会")
            for i in range(1, n + 1):
                code = f"{county[0]}-B{i:04d}"
                w.writerow([code, f"【基准】{short}第{i}{rnd.choice(UNIT_KINDS)}工会", "GRASSROOTS", county[0]])
                grassroots.append(code)
    return grassroots


def largest_remainder(weights, total):
    """Splits total into integer parts proportional to weights, summing exactly to total."""
    s = sum(weights)
    exact = [w * total / s for w in weights]
    parts = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: exact[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def write_workers(out, grassroots, total, sigma, rnd):
    # Log-normal union sizes: most grassroots unions are small, a few big employers hold thousands.
    sizes = largest_remainder([rnd.lognormvariate(0.0, sigma) for _ in grassroots], total)
    cum, acc = [], 0
    for s in sizes:
        acc += s
        cum.append(acc)
    # Draw each row's union from the size distribution, so rows of one union are interleaved like a real
    # HR export sorted by employee number; the exact per-union counts then follow the draw.
    orgs = rnd.choices(grassroots, cum_weights=cum, k=total)
    surname_count, given_count = len(SURNAMES), len(GIVEN)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("external_id,name,org_code,phone\n")
        lines = []
        for n in range(1, total + 1):
            r = rnd.random()
            if r < 0.06:
                name = WHOLE_NAMES[int(r * 1000) % len(WHOLE_NAMES)]
            else:
                name = SURNAMES[rnd.randrange(surname_count)] + GIVEN[rnd.randrange(given_count)]
                if r > 0.35:
                    name += GIVEN[rnd.randrange(given_count)]
            p = rnd.random()
            if p < 0.15:
                phone = ""                                   # unknown phone: empty cell
            elif p < 0.20:
                phone = f"100 {rnd.randrange(10**4):04d} {rnd.randrange(10**4):04d}"   # typed with spaces
            else:
                phone = f"100{rnd.randrange(10**8):08d}"
            lines.append(f"bench-w-{n:07d},{name},{orgs[n - 1]},{phone}\n")
            if len(lines) == 10000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)
    counts = {}
    for code in orgs:
        counts[code] = counts.get(code, 0) + 1
    return sorted(counts.get(code, 0) for code in grassroots)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--skeleton", required=True)
    p.add_argument("--orgs-out", required=True)
    p.add_argument("--workers-out", required=True)
    p.add_argument("--grassroots", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=1_000_000)
    p.add_argument("--sigma", type=float, default=1.4, help="log-normal sigma of union sizes (skew)")
    p.add_argument("--seed", type=int, default=20220224)
    a = p.parse_args()

    rnd = random.Random(a.seed)
    grassroots = write_orgs(a.orgs_out, read_skeleton(a.skeleton), a.grassroots, rnd)
    sizes = write_workers(a.workers_out, grassroots, a.workers, a.sigma, rnd)
    n = len(sizes)
    print(f"orgs: {a.orgs_out} ({n} grassroots); workers: {a.workers_out} ({a.workers} rows)")
    print(f"workers per grassroots union: min {sizes[0]}, median {sizes[n // 2]}, p90 {sizes[n * 9 // 10]}, "
          f"p99 {sizes[n * 99 // 100]}, max {sizes[-1]}; largest 1% of unions hold "
          f"{sum(sizes[n * 99 // 100:]) * 100 / a.workers:.0f}% of workers")


if __name__ == "__main__":
    main()
