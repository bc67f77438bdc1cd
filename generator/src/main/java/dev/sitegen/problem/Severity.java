package dev.sitegen.problem;

/** How bad a problem is: errors fail the build, warnings are reported and the build goes on. */
public enum Severity { ERROR, WARNING }
