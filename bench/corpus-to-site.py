#!/usr/bin/env python3
"""Turns the shared benchmark corpus (../shared/bench/gen-corpus.py) into a site-gen site. Untimed.

    corpus-to-site.py CORPUS_DIR SITE_DIR

The corpus is close to our format already: skill graphs become roadmaps/<id>.yaml with the corpus's levels as
stages and its prerequisites as requires; pages become topics/<roadmap>/<slug>.md with title, description,
updated (the corpus's date) and tags. Bodies are copied as they are: their links are root-relative
(/<roadmap>/<slug>/), which site-gen resolves and checks. The corpus is generated in a fixed shape, so a few
regular expressions read it (no YAML library needed for python3's standard library).
"""
import os
import re
import shutil
import sys

STAGES = [("beginner", "Beginner"), ("intermediate", "Intermediate"), ("advanced", "Advanced")]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def convert_graph(src, dst):
    lines = open(src, encoding="utf-8").read().split("\n")
    out = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"^id: (.+)$", line)
        if m:
            continue  # the file name is the id
        m = re.match(r"^(\s*)level: (\S+)$", line)
        if m:
            out.append(f"{m.group(1)}stage: {m.group(2)}")
            continue
        m = re.match(r"^(\s*)prerequisites: \[(.*)\]$", line)
        if m:
            if m.group(2).strip():
                out.append(f"{m.group(1)}requires: [{m.group(2)}]")
            continue
        if line.startswith("nodes:"):
            out.append("weight: 0")
            out.append("stages:")
            for sid, title in STAGES:
                out.append(f"  - {{id: {sid}, title: {title}}}")
        out.append(line)
    open(dst, "w", encoding="utf-8").write("\n".join(out) + "\n")


def convert_page(src, dst):
    text = open(src, encoding="utf-8").read()
    _, fm, body = text.split("---\n", 2)
    fields = dict(re.findall(r"^(\w+): (.*)$", fm, re.M))
    front = ["---", f"title: {fields['title']}", f"description: {fields['description']}",
             f"updated: {fields['date']}", f"tags: {fields['tags']}", "---"]
    open(dst, "w", encoding="utf-8").write("\n".join(front) + "\n" + body)


def main(corpus, site):
    if os.path.exists(site):
        shutil.rmtree(site)
    os.makedirs(os.path.join(site, "roadmaps"))
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Benchmark corpus\ndescription: The shared benchmark corpus, built by site-gen.\n"
                "baseUrl: https://bench.example.org/\n")
    for name in sorted(os.listdir(os.path.join(corpus, "graphs"))):
        convert_graph(os.path.join(corpus, "graphs", name), os.path.join(site, "roadmaps", name))
    content = os.path.join(corpus, "content")
    for roadmap in sorted(os.listdir(content)):
        os.makedirs(os.path.join(site, "topics", roadmap))
        for page in sorted(os.listdir(os.path.join(content, roadmap))):
            convert_page(os.path.join(content, roadmap, page), os.path.join(site, "topics", roadmap, page))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
