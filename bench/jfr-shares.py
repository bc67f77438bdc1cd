#!/usr/bin/env python3
"""Shares of JFR execution samples by part of site-gen's pipeline, from `jfr print --events jdk.ExecutionSample`
on standard input (bench/profile.sh runs it). Each sample goes to the part of the frame nearest the top of its stack
that belongs to one, so a HashMap lookup inside ELK counts as ELK and a template calling our views counts as ours."""
import collections
import re
import sys

# (label, prefixes of frames), in no particular order: the frame nearest the top decides.
PARTS = [
    ("ELK: laying out the diagrams", ("org.eclipse.elk.",)),
    ("Flexmark: parsing Markdown", ("com.vladsch.flexmark.parser.", "com.vladsch.flexmark.ext.", "dev.sitegen.content.InlineParser",
                                    "dev.sitegen.content.TableGate", "dev.sitegen.content.Markdown$Budget")),
    ("Flexmark: its HTML renderer (bodies BodyHtml leaves to it)", ("com.vladsch.flexmark.html.",)),
    ("Markdown: limits scan, links, headings", ("dev.sitegen.content.Markdown", "dev.sitegen.content.MarkdownLimits")),
    ("BodyHtml: HTML and search text from the tree", ("dev.sitegen.content.BodyHtml", "dev.sitegen.content.SectionText")),
    ("search index", ("dev.sitegen.search.",)),
    ("loading: front matter YAML", ("dev.sitegen.content.Yaml", "com.fasterxml.jackson.dataformat.yaml.", "org.yaml.snakeyaml.")),
    ("loading: the rest (files, fields, skill graphs)", ("dev.sitegen.SiteLoader", "dev.sitegen.content.", "dev.sitegen.graph.")),
    ("templates (Freemarker)", ("freemarker.",)),
    ("encoding text as UTF-8", ("java.lang.String.getBytes", "java.lang.String.encodeUTF8", "java.lang.StringCoding.hasNegatives")),
    ("render: page models, links, diagrams' SVG", ("dev.sitegen.render.",)),
    ("writing files", ("dev.sitegen.output.", "sun.nio.fs.", "sun.nio.ch.")),
]
# Frames that count as their caller's: flexmark's sequences and data sets serve its parser and our writer alike.
TRANSPARENT = ("com.vladsch.flexmark.util.", "com.vladsch.flexmark.ast.")
FRAME = re.compile(r"^\s+([\w.$<>]+)\(", re.M)


def part(frames):
    for f in frames:
        if f.startswith(TRANSPARENT):
            continue
        for label, prefixes in PARTS:
            if f.startswith(prefixes):
                return label
    return "other (JDK, start-up, thread pools)"


def main():
    text = sys.stdin.read()
    parts = collections.Counter()
    tops = collections.Counter()
    n = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = FRAME.findall(event)
        if not frames:
            continue
        n += 1
        parts[part(frames)] += 1
        tops[frames[0]] += 1
    if n == 0:
        sys.exit("no samples")
    print(f"\n{n} samples\n\n| part | share of samples |\n|---|---|")
    for label, count in parts.most_common():
        print(f"| {label} | {100 * count / n:.1f}% |")
    print("\nMost often on top of the stack:")
    for frame, count in tops.most_common(20):
        print(f"  {100 * count / n:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
