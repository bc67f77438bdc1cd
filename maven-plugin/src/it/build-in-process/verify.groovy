def log = new File(basedir, 'build.log').text
// One part of the log for each run, from the goal's own header on.
def runs = log.split(/\[INFO\] --- site-gen:[^\n]*:build /).drop(1)
assert runs.size() == 4
def broken = ["[ERROR] content/roadmaps/basics.yaml:12:12: unknown stage 'strat' (did you mean 'start'?); stages: start",
              "[ERROR] content/roadmaps/basics.yaml:13:16: unknown prerequisite 'gitt' (did you mean 'git'?)",
              "[ERROR] content/roadmaps/basics.yaml:10:5: missing topic file topics/basics/http.md for node 'http'; create it or set 'topic'",
              '[ERROR] Build failed: 3 problems; ', '3 problems in ']
[0, 1].each { i -> broken.each { assert runs[i].contains(it) : "run ${i + 1}: $it" } }
assert !(runs[0] + runs[1] =~ /(?m)^\s+at [a-z][\w.$]+\(/) : 'a user mistake must not print a stack trace'
assert new File(basedir, 'target/site-gen/index.html').text == 'previous site'
// -X shows the forked Java's command line: only when forking, with the launcher's settings.
assert runs[2] =~ /\[DEBUG\] site-gen: running \S+java -Xms768m -Xmx768m -XX:\+UseParallelGC -XX:TieredStopAtLevel=1 .* dev\.sitegen\.cli\.Main build good --out /
assert !runs[3].contains('site-gen: running')
['forked', 'in-process'].each {
    assert new File(basedir, "target/$it/index.html").isFile()
    assert new File(basedir, "target/$it/basics/first/index.html").text == new File(basedir, 'target/forked/basics/first/index.html').text
}
assert runs[2] =~ /Built 8 pages \(1 roadmap\) in \d+ ms into /
assert runs[3] =~ /Built 8 pages \(1 roadmap\) in \d+ ms into /
return true
