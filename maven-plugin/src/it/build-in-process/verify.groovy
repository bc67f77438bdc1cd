def log = new File(basedir, 'build.log').text
def twice = { String line -> assert log.count(line) == 2 : "once in each way of building: $line" }
twice("[ERROR] content/roadmaps/basics.yaml:12:12: unknown stage 'strat' (did you mean 'start'?); stages: start")
twice("[ERROR] content/roadmaps/basics.yaml:13:16: unknown prerequisite 'gitt' (did you mean 'git'?)")
twice("[ERROR] content/roadmaps/basics.yaml:10:5: missing topic file topics/basics/http.md for node 'http'; create it or set 'topic'")
twice('[ERROR] Build failed: 3 problems; ')
twice('3 problems in ')
assert !(log =~ /(?m)^\s+at [a-z][\w.$]+\(/) : 'a user mistake must not print a stack trace'
assert new File(basedir, 'target/site/index.html').text == 'previous site'
// Only the forked Java saves a class-data archive: the first run built in Maven's own.
def archives = { String dir -> (new File(basedir, dir).list() ?: new String[0]).findAll { it.endsWith('.jsa') } }
assert archives('target/cache-in-process').isEmpty()
assert archives('target/cache-forked').size() == 1
assert new File(basedir, 'target/good/index.html').isFile()
assert log =~ /Built 8 pages \(1 roadmap\) in \d+ ms into /
return true
