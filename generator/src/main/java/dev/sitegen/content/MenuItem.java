package dev.sitegen.content;

import dev.sitegen.problem.Pos;

/** A header link from site.yaml: a site-relative path or an absolute http(s) URL. */
public record MenuItem(String title, String url, Pos at) {}
