#!/usr/bin/env python3
"""Writes an XLSX question bank for the question-bank benchmark (Python 3 stdlib only, fixed seed).

The sheet has the columns of the service's template (type, stem, option_a..option_h, answer, explanation,
module_code, tags) and N distinct questions: ~40 % single choice, ~25 % multiple choice, ~20 % true/false,
~15 % fill-in-the-blank, in Chinese, with the spellings an admin's spreadsheet mixes (单选题 / 单选 / SINGLE_CHOICE,
ACD / A,C,D / A、C、D, 正确 / 对 / √, fill-in answers joined by |). Strings go to a shared-string table, as
Excel writes them. Stems are unique, so no two questions share a fingerprint.

    gen_bank.py --out bank.xlsx [--count 5000] [--seed 20221115] [--skeleton src/main/resources/seed/qinghai-unions.csv]
"""
import argparse
import collections
import csv
import random
import zipfile
from xml.sax.saxutils import escape

COLUMNS = ["type", "stem"] + ["option_" + c for c in "abcdefgh"] + ["answer", "explanation", "module_code", "tags"]

TOPICS = [
    "职工之家建设", "产业工人队伍建设改革", "劳模精神宣传", "工匠精神培育", "职工合法权益维护", "困难职工帮扶",
    "新就业形态劳动者入会", "基层工会组织建设", "“三微一端”宣传阵地建设", "工会经费管理", "职工书屋建设",
    "劳动和技能竞赛", "安全生产群众监督", "工资集体协商", "厂务公开民主管理", "职工代表大会制度", "农民工工资支付保障",
    "女职工特殊权益保护", "职工疗休养", "工会普惠服务", "职工法律援助", "职工心理健康服务", "户外劳动者驿站建设",
    "高技能人才培养", "职工创新工作室", "网上工会建设", "工会会员实名制", "乡村振兴中的工会作用", "民族团结进步创建",
    "生态保护一线职工关爱", "职工文化体育活动", "劳动关系矛盾预防化解", "工会干部队伍建设", "全面从严治会",
    "工会财务审计监督", "职工技术协作", "职工素质提升工程", "“玉树之光”职工志愿服务", "“青海工匠”选树", "送温暖活动",
]
ASPECTS = ["首要任务", "基础工作", "重要抓手", "关键环节", "工作重点", "长期任务", "重要内容", "基本要求",
           "重要保障", "突出问题", "薄弱环节", "考核指标"]
MEASURES = [
    "健全工作机制", "加强组织领导", "强化经费保障", "完善考核评价", "推动资源下沉", "坚持问题导向", "注重典型引路",
    "扩大覆盖面", "提升服务质量", "加强宣传引导", "落实主体责任", "深化改革创新", "加强督促检查", "推进数字化转型",
    "开展专项行动", "建立工作台账", "强化阵地建设", "壮大骨干队伍", "完善制度体系", "加强协同联动", "畅通诉求渠道",
    "推进精准帮扶", "开展技能培训", "健全激励机制", "开展调查研究", "总结推广经验", "做好政策衔接", "加强风险防范",
    "优化服务流程", "强化示范带动", "推进标准化建设", "开展集中宣讲",
]
SINGLE_TEMPLATES = [
    "关于{topic}，{org}把下列哪一项作为{aspect}？",
    "{org}推进{topic}时，下列哪项做法最符合通知要求？",
    "根据通知精神，{org}在{topic}中应首先做好哪项工作？",
    "{org}开展{topic}，下列哪一项被列为{aspect}？",
    "在{topic}方面，{org}提出的{aspect}是什么？",
]
MULTI_TEMPLATES = [
    "{org}推进{topic}，应当做好以下哪些工作？",
    "关于{topic}的{aspect}，{org}提出了哪些措施？",
    "下列哪些属于{org}在{topic}中的{aspect}？",
    "为落实{topic}，{org}需要采取以下哪些举措？",
]
TF_TEMPLATES = [
    "{org}在{topic}中把“{measure}”作为{aspect}。",
    "推进{topic}，{org}无需{measure}。",
    "通知要求{org}围绕{topic}{measure}，并将其作为{aspect}。",
    "{topic}只是{org}的临时性工作，不属于{aspect}。",
]
FILL_TEMPLATES = [
    "{org}推进{topic}，要把____作为{aspect}。",
    "在{topic}中，{org}提出要通过____来解决{aspect}问题。",
    "根据通知，{org}开展{topic}应当坚持____。",
]
SHORT_LABEL = {"单选题": "单选", "多选题": "多选", "判断题": "判断", "填空题": "填空"}
ENUM_NAME = {"单选题": "SINGLE_CHOICE", "多选题": "MULTIPLE_CHOICE", "判断题": "TRUE_FALSE", "填空题": "FILL_BLANK"}
MODULE_CODES = ["0", "1", "2", "3", "4", "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4",
                "4.1", "4.2", "4.3"]
TAGS = ["工会法", "产业工人", "劳模工匠", "权益维护", "组织建设", "宣传教育", "普惠服务", "安全生产", "民主管理",
        "困难帮扶", "新就业形态", "女职工", "经费审计", "网上工会", "乡村振兴"]
LETTERS = "ABCDEFGH"


def org_names(skeleton):
    with open(skeleton, encoding="utf-8") as f:
        return [row["name"] for row in csv.DictReader(f)]


def type_label(rng, label):
    roll = rng.random()
    if roll < 0.1:
        return SHORT_LABEL[label]
    if roll < 0.2:
        return ENUM_NAME[label]
    return label


def choice_answer(rng, keys):
    roll = rng.random()
    if len(keys) == 1 or roll < 0.7:
        return "".join(keys)
    return ("," if roll < 0.85 else "、").join(keys)


def explanation(rng, topic, measure):
    if rng.random() < 0.3:
        return ""
    return f"通知要求围绕{topic}{measure}，做到有部署、有检查、有成效，切实把党中央和省委的要求落到基层一线。"


def questions(rng, orgs, count):
    kinds = ["单选题"] * 40 + ["多选题"] * 25 + ["判断题"] * 20 + ["填空题"] * 15
    seen = set()
    out = []
    attempts = 0
    while len(out) < count:
        attempts += 1
        if attempts > count * 50:
            raise SystemExit("could not find enough distinct stems; enlarge the vocabulary")
        kind = rng.choice(kinds)
        topic, org, aspect = rng.choice(TOPICS), rng.choice(orgs), rng.choice(ASPECTS)
        measure = rng.choice(MEASURES)
        options, answer = [], ""
        if kind == "单选题":
            stem = rng.choice(SINGLE_TEMPLATES).format(topic=topic, org=org, aspect=aspect)
            options = rng.sample(MEASURES, 4)
            answer = choice_answer(rng, [rng.choice(LETTERS[:4])])
        elif kind == "多选题":
            stem = rng.choice(MULTI_TEMPLATES).format(topic=topic, org=org, aspect=aspect)
            options = rng.sample(MEASURES, rng.choice([4, 4, 5, 6]))
            keys = sorted(rng.sample(LETTERS[:len(options)], rng.randint(2, len(options) - 1)))
            answer = choice_answer(rng, keys)
        elif kind == "判断题":
            stem = rng.choice(TF_TEMPLATES).format(topic=topic, org=org, aspect=aspect, measure=measure)
            truth = "无需" not in stem and "临时性" not in stem
            answer = rng.choice(["正确", "正确", "对", "√"] if truth else ["错误", "错误", "错", "×"])
        else:
            stem = rng.choice(FILL_TEMPLATES).format(topic=topic, org=org, aspect=aspect)
            answer = "|".join([measure] + (["切实" + measure] if rng.random() < 0.4 else []))
        if (kind, stem) in seen:
            continue
        seen.add((kind, stem))
        tags = rng.sample(TAGS, rng.randint(0, 3))
        module = rng.choice(MODULE_CODES) if rng.random() < 0.8 else ""
        row = [type_label(rng, kind), stem] + options + [""] * (8 - len(options))
        row += [answer, explanation(rng, topic, measure), module, rng.choice(["，", "、", ","]).join(tags)]
        out.append((kind, row))
    return out


def col_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def write_xlsx(path, rows):
    strings, index = [], {}

    def sid(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f'<dimension ref="A1:{col_name(len(COLUMNS) - 1)}{len(rows)}"/><sheetData>']
    references = 0
    for r, values in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(values):
            if value == "":
                continue
            references += 1
            style = ' s="1"' if r == 1 else ""
            cells.append(f'<c r="{col_name(c)}{r}" t="s"{style}><v>{sid(value)}</v></c>')
        sheet.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet.append("</sheetData></worksheet>")
    shared = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{references}" '
              f'uniqueCount="{len(strings)}">']
    shared += [f"<si><t>{escape(s)}</t></si>" for s in strings]
    shared.append("</sst>")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{main}"><fonts count="2"><font><sz val="11"/><name val="等线"/></font>'
            '<font><b/><sz val="11"/><name val="等线"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": "".join(sheet),
        "xl/sharedStrings.xml": "".join(shared),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20221115)
    parser.add_argument("--skeleton", default="src/main/resources/seed/qinghai-unions.csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    generated = questions(rng, org_names(args.skeleton), args.count)
    write_xlsx(args.out, [COLUMNS] + [row for _, row in generated])
    kinds = collections.Counter(kind for kind, _ in generated)
    print(f"{args.out}: {len(generated)} questions (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")


if __name__ == "__main__":
    main()
