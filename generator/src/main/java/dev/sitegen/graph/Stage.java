package dev.sitegen.graph;

import dev.sitegen.problem.Pos;

/** A band of a roadmap (Basics, Intermediate, …); stages are read in the order the skill graph lists them. */
public record Stage(String id, String title, String description, Pos at) {}
