#!/usr/bin/env python3
"""Lays out a gen-corpus.py corpus as a site-gen site (untimed, stdlib only).

    corpus-to-site.py CORPUS_DIR SITE_DIR

graphs/<id>.yaml  -> roadmaps/<id>.yaml: `level` becomes the stage, `prerequisites` become `requires`.
content/<r>/<s>.md -> topics/<r>/<s>.md: front matter keeps title, description, tags; `date` becomes `updated`;
                      `roadmap` and `level` (the graph says them) are dropped. The body is copied as it is: its
                      root-relative links (/<roadmap>/<slug>/) are site paths that site-gen resolves and checks.
"""
import json
import os
import re
import shutil
import sys

STAGES = ["beginner", "intermediate", "advanced"]


def scalar(value):
    value = value.strip()
    if value.startswith('"'):
        return json.loads(value)
    return value


def flow_list(value):
    value = value.strip()
    assert value.startswith("[") and value.endswith("]"), value
    return [scalar(v) for v in value[1:-1].split(",") if v.strip()]


def front_matter(text):
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    fields = {}
    for line in text[4:end].splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, text[end + 5:]


def graph(text):
    head, nodes, node = {}, [], None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^(\s*)(- )?([a-z_]+):\s*(.*)$", line)
        assert m, line
        indent, dash, key, value = m.groups()
        if not indent and not dash:
            if key != "nodes":
                head[key] = value
        else:
            if dash:
                node = {}
                nodes.append(node)
            node[key] = value
    return head, nodes


def main(corpus, site):
    if os.path.exists(site):
        shutil.rmtree(site)
    os.makedirs(os.path.join(site, "roadmaps"))
    with open(os.path.join(site, "site.yaml"), "w") as f:
        f.write('title: "Benchmark corpus"\ndescription: "Synthetic roadmaps from gen-corpus.py."\nbaseUrl: https://bench.example/\n')
    for name in sorted(os.listdir(os.path.join(corpus, "graphs"))):
        head, nodes = graph(open(os.path.join(corpus, "graphs", name)).read())
        rid = scalar(head["id"])
        out = ["title: " + json.dumps(scalar(head["title"])), "description: " + json.dumps(scalar(head["description"])),
               "stages:"]
        out += ["  - {id: %s, title: %s}" % (s, s.capitalize()) for s in STAGES]
        out.append("nodes:")
        for n in nodes:
            nid = scalar(n["id"])
            line = "  - {id: %s, title: %s, stage: %s" % (nid, json.dumps(scalar(n["title"])), scalar(n["level"]))
            requires = flow_list(n.get("prerequisites", "[]"))
            if requires:
                line += ", requires: [%s]" % ", ".join(requires)
            topic = scalar(n.get("topic", '"%s/%s.md"' % (rid, nid)))
            if topic != "%s/%s.md" % (rid, nid):
                line += ", topic: %s" % topic
            out.append(line + "}")
        with open(os.path.join(site, "roadmaps", rid + ".yaml"), "w") as f:
            f.write("\n".join(out) + "\n")
    content = os.path.join(corpus, "content")
    for roadmap in sorted(os.listdir(content)):
        os.makedirs(os.path.join(site, "topics", roadmap))
        for name in sorted(os.listdir(os.path.join(content, roadmap))):
            fields, body = front_matter(open(os.path.join(content, roadmap, name)).read())
            fm = ["---", "title: " + json.dumps(scalar(fields["title"])),
                  "description: " + json.dumps(scalar(fields["description"])),
                  "updated: " + fields["date"],
                  "tags: [%s]" % ", ".join(flow_list(fields.get("tags", "[]"))), "---", ""]
            with open(os.path.join(site, "topics", roadmap, name), "w") as f:
                f.write("\n".join(fm) + body)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
